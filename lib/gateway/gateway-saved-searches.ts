import { SavedSearchDefinition } from "../monitoring/saved-searches";

/** Category the gateway's saved searches are grouped under. */
export const GATEWAY_SEARCH_CATEGORY = "AI gateway";

/**
 * The gateway's saved searches: tokens per workload per day (the token metrics, which
 * workspace-based Application Insights writes to `AppMetrics`), throttled calls per workload
 * (the gateway log's 429 and 403 answers, with the workload the gateway's `trace` recorded),
 * and failovers (five-minute windows in which more than one backend answered, and backend
 * 429/5xx answers).
 *
 * No query holds a value of the configuration: Azure replaces a saved search whenever its query
 * changes (every field is ForceNew in azurerm), and the workspace's CanNotDelete lock then fails
 * the apply. So the failover search does not name the priority-1 backend: with a priority pool
 * one backend answers all calls until it fails, and a window with two is a failover.
 */
export function gatewaySavedSearches(): SavedSearchDefinition[] {
  return [
    {
      name: "gateway-tokens-per-workload-daily",
      displayName: "AI gateway: tokens per workload per day",
      category: GATEWAY_SEARCH_CATEGORY,
      query: [
        "AppMetrics",
        `| where Name in ("Total Tokens", "Prompt Tokens", "Completion Tokens")`,
        `| extend Workload = tostring(Properties["Workload"]), Deployment = tostring(Properties["Deployment"]), Region = tostring(Properties["Region"])`,
        "| summarize Tokens = sum(Sum) by Day = bin(TimeGenerated, 1d), Workload, Deployment, Region, Name",
        "| order by Day desc, Tokens desc",
      ].join("\n"),
    },
    {
      // Prices are not in a saved search (they would make it ForceNew): the cost workbook prices these.
      name: "gateway-tokens-per-workload-monthly",
      displayName: "AI gateway: tokens per workload per month",
      category: GATEWAY_SEARCH_CATEGORY,
      query: [
        "AppMetrics",
        `| where Name in ("Total Tokens", "Prompt Tokens", "Completion Tokens")`,
        `| extend Workload = tostring(Properties["Workload"]), Deployment = tostring(Properties["Deployment"])`,
        "| summarize Tokens = sum(Sum) by Month = startofmonth(TimeGenerated), Workload, Deployment, Name",
        "| order by Month desc, Tokens desc",
      ].join("\n"),
    },
    {
      name: "gateway-throttled-per-workload",
      displayName: "AI gateway: throttled calls per workload",
      category: GATEWAY_SEARCH_CATEGORY,
      query: [
        "ApiManagementGatewayLogs",
        "| where ResponseCode in (429, 403)",
        `| mv-apply Trace = TraceRecords on (where tostring(Trace.source) == "ai-gateway" | project Workload = tostring(Trace.message))`,
        `| extend Limit = iff(ResponseCode == 429, "rate (requests or tokens per minute)", "quota or IP allowlist")`,
        "| summarize Throttled = count() by Hour = bin(TimeGenerated, 1h), Workload, ResponseCode, Limit",
        "| order by Hour desc, Throttled desc",
      ].join("\n"),
    },
    {
      name: "gateway-failovers",
      displayName: "AI gateway: failovers and backend failures",
      category: GATEWAY_SEARCH_CATEGORY,
      query: [
        "ApiManagementGatewayLogs",
        "| where isnotempty(BackendUrl)",
        "| extend Backend = tostring(parse_url(BackendUrl).Host), Window = bin(TimeGenerated, 5m)",
        "| summarize Calls = count(), BackendFailures = countif(BackendResponseCode == 429 or BackendResponseCode >= 500) by Window, Backend",
        "| join kind=inner (",
        "    ApiManagementGatewayLogs",
        "    | where isnotempty(BackendUrl)",
        "    | summarize BackendsAnswering = dcount(tostring(parse_url(BackendUrl).Host)) by Window = bin(TimeGenerated, 5m)",
        "  ) on Window",
        "| extend FailedOver = BackendsAnswering > 1",
        "| where BackendFailures > 0 or FailedOver",
        "| project Window, Backend, Calls, BackendFailures, FailedOver, BackendsAnswering",
        "| order by Window desc, Calls desc",
      ].join("\n"),
    },
  ];
}
