import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { BUILT_IN_ROLES } from "../../../identity/role-catalog";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { describeValue, isExpression } from "../values";

/**
 * Built-in roles that can change access or the resource itself, or list its keys: the roles
 * `identity/role-catalog` flags `privileged`, display name by role definition GUID, in catalog order.
 */
const PRIVILEGED_ROLES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.values(BUILT_IN_ROLES).filter((role) => role.privileged).map((role) => [role.guid, role.displayName])),
);

/** `A, B, C or D`. */
function orList(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

/**
 * Role assignments made by the stack grant least privilege: none of the built-in roles the role
 * catalog flags `privileged` ({@link NoPrivilegedRoleAssignment.PRIVILEGED_ROLES}). An
 * `RbacAssignment` given `privileged: { reason }` records the `privilegedRole` weakening, which
 * acknowledges the finding.
 */
export const NoPrivilegedRoleAssignment = Object.assign(
  defineRule({
    id: "NoPrivilegedRoleAssignment",
    description: `No azurerm_role_assignment grants ${orList(Object.values(PRIVILEGED_ROLES))}.`,
    fix:
      "Grant data-plane roles instead, with OpenAiAccount's grantUse (Cognitive Services OpenAI User) or grantManageDeployments (OpenAI Contributor); leave privileged roles to PIM, outside the workload's stack, or give the RbacAssignment privileged: { reason } to accept one.",
    resourceTypes: [RoleAssignment.tfResourceType],
    acknowledgedBy: [WEAKENING_KEYS.privilegedRole],
    evaluate(resource, context) {
      const attributes = context.attributes(resource);
      const id = attributes.role_definition_id;
      const name = attributes.role_definition_name;
      if (typeof id === "string") {
        // The GUID is the last path segment; the subscription part is often a reference.
        const guid = id.toLowerCase().split("/").pop() ?? "";
        const role = PRIVILEGED_ROLES[guid];
        if (role) return nonCompliant(`role_definition_id ends in ${guid} (${role})`);
        if (isExpression(guid)) return nonCompliant(`role_definition_id is ${describeValue(id)}: the role cannot be verified at synth`);
        return compliant();
      }
      if (typeof name === "string") {
        const role = Object.values(PRIVILEGED_ROLES).find((r) => r.toLowerCase() === name.toLowerCase());
        if (role) return nonCompliant(`role_definition_name is ${JSON.stringify(name)}`);
        if (isExpression(name)) return nonCompliant(`role_definition_name is ${describeValue(name)}: the role cannot be verified at synth`);
        return compliant();
      }
      return nonCompliant("neither role_definition_id nor role_definition_name is set");
    },
  }),
  { PRIVILEGED_ROLES } as const,
);
/** A constructed {@link NoPrivilegedRoleAssignment} rule. */
export type NoPrivilegedRoleAssignment = InstanceType<typeof NoPrivilegedRoleAssignment>;
