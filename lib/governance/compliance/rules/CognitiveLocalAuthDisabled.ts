import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { TerraformResource } from "cdktf";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { RuleContext } from "../context";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "../rule";
import { booleanProblem } from "../values";

/** No API keys: callers authenticate with Entra ID, so every call has an identity and RBAC applies. */
export class CognitiveLocalAuthDisabled implements ComplianceRule {
  /** The rule ID, for suppressions. */
  public static readonly ID = "CognitiveLocalAuthDisabled";
  public readonly id = CognitiveLocalAuthDisabled.ID;
  public readonly description = "The account accepts Entra ID tokens only; API keys (local authentication) are off.";
  public readonly fix = "Set local_auth_enabled = false and grant callers a role such as Cognitive Services OpenAI User.";
  public readonly resourceTypes = [CognitiveAccount.tfResourceType];
  public readonly acknowledgedBy: readonly string[] = [WEAKENING_KEYS.localAuth];

  public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
    const problem = booleanProblem(context.attributes(resource), "local_auth_enabled", false);
    return problem ? nonCompliant(`${problem}: API keys bypass Entra ID, RBAC and its audit trail`) : compliant();
  }
}
