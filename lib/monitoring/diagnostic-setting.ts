import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { Construct } from "constructs";
import { DiagnosticSettingProps, DiagnosticSettingsProps } from "../core/features/diagnostic-settings";
import { addPropChecks, constructKeyProblem, isToken, PropChecks } from "../core/validation";
import {
  ALL_METRICS_CATEGORY,
  DiagnosticLogCategories,
  LOG_CATEGORY_GROUPS,
  OPENAI_DIAGNOSTICS,
  OpenAiLogCategory,
} from "./log-categories";
import { normalizeLocation } from "./private/common";
import { duplicateSettingNames, resolvedTarget, settingLimitProblem } from "./private/diagnostic-setting-limit";
import { PropKeys } from "../core/known-props";

export { MAX_DIAGNOSTIC_SETTINGS_PER_RESOURCE } from "./private/diagnostic-setting-limit";

/** A diagnostic setting ({@link DiagnosticSettingProps}, the feature prop's shape) on a given resource. */
export interface TargetedDiagnosticSettingProps<Category extends string = string> extends DiagnosticSettingProps<Category> {
  /** Azure resource ID of the monitored resource. */
  readonly targetResourceId: string;
  /**
   * Azure location of the monitored resource; an archive must be in the same region (a
   * Terraform reference skips the check).
   */
  readonly location: string;
}

/** Props of {@link ResourceDiagnosticSetting}: a setting on a resource of any type. */
export interface ResourceDiagnosticSettingProps extends TargetedDiagnosticSettingProps {
  /** The log categories of the resource's type, for example {@link KEY_VAULT_DIAGNOSTICS}. */
  readonly logCategories: DiagnosticLogCategories;
}

/** Props of {@link OpenAiDiagnosticSetting}. */
export interface OpenAiDiagnosticSettingProps extends TargetedDiagnosticSettingProps<OpenAiLogCategory> {}

/** An Azure OpenAI account as {@link OpenAiDiagnosticSetting.forAccount} needs it (no dependency on lib/openai). */
export interface DiagnosedAccount {
  /** Azure resource ID of the account. */
  readonly accountId: string;
  /** Azure location of the account. */
  readonly location: string;
}

/** Default name of an Azure OpenAI account's setting. */
export const DEFAULT_DIAGNOSTIC_SETTING_NAME = OPENAI_DIAGNOSTICS.defaultSettingName;

// Azure refuses these characters in diagnostic setting names.
const SETTING_NAME = /^[^<>*%&:\\?+/#|]{1,260}$/;

/** The props ResourceDiagnosticSetting accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const RESOURCE_DIAGNOSTIC_SETTING_PROP_KEYS: PropKeys<ResourceDiagnosticSettingProps> = { logCategories: true, targetResourceId: true, location: true, name: true, workspace: true, archive: true, categories: true, categoryGroups: true, metrics: true };

/**
 * A diagnostic setting (`azurerm_monitor_diagnostic_setting`) on a resource of any type: log
 * categories (checked against the type's, from `logCategories`) through `enabled_log`, platform
 * metrics through `enabled_metric`, to a workspace and/or a same-region archive. It never emits
 * `retention_policy` (Azure stopped honouring it on 2025-09-30; retention lives at the
 * destinations) nor the deprecated `metric` block. At most five settings per resource are
 * accepted across the stack. A {@link RetentionArchive} keeps Azure OpenAI's categories for
 * their own periods; other types' containers are created by Azure Monitor and have no deletion
 * age.
 */
export class ResourceDiagnosticSetting extends Construct {
  /** The `azurerm_monitor_diagnostic_setting` resource (also `node.defaultChild`). */
  public readonly resource: MonitorDiagnosticSetting;
  /** Log categories sent (empty when category groups are used). */
  public readonly categories: readonly string[];
  /** Category groups sent. */
  public readonly categoryGroups: readonly ("audit" | "allLogs")[];
  /** Whether the platform metrics (AllMetrics, or the type's metric categories) are sent. */
  public readonly metrics: boolean;
  /** Setting name. */
  public readonly settingName: string;

  constructor(scope: Construct, id: string, props: ResourceDiagnosticSettingProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, RESOURCE_DIAGNOSTIC_SETTING_PROP_KEYS));
    const types = props.logCategories;
    this.categoryGroups = props.categoryGroups ?? [];
    this.categories = props.categories ?? (this.categoryGroups.length > 0 ? [] : [...types.categories]);
    this.metrics = props.metrics ?? true;
    this.settingName = props.name ?? types.defaultSettingName;

    const logs = [
      ...this.categories.map((category) => ({ category })),
      ...this.categoryGroups.map((categoryGroup) => ({ categoryGroup })),
    ];
    this.resource = new MonitorDiagnosticSetting(this, "resource", {
      name: this.settingName,
      targetResourceId: props.targetResourceId,
      logAnalyticsWorkspaceId: props.workspace?.workspaceId,
      storageAccountId: props.archive?.storageAccountId,
      enabledLog: logs.length > 0 ? logs : undefined,
      enabledMetric: this.metrics ? (types.metricCategories ?? [ALL_METRICS_CATEGORY]).map((category) => ({ category })) : undefined,
      // Containers first: Azure Monitor would otherwise create them and Terraform's create would fail.
      dependsOn: props.archive?.prerequisites?.length ? [...props.archive.prerequisites] : undefined,
    });
    this.node.defaultChild = this.resource;

    addPropChecks(this, (c) => this.checkProps(c, props));
  }

  private checkProps(c: PropChecks, props: ResourceDiagnosticSettingProps): void {
    c.matches("name", props.name, SETTING_NAME, "1-260 characters without < > * % & : \\ ? + / # |");
    if (!props.workspace && !props.archive) {
      c.fail("workspace/archive", undefined, "allowed: a workspace, an archive storage account, or both");
    }
    c.required("location", props.location, `an Azure location (the monitored ${props.logCategories.resourceKind}'s)`);
    this.checkCategories(c, props);
    this.checkRegion(c, props);
    const limit = settingLimitProblem(this.resource, (s) => s.node.scope instanceof ResourceDiagnosticSetting);
    if (limit) c.fail("targetResourceId", resolvedTarget(this.resource), limit);
    if (duplicateSettingNames(this.resource).includes(String(this.settingName))) {
      c.fail("name", this.settingName, "allowed: a name no other diagnostic setting on the same resource uses");
    }
  }

  private checkCategories(c: PropChecks, props: ResourceDiagnosticSettingProps): void {
    const known = props.logCategories.categories;
    (props.categories ?? []).forEach((category, i) => c.oneOf(`categories[${i}]`, category, known));
    (props.categoryGroups ?? []).forEach((group, i) => c.oneOf(`categoryGroups[${i}]`, group, LOG_CATEGORY_GROUPS));
    c.unique("categories", props.categories ?? [], "value");
    c.unique("categoryGroups", props.categoryGroups ?? [], "value");
    if ((props.categories ?? []).length > 0 && (props.categoryGroups ?? []).length > 0) {
      c.fail("categoryGroups", props.categoryGroups, "allowed: category groups or single categories, not both (Azure rejects the mix)");
    }
    if (this.categories.length === 0 && this.categoryGroups.length === 0 && !this.metrics) {
      c.fail("categories", props.categories, "allowed: at least one log category, category group, or the metrics");
    }
  }

  private checkRegion(c: PropChecks, props: ResourceDiagnosticSettingProps): void {
    const archiveLocation = props.archive?.location;
    const target = props.location;
    if (!archiveLocation || !target || isToken(archiveLocation) || isToken(target)) return;
    if (normalizeLocation(archiveLocation) !== normalizeLocation(target)) {
      c.fail(
        "archive.location",
        archiveLocation,
        `allowed: ${target}, the monitored ${props.logCategories.resourceKind}'s region (Azure accepts only a storage destination in the same region)`,
      );
    }
  }
}

/**
 * A diagnostic setting for an Azure OpenAI account: {@link ResourceDiagnosticSetting} with the
 * account's categories (Audit, RequestResponse, Trace, AzureOpenAIRequestUsage, all by default),
 * named `openai-audit-logs` unless told otherwise. A {@link RetentionArchive} destination keeps
 * each category for its own period.
 */
export class OpenAiDiagnosticSetting extends ResourceDiagnosticSetting {
  /** The setting for an account: its ID and location come from the account. */
  public static forAccount(
    scope: Construct,
    id: string,
    account: DiagnosedAccount,
    setting: DiagnosticSettingProps<OpenAiLogCategory>,
  ): OpenAiDiagnosticSetting {
    return new OpenAiDiagnosticSetting(scope, id, { ...setting, targetResourceId: account.accountId, location: account.location });
  }

  /** Log categories sent (empty when category groups are used). */
  declare public readonly categories: readonly OpenAiLogCategory[];

  constructor(scope: Construct, id: string, props: OpenAiDiagnosticSettingProps) {
    super(scope, id, { ...props, logCategories: OPENAI_DIAGNOSTICS });
  }
}

/**
 * Applies a construct's `diagnosticSettings` feature prop: one {@link ResourceDiagnosticSetting}
 * per key, child `diagnostics-<key>` of `scope`, named after the key unless a name is given.
 * Returns the settings by key (keys that cannot become construct IDs are reported, not made).
 */
export function addDiagnosticSettings(
  scope: Construct,
  target: { readonly targetResourceId: string; readonly location: string },
  settings: DiagnosticSettingsProps | undefined,
  logCategories: DiagnosticLogCategories,
): Readonly<Record<string, ResourceDiagnosticSetting>> {
  const made: Record<string, ResourceDiagnosticSetting> = {};
  const badKeys: [string, string][] = [];
  for (const [key, setting] of Object.entries(settings ?? {})) {
    const problem = constructKeyProblem(key);
    if (problem) {
      badKeys.push([key, problem]);
      continue;
    }
    made[key] = new ResourceDiagnosticSetting(scope, `diagnostics-${key}`, {
      ...setting,
      name: setting.name ?? key,
      targetResourceId: target.targetResourceId,
      location: target.location,
      logCategories,
    });
  }
  if (badKeys.length > 0) addPropChecks(scope, (c) => badKeys.forEach(([key, problem]) => c.fail("diagnosticSettings", key, problem)));
  return made;
}
