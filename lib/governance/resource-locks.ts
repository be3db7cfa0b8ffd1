import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { addPropChecks } from "../core/validation";

/** One resource to protect. */
export interface LockedResource {
  /** The resource; it gets `lifecycle.prevent_destroy` and a CanNotDelete lock on its ID. */
  readonly resource: TerraformResource & { readonly id: string };
  /** Why it must not be deleted, written to the lock's notes. */
  readonly reason: string;
}

/**
 * Protection against deletion from both sides: `prevent_destroy` stops Terraform from
 * planning the deletion, a CanNotDelete management lock stops everyone else (portal, CLI).
 * Keyed by stable keys, never positions.
 */
export class ResourceLocks extends Construct {
  /** The locks by key. */
  public readonly locks: Readonly<Record<string, ManagementLock>>;

  constructor(scope: Construct, id: string, props: { readonly resources: Readonly<Record<string, LockedResource>> }) {
    super(scope, id);
    addPropChecks(this, (c) => {
      for (const [key, locked] of Object.entries(props.resources)) c.reason(`resources.${key}.reason`, locked.reason);
    });
    const locks: Record<string, ManagementLock> = {};
    for (const [key, locked] of Object.entries(props.resources)) {
      locked.resource.lifecycle = { ...locked.resource.lifecycle, preventDestroy: true };
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
