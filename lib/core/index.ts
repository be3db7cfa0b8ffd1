// Public API of lib/core: the app, input checks, the shared feature props, governance tags, naming, regions, azapi.
// Listed name by name: a name not here is not public API (the API report in api/ shows the whole surface).

export { GuardedApp, MAX_LISTED_PROBLEMS, SynthValidationError } from "./guarded-app";
export type { GuardedAppConfig, SynthProblem } from "./guarded-app";

export { PropChecks, addPropChecks, isKnownToken, isToken } from "./validation";
export type { PropProblem } from "./validation";
export { LOCK_PROP_KEYS } from "./features/lock-keys";
export type { AllKeys, PropKeys, PropKeysOf } from "./known-props";

export { MIN_REASON_LENGTH, acknowledgeWeakening, acknowledgedWeakenings } from "./justification";
export type { AcknowledgedWeakening, Justification } from "./justification";

export { WEAKENING_KEYS } from "./weakening-keys";

export { DELETION_PROTECTION_MODES, applyLock } from "./features/lock";
export type { DeletionProtectionMode, LockProps } from "./features/lock";

export type { ManagedIdentitiesProps } from "./features/managed-identities";

export type { DiagnosticSettingProps, DiagnosticSettingsProps, ILogArchive, ILogWorkspace } from "./features/diagnostic-settings";

export { isManagedHsmKey } from "./features/customer-managed-key";
export type { AccountCustomerManagedKeyProps, CustomerManagedKeyProps, ManagedHsmCustomerManagedKeyProps } from "./features/customer-managed-key";
export { assignManagedHsmKeyRole, MANAGED_HSM_KEY_ROLE_NAMES, MANAGED_HSM_KEY_ROLES, managedHsmRoleDefinitionId } from "./features/managed-hsm-key-role";
export type { ManagedHsmKeyRole, ManagedHsmKeyRoleAssignmentProps } from "./features/managed-hsm-key-role";

export { PRIVATE_ENDPOINT_PROP_KEYS } from "./features/private-endpoints";
export type { PrivateEndpointProps, PrivateEndpointsProps } from "./features/private-endpoints";

export { GovernanceTags, TAGS_FORCE_REPLACEMENT, TAGS_NOT_IN_EVERY_TOOLCHAIN } from "./governance-tags";
export type { GovernanceTagsProps } from "./governance-tags";

export { MAX_USER_TAGS, RESERVED_TAG_NAMES, TAG_LIMITS } from "./tags";
export type { GovernanceTagProps } from "./tags";

export { NAME_RULES, ResourceNaming, nameProblem } from "./naming";
export type { NameOptions, NameRule, NamingProps, ResourceKind } from "./naming";

export { OPENAI_REGIONS, REGION_CATALOG_SOURCE_DATE, findRegion, knownRegionNames } from "./region-catalog";
export type { DataZone, Geography, RegionInfo } from "./region-catalog";

export {
  LEGACY_MOVES_CONTEXT_KEY,
  LEGACY_MOVES_TERRAFORM_VERSION,
  legacyMovesEnabled,
  moveFromLegacyPath,
  NO_LEGACY_MOVES_CONTEXT_KEY,
} from "./legacy-address";

export { OperationChain } from "./operation-chain";
export type { IOperationChain } from "./operation-chain";

export { SYNTH_DATE_CONTEXT_KEY } from "./synth-date";

export { isStackWideAspect, propagateStackWideAspects } from "./stack-aspects";
export type { IStackWideAspect } from "./stack-aspects";

export { AZAPI_PROVIDER_SOURCE, AZAPI_PROVIDER_VERSION, AzapiDataSourceBase, AzapiProvider, AzapiResource, AzapiResourceBase, AzapiUpdateResource, azapiProvider } from "./azapi";
export type { AzapiMetaArguments, AzapiProviderProps, AzapiResourceProps, AzapiUpdateResourceProps } from "./azapi";
export { DataAzapiResourceAction, DataAzapiResourceList, TerraformCheck } from "./azapi-data";
export type { AzapiResponseExportValues, DataAzapiResourceActionProps, DataAzapiResourceListProps, TerraformCheckAssertion } from "./azapi-data";
