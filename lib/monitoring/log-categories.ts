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
  return category === "metrics" ? METRICS_CONTAINER : logContainerName(category);
}

/** The blob container Azure Monitor writes any resource log category to: `insights-logs-<category in lower case>`. */
export function logContainerName(category: string): string {
  return `insights-logs-${String(category).toLowerCase()}`;
}

/** Resource type of Azure OpenAI accounts, the namespace of their platform metrics. */
export const COGNITIVE_SERVICES_NAMESPACE = "Microsoft.CognitiveServices/accounts";

/** Resource log categories of a Key Vault (`Microsoft.KeyVault/vaults`). */
export const KEY_VAULT_LOG_CATEGORIES = ["AuditEvent", "AzurePolicyEvaluationDetails"] as const;

/** One resource log category of a Key Vault. */
export type KeyVaultLogCategory = (typeof KEY_VAULT_LOG_CATEGORIES)[number];

/**
 * The log categories of a resource type, as a diagnostic setting checks them. The library
 * knows Azure OpenAI ({@link OPENAI_DIAGNOSTICS}) and Key Vault ({@link KEY_VAULT_DIAGNOSTICS});
 * for another type give its categories (Azure lists them per type under "Supported logs").
 */
export interface DiagnosticLogCategories {
  /** What the resources are, for messages, for example `Azure OpenAI account`. */
  readonly resourceKind: string;
  /** Every log category of the type; a setting sends all of them unless told otherwise. */
  readonly categories: readonly string[];
  /** Name a setting gets when none is given. */
  readonly defaultSettingName: string;
  /**
   * The metric categories a setting sends when `metrics` is on. Most types take `AllMetrics`;
   * storage services name theirs (`Transaction`) and refuse `AllMetrics`.
   * @default [ALL_METRICS_CATEGORY]
   */
  readonly metricCategories?: readonly string[];
}

/** The log categories of an Azure OpenAI (Cognitive Services) account. */
export const OPENAI_DIAGNOSTICS: DiagnosticLogCategories = Object.freeze({
  resourceKind: "Azure OpenAI account",
  categories: OPENAI_LOG_CATEGORIES,
  defaultSettingName: "openai-audit-logs",
});

/** The log categories of a Key Vault. */
export const KEY_VAULT_DIAGNOSTICS: DiagnosticLogCategories = Object.freeze({
  resourceKind: "Key Vault",
  categories: KEY_VAULT_LOG_CATEGORIES,
  defaultSettingName: "key-vault-audit-logs",
});

/** Resource log categories of a storage account's blob service (`Microsoft.Storage/storageAccounts/blobServices`, table StorageBlobLogs). */
export const STORAGE_BLOB_LOG_CATEGORIES = ["StorageRead", "StorageWrite", "StorageDelete"] as const;

/** One resource log category of a blob service. */
export type StorageBlobLogCategory = (typeof STORAGE_BLOB_LOG_CATEGORIES)[number];

/**
 * The log categories of a storage account's blob service: who read, wrote or deleted which
 * blob. Its metrics go as `Transaction` (Azure refuses `AllMetrics` on storage; `Capacity` is
 * left out: Microsoft's pages and the field disagree on whether the blob service accepts it).
 */
export const STORAGE_BLOB_DIAGNOSTICS: DiagnosticLogCategories = Object.freeze({
  resourceKind: "storage blob service",
  categories: STORAGE_BLOB_LOG_CATEGORIES,
  defaultSettingName: "storage-blob-logs",
  metricCategories: Object.freeze(["Transaction"]),
});
