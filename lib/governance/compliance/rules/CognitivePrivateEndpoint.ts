import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { TerraformResource } from "cdktf";
import { RuleContext } from "../context";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "../rule";
import { blocks } from "../values";

/** The account has a private endpoint in this stack, so clients reach it over the private network. */
export class CognitivePrivateEndpoint implements ComplianceRule {
  /** The rule ID, for suppressions. */
  public static readonly ID = "CognitivePrivateEndpoint";
  public readonly id = CognitivePrivateEndpoint.ID;
  public readonly description = "An azurerm_private_endpoint connects to the account (private_service_connection.private_connection_resource_id is the account's id).";
  public readonly fix = "Add a private endpoint for the account (subresource \"account\") in the same stack, with its private DNS zone group.";
  public readonly resourceTypes = [CognitiveAccount.tfResourceType];

  public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
    const account = context.reference(resource);
    const endpoints = context.referencing(PrivateEndpoint.tfResourceType, account, (a) =>
      blocks(a.private_service_connection).map((c) => c.private_connection_resource_id),
    );
    if (endpoints.length === 0) return nonCompliant("no azurerm_private_endpoint in this stack connects to the account");
    return compliant(`private endpoint ${endpoints.map((e) => e.node.path).join(", ")}`);
  }
}
