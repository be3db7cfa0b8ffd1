// Public API of lib/environment: the governed environment stack, its config, backends, state bootstrap.
// The config schema (zod) stays inside: no public declaration mentions zod.
// Listed name by name: a name not here is not public API (the API report in api/ shows the whole surface).

export type { CompliancePackName, ContentFilterOverride, EnvironmentConfig, EnvironmentConfigValidation, ProjectConfig, RegionConfig, WorkloadConfig } from "./environment-config";

export { OpenAiEnvironmentStack } from "./openai-environment-stack";

export { GUID_PATTERN, REQUIRED_STATE_SETTINGS, REQUIRE_REMOTE_STATE, STATE_CONTAINER_NAME, STATE_CONTAINER_RULE, STATE_SETTINGS, configureBackend, readStateSettings, stateKey, useOidc } from "./backend";
export type { BackendOptions, EnvironmentVariables, StateSettingName, StateSettingSource, StateSettings } from "./backend";

export { INCLUDE_STATE_BOOTSTRAP, STATE_ALLOWED_IP_RANGES, STATE_BOOTSTRAP_STACK_ID, STATE_DEPLOYER_OBJECT_IDS, STATE_LOCATION, STATE_REPLICATION_TYPES, STORAGE_BLOB_DATA_CONTRIBUTOR, StateBootstrapStack, addStateBootstrap } from "./state-bootstrap-stack";
export type { StateBootstrapStackProps, StateDeployer, StatePublicNetworkAccess, StateReplicationType } from "./state-bootstrap-stack";

export { validateEnvironmentConfig } from "./validate-environment-config";

export type { EnvironmentGatewayConfig, GatewayCircuitBreakerConfig, GatewayWorkloadConfig } from "./gateway-config";
