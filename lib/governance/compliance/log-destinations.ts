import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { LogAnalyticsWorkspaceTable } from "@cdktf/provider-azurerm/lib/log-analytics-workspace-table";
import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageManagementPolicy } from "@cdktf/provider-azurerm/lib/storage-management-policy";
import { TerraformResource } from "cdktf";
import { RuleContext } from "./context";
import { ResourceAttributes, blocks, firstBlock, isExpression, strings } from "./values";

/** Where a diagnostic setting sends logs. */
export type LogDestinationKind = "workspace" | "storage" | "eventhub" | "partner";

/** One place logs of a category go to. */
export interface LogDestination {
  /** What kind of destination. */
  readonly kind: LogDestinationKind;
  /** The destination's resource ID as the setting gives it (often a `${...}` reference). */
  readonly reference: string;
  /** The construct path of the diagnostic setting that sends the logs. */
  readonly settingPath: string;
}

/** How long a destination keeps a category: whole days, forever, or unknown at synth. */
export interface DestinationRetention {
  /** The destination. */
  readonly destination: LogDestination;
  /** Days kept; `Infinity` when nothing deletes them; undefined when it cannot be told from this stack. */
  readonly days?: number;
  /** How the number was found, for the finding's detail. */
  readonly basis: string;
}

/** Azure's retention for a workspace that sets none. */
export const DEFAULT_WORKSPACE_RETENTION_DAYS = 30;

/** Table every Azure OpenAI (Cognitive Services) log category lands in. */
const DIAGNOSTICS_TABLE = "AzureDiagnostics";

/** The diagnostic settings of the stack that monitor `target` (a resource reference). */
export function diagnosticSettingsFor(context: RuleContext, target: string): TerraformResource[] {
  return context.referencing(MonitorDiagnosticSetting.tfResourceType, target, (a) => a.target_resource_id);
}

/**
 * Whether a diagnostic setting sends `category`: named directly, or through the `allLogs`
 * category group, or the `audit` group for the Audit category. Categories are case-insensitive.
 */
export function settingSendsCategory(setting: ResourceAttributes, category: string): boolean {
  const wanted = category.toLowerCase();
  return blocks(setting.enabled_log).some((log) => {
    const name = typeof log.category === "string" ? log.category.toLowerCase() : undefined;
    const group = typeof log.category_group === "string" ? log.category_group.toLowerCase() : undefined;
    return name === wanted || group === "alllogs" || (group === "audit" && wanted === "audit");
  });
}

/** Every destination that receives `category` of the resource `target`. */
export function destinationsOf(context: RuleContext, target: string, category: string): LogDestination[] {
  return diagnosticSettingsFor(context, target).flatMap((setting) => {
    const attributes = context.attributes(setting);
    if (!settingSendsCategory(attributes, category)) return [];
    const found: [LogDestinationKind, unknown][] = [
      ["workspace", attributes.log_analytics_workspace_id],
      ["storage", attributes.storage_account_id],
      ["eventhub", attributes.eventhub_authorization_rule_id],
      ["partner", attributes.partner_solution_id],
    ];
    return found
      .filter((entry): entry is [LogDestinationKind, string] => typeof entry[1] === "string")
      .map(([kind, reference]) => ({ kind, reference, settingPath: setting.node.path }));
  });
}

/** How long `destination` keeps logs of `category`, as far as this stack tells. */
export function retentionOf(context: RuleContext, destination: LogDestination, category: string): DestinationRetention {
  switch (destination.kind) {
    case "workspace":
      return workspaceRetention(context, destination);
    case "storage":
      return storageRetention(context, destination, category);
    case "eventhub":
      return { destination, basis: `event hub ${destination.reference}: retention is decided by its consumers` };
    case "partner":
      return { destination, basis: `partner solution ${destination.reference}: retention is outside this stack` };
  }
}

function workspaceRetention(context: RuleContext, destination: LogDestination): DestinationRetention {
  const workspace = context.resolveReference(LogAnalyticsWorkspace.tfResourceType, destination.reference);
  if (!workspace) {
    return { destination, basis: `Log Analytics workspace ${destination.reference} is not in this stack; its retention cannot be verified here` };
  }
  const name = `Log Analytics workspace ${workspace.node.path}`;
  const table = context
    .referencing(LogAnalyticsWorkspaceTable.tfResourceType, context.reference(workspace), (a) => a.workspace_id)
    .map((t) => context.attributes(t))
    .find((t) => t.name === DIAGNOSTICS_TABLE);
  const workspaceDays = context.attributes(workspace).retention_in_days;
  // Total retention (interactive + archive) is what the table keeps; unset values inherit.
  const candidates: [unknown, string][] = [
    [table?.total_retention_in_days, `${DIAGNOSTICS_TABLE} table total_retention_in_days`],
    [table?.retention_in_days, `${DIAGNOSTICS_TABLE} table retention_in_days`],
    [workspaceDays, "workspace retention_in_days"],
  ];
  const chosen = candidates.find(([value]) => value !== undefined && value !== null);
  if (!chosen) {
    return { destination, days: DEFAULT_WORKSPACE_RETENTION_DAYS, basis: `${name}: ${DEFAULT_WORKSPACE_RETENTION_DAYS} days (Azure's default, no retention set)` };
  }
  const [value, source] = chosen;
  if (typeof value !== "number") {
    return { destination, basis: `${name}: ${source} is only known at apply time (${String(value)})` };
  }
  return { destination, days: value, basis: `${name}: ${value} days (${source})` };
}

function storageRetention(context: RuleContext, destination: LogDestination, category: string): DestinationRetention {
  const account = context.resolveReference(StorageAccount.tfResourceType, destination.reference);
  const policies = context.referencing(StorageManagementPolicy.tfResourceType, destination.reference, (a) => a.storage_account_id);
  if (!account && policies.length === 0) {
    return { destination, basis: `storage account ${destination.reference} is not in this stack; its retention cannot be verified here` };
  }
  const name = `storage account ${account?.node.path ?? destination.reference}`;
  // Azure Monitor writes each category as append blobs under `insights-logs-<category>/`.
  const container = `insights-logs-${category.toLowerCase()}/`;
  const deletions: { days: number; rule: string }[] = [];
  let unknownRule: string | undefined;
  for (const policy of policies) {
    for (const rule of blocks(context.attributes(policy).rule)) {
      if (rule.enabled === false || !ruleCoversContainer(rule, container)) continue;
      const baseBlob = firstBlock(firstBlock(rule.actions)?.base_blob);
      const deleteAfter = [
        baseBlob?.delete_after_days_since_modification_greater_than,
        baseBlob?.delete_after_days_since_creation_greater_than,
        baseBlob?.delete_after_days_since_last_access_time_greater_than,
      ].filter((v) => v !== undefined && v !== null);
      const ruleName = `rule ${JSON.stringify(rule.name)} of ${policy.node.path}`;
      for (const days of deleteAfter) {
        if (typeof days === "number") deletions.push({ days, rule: ruleName });
        else unknownRule = ruleName;
      }
      if (isExpression(rule.enabled)) unknownRule = ruleName;
    }
  }
  if (deletions.length > 0) {
    const earliest = deletions.reduce((a, b) => (b.days < a.days ? b : a));
    return { destination, days: earliest.days, basis: `${name}: ${container} deleted after ${earliest.days} days (${earliest.rule})` };
  }
  if (unknownRule) {
    return { destination, basis: `${name}: the deletion of ${container} is only known at apply time (${unknownRule})` };
  }
  return { destination, days: Infinity, basis: `${name}: no lifecycle rule deletes ${container}, so it is kept indefinitely` };
}

/** A lifecycle rule applies to Azure Monitor's append blobs under `container`. */
function ruleCoversContainer(rule: ResourceAttributes, container: string): boolean {
  const filters = firstBlock(rule.filters);
  if (!filters) return false;
  if (!strings(filters.blob_types).includes("appendBlob")) return false;
  // Azure Monitor does not tag its blobs, so a tag-filtered rule never matches them.
  if (blocks(filters.match_blob_index_tag).length > 0) return false;
  const prefixes = strings(filters.prefix_match);
  return prefixes.length === 0 || prefixes.some((prefix) => container.startsWith(prefix));
}
