// Public API of lib/gateway: the AI gateway in front of the Azure OpenAI accounts.
export * from "./openai-gateway";
export * from "./gateway-props";
export * from "./backends";
export * from "./gateway-network";
export * from "./gateway-logging";
export * from "./gateway-saved-searches";
export * from "./gateway-checks";
export * from "./limits";
export * from "./price-table";
export * from "./workloads";
export * from "./azapi-update";
export * from "./config/gateway-config";
export * from "./dlp/dlp-patterns";
export * from "./dlp/rai-blocklist";
export * as PolicyXml from "./policy/xml";
export * as GatewayPolicies from "./policy/policies";
export * from "./policy/gateway-policy";
export * from "./environment-gateway";
