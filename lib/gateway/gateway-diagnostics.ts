import type { DiagnosticLogCategories } from "../monitoring/log-categories";

/**
 * Every resource log category of `Microsoft.ApiManagement/service` (Microsoft's "Supported logs
 * for Microsoft.ApiManagement/service"; docs/evidence/gateway-vocabulary.md). The gateway's own
 * setting sends two of them ({@link GATEWAY_LOG_CATEGORIES}); a `diagnosticSettings` entry may
 * send any.
 */
export const GATEWAY_SERVICE_LOG_CATEGORIES = [
  "GatewayLogs",
  "GatewayLlmLogs",
  "GatewayMCPLogs",
  "WebSocketConnectionLogs",
  "DeveloperPortalAuditLogs",
] as const;

/** One resource log category of the API Management service. */
export type GatewayServiceLogCategory = (typeof GATEWAY_SERVICE_LOG_CATEGORIES)[number];

/** Name of the gateway's own diagnostic setting (workspace and archive). */
export const GATEWAY_DIAGNOSTIC_SETTING_NAME = "ai-gateway-logs";

/** The log categories of the API Management service, as a `diagnosticSettings` entry checks them. */
export const GATEWAY_DIAGNOSTICS: DiagnosticLogCategories = Object.freeze({
  resourceKind: "API Management service",
  categories: GATEWAY_SERVICE_LOG_CATEGORIES,
  defaultSettingName: GATEWAY_DIAGNOSTIC_SETTING_NAME,
});
