import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { TerraformResource } from "cdktf";
import { RuleContext } from "../context";
import { destinationsOf, retentionOf } from "../log-destinations";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "../rule";

/** Options of {@link RequestResponseRetentionLimit}. */
export interface RequestResponseRetentionLimitOptions {
  /** Most days any destination may keep RequestResponse logs. */
  readonly maximumDays: number;
}

/**
 * Storage limitation for prompts: RequestResponse logs hold prompts and completions, which are
 * personal data, so every destination must delete them within the limit. A destination whose
 * retention cannot be told from the stack (not in it, an event hub, a partner) does not pass:
 * the limit has to be shown, not assumed.
 */
export class RequestResponseRetentionLimit implements ComplianceRule {
  /** The rule ID, for suppressions. */
  public static readonly ID = "RequestResponseRetentionLimit";
  public readonly id = RequestResponseRetentionLimit.ID;
  public readonly description: string;
  public readonly fix: string;
  public readonly resourceTypes = [CognitiveAccount.tfResourceType];
  /** Most days allowed. */
  public readonly maximumDays: number;

  constructor(options: RequestResponseRetentionLimitOptions) {
    this.maximumDays = options.maximumDays;
    this.description = `Every destination of the account's RequestResponse logs deletes them within ${this.maximumDays} days.`;
    this.fix =
      `Send RequestResponse only to destinations that delete it within ${this.maximumDays} days: a storage lifecycle rule on insights-logs-requestresponse/ ` +
      `(delete_after_days_since_modification_greater_than <= ${this.maximumDays}), or a workspace whose AzureDiagnostics table keeps <= ${this.maximumDays} days.`;
  }

  public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
    const destinations = destinationsOf(context, context.reference(resource), "RequestResponse");
    if (destinations.length === 0) return compliant("RequestResponse logs are not stored");
    const retentions = destinations.map((d) => retentionOf(context, d, "RequestResponse"));
    const offending = retentions.filter((r) => r.days === undefined || r.days > this.maximumDays);
    if (offending.length > 0) {
      return nonCompliant(
        `RequestResponse logs (prompts and completions, personal data) must be deleted within ${this.maximumDays} days, found: ${offending.map((r) => r.basis).join("; ")}`,
      );
    }
    return compliant(retentions.map((r) => r.basis).join("; "));
  }
}
