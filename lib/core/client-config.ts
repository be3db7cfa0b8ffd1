import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

/** Construct ID of the stack's one client-config data source (its address: `data.azurerm_client_config.client-config`). */
const CLIENT_CONFIG_ID = "client-config";

/**
 * The one `data.azurerm_client_config` of the stack `scope` is in, created on first use: the
 * tenant and subscription Terraform runs against. Every construct that needs them asks here, so a
 * stack reads them once.
 */
export function clientConfig(scope: IConstruct): DataAzurermClientConfig {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(CLIENT_CONFIG_ID);
  return (existing as DataAzurermClientConfig | undefined) ?? new DataAzurermClientConfig(stack, CLIENT_CONFIG_ID, {});
}
