import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from "cdktf";

/** Azure accepts at most this many diagnostic settings on one resource. */
export const MAX_DIAGNOSTIC_SETTINGS_PER_RESOURCE = 5;

/**
 * The stack's `azurerm_monitor_diagnostic_setting`s by target, for the validation under way: each
 * setting checks its target's list, so one walk of the tree and one resolve per setting serve
 * them all (a walk per setting made the check quadratic). The index is dropped at the end of the
 * tick, so a tree changed between two validations is read afresh.
 */
const BY_TARGET = new WeakMap<TerraformStack, Map<string, MonitorDiagnosticSetting[]>>();

function settingsByTarget(stack: TerraformStack): Map<string, MonitorDiagnosticSetting[]> {
  let index = BY_TARGET.get(stack);
  if (!index) {
    const built = new Map<string, MonitorDiagnosticSetting[]>();
    for (const c of stack.node.findAll()) {
      if (!(c instanceof MonitorDiagnosticSetting)) continue;
      const key = targetKey(c);
      const list = built.get(key);
      if (list) list.push(c);
      else built.set(key, [c]);
    }
    BY_TARGET.set(stack, built);
    queueMicrotask(() => {
      if (BY_TARGET.get(stack) === built) BY_TARGET.delete(stack);
    });
    index = built;
  }
  return index;
}

/**
 * Every `azurerm_monitor_diagnostic_setting` of the stack that targets the same resource as
 * `setting`, in construct-tree order. Targets are compared as resolved Terraform expressions
 * (a reference to the same account resolves to the same text), case-insensitively like Azure IDs.
 */
export function settingsOnSameTarget(setting: MonitorDiagnosticSetting): MonitorDiagnosticSetting[] {
  const onTarget = settingsByTarget(TerraformStack.of(setting)).get(targetKey(setting));
  // A setting added in this tick after the index was built is not in it: read the tree again.
  if (!onTarget?.includes(setting)) {
    BY_TARGET.delete(TerraformStack.of(setting));
    return settingsByTarget(TerraformStack.of(setting)).get(targetKey(setting)) ?? [setting];
  }
  return onTarget;
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
