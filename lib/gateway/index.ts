// Public API of lib/gateway: the AI gateway in front of the Azure OpenAI accounts, its limits, logs, DLP and typed policies.
// Listed name by name: a name not here is not public API (the API report in api/ shows the whole surface).

export { GATEWAY_API_NAME, GATEWAY_MIN_API_VERSION, OPENAI_INFERENCE_SPEC_URL, OpenAiGateway, RESPONSES_OPERATIONS, V1_OPERATIONS } from "./openai-gateway";
export type { GatewayEntryPoint, GatewayOperation } from "./openai-gateway";

export type { GatewayInboundPrivateEndpoint, GatewayNetworkPlacement, GatewaySecurityExceptions, OpenAiGatewayProps } from "./gateway-props";

export { GATEWAY_GRANTEE_KEY, OpenAiGatewayBase } from "./gateway-ref";
export type { IOpenAiGateway, OpenAiGatewayAttributes } from "./gateway-ref";


export { GATEWAY_DIAGNOSTICS, GATEWAY_DIAGNOSTIC_SETTING_NAME, GATEWAY_SERVICE_LOG_CATEGORIES } from "./gateway-diagnostics";
export type { GatewayServiceLogCategory } from "./gateway-diagnostics";

// The Entra resource of Azure OpenAI (lib/core, shared with the routing manifest's token scope).
export { COGNITIVE_SERVICES_RESOURCE } from "../core/cognitive-services";

export { GATEWAY_CAPACITY, GATEWAY_INTERNAL_MODE_SKUS, GATEWAY_SKUS, GATEWAY_V2_SKUS, isV2Sku } from "./gateway-sku";
export type { GatewayCapacityRange, GatewaySku } from "./gateway-sku";

export { BACKEND_POOL_API_VERSION, BACKEND_POOL_NAME, DEFAULT_CIRCUIT_BREAKER, GatewayBackends, ROUTABLE_DEPLOYMENT_NAME, backendName, deploymentRoutes, provisionedPoolName, provisionedPreferences, routesWithPreferences } from "./backends";
export type { CircuitBreakerSettings, GatewayAccount, GatewayBackendTarget, GatewayBackendsProps, ProvisionedPreference } from "./backends";

export { APIM_DEFAULT_DOMAIN, GATEWAY_INTEGRATION_DELEGATION, GATEWAY_NSG_RULES, GatewayNetwork, GatewayPrivateDns, gatewayPrivateDnsZoneName } from "./gateway-network";
export type { GatewayNetworkProps, GatewayNsgRule, GatewayPrivateDnsProps, GatewaySubnetMode } from "./gateway-network";

export { APIM_PRIVATE_LINK_SUBRESOURCE, APIM_PRIVATE_LINK_ZONE, APIM_SERVICE_TYPE, GatewayInboundEndpoint } from "./gateway-private-endpoint";
export type { GatewayInboundEndpointProps } from "./gateway-private-endpoint";

export { APP_INSIGHTS_COMPONENT_API_VERSION, GATEWAY_DIAGNOSTICS_API_VERSION, GATEWAY_LOG_CATEGORIES, GATEWAY_RETENTION_FOLLOWS, GatewayLogging, LLM_LOGS_API_VERSION, gatewayArchiveContainer } from "./gateway-logging";
export type { GatewayLogCategory, GatewayLoggingProps } from "./gateway-logging";

export { GATEWAY_SEARCH_CATEGORY, gatewaySavedSearches } from "./gateway-saved-searches";

export { CONTENT_SAFETY_BACKEND_NAME, CONTENT_SAFETY_CMK_REASON, GatewayContentSafety } from "./content-safety";
export type { GatewayContentSafetyOptions, GatewayContentSafetyProps } from "./content-safety";

export { GatewayCostWorkbook, costPerWorkloadQuery, stableUuid } from "./gateway-cost-workbook";
export type { GatewayCostWorkbookProps } from "./gateway-cost-workbook";


export { SEED_COST_LIMITS, SEED_PROJECT_LIMITS, tokenQuotasFor } from "./limits";
export type { CostLimits, RateLimits, TokenQuotas } from "./limits";

export { MODEL_TOKEN_PRICES, findTokenPrice } from "./price-table";
export type { ModelTokenPrice } from "./price-table";

export { CLIENT_ID_PATTERN, GATEWAY_WORKLOAD_KEY } from "./workloads";
export type { GatewayWorkload } from "./workloads";


export { SEED_DLP_PATTERNS } from "./dlp/dlp-patterns";
export type { DlpPattern } from "./dlp/dlp-patterns";

export { DLP_BLOCKLIST_NAME, DlpBlocklist, RAI_API_VERSION } from "./dlp/rai-blocklist";
export type { DlpBlocklistProps } from "./dlp/rai-blocklist";

export { TOKEN_METRIC_NAMESPACE, environmentCounterKeys, gatewayPolicy, gatewayPolicyXml, workloadCounterKey } from "./policy/gateway-policy";
export type { GatewayPolicyInput } from "./policy/gateway-policy";

// The policy builders, as namespaces so short names like `el` or `choose` stay off the package root.
export * as PolicyXml from "./policy/xml";
export * as GatewayPolicies from "./policy/policies";
