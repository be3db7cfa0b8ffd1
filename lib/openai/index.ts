// Public API of lib/openai.

// The account, and accounts made elsewhere
export {
  type AccountCustomerManagedKey,
  type AccountManagedHsmKey,
  type AccountPrivateEndpointOptions,
  type AppliedSecurityException,
  CMK_KEY_PERMISSIONS,
  OpenAiAccount,
  type OpenAiAccountAttributes,
  OpenAiAccountBase,
  type OpenAiAccountProps,
  type OpenAiAccountSecurityExceptions,
} from "./openai-account";
export { type IOpenAiAccount } from "./openai-account-ref";
export { MANAGED_HSM_ENCRYPTION_API_VERSION, MANAGED_HSM_ENCRYPTION_TYPE } from "./managed-hsm-encryption";

// Model deployments
export { ModelDeployment, type ModelDeploymentProps } from "./model-deployment";
export {
  DEPLOYMENT_NAME_PATTERN,
  DEPLOYMENT_NAME_RULE,
  isDeploymentName,
  MAX_PROVISIONED_CAPACITY,
  MAX_TOKEN_CAPACITY,
  type ModelDeploymentOptions,
  AI_SERVICES_ACCOUNT_KIND,
  formatNeedsAiServices,
  KNOWN_MODEL_FORMATS,
  type KnownModelFormat,
  type ModelFormatProblem,
  modelFormatProblem,
  OPENAI_ACCOUNT_KIND,
  OPENAI_MODEL_FORMAT,
  NO_FILTER_POLICY,
  SPILLOVER_API_VERSION,
  SPILLOVER_TARGET_SKU,
  VERSION_UPGRADE_OPTIONS,
  type VersionUpgradeOption,
} from "./deployment-options";

// Model lifecycle catalog
export {
  catalogModelFormat,
  checkModelLifecycle,
  findModelLifecycle,
  FOUNDRY_DIRECT_MODELS,
  isIsoDate,
  lifecycleToday,
  MODEL_CATALOG_SOURCE_DATE,
  MODEL_LIFECYCLE_CATALOG,
  type ModelLifecycleEntry,
  type ModelLifecycleFinding,
  type ModelLifecycleSource,
  type ModelLifecycleStatus,
  type ModelLifecycleVerdict,
  RETIREMENT_WARNING_DAYS,
  unofferedSku,
  PTU_SIZES,
  PTU_SIZES_SOURCE,
  type PtuSize,
  type PtuSizeEntry,
  ptuCapacityProblem,
  ptuSize,
} from "./model-lifecycle";

// Content filter
export { ContentFilter, type ContentFilterOptions, type ContentFilterProps, enabledShields, HARM_CATEGORIES, type HarmCategory, type SeverityThreshold, SHIELD_FILTERS, type ShieldFilterName } from "./content-filter";

// Stored completions
export { applyStoredCompletions, STORED_COMPLETIONS_API_VERSION, STORED_COMPLETIONS_TYPE, type StoredCompletionsException, storedCompletionsOffBody } from "./stored-completions";

// Account kind and Microsoft's upgrade to Foundry
export {
  ACCOUNT_KINDS,
  type AccountKind,
  checkKindSettings,
  DEFAULT_ACCOUNT_KIND,
  FOUNDRY_AUTO_UPGRADE_API_VERSION,
  FOUNDRY_AUTO_UPGRADE_TYPE,
  FOUNDRY_UPGRADE_DECISIONS,
  FOUNDRY_UPGRADE_IGNORED_ATTRIBUTES,
  foundryOptOutBody,
  type FoundryUpgradeDecision,
  type KindSettings,
  MISSING_UPGRADE_DECISION,
} from "./foundry-upgrade";
export { AGENT_SUBNET_DELEGATION, AGENT_SUBNET_MAX_PREFIX, AGENT_SUBNET_RANGES, type AgentSubnet, checkAgentSubnet } from "./agent-subnet";

// Foundry projects
export { FoundryProject, type FoundryProjectOptions, type FoundryProjectProps, PROJECT_NAME_PATTERN, PROJECT_NAME_RULE } from "./foundry-project";
