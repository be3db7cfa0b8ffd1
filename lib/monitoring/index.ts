// Public API of lib/monitoring, listed name by name. Helpers in ./private are not part of it.

// Shared shapes
export type { AppliedException, NameChoice } from "./monitoring-props";

// Log categories
export {
  ALL_METRICS_CATEGORY,
  archiveContainerName,
  COGNITIVE_SERVICES_NAMESPACE,
  KEY_VAULT_DIAGNOSTICS,
  KEY_VAULT_LOG_CATEGORIES,
  LOG_CATEGORY_GROUPS,
  logContainerName,
  METRICS_CONTAINER,
  OPENAI_DIAGNOSTICS,
  OPENAI_LOG_CATEGORIES,
  RETENTION_CATEGORIES,
  STORAGE_BLOB_DIAGNOSTICS,
  STORAGE_BLOB_LOG_CATEGORIES,
} from "./log-categories";
export type {
  DiagnosticLogCategories,
  KeyVaultLogCategory,
  LogCategoryGroup,
  OpenAiLogCategory,
  RetentionCategory,
  StorageBlobLogCategory,
} from "./log-categories";

// Audit workspace
export { AuditWorkspace, AuditWorkspaceBase, DIAGNOSTICS_TABLE, TABLE_TOTAL_RETENTION_YEARS_DAYS, WORKSPACE_RETENTION_BOUNDS } from "./audit-workspace";
export type { AuditWorkspaceAttributes, AuditWorkspaceProps, AuditWorkspaceSecurityExceptions, DailyIngestionCap, IAuditWorkspace } from "./audit-workspace";

// Retention archive
export { ARCHIVE_NAME_QUALIFIER, ARCHIVE_PUBLIC_ENDPOINT_REASON, RetentionArchive, RetentionArchiveBase } from "./retention-archive";
export type {
  ArchiveCategoryOptions,
  ArchiveCategoryPlacement,
  ArchivedCategory,
  ArchiveRedundancy,
  IRetentionArchive,
  RetentionArchiveAttributes,
  RetentionArchiveProps,
  RetentionArchiveSecurityExceptions,
} from "./retention-archive";
export { ARCHIVE_RETENTION_BOUNDS, DEFAULT_ARCHIVE_RETENTION_DAYS } from "./retention";
export type { ArchiveRetention, ContainerImmutability, RetentionDays } from "./retention";

// Diagnostic settings
export {
  addDiagnosticSettings,
  DEFAULT_DIAGNOSTIC_SETTING_NAME,
  MAX_DIAGNOSTIC_SETTINGS_PER_RESOURCE,
  OpenAiDiagnosticSetting,
  ResourceDiagnosticSetting,
} from "./diagnostic-setting";
export type {
  DiagnosedAccount,
  OpenAiDiagnosticSettingProps,
  ResourceDiagnosticSettingProps,
  TargetedDiagnosticSettingProps,
} from "./diagnostic-setting";

// Saved searches
export {
  FAILED_AUTHENTICATION_SEARCH,
  OPENAI_SAVED_SEARCHES,
  REQUEST_LOG_SEARCH,
  THROTTLED_REQUESTS_SEARCH,
  WorkspaceSavedSearches,
} from "./saved-searches";
export type { SavedSearchDefinition, WorkspaceSavedSearchesProps } from "./saved-searches";

// Alerts
export { AlertActionGroup } from "./action-group";
export type { AlertActionGroupProps, EmailReceiver, WebhookReceiver } from "./action-group";
export { ALERT_WINDOWS, OPENAI_ALERTS, OpenAiMetricAlerts } from "./metric-alerts";
export type { AlertedAccount, AlertTuning, AlertWindow, OpenAiMetricAlertsProps } from "./metric-alerts";
