import { isToken } from "../core/validation";
import { BUILT_IN_ROLE_KEYS, BUILT_IN_ROLES, BuiltInRoleKey, builtInRole, builtInRoleKeyByGuid } from "./role-catalog";
import { isGuid } from "./principal";

/**
 * A custom role definition. Custom roles are treated as non-privileged: the library cannot see
 * their permissions at synth, so keep them narrow (the compliance rules still flag a custom ID
 * that is a reference). A custom ID whose GUID is a built-in role's counts as that role.
 */
export interface CustomRole {
  /**
   * The role definition: its GUID, its ID in tenant form
   * (`/providers/Microsoft.Authorization/roleDefinitions/<guid>`) or subscription form, or a
   * reference such as `azurerm_role_definition.x.role_definition_resource_id`. Literal IDs are
   * emitted in subscription form.
   */
  readonly customRoleDefinitionId: string;
  /**
   * Name shown in descriptions and reports.
   * @default "custom role <guid>"
   */
  readonly displayName?: string;
  /**
   * Stable key for construct IDs. Required when `customRoleDefinitionId` is a reference.
   * @default - the role definition GUID
   */
  readonly key?: string;
}

/** A role to assign: a built-in key such as `"OpenAiUser"`, or a custom role definition. */
export type RoleSpec = BuiltInRoleKey | CustomRole;

/** A role spec, looked up. */
export interface ResolvedRole {
  /** The built-in role, when the spec is or names one. */
  readonly builtIn?: BuiltInRoleKey;
  /** Role definition GUID in lower case, when known at synth. */
  readonly guid?: string;
  /** A role definition ID to emit as given (a reference), when the GUID is not known. */
  readonly referenceId?: string;
  /** Display name, for descriptions. */
  readonly displayName: string;
  /** Assigning the role needs `privileged: { reason }`. */
  readonly privileged: boolean;
  /** Stable key for construct IDs, or undefined when none can be derived. */
  readonly key?: string;
  /** The role as a string that is the same for the same role, for duplicate detection. */
  readonly identity: string;
  /** Why the spec is invalid, in the `allowed: ...` form of PropChecks, or undefined. */
  readonly problem?: string;
}

const ROLE_DEFINITION_SUFFIX = /\/providers\/Microsoft\.Authorization\/roleDefinitions\/([0-9a-fA-F-]{36})$/i;

/** Looks a role spec up in the catalog, or parses a custom role definition ID. */
export function resolveRole(spec: RoleSpec): ResolvedRole {
  if (typeof spec === "string") {
    const known = builtInRole(spec);
    if (known) return fromBuiltIn(spec as BuiltInRoleKey);
    return invalid(`allowed: one of ${BUILT_IN_ROLE_KEYS.join(", ")}, or { customRoleDefinitionId }`);
  }
  const id = spec?.customRoleDefinitionId;
  if (typeof id !== "string" || id === "") return invalid("allowed: a role definition GUID or ID in customRoleDefinitionId");
  if (isToken(id)) {
    return { referenceId: id, displayName: spec.displayName ?? "custom role", privileged: false, key: spec.key, identity: id };
  }
  const guid = (isGuid(id) ? id : ROLE_DEFINITION_SUFFIX.exec(id)?.[1])?.toLowerCase();
  if (guid === undefined || !isGuid(guid)) {
    return invalid("allowed: a role definition GUID, or an ID ending in /providers/Microsoft.Authorization/roleDefinitions/<guid>");
  }
  // A built-in GUID passed as "custom" is still that built-in role, privileges included.
  const builtInKey = builtInRoleKeyByGuid(guid);
  if (builtInKey) return fromBuiltIn(builtInKey);
  return { guid, displayName: spec.displayName ?? `custom role ${guid}`, privileged: false, key: spec.key ?? guid, identity: guid };
}

function fromBuiltIn(key: BuiltInRoleKey): ResolvedRole {
  const role = BUILT_IN_ROLES[key];
  return { builtIn: key, guid: role.guid, displayName: role.displayName, privileged: role.privileged, key, identity: role.guid };
}

function invalid(problem: string): ResolvedRole {
  return { displayName: "invalid role", privileged: false, identity: "invalid", problem };
}

/** The role definition ID in subscription form, given the subscription's resource ID. */
export function roleDefinitionId(role: ResolvedRole, subscriptionResourceId: string): string {
  if (role.guid) return `${subscriptionResourceId}/providers/Microsoft.Authorization/roleDefinitions/${role.guid}`;
  return role.referenceId ?? "";
}
