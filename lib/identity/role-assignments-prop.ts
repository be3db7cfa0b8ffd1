import { Justification } from "../core/justification";
import { PrincipalType } from "./principal";
import { RbacAssignment } from "./role-assignment";
import { RoleSpec } from "./role-ref";
import { RoleGrants } from "./role-grants";
import { IRoleTarget } from "./role-target";

/** One entry of the `roleAssignments` feature prop: a role for a principal on the resource. */
export interface RoleAssignmentProps {
  /** Entra object ID of the principal: a GUID, or a Terraform reference (a managed identity of the stack). */
  readonly principalId: string;
  /** Kind of principal. Required: it avoids failures while a new principal replicates. */
  readonly principalType: PrincipalType;
  /** The role: a built-in key such as `"OpenAiUser"` or `{ customRoleDefinitionId }`. */
  readonly role: RoleSpec;
  /**
   * Why a privileged role (Owner, Contributor, User Access Administrator, Cognitive Services
   * Contributor) is needed; written to the assignment's description.
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
 * The `roleAssignments` feature prop of every resource construct a role can be assigned on:
 * assignments by a stable key chosen by the caller, for example `ai-developers`. The key is the
 * grantee key of the assignment's construct ID (`grant-<role key>-<key>`), so the Terraform
 * address never depends on a principal ID known only at apply, nor on the order of the entries.
 */
export type RoleAssignmentsProps = Readonly<Record<string, RoleAssignmentProps>>;

/**
 * Assigns every entry of `assignments` on `target` through {@link RoleGrants}: the same checks,
 * the same construct IDs and the same de-duplication as the grant methods. Returns the
 * assignments in the order of the keys.
 */
export function applyRoleAssignments(target: IRoleTarget, assignments: RoleAssignmentsProps | undefined): RbacAssignment[] {
  return Object.entries(assignments ?? {}).map(([key, entry]) =>
    RoleGrants.of(target).role({ principalId: entry.principalId, principalType: entry.principalType, granteeKey: key }, entry.role, {
      privileged: entry.privileged,
      description: entry.description,
    }),
  );
}
