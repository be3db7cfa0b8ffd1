import { Construct } from "constructs";
import { IGrantee } from "./principal";
import { RbacAssignment } from "./role-assignment";
import { RoleGrants } from "./role-grants";
import { IRoleTarget } from "./role-target";

/**
 * Base of an Azure resource roles are granted on, made here or imported (the account, the audit
 * workspace, the archive, the key vault): its resource ID is the role scope, and `grantRead` is
 * the same Reader grant for every kind. Each kind adds the grants of its own data roles.
 */
export abstract class ResourceRoleTarget extends Construct implements IRoleTarget {
  /** The role scope: the resource's Azure resource ID. */
  public abstract readonly scopeId: string;
  /** Azure location. */
  public abstract readonly location: string;

  /** Lets `grantee` read the resource's control plane (its properties, not its data): Reader on the resource. */
  public grantRead(grantee: IGrantee): RbacAssignment {
    return RoleGrants.of(this).role(grantee, "Reader");
  }
}
