import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { defineRule } from "../define-rule";
import { destinationsOf, retentionOf } from "../log-destinations";
import { compliant, nonCompliant } from "../rule";

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
export const AuditLogRetention = defineRule<AuditLogRetentionOptions>({
  id: "AuditLogRetention",
  description: ({ minimumDays }) => `The account's Audit logs are kept for at least ${minimumDays} days in at least one destination.`,
  fix: ({ minimumDays }) =>
    `Send Audit (OpenAiAccount diagnosticSettings) to an AuditWorkspace whose archiveTotalRetentionDays (else retentionInDays) is >= ${minimumDays}, ` +
    `or to a RetentionArchive whose retention.days.Audit is >= ${minimumDays}.`,
  resourceTypes: [CognitiveAccount.tfResourceType],
  evaluate(resource, context, { minimumDays }) {
    const destinations = destinationsOf(context, context.reference(resource), "Audit");
    if (destinations.length === 0) return nonCompliant("no diagnostic setting in this stack sends the account's Audit logs anywhere");
    const retentions = destinations.map((d) => retentionOf(context, d, "Audit"));
    const meeting = retentions.find((r) => r.days !== undefined && r.days >= minimumDays);
    if (meeting) return compliant(meeting.basis);
    return nonCompliant(`Audit logs must be kept >= ${minimumDays} days, found: ${retentions.map((r) => r.basis).join("; ")}`);
  },
});
/** A constructed {@link AuditLogRetention} rule; `minimumDays` is its option. */
export type AuditLogRetention = InstanceType<typeof AuditLogRetention>;
