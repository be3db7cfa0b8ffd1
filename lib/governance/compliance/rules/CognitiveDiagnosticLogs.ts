import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { TerraformResource } from "cdktf";
import { RuleContext } from "../context";
import { diagnosticSettingsFor, settingSendsCategory } from "../log-destinations";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "../rule";

/** Diagnostic settings send the account's Audit and RequestResponse logs somewhere. */
export class CognitiveDiagnosticLogs implements ComplianceRule {
  /** The rule ID, for suppressions. */
  public static readonly ID = "CognitiveDiagnosticLogs";
  public readonly id = CognitiveDiagnosticLogs.ID;
  /** Log categories every account must send: who called with which identity, and what was asked. */
  public static readonly REQUIRED_CATEGORIES: readonly string[] = ["Audit", "RequestResponse"];
  public readonly description = "azurerm_monitor_diagnostic_setting resources targeting the account send the Audit and RequestResponse log categories.";
  public readonly fix =
    "Add a diagnostic setting with target_resource_id = the account's id and enabled_log blocks for Audit and RequestResponse (or the allLogs category group).";
  public readonly resourceTypes = [CognitiveAccount.tfResourceType];

  public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
    const settings = diagnosticSettingsFor(context, context.reference(resource));
    if (settings.length === 0) return nonCompliant("no azurerm_monitor_diagnostic_setting in this stack targets the account");
    const missing = CognitiveDiagnosticLogs.REQUIRED_CATEGORIES.filter(
      (category) => !settings.some((s) => settingSendsCategory(context.attributes(s), category)),
    );
    if (missing.length > 0) {
      return nonCompliant(`the diagnostic settings (${settings.map((s) => s.node.path).join(", ")}) do not send ${missing.join(" and ")}`);
    }
    return compliant(`diagnostic settings ${settings.map((s) => s.node.path).join(", ")}`);
  }
}
