import { Justification } from "../core/justification";
import { addPropChecks, constructKeyProblem, isToken } from "../core/validation";
import { IGrantee } from "./principal";
import { freeChildId } from "./private/child-id";
import { RbacAssignment } from "./role-assignment";
import { resolveRole, RoleSpec } from "./role-ref";
import { IRoleTarget } from "./role-target";

/** Options of {@link grantRole}. */
export interface GrantOptions {
  /**
   * Reason for a privileged role (Owner, Contributor, User Access Administrator, Cognitive
   * Services Contributor), written to the description.
   * @default - none: privileged roles fail the synth
   */
  readonly privileged?: Justification;
  /**
   * Description of the assignment.
   * @default - none
   */
  readonly description?: string;
}

/**
 * Assigns `role` to `grantee` on `target` and returns the assignment. When the stack already
 * assigns that role to that principal on that scope, returns the existing assignment instead
 * of creating a second one (its options stay as first given).
 */
export function grantRole(target: IRoleTarget, grantee: IGrantee, role: RoleSpec, options: GrantOptions = {}): RbacAssignment {
  const existing = RbacAssignment.find(target, target.scopeId, grantee.principalId, role);
  if (existing) return existing;

  const resolved = resolveRole(role);
  const granteeKey = grantee.granteeKey ?? (isToken(grantee.principalId) ? undefined : grantee.principalId);
  const wantedId = `grant-${resolved.key ?? "custom-role"}-${granteeKey ?? "unkeyed"}`;
  const id = freeChildId(target, wantedId);
  const assignment = new RbacAssignment(target, id, {
    scope: target.scopeId,
    principalId: grantee.principalId,
    principalType: grantee.principalType,
    role,
    privileged: options.privileged,
    description: options.description,
  });
  // Construct IDs become Terraform addresses: they must come from stable keys, never from
  // token strings (their numbering follows creation order).
  addPropChecks(assignment, (c) => {
    if (granteeKey === undefined) {
      c.fail("grantee.granteeKey", undefined, "allowed: a stable key, required when principalId is a Terraform reference");
    } else if (constructKeyProblem(granteeKey) !== undefined) {
      c.fail("grantee.granteeKey", granteeKey, constructKeyProblem(granteeKey)!);
    }
    if (resolved.key === undefined && resolved.problem === undefined) {
      c.fail("role.key", undefined, "allowed: a stable key, required when customRoleDefinitionId is a Terraform reference");
    }
    if (id !== wantedId) {
      c.fail("grantee.granteeKey", granteeKey, `allowed: a key no other principal granted ${resolved.displayName} on this scope uses`);
    }
  });
  return assignment;
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
