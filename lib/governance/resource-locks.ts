import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { DELETION_PROTECTION_MODES, DeletionProtectionMode } from "../core/features/lock";
import { addPropChecks } from "../core/validation";

/** One resource to protect. */
export interface LockedResource {
  /** The resource; it gets `lifecycle.prevent_destroy`, and with `lock` a CanNotDelete lock on its ID. */
  readonly resource: TerraformResource & { readonly id: string };
  /** Why it must not be deleted, written to the lock's notes. */
  readonly reason: string;
  /**
   * How it is protected.
   * @default "lock"
   */
  readonly protection?: DeletionProtectionMode;
}

/** Props of {@link ResourceLocks}. */
export interface ResourceLocksProps {
  /** The resources to protect, by stable key (part of the lock's name and Terraform address). */
  readonly resources: Readonly<Record<string, LockedResource>>;
}

/**
 * Protection against deletion from both sides: `prevent_destroy` stops Terraform from
 * planning the deletion, a CanNotDelete management lock stops everyone else (portal, CLI).
 * Keyed by stable keys, never positions: switching a resource from `lock` to `preventDestroy`
 * and back removes and re-creates only its lock, at the same address.
 */
export class ResourceLocks extends Construct {
  /** The locks by key (only the resources protected with `lock`). */
  public readonly locks: Readonly<Record<string, ManagementLock>>;

  constructor(scope: Construct, id: string, props: ResourceLocksProps) {
    super(scope, id);
    addPropChecks(this, (c) => {
      for (const [key, locked] of Object.entries(props.resources)) {
        c.reason(`resources.${key}.reason`, locked.reason);
        c.literalText(`resources.${key}.reason`, locked.reason);
        c.oneOf(`resources.${key}.protection`, locked.protection, DELETION_PROTECTION_MODES);
      }
    });
    const locks: Record<string, ManagementLock> = {};
    for (const [key, locked] of Object.entries(props.resources)) {
      locked.resource.lifecycle = { ...locked.resource.lifecycle, preventDestroy: true };
      if ((locked.protection ?? "lock") !== "lock") continue;
      locks[key] = new ManagementLock(this, key, {
        name: `do-not-delete-${key}`.slice(0, 90),
        scope: locked.resource.id,
        lockLevel: "CanNotDelete",
        notes: locked.reason.slice(0, 512),
      });
    }
    this.locks = locks;
  }
}
