import type { ITerraformDependable } from "cdktf";

/**
 * A Log Analytics workspace diagnostic settings can send logs to. `AuditWorkspace`
 * implements it; for a workspace made elsewhere pass `{ workspaceId, location }` or use
 * `AuditWorkspace.fromWorkspaceId`.
 */
export interface ILogWorkspace {
  /** Azure resource ID of the workspace. */
  readonly workspaceId: string;
  /** Azure location of the workspace. */
  readonly location: string;
}

/**
 * A storage account that archives logs. Azure requires it in the same region as the monitored
 * resource. `RetentionArchive` implements it; for an account made elsewhere pass
 * `{ storageAccountId, location }`.
 */
export interface ILogArchive {
  /** Azure resource ID of the storage account. */
  readonly storageAccountId: string;
  /** Azure location of the storage account. */
  readonly location: string;
  /**
   * Resources that must exist before logs are delivered: the pre-created containers and their
   * policies. Azure Monitor creates a missing container itself, after which creating it in
   * Terraform fails; diagnostic settings therefore depend on these.
   * @default - none
   */
  readonly prerequisites?: readonly ITerraformDependable[];
}

/**
 * One diagnostic setting of the `diagnosticSettings` feature prop: where a resource's logs and
 * metrics go. The same shape on every construct that has logs; each construct checks the
 * categories against its own resource type.
 */
export interface DiagnosticSettingProps<Category extends string = string> {
  /**
   * Setting name, unique among the settings of the target resource.
   * @default - the key of the setting in `diagnosticSettings`
   */
  readonly name?: string;
  /**
   * Workspace to send the logs and metrics to.
   * @default - none; `archive` is then required
   */
  readonly workspace?: ILogWorkspace;
  /**
   * Storage account that archives the logs, in the resource's region.
   * @default - none; `workspace` is then required
   */
  readonly archive?: ILogArchive;
  /**
   * Log categories to send. Give either categories or `categoryGroups`, not both.
   * @default - every category of the resource type (or `categoryGroups`)
   */
  readonly categories?: readonly Category[];
  /**
   * Category groups to send instead of single categories (`audit` or `allLogs`).
   * @default - none
   */
  readonly categoryGroups?: readonly ("audit" | "allLogs")[];
  /**
   * Send the platform metrics (`AllMetrics`).
   * @default true
   */
  readonly metrics?: boolean;
}

/** The `diagnosticSettings` feature prop: settings by stable key (part of their Terraform address). */
export type DiagnosticSettingsProps<Category extends string = string> = Readonly<Record<string, DiagnosticSettingProps<Category>>>;
