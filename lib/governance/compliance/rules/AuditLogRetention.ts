import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { TerraformResource } from "cdktf";
import { RuleContext } from "../context";
import { destinationsOf, retentionOf } from "../log-destinations";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "../rule";

/** Options of {@link AuditLogRetention}. */
export interface AuditLogRetentionOptions {
  /** Fewest days the Audit logs must be kept in at least one destination. */
  readonly minimumDays: number;
}

/**
 * The account's Audit logs are kept long enough. Follows each diagnostic setting that sends
 * Audit to its destination: a Log Analytics workspace keeps them for the AzureDiagnostics
 * table's total retention (else the table's or the workspace's retention, else Azure's 30 days);
 * a storage account until a lifecycle rule on `insights-logs-audit/` deletes them. One
 * destination meeting the minimum is enough: that is where the auditor reads.
 */
export class AuditLogRetention implements ComplianceRule {
  /** The rule ID, for suppressions. */
  public static readonly ID = "AuditLogRetention";
  public readonly id = AuditLogRetention.ID;
  public readonly description: string;
  public readonly fix: string;
  public readonly resourceTypes = [CognitiveAccount.tfResourceType];
  /** Fewest days required. */
  public readonly minimumDays: number;

  constructor(options: AuditLogRetentionOptions) {
    this.minimumDays = options.minimumDays;
    this.description = `The account's Audit logs are kept for at least ${this.minimumDays} days in at least one destination.`;
    this.fix =
      `Send Audit to a workspace whose AzureDiagnostics table keeps >= ${this.minimumDays} days (total_retention_in_days, archive included), ` +
      `or to a storage account whose lifecycle rule for insights-logs-audit/ deletes after >= ${this.minimumDays} days.`;
  }

  public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
    const destinations = destinationsOf(context, context.reference(resource), "Audit");
    if (destinations.length === 0) return nonCompliant("no diagnostic setting in this stack sends the account's Audit logs anywhere");
    const retentions = destinations.map((d) => retentionOf(context, d, "Audit"));
    const meeting = retentions.find((r) => r.days !== undefined && r.days >= this.minimumDays);
    if (meeting) return compliant(meeting.basis);
    return nonCompliant(`Audit logs must be kept >= ${this.minimumDays} days, found: ${retentions.map((r) => r.basis).join("; ")}`);
  }
}
