import { IGrantee } from "./principal";
import { RbacAssignment } from "./role-assignment";
import { RoleSpec } from "./role-ref";
import { GrantOptions, RoleGrants } from "./role-grants";
import { IRoleTarget } from "./role-target";

export type { GrantOptions } from "./role-grants";

/**
 * Assigns `role` to `grantee` on `target` and returns the assignment: `RoleGrants.of(target).role(...)`.
 * When the stack already assigns that role to that principal on that scope, returns the existing
 * assignment instead of creating a second one (its options stay as first given).
 */
export function grantRole(target: IRoleTarget, grantee: IGrantee, role: RoleSpec, options: GrantOptions = {}): RbacAssignment {
  return RoleGrants.of(target).role(grantee, role, options);
}

/** Lets `grantee` call the target's deployments: Cognitive Services OpenAI User. */
export function grantUse(target: IRoleTarget, grantee: IGrantee): RbacAssignment {
  return grantRole(target, grantee, "OpenAiUser");
}

/** Lets `grantee` create and change deployments (and call them): Cognitive Services OpenAI Contributor. */
export function grantManageDeployments(target: IRoleTarget, grantee: IGrantee): RbacAssignment {
  return grantRole(target, grantee, "OpenAiContributor");
}

/** Lets `grantee` read the target's control plane: Reader. */
export function grantRead(target: IRoleTarget, grantee: IGrantee): RbacAssignment {
  return grantRole(target, grantee, "Reader");
}

/** Lets `grantee` query a Log Analytics workspace: Log Analytics Reader. */
export function grantLogReader(workspace: IRoleTarget, grantee: IGrantee): RbacAssignment {
  return grantRole(workspace, grantee, "LogAnalyticsReader");
}
