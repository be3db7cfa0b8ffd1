import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { AzapiUpdateResource } from "../../core/azapi";
import type { IOpenAiAccount } from "../openai-account-ref";

/** What an account update sets: the `Microsoft.CognitiveServices/accounts@<version>` type and the body. */
export interface AccountUpdate {
  /** `Microsoft.CognitiveServices/accounts@<api-version>`: a version whose schema has the property. */
  readonly type: string;
  /** The properties to set, merged into the account's body. */
  readonly body: Record<string, unknown>;
  /** Terraform `depends_on` beyond the account. */
  readonly dependsOn?: TerraformResource[];
}

/**
 * An `azapi_update_resource` of the account itself (child `id` of `scope`), for an account
 * property azurerm 4.55 does not write. It writes the account, so it joins the account's
 * operation chain like every other write to it.
 */
export function updateAccount(scope: Construct, id: string, account: IOpenAiAccount, update: AccountUpdate): AzapiUpdateResource {
  const resource = new AzapiUpdateResource(scope, id, { type: update.type, resourceId: account.accountId, body: update.body, dependsOn: update.dependsOn });
  account.chainOperation(resource);
  return resource;
}
