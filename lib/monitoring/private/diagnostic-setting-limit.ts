import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from "cdktf";

/** Azure accepts at most this many diagnostic settings on one resource. */
export const MAX_DIAGNOSTIC_SETTINGS_PER_RESOURCE = 5;

/**
 * Every `azurerm_monitor_diagnostic_setting` of the stack that targets the same resource as
 * `setting`, in construct-tree order. Targets are compared as resolved Terraform expressions
 * (a reference to the same account resolves to the same text), case-insensitively like Azure IDs.
 */
export function settingsOnSameTarget(setting: MonitorDiagnosticSetting): MonitorDiagnosticSetting[] {
  const stack = TerraformStack.of(setting);
  const key = targetKey(setting);
  return stack.node
    .findAll()
    .filter((c): c is MonitorDiagnosticSetting => c instanceof MonitorDiagnosticSetting)
    .filter((s) => targetKey(s) === key);
}

/** Why `setting` breaks the per-resource limit, or undefined when it does not. */
export function settingLimitProblem(setting: MonitorDiagnosticSetting, ours: (s: MonitorDiagnosticSetting) => boolean): string | undefined {
  const all = settingsOnSameTarget(setting);
  if (all.length <= MAX_DIAGNOSTIC_SETTINGS_PER_RESOURCE) return undefined;
  // Blame the settings beyond the limit; if none of those is one of ours, the last of ours.
  const beyond = all.slice(MAX_DIAGNOSTIC_SETTINGS_PER_RESOURCE).filter(ours);
  const blamed = beyond.length > 0 ? beyond : all.filter(ours).slice(-1);
  if (!blamed.includes(setting)) return undefined;
  return (
    `allowed: at most ${MAX_DIAGNOSTIC_SETTINGS_PER_RESOURCE} diagnostic settings per resource; this stack has ` +
    `${all.length} on it (${all.map((s) => s.node.path).join(", ")})`
  );
}

/** Names used more than once among the diagnostic settings on one target. */
export function duplicateSettingNames(setting: MonitorDiagnosticSetting): string[] {
  const names = settingsOnSameTarget(setting).map((s) => String(resolved(s, s.nameInput)));
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

/** The setting's target as Terraform will see it: an ID, or an expression such as `${azurerm_cognitive_account.x.id}`. */
export function resolvedTarget(setting: MonitorDiagnosticSetting): string {
  const value = resolved(setting, setting.targetResourceIdInput);
  return typeof value === "string" ? value : JSON.stringify(value);
}

function targetKey(setting: MonitorDiagnosticSetting): string {
  return resolvedTarget(setting).toLowerCase();
}

/** A value with its tokens turned into Terraform expressions (`${azurerm_x.y.id}`). */
function resolved(scope: MonitorDiagnosticSetting, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()), preparing: false });
}
