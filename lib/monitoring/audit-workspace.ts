import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { LogAnalyticsWorkspaceTable } from "@cdktf/provider-azurerm/lib/log-analytics-workspace-table";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { Construct } from "constructs";
import { ILogWorkspace } from "../core/features/diagnostic-settings";
import { applyLock, LockProps } from "../core/features/lock";
import { applyWeakenings, WeakeningMap } from "../core/applied-weakening";
import { Justification } from "../core/justification";
import { WEAKENING_KEYS } from "../core/weakening-keys";
import { addPropChecks, isToken, PropChecks } from "../core/validation";
import { IGrantee } from "../identity/principal";
import { RbacAssignment } from "../identity/role-assignment";
import { applyRoleAssignments, RoleAssignmentsProps } from "../identity/role-assignments-prop";
import { RoleGrants } from "../identity/role-grants";
import { ResourceRoleTarget } from "../identity/resource-role-target";
import { IRoleTarget } from "../identity/role-target";
import { AppliedException, NameChoice } from "./monitoring-props";
import { checkAppliedExceptions, checkChosenName, chosenName, weakeningPropKeys } from "./private/common";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";
import { PropKeys } from "../core/known-props";
import { checkImportedAttributes } from "../core/imported-attributes";

/** Table every Azure OpenAI log category lands in (Cognitive Services has no resource-specific tables). */
export const DIAGNOSTICS_TABLE = "AzureDiagnostics";

/** Interactive retention Azure accepts on a workspace, in days. */
export const WORKSPACE_RETENTION_BOUNDS = Object.freeze({ minDays: 30, maxDays: 730 });

/**
 * Total (interactive + archive) retention Azure accepts on a table: 4-730 days, or a whole
 * number of years from 3 to 12 (the provider rejects anything else).
 */
export const TABLE_TOTAL_RETENTION_YEARS_DAYS: readonly number[] = [1095, 1460, 1826, 2191, 2556, 2922, 3288, 3653, 4018, 4383];

/**
 * A daily ingestion cap and why the audit trail may lose data when it is reached: the
 * {@link Justification} says why a cap is acceptable (ingestion stops, Audit logs included,
 * until the next day).
 */
export interface DailyIngestionCap extends Justification {
  /** Most GB ingested per day. */
  readonly gb: number;
}

/** Weakenings of the workspace's secure defaults. */
export interface AuditWorkspaceSecurityExceptions {
  /**
   * Allow the workspace's shared keys (agent and Data Collector API authentication).
   * @default - local authentication off: Entra ID only
   */
  readonly localAuth?: Justification;
  /**
   * Let anyone who can read a monitored resource read that resource's logs in the workspace
   * (resource-context access). RequestResponse logs hold prompts and completions, so by default
   * reading them needs a role on the workspace itself.
   * @default - workspace permissions required
   */
  readonly resourceContextAccess?: Justification;
  /**
   * Accept ingestion from public networks (agents and the Logs Ingestion API outside an Azure
   * Monitor private link scope).
   * @default - public ingestion off; diagnostic settings still deliver over Azure's backbone
   */
  readonly internetIngestion?: Justification;
}

/** The neutral key each weakening of the workspace is acknowledged under. */
const WORKSPACE_WEAKENINGS: WeakeningMap<keyof AuditWorkspaceSecurityExceptions> = {
  localAuth: WEAKENING_KEYS.workspaceLocalAuth,
  resourceContextAccess: WEAKENING_KEYS.workspaceResourceContextAccess,
  internetIngestion: WEAKENING_KEYS.workspaceInternetIngestion,
};

/** Props of {@link AuditWorkspace}. */
export interface AuditWorkspaceProps extends NameChoice {
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
  /**
   * Protection from deletion: `prevent_destroy` and a CanNotDelete lock on the workspace (its
   * saved searches and tables inherit the lock).
   * @default - none
   */
  readonly lock?: LockProps;
  /**
   * Roles on the workspace, by a stable key of your choice (part of the assignment's address).
   * @default - none
   */
  readonly roleAssignments?: RoleAssignmentsProps;
}

/** What a workspace made elsewhere is known by, for {@link AuditWorkspace.fromWorkspaceAttributes}. */
export interface AuditWorkspaceAttributes {
  /** Azure resource ID of the Log Analytics workspace. */
  readonly workspaceId: string;
  /** Azure location of the workspace. */
  readonly location: string;
}

/**
 * A Log Analytics workspace roles can be granted on: an {@link AuditWorkspace}, or one made
 * elsewhere ({@link AuditWorkspace.fromWorkspaceAttributes}).
 */
export interface IAuditWorkspace extends ILogWorkspace, IRoleTarget {
  /** Lets `grantee` query the workspace's logs: Log Analytics Reader on the workspace. */
  grantLogReader(grantee: IGrantee): RbacAssignment;
  /** Lets `grantee` read the workspace's control plane (not its logs): Reader on the workspace. */
  grantRead(grantee: IGrantee): RbacAssignment;
}

/** What a made and an imported workspace share: the role scope and the grants. */
export abstract class AuditWorkspaceBase extends ResourceRoleTarget implements IAuditWorkspace {
  /** Azure resource ID. */
  public abstract readonly workspaceId: string;

  /** The role scope: the workspace's resource ID. */
  public get scopeId(): string {
    return this.workspaceId;
  }

  /** Log Analytics Reader on the workspace: see {@link IAuditWorkspace.grantLogReader}. */
  public grantLogReader(grantee: IGrantee): RbacAssignment {
    return RoleGrants.of(this).role(grantee, "LogAnalyticsReader");
  }
}

/** The attributes ImportedAuditWorkspace accepts; another key fails the synth (see PropChecks.knownProps). */
const AUDIT_WORKSPACE_ATTRIBUTE_KEYS: PropKeys<AuditWorkspaceAttributes> = { workspaceId: true, location: true };

/** A workspace made elsewhere, known by its ID. */
class ImportedAuditWorkspace extends AuditWorkspaceBase {
  public readonly workspaceId: string;
  public readonly location: string;

  constructor(scope: Construct, id: string, attributes: AuditWorkspaceAttributes) {
    super(scope, id);
    checkImportedAttributes(this, attributes, AUDIT_WORKSPACE_ATTRIBUTE_KEYS, { prop: "workspaceId", what: "the Azure resource ID of a Log Analytics workspace" });
    this.workspaceId = attributes.workspaceId;
    this.location = attributes.location;
  }
}

/** The props AuditWorkspace accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const AUDIT_WORKSPACE_PROP_KEYS: PropKeys<AuditWorkspaceProps> = { resourceGroupName: true, location: true, retentionInDays: true, archiveTotalRetentionDays: true, dailyCap: true, internetQueryEnabled: true, securityExceptions: weakeningPropKeys(WORKSPACE_WEAKENINGS), lock: LOCK_PROP_KEYS, roleAssignments: true, name: true, naming: true };

/**
 * A Log Analytics workspace for Azure OpenAI audit logs: Entra ID only, workspace-level
 * permissions for reading prompts, no public ingestion, explicit retention, and optionally a
 * long-term archive of the AzureDiagnostics table.
 */
export class AuditWorkspace extends AuditWorkspaceBase {
  /**
   * A workspace made elsewhere (another stack, another team), to send diagnostic settings to
   * and grant roles on. Grants become children of the returned construct.
   */
  public static fromWorkspaceAttributes(scope: Construct, id: string, attributes: AuditWorkspaceAttributes): IAuditWorkspace {
    return new ImportedAuditWorkspace(scope, id, attributes);
  }

  /**
   * A workspace made elsewhere, known by its ID and location.
   * @deprecated Use {@link AuditWorkspace.fromWorkspaceAttributes} (`{ workspaceId, location }`); this form will be removed.
   */
  public static fromWorkspaceId(scope: Construct, id: string, workspaceId: string, location: string): IAuditWorkspace {
    return AuditWorkspace.fromWorkspaceAttributes(scope, id, { workspaceId, location });
  }

  /** The `azurerm_log_analytics_workspace` resource (also `node.defaultChild`). */
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
  public readonly securityExceptions: readonly AppliedException[];
  /** The CanNotDelete lock, when `lock` asks for one. */
  public readonly lock?: ManagementLock;
  /** The assignments of `roleAssignments`, in key order. */
  public readonly roleAssignments: readonly RbacAssignment[];

  constructor(scope: Construct, id: string, props: AuditWorkspaceProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, AUDIT_WORKSPACE_PROP_KEYS));
    const exceptions = props.securityExceptions ?? {};
    this.location = props.location;
    this.workspaceName = chosenName("logAnalyticsWorkspace", props, props.location);
    this.retentionInDays = props.retentionInDays ?? 90;
    const applied = applyWeakenings(this, "securityExceptions", exceptions, WORKSPACE_WEAKENINGS);
    // The daily cap is a weakening given outside `securityExceptions` (it carries the GB too).
    this.securityExceptions = [...applied, ...applyWeakenings(this, "", { dailyCap: props.dailyCap }, { dailyCap: WEAKENING_KEYS.workspaceDailyCap })];

    addPropChecks(this, (c) => this.checkProps(c, props, applied));

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
    });
    this.node.defaultChild = this.resource;
    this.workspaceId = this.resource.id;
    this.lock = applyLock(this, this.resource, props.lock);
    this.roleAssignments = applyRoleAssignments(this, props.roleAssignments);

    if (props.archiveTotalRetentionDays !== undefined) {
      this.diagnosticsTable = new LogAnalyticsWorkspaceTable(this, "azure-diagnostics", {
        name: DIAGNOSTICS_TABLE,
        workspaceId: this.resource.id,
        plan: "Analytics",
        totalRetentionInDays: props.archiveTotalRetentionDays,
      });
    }
  }

  private checkProps(c: PropChecks, props: AuditWorkspaceProps, applied: readonly AppliedException[]): void {
    checkChosenName(c, "logAnalyticsWorkspace", props, this.workspaceName);
    c.required("location", props.location, "an Azure location");
    c.integerInRange("retentionInDays", props.retentionInDays, WORKSPACE_RETENTION_BOUNDS.minDays, WORKSPACE_RETENTION_BOUNDS.maxDays, "days");
    checkArchiveTotal(c, props.archiveTotalRetentionDays, this.retentionInDays);
    if (props.dailyCap) {
      const gb = props.dailyCap.gb;
      if (!isToken(gb) && !(typeof gb === "number" && gb > 0)) c.fail("dailyCap.gb", gb, "allowed: a number of GB greater than 0");
      c.justification("dailyCap", props.dailyCap);
    }
    checkAppliedExceptions(c, "securityExceptions", applied);
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
