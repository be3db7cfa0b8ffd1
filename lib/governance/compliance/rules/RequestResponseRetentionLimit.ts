import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { defineRule } from "../define-rule";
import { destinationsOf, retentionOf } from "../log-destinations";
import { compliant, nonCompliant } from "../rule";

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
export const RequestResponseRetentionLimit = defineRule<RequestResponseRetentionLimitOptions>({
  id: "RequestResponseRetentionLimit",
  description: ({ maximumDays }) => `Every destination of the account's RequestResponse logs deletes them within ${maximumDays} days.`,
  fix: ({ maximumDays }) =>
    `Send RequestResponse (OpenAiAccount diagnosticSettings) only to a RetentionArchive whose retention.days.RequestResponse is <= ${maximumDays}, ` +
    `or to an AuditWorkspace whose archiveTotalRetentionDays (else retentionInDays) is <= ${maximumDays}.`,
  resourceTypes: [CognitiveAccount.tfResourceType],
  evaluate(resource, context, { maximumDays }) {
    const destinations = destinationsOf(context, context.reference(resource), "RequestResponse");
    if (destinations.length === 0) return compliant("RequestResponse logs are not stored");
    const retentions = destinations.map((d) => retentionOf(context, d, "RequestResponse"));
    const offending = retentions.filter((r) => r.days === undefined || r.days > maximumDays);
    if (offending.length > 0) {
      return nonCompliant(
        `RequestResponse logs (prompts and completions, personal data) must be deleted within ${maximumDays} days, found: ${offending.map((r) => r.basis).join("; ")}`,
      );
    }
    return compliant(retentions.map((r) => r.basis).join("; "));
  },
});
/** A constructed {@link RequestResponseRetentionLimit} rule; `maximumDays` is its option. */
export type RequestResponseRetentionLimit = InstanceType<typeof RequestResponseRetentionLimit>;
