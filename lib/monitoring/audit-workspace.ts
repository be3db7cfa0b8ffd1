import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { LogAnalyticsWorkspaceTable } from "@cdktf/provider-azurerm/lib/log-analytics-workspace-table";
import { Construct } from "constructs";
import { addPropChecks, isToken, PropChecks } from "../core/validation";
import type { SecurityException } from "../openai/openai-account";
import { checkName, checkTagProps, chosenName, monitoringTags } from "./common";
import { AppliedMonitoringException, MonitoringTagProps, NameChoice } from "./monitoring-props";
import { ILogWorkspace } from "../core/features/diagnostic-settings";

/** Table every Azure OpenAI log category lands in (Cognitive Services has no resource-specific tables). */
export const DIAGNOSTICS_TABLE = "AzureDiagnostics";

/** Interactive retention Azure accepts on a workspace, in days. */
export const WORKSPACE_RETENTION_BOUNDS = Object.freeze({ minDays: 30, maxDays: 730 });

/**
 * Total (interactive + archive) retention Azure accepts on a table: 4-730 days, or a whole
 * number of years from 3 to 12 (the provider rejects anything else).
 */
export const TABLE_TOTAL_RETENTION_YEARS_DAYS: readonly number[] = [1095, 1460, 1826, 2191, 2556, 2922, 3288, 3653, 4018, 4383];

/** A daily ingestion cap and why the audit trail may lose data when it is reached. */
export interface DailyIngestionCap {
  /** Most GB ingested per day. */
  readonly gb: number;
  /** Why a cap is acceptable (at least 10 characters): ingestion stops, Audit logs included, until the next day. */
  readonly reason: string;
}

/** Weakenings of the workspace's secure defaults. */
export interface AuditWorkspaceSecurityExceptions {
  /**
   * Allow the workspace's shared keys (agent and Data Collector API authentication).
   * @default - local authentication off: Entra ID only
   */
  readonly localAuth?: SecurityException;
  /**
   * Let anyone who can read a monitored resource read that resource's logs in the workspace
   * (resource-context access). RequestResponse logs hold prompts and completions, so by default
   * reading them needs a role on the workspace itself.
   * @default - workspace permissions required
   */
  readonly resourceContextAccess?: SecurityException;
  /**
   * Accept ingestion from public networks (agents and the Logs Ingestion API outside an Azure
   * Monitor private link scope).
   * @default - public ingestion off; diagnostic settings still deliver over Azure's backbone
   */
  readonly internetIngestion?: SecurityException;
}

/** Props of {@link AuditWorkspace}. */
export interface AuditWorkspaceProps extends MonitoringTagProps, NameChoice {
  /** Resource group the workspace is created in. */
  readonly resourceGroupName: string;
  /** Azure location; one workspace per data-residency zone keeps the logs inside it. */
  readonly location: string;
  /**
   * Interactive (queryable) retention of every table, 30-730 days. All Azure OpenAI
   * categories share the AzureDiagnostics table, so this is the workspace copy's retention of
   * all of them; keep per-category periods in a {@link RetentionArchive}.
   * @default 90
   */
  readonly retentionInDays?: number;
  /**
   * Total retention of the AzureDiagnostics table, interactive plus low-cost archive
   * (`total_retention_in_days`): 4-730 days or whole years up to 4383 (12 years), and at least
   * `retentionInDays`.
   * @default - no archive: the table keeps `retentionInDays`
   */
  readonly archiveTotalRetentionDays?: number;
  /**
   * Daily ingestion cap. When it is reached ingestion stops until the next day, Audit logs
   * included, so the cap needs a reason.
   * @default - no cap
   */
  readonly dailyCap?: DailyIngestionCap;
  /**
   * Accept queries from public networks. Access still needs Entra ID and RBAC (local auth
   * is off); turn it off only when readers reach the workspace through an Azure Monitor private
   * link scope, or the portal and auditors can no longer query it.
   * @default true
   */
  readonly internetQueryEnabled?: boolean;
  /**
   * Weakenings of the secure defaults, each with a reason.
   * @default - none
   */
  readonly securityExceptions?: AuditWorkspaceSecurityExceptions;
}

/**
 * A Log Analytics workspace for Azure OpenAI audit logs: Entra ID only, workspace-level
 * permissions for reading prompts, no public ingestion, explicit retention, and optionally a
 * long-term archive of the AzureDiagnostics table.
 */
export class AuditWorkspace extends Construct implements ILogWorkspace {
  /** The `azurerm_log_analytics_workspace` resource. */
  public readonly resource: LogAnalyticsWorkspace;
  /** The `azurerm_log_analytics_workspace_table` for AzureDiagnostics, when an archive is set. */
  public readonly diagnosticsTable?: LogAnalyticsWorkspaceTable;
  /** Azure resource ID. */
  public readonly workspaceId: string;
  /** Workspace name. */
  public readonly workspaceName: string;
  /** Azure location. */
  public readonly location: string;
  /** Interactive retention in days. */
  public readonly retentionInDays: number;
  /** Weakenings in force, with their reasons. */
  public readonly securityExceptions: readonly AppliedMonitoringException[];

  constructor(scope: Construct, id: string, props: AuditWorkspaceProps) {
    super(scope, id);
    const exceptions = props.securityExceptions ?? {};
    this.location = props.location;
    this.workspaceName = chosenName("logAnalyticsWorkspace", props, props.location);
    this.retentionInDays = props.retentionInDays ?? 90;
    this.securityExceptions = [
      ...(Object.keys(exceptions) as (keyof AuditWorkspaceSecurityExceptions)[])
        .filter((k) => exceptions[k] !== undefined)
        .map((k) => ({ setting: k, reason: exceptions[k]!.reason })),
      ...(props.dailyCap ? [{ setting: "dailyCap", reason: props.dailyCap.reason }] : []),
    ];

    addPropChecks(this, (c) => this.checkProps(c, props));

    this.resource = new LogAnalyticsWorkspace(this, "resource", {
      name: this.workspaceName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: "PerGB2018",
      retentionInDays: this.retentionInDays,
      dailyQuotaGb: props.dailyCap?.gb,
      // `local_authentication_enabled` is the 4.x attribute; `local_authentication_disabled` is deprecated.
      localAuthenticationEnabled: exceptions.localAuth !== undefined,
      allowResourceOnlyPermissions: exceptions.resourceContextAccess !== undefined,
      // Diagnostic settings deliver over a private Microsoft channel that these switches do
      // not govern, so public ingestion can stay off without losing a single audit record.
      internetIngestionEnabled: exceptions.internetIngestion !== undefined,
      internetQueryEnabled: props.internetQueryEnabled ?? true,
      tags: monitoringTags(props, props.location),
    });
    this.workspaceId = this.resource.id;

    if (props.archiveTotalRetentionDays !== undefined) {
      this.diagnosticsTable = new LogAnalyticsWorkspaceTable(this, "azure-diagnostics", {
        name: DIAGNOSTICS_TABLE,
        workspaceId: this.resource.id,
        plan: "Analytics",
        totalRetentionInDays: props.archiveTotalRetentionDays,
      });
    }
  }

  private checkProps(c: PropChecks, props: AuditWorkspaceProps): void {
    checkName(c, "logAnalyticsWorkspace", props, this.workspaceName);
    checkTagProps(c, props);
    if (!props.location || props.location.trim() === "") c.fail("location", props.location, "allowed: an Azure location");
    c.integerInRange("retentionInDays", props.retentionInDays, WORKSPACE_RETENTION_BOUNDS.minDays, WORKSPACE_RETENTION_BOUNDS.maxDays, "days");
    checkArchiveTotal(c, props.archiveTotalRetentionDays, this.retentionInDays);
    if (props.dailyCap) {
      const gb = props.dailyCap.gb;
      if (!isToken(gb) && !(typeof gb === "number" && gb > 0)) c.fail("dailyCap.gb", gb, "allowed: a number of GB greater than 0");
      c.reason("dailyCap.reason", props.dailyCap.reason);
    }
    for (const applied of this.securityExceptions) {
      if (applied.setting !== "dailyCap") c.reason(`securityExceptions.${applied.setting}.reason`, applied.reason);
    }
  }
}

function checkArchiveTotal(c: PropChecks, total: number | undefined, interactive: number): void {
  if (total === undefined || isToken(total)) return;
  const valid = Number.isInteger(total) && ((total >= 4 && total <= 730) || TABLE_TOTAL_RETENTION_YEARS_DAYS.includes(total));
  if (!valid) {
    c.fail(
      "archiveTotalRetentionDays",
      total,
      `allowed: 4-730 days, or whole years: ${TABLE_TOTAL_RETENTION_YEARS_DAYS.join(", ")} (4383 = 12 years)`,
    );
  } else if (!isToken(interactive) && total < interactive) {
    c.fail("archiveTotalRetentionDays", total, `allowed: at least retentionInDays (${interactive}); the total includes the interactive period`);
  }
}
