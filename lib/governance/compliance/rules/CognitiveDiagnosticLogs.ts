import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { defineRule } from "../define-rule";
import { diagnosticSettingsFor, settingSendsCategory } from "../log-destinations";
import { compliant, nonCompliant } from "../rule";

/** Log categories every account must send: who called with which identity, and what was asked. */
const REQUIRED_CATEGORIES: readonly string[] = ["Audit", "RequestResponse"];

/**
 * Diagnostic settings send the account's Audit and RequestResponse logs somewhere.
 * `CognitiveDiagnosticLogs.REQUIRED_CATEGORIES` lists the categories.
 */
export const CognitiveDiagnosticLogs = Object.assign(
  defineRule({
    id: "CognitiveDiagnosticLogs",
    description: "azurerm_monitor_diagnostic_setting resources targeting the account send the Audit and RequestResponse log categories.",
    fix:
      "Give OpenAiAccount diagnosticSettings with categories Audit and RequestResponse (or categoryGroups allLogs), to a workspace or an archive; OpenAiPlatform does.",
    resourceTypes: [CognitiveAccount.tfResourceType],
    evaluate(resource, context) {
      const settings = diagnosticSettingsFor(context, context.reference(resource));
      if (settings.length === 0) return nonCompliant("no azurerm_monitor_diagnostic_setting in this stack targets the account");
      const missing = REQUIRED_CATEGORIES.filter((category) => !settings.some((s) => settingSendsCategory(context.attributes(s), category)));
      if (missing.length > 0) {
        return nonCompliant(`the diagnostic settings (${settings.map((s) => s.node.path).join(", ")}) do not send ${missing.join(" and ")}`);
      }
      return compliant(`diagnostic settings ${settings.map((s) => s.node.path).join(", ")}`);
    },
  }),
  { REQUIRED_CATEGORIES } as const,
);
/** A constructed {@link CognitiveDiagnosticLogs} rule. */
export type CognitiveDiagnosticLogs = InstanceType<typeof CognitiveDiagnosticLogs>;
