import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { Justification } from "../justification";
import { addPropChecks } from "../validation";

/**
 * How a resource is protected from deletion.
 * - `lock`: `lifecycle.prevent_destroy` and an Azure CanNotDelete management lock. The lock is
 *   inherited by every child resource (deployments and content filters of an account, saved
 *   searches of a workspace, containers of a storage account), so none of them can be deleted or
 *   replaced while it is there (docs/OPERATIONS.md).
 * - `preventDestroy`: `lifecycle.prevent_destroy` only. Terraform refuses to plan the resource's
 *   deletion; Azure does not stop anyone else, and its children stay replaceable.
 */
export type DeletionProtectionMode = "lock" | "preventDestroy";

/** Every protection mode, for validation messages. */
export const DELETION_PROTECTION_MODES: readonly DeletionProtectionMode[] = Object.freeze(["lock", "preventDestroy"]);

/**
 * The `lock` feature prop of every resource construct that holds data or keys: protection from
 * deletion from both sides, with the reason written to the lock's notes. A ReadOnly lock is not
 * offered: it blocks the data-plane operations Azure OpenAI, Key Vault and storage run through
 * Resource Manager (listing keys, writing blobs).
 */
export interface LockProps extends Justification {
  /**
   * How the resource is protected.
   * @default "lock"
   */
  readonly protection?: DeletionProtectionMode;
  /**
   * Name of the management lock (at most 90 characters).
   * @default - `do-not-delete-<the construct's id>`
   */
  readonly name?: string;
}

/** The construct ID of the lock a resource construct makes (its Terraform address follows it). */
export const LOCK_ID = "lock";

/**
 * Applies `lock` to `resource`, owned by `scope` (the resource construct): `prevent_destroy`, and
 * for `protection: "lock"` a CanNotDelete management lock, child `lock` of `scope`. Returns the
 * management lock, or undefined when none was made.
 */
export function applyLock(scope: Construct, resource: TerraformResource & { readonly id: string }, lock: LockProps | undefined): ManagementLock | undefined {
  if (lock === undefined) return undefined;
  addPropChecks(scope, (c) => {
    c.justification("lock", lock);
    c.oneOf("lock.protection", lock.protection, DELETION_PROTECTION_MODES);
    c.literalText("lock.name", lock.name);
  });
  resource.lifecycle = { ...resource.lifecycle, preventDestroy: true };
  if ((lock.protection ?? "lock") !== "lock") return undefined;
  return new ManagementLock(scope, LOCK_ID, {
    name: (lock.name ?? `do-not-delete-${scope.node.id}`).slice(0, 90),
    scope: resource.id,
    lockLevel: "CanNotDelete",
    notes: String(lock.reason).slice(0, 512),
  });
}
