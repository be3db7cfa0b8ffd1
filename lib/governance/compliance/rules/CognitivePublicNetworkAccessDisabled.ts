import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { TerraformResource } from "cdktf";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { RuleContext } from "../context";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "../rule";
import { booleanProblem } from "../values";

/** The account cannot be reached from the internet: `public_network_access_enabled = false`. */
export class CognitivePublicNetworkAccessDisabled implements ComplianceRule {
  /** The rule ID, for suppressions. */
  public static readonly ID = "CognitivePublicNetworkAccessDisabled";
  public readonly id = CognitivePublicNetworkAccessDisabled.ID;
  public readonly description = "The Cognitive Services / Azure OpenAI account does not accept traffic from public networks.";
  public readonly fix =
    "Set public_network_access_enabled = false (OpenAiAccount does unless securityExceptions.publicNetworkAccess is given) and reach the account through a private endpoint.";
  public readonly resourceTypes = [CognitiveAccount.tfResourceType];
  public readonly acknowledgedBy: readonly string[] = [WEAKENING_KEYS.publicNetworkAccess];

  public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
    const problem = booleanProblem(context.attributes(resource), "public_network_access_enabled", false);
    return problem ? nonCompliant(problem) : compliant();
  }
}
