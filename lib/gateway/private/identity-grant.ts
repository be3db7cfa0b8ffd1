import { Construct } from "constructs";
import type { IGrantee } from "../../identity/principal";
import type { RbacAssignment } from "../../identity/role-assignment";
import { RoleGrants } from "../../identity/role-grants";
import type { BuiltInRoleKey } from "../../identity/role-catalog";

/** One role the gateway's own identity needs on a resource it calls. */
export interface IdentityGrant {
  /** Azure resource ID the role is assigned on. */
  readonly scope: string;
  /** The role. */
  readonly role: BuiltInRoleKey;
  /** Why the gateway needs it, written to the assignment. */
  readonly description: string;
}

/**
 * The one route (through `RoleGrants`) by which the gateway grants its own managed identity a role (OpenAI User on each
 * account, Monitoring Metrics Publisher on Application Insights, Cognitive Services User on the
 * Content Safety account). The construct ID and parent are the caller's: they are the
 * assignments' Terraform addresses, which must not move.
 */
export function grantGatewayIdentity(parent: Construct, id: string, identity: IGrantee, grant: IdentityGrant): RbacAssignment {
  // Through the one grants mechanism, under the ID the caller keeps.
  return RoleGrants.on(parent, grant.scope).assign(id, identity, grant.role, { description: grant.description });
}
