import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { TerraformResource } from "cdktf";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { RuleContext } from "../context";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "../rule";
import { booleanProblem } from "../values";

/** The account may call only the hosts it lists, so prompts cannot be sent elsewhere. */
export class CognitiveOutboundRestricted implements ComplianceRule {
  /** The rule ID, for suppressions. */
  public static readonly ID = "CognitiveOutboundRestricted";
  public readonly id = CognitiveOutboundRestricted.ID;
  public readonly description = "The account's outbound network access is restricted to the hosts listed in fqdns.";
  public readonly fix = "Set outbound_network_access_restricted = true and list the hosts the account needs in fqdns.";
  public readonly resourceTypes = [CognitiveAccount.tfResourceType];
  public readonly acknowledgedBy: readonly string[] = [WEAKENING_KEYS.unrestrictedOutbound];

  public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
    const problem = booleanProblem(context.attributes(resource), "outbound_network_access_restricted", true);
    return problem ? nonCompliant(problem) : compliant();
  }
}
