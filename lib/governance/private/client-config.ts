// Not part of the public API.
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";

/** The one `data.azurerm_client_config` of a stack, created on first use (child `client-config` of the stack). */
export function clientConfig(scope: Construct): DataAzurermClientConfig {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild("client-config");
  return (existing as DataAzurermClientConfig | undefined) ?? new DataAzurermClientConfig(stack, "client-config", {});
}
