/** Resource log categories of an Azure OpenAI (Cognitive Services) account. */
export const OPENAI_LOG_CATEGORIES = ["Audit", "RequestResponse", "Trace", "AzureOpenAIRequestUsage"] as const;

/** One resource log category of an Azure OpenAI account. */
export type OpenAiLogCategory = (typeof OPENAI_LOG_CATEGORIES)[number];

/**
 * Category groups Azure defines for the account. A diagnostic setting names either groups or
 * single categories, never both.
 */
export const LOG_CATEGORY_GROUPS = ["audit", "allLogs"] as const;

/** A log category group. */
export type LogCategoryGroup = (typeof LOG_CATEGORY_GROUPS)[number];

/** The one metric category of the account: every platform metric. */
export const ALL_METRICS_CATEGORY = "AllMetrics";

/** What the retention archive keeps apart: each log category, plus the platform metrics. */
export type RetentionCategory = OpenAiLogCategory | "metrics";

/** Every retention category, logs first. */
export const RETENTION_CATEGORIES: readonly RetentionCategory[] = [...OPENAI_LOG_CATEGORIES, "metrics"];

/** Container Azure Monitor writes platform metrics to (one-minute grain). */
export const METRICS_CONTAINER = "insights-metrics-pt1m";

/**
 * The blob container Azure Monitor writes a category to in a storage destination:
 * `insights-logs-<category in lower case>`, and `insights-metrics-pt1m` for metrics.
 */
export function archiveContainerName(category: RetentionCategory): string {
  return category === "metrics" ? METRICS_CONTAINER : `insights-logs-${category.toLowerCase()}`;
}

/** Resource type of Azure OpenAI accounts, the namespace of their platform metrics. */
export const COGNITIVE_SERVICES_NAMESPACE = "Microsoft.CognitiveServices/accounts";
