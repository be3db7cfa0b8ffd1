import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { Construct } from "constructs";
import { addPropChecks, isToken, PropChecks } from "../core/validation";
import type { IOpenAiAccount } from "../openai/openai-account-ref";
import { normalizeLocation } from "./common";
import { ILogArchive, ILogWorkspace } from "../core/features/diagnostic-settings";
import { duplicateSettingNames, resolvedTarget, settingLimitProblem } from "./diagnostic-setting-limit";
import {
  ALL_METRICS_CATEGORY,
  LOG_CATEGORY_GROUPS,
  LogCategoryGroup,
  OPENAI_LOG_CATEGORIES,
  OpenAiLogCategory,
} from "./log-categories";

export { MAX_DIAGNOSTIC_SETTINGS_PER_RESOURCE } from "./diagnostic-setting-limit";

/** Where and what a diagnostic setting sends. */
export interface DiagnosticDestinations {
  /**
   * Setting name, unique among the settings of the target resource.
   * @default "openai-audit-logs"
   */
  readonly name?: string;
  /**
   * Workspace to send the logs and metrics to.
   * @default - none; `archive` is then required
   */
  readonly workspace?: ILogWorkspace;
  /**
   * Storage account that archives the logs with per-category retention. Must be in the
   * target's region.
   * @default - none; `workspace` is then required
   */
  readonly archive?: ILogArchive;
  /**
   * Log categories to send. Give either categories or `categoryGroups`, not both.
   * @default - all four: Audit, RequestResponse, Trace, AzureOpenAIRequestUsage (unless `categoryGroups` is given)
   */
  readonly categories?: readonly OpenAiLogCategory[];
  /**
   * Category groups to send instead of single categories (`audit` or `allLogs`).
   * @default - none
   */
  readonly categoryGroups?: readonly LogCategoryGroup[];
  /**
   * Send the platform metrics (`AllMetrics`).
   * @default true
   */
  readonly metrics?: boolean;
}

/** Props of {@link OpenAiDiagnosticSetting}. */
export interface OpenAiDiagnosticSettingProps extends DiagnosticDestinations {
  /** Azure resource ID of the monitored account. */
  readonly targetResourceId: string;
  /**
   * Azure location of the monitored account, checked against the archive's location.
   * @default - unknown: the region check is skipped
   */
  readonly targetLocation?: string;
}

/** Default name of the setting. */
export const DEFAULT_DIAGNOSTIC_SETTING_NAME = "openai-audit-logs";

// Azure refuses these characters in diagnostic setting names.
const SETTING_NAME = /^[^<>*%&:\\?+/#|]{1,260}$/;

/**
 * A diagnostic setting for an Azure OpenAI account (`azurerm_monitor_diagnostic_setting`):
 * log categories through `enabled_log`, platform metrics through `enabled_metric`, to a
 * workspace and/or a same-region archive. It never emits `retention_policy` (Azure stopped
 * honouring it on 2025-09-30; retention lives at the destinations) nor the deprecated
 * `metric` block. At most five settings per account are accepted across the stack.
 */
export class OpenAiDiagnosticSetting extends Construct {
  /** The setting for an account: its ID and location come from the account. */
  public static forAccount(scope: Construct, id: string, account: IOpenAiAccount, destinations: DiagnosticDestinations): OpenAiDiagnosticSetting {
    return new OpenAiDiagnosticSetting(scope, id, {
      ...destinations,
      targetResourceId: account.accountId,
      targetLocation: account.location,
    });
  }

  /** The `azurerm_monitor_diagnostic_setting` resource. */
  public readonly resource: MonitorDiagnosticSetting;
  /** Log categories sent (empty when category groups are used). */
  public readonly categories: readonly OpenAiLogCategory[];
  /** Category groups sent. */
  public readonly categoryGroups: readonly LogCategoryGroup[];
  /** Whether AllMetrics is sent. */
  public readonly metrics: boolean;

  constructor(scope: Construct, id: string, props: OpenAiDiagnosticSettingProps) {
    super(scope, id);
    this.categoryGroups = props.categoryGroups ?? [];
    this.categories = props.categories ?? (this.categoryGroups.length > 0 ? [] : [...OPENAI_LOG_CATEGORIES]);
    this.metrics = props.metrics ?? true;

    const logs = [
      ...this.categories.map((category) => ({ category })),
      ...this.categoryGroups.map((categoryGroup) => ({ categoryGroup })),
    ];
    this.resource = new MonitorDiagnosticSetting(this, "resource", {
      name: props.name ?? DEFAULT_DIAGNOSTIC_SETTING_NAME,
      targetResourceId: props.targetResourceId,
      logAnalyticsWorkspaceId: props.workspace?.workspaceId,
      storageAccountId: props.archive?.storageAccountId,
      enabledLog: logs.length > 0 ? logs : undefined,
      enabledMetric: this.metrics ? [{ category: ALL_METRICS_CATEGORY }] : undefined,
      // Containers first: Azure Monitor would otherwise create them and Terraform's create would fail.
      dependsOn: props.archive?.prerequisites?.length ? [...props.archive.prerequisites] : undefined,
    });

    addPropChecks(this, (c) => this.checkProps(c, props));
  }

  private checkProps(c: PropChecks, props: OpenAiDiagnosticSettingProps): void {
    c.matches("name", props.name, SETTING_NAME, "1-260 characters without < > * % & : \\ ? + / # |");
    if (!props.workspace && !props.archive) {
      c.fail("workspace/archive", undefined, "allowed: a workspace, an archive storage account, or both");
    }
    this.checkCategories(c, props);
    this.checkRegion(c, props);
    const limit = settingLimitProblem(this.resource, (s) => s.node.scope instanceof OpenAiDiagnosticSetting);
    if (limit) c.fail("targetResourceId", resolvedTarget(this.resource), limit);
    const duplicates = duplicateSettingNames(this.resource);
    if (duplicates.includes(String(props.name ?? DEFAULT_DIAGNOSTIC_SETTING_NAME))) {
      c.fail("name", props.name ?? DEFAULT_DIAGNOSTIC_SETTING_NAME, "allowed: a name no other diagnostic setting on the same resource uses");
    }
  }

  private checkCategories(c: PropChecks, props: OpenAiDiagnosticSettingProps): void {
    (props.categories ?? []).forEach((category, i) => c.oneOf(`categories[${i}]`, category, OPENAI_LOG_CATEGORIES));
    (props.categoryGroups ?? []).forEach((group, i) => c.oneOf(`categoryGroups[${i}]`, group, LOG_CATEGORY_GROUPS));
    for (const [prop, list] of [["categories", props.categories], ["categoryGroups", props.categoryGroups]] as const) {
      const values: readonly string[] = list ?? [];
      const repeated = values.filter((v, i) => values.indexOf(v) !== i);
      if (repeated.length > 0) c.fail(prop, repeated, "allowed: each value once");
    }
    if ((props.categories ?? []).length > 0 && (props.categoryGroups ?? []).length > 0) {
      c.fail("categoryGroups", props.categoryGroups, "allowed: category groups or single categories, not both (Azure rejects the mix)");
    }
    if (this.categories.length === 0 && this.categoryGroups.length === 0 && !this.metrics) {
      c.fail("categories", props.categories, "allowed: at least one log category, category group, or the metrics");
    }
  }

  private checkRegion(c: PropChecks, props: OpenAiDiagnosticSettingProps): void {
    const archiveLocation = props.archive?.location;
    const target = props.targetLocation;
    if (!archiveLocation || !target || isToken(archiveLocation) || isToken(target)) return;
    if (normalizeLocation(archiveLocation) !== normalizeLocation(target)) {
      c.fail(
        "archive.location",
        archiveLocation,
        `allowed: ${target}, the monitored account's region (Azure accepts only a storage destination in the same region)`,
      );
    }
  }
}
