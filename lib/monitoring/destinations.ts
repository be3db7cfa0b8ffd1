import type { ITerraformDependable } from "cdktf";

/**
 * A Log Analytics workspace diagnostic settings can send logs to. {@link AuditWorkspace}
 * implements it; for a workspace made elsewhere pass `{ workspaceId, location }`.
 */
export interface ILogWorkspace {
  /** Azure resource ID of the workspace. */
  readonly workspaceId: string;
  /** Azure location of the workspace. */
  readonly location: string;
}

/**
 * A storage account that archives logs. Azure requires it in the same region as the monitored
 * resource. {@link RetentionArchive} implements it; for an account made elsewhere pass
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
