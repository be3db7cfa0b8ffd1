import { destinationsOf, diagnosticSettingsFor, LogDestinationKind } from "../log-destinations";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { firstBlock } from "../values";
import { API_MANAGEMENT_TYPE, azapiChildren, azapiProperties, serviceChildren } from "../private/api-gateway-service";

const LOGGER_TYPE = "azurerm_api_management_logger";
/** The gateway's request log: every call, caller, status and latency. */
const GATEWAY_LOGS = "GatewayLogs";
/** The LLM log (token usage per request), produced when an API diagnostic turns LLM logs on. */
const GATEWAY_LLM_LOGS = "GatewayLlmLogs";
/** Destinations every category must reach: the workspace to query, the archive to keep. */
const REQUIRED_KINDS: readonly LogDestinationKind[] = ["workspace", "storage"];
const KIND_NAMES: Readonly<Record<LogDestinationKind, string>> = {
  workspace: "a Log Analytics workspace",
  storage: "a storage account",
  eventhub: "an event hub",
  partner: "a partner solution",
};

/**
 * The API Management service (the AI gateway) exports its logs: diagnostic settings targeting
 * the service send GatewayLogs, and GatewayLlmLogs when an API diagnostic of the service turns
 * LLM logs on (azapi `apis/diagnostics` with `largeLanguageModel.logs = "enabled"`), each to a
 * Log Analytics workspace and to a storage account (the archive); and an Application Insights
 * logger exists for the service (`azurerm_api_management_logger` with `application_insights`,
 * or an azapi `loggers` child with `loggerType = "applicationInsights"`). A category sent
 * through the `allLogs` group counts.
 */
export const ApiGatewayLogsExported = defineRule({
  id: "ApiGatewayLogsExported",
  description:
    "azurerm_monitor_diagnostic_setting resources targeting the azurerm_api_management send GatewayLogs (and GatewayLlmLogs when LLM logs are on) to a Log Analytics workspace and a storage account, and the service has an Application Insights logger.",
  fix:
    "Use OpenAiGateway with an archive: its GatewayLogging sends GatewayLogs and GatewayLlmLogs to the workspace and the archive and adds the Application Insights logger.",
  resourceTypes: [API_MANAGEMENT_TYPE],
  evaluate(resource, context) {
    const service = context.reference(resource);
    const settings = diagnosticSettingsFor(context, service);
    const problems: string[] = [];
    if (settings.length === 0) problems.push("no azurerm_monitor_diagnostic_setting in this stack targets the service");
    const llmLogs = azapiChildren(context, resource, "apis/diagnostics", true).filter((d) => {
      const logs = firstBlock(azapiProperties(d, context).largeLanguageModel)?.logs;
      return typeof logs === "string" && logs.toLowerCase() === "enabled";
    });
    const categories = llmLogs.length > 0 ? [GATEWAY_LOGS, GATEWAY_LLM_LOGS] : [GATEWAY_LOGS];
    if (settings.length > 0) {
      for (const category of categories) {
        const kinds = new Set(destinationsOf(context, service, category).map((d) => d.kind));
        const missing = REQUIRED_KINDS.filter((kind) => !kinds.has(kind));
        if (missing.length > 0) {
          const why = category === GATEWAY_LLM_LOGS ? ` (LLM logs are on in ${llmLogs.map((d) => d.node.path).join(", ")})` : "";
          problems.push(`${category}${why} is not sent to ${missing.map((k) => KIND_NAMES[k]).join(" or ")}`);
        }
      }
    }
    const loggers = [
      ...serviceChildren(context, resource, LOGGER_TYPE).filter((l) => firstBlock(context.attributes(l).application_insights) !== undefined),
      ...azapiChildren(context, resource, "loggers").filter((l) => String(azapiProperties(l, context).loggerType ?? "").toLowerCase() === "applicationinsights"),
    ];
    if (loggers.length === 0) problems.push("the service has no Application Insights logger (azurerm_api_management_logger or azapi loggers)");
    if (problems.length > 0) return nonCompliant(problems.join("; "));
    return compliant(`${categories.join(" and ")} to a workspace and a storage account (${settings.map((s) => s.node.path).join(", ")}); logger ${loggers.map((l) => l.node.path).join(", ")}`);
  },
});
/** A constructed {@link ApiGatewayLogsExported} rule. */
export type ApiGatewayLogsExported = InstanceType<typeof ApiGatewayLogsExported>;
