// Public API of lib/identity. Helpers the constructs share live in ./private and are not exported.

// Built-in roles and role specs
export {
  BUILT_IN_ROLE_KEYS,
  BUILT_IN_ROLES,
  type BuiltInRole,
  type BuiltInRoleKey,
  builtInRole,
  builtInRoleKeyByGuid,
  HUMAN_ROLE_CEILING,
  type RoleScopeKind,
} from "./role-catalog";
export { type CustomRole, type ResolvedRole, resolveRole, roleDefinitionId, type RoleSpec } from "./role-ref";

// Principals
export {
  ENTRA_OBJECT_ID_PATTERN,
  HUMAN_PRINCIPAL_TYPES,
  type IGrantee,
  isGuid,
  isMissingPrincipalId,
  isPlaceholderPrincipalId,
  placeholderPrincipalId,
  PRINCIPAL_TYPES,
  type PrincipalFromEnvOptions,
  principalIdFromEnv,
  principalsRequired,
  type PrincipalType,
  REQUIRE_PRINCIPALS_ENV,
} from "./principal";
export { WorkloadIdentity, type WorkloadIdentityProps } from "./workload-identity";

// Role assignments: on a target, by grant function, as a feature prop, or as an access matrix
export { type IRoleTarget, RoleScope, type RoleScopeProps } from "./role-target";
export { ResourceRoleTarget } from "./resource-role-target";
export { RbacAssignment, type RbacAssignmentProps } from "./role-assignment";
export { RoleGrants } from "./role-grants";
export { type GrantOptions, grantLogReader, grantManageDeployments, grantRead, grantRole, grantUse } from "./grants";
export { applyRoleAssignments, type RoleAssignmentProps, type RoleAssignmentsProps } from "./role-assignments-prop";
export { type AccessEntry, AccessMatrix, type AccessMatrixProps, type AccessScope, ROLE_SCOPE_KINDS } from "./access-matrix";
