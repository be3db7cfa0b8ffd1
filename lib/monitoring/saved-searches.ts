import { LogAnalyticsSavedSearch } from "@cdktf/provider-azurerm/lib/log-analytics-saved-search";
import { Construct } from "constructs";
import { hclOneLineStrings } from "../core/hcl-literal";
import { addPropChecks, PropChecks } from "../core/validation";
import { ILogWorkspace } from "../core/features/diagnostic-settings";
import { PropKeys } from "../core/known-props";

/** A saved KQL search. */
export interface SavedSearchDefinition {
  /** Stable name (letters, digits, `-`, `_`); it keys the resource, so renaming replaces it. */
  readonly name: string;
  /** Name shown in the portal. */
  readonly displayName: string;
  /** The KQL query. */
  readonly query: string;
  /**
   * Category the portal groups the search under.
   * @default "Azure OpenAI"
   */
  readonly category?: string;
}

const OPENAI_LOGS = 'AzureDiagnostics\n| where ResourceProvider == "MICROSOFT.COGNITIVESERVICES"';

/** The seed's request log: the latest 100 requests with caller, duration and result. */
export const REQUEST_LOG_SEARCH: SavedSearchDefinition = {
  name: "openai-request-log",
  displayName: "Azure OpenAI: latest requests",
  query: [
    OPENAI_LOGS,
    '| where Category == "RequestResponse"',
    "| project TimeGenerated, OperationName, CallerIPAddress, DurationMs, ResultSignature, properties_s",
    "| order by TimeGenerated desc",
    "| take 100",
  ].join("\n"),
};

/** Throttled (HTTP 429) requests per account and operation, in five-minute bins. */
export const THROTTLED_REQUESTS_SEARCH: SavedSearchDefinition = {
  name: "openai-throttled-requests",
  displayName: "Azure OpenAI: throttled requests (429)",
  query: [
    OPENAI_LOGS,
    '| where Category == "RequestResponse"',
    '| where ResultSignature == "429"',
    "| summarize ThrottledRequests = count() by bin(TimeGenerated, 5m), Resource, OperationName",
    "| order by TimeGenerated desc",
  ].join("\n"),
};

/** Failed authentication and authorization (HTTP 401/403), grouped by caller. */
export const FAILED_AUTHENTICATION_SEARCH: SavedSearchDefinition = {
  name: "openai-failed-authentication",
  displayName: "Azure OpenAI: failed authentication by caller",
  query: [
    OPENAI_LOGS,
    '| where Category in ("RequestResponse", "Audit")',
    '| where ResultSignature in ("401", "403")',
    "| summarize Failures = count(), FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated)",
    "    by CallerIPAddress, Resource, OperationName, ResultSignature",
    "| order by Failures desc",
  ].join("\n"),
};

/** The searches every workspace gets by default. */
export const OPENAI_SAVED_SEARCHES: readonly SavedSearchDefinition[] = [
  REQUEST_LOG_SEARCH,
  THROTTLED_REQUESTS_SEARCH,
  FAILED_AUTHENTICATION_SEARCH,
];

/** Props of {@link WorkspaceSavedSearches}. */
export interface WorkspaceSavedSearchesProps {
  /** The workspace the searches are saved in. */
  readonly workspace: ILogWorkspace;
  /**
   * The searches.
   * @default - {@link OPENAI_SAVED_SEARCHES}
   */
  readonly searches?: readonly SavedSearchDefinition[];
  /**
   * Searches added to `searches`.
   * @default - none
   */
  readonly additionalSearches?: readonly SavedSearchDefinition[];
}

/** A saved search whose multi-line query keeps its exact value in the HCL output too (no heredoc). */
class SavedSearch extends LogAnalyticsSavedSearch {
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclOneLineStrings(super.synthesizeHclAttributes(), ["query"]);
  }
}

const SEARCH_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The props WorkspaceSavedSearches accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const WORKSPACE_SAVED_SEARCHES_PROP_KEYS: PropKeys<WorkspaceSavedSearchesProps> = { workspace: true, searches: true, additionalSearches: true };

/** Saved KQL searches in a workspace (`azurerm_log_analytics_saved_search`), keyed by name. */
export class WorkspaceSavedSearches extends Construct {
  /** The saved-search resources, by search name. */
  public readonly searches: Readonly<Record<string, LogAnalyticsSavedSearch>>;

  constructor(scope: Construct, id: string, props: WorkspaceSavedSearchesProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, WORKSPACE_SAVED_SEARCHES_PROP_KEYS));
    const definitions = [...(props.searches ?? OPENAI_SAVED_SEARCHES), ...(props.additionalSearches ?? [])];
    const searches: Record<string, LogAnalyticsSavedSearch> = {};
    for (const search of definitions) {
      // Names become construct IDs: an unsafe one is reported below and gets no resource.
      if (typeof search.name !== "string" || !SEARCH_NAME.test(search.name)) continue;
      if (Object.hasOwn(searches, search.name)) continue; // a repeated name is reported below
      searches[search.name] = new SavedSearch(this, search.name, {
        name: search.name,
        logAnalyticsWorkspaceId: props.workspace.workspaceId,
        category: search.category ?? "Azure OpenAI",
        displayName: search.displayName,
        query: search.query,
      });
    }
    this.searches = searches;

    addPropChecks(this, (c: PropChecks) => {
      for (const search of definitions) {
        c.matches(`searches.${search.name}.name`, search.name, SEARCH_NAME, "1-64 letters, digits, '-' or '_', starting with a letter or digit");
        c.required(`searches.${search.name}.query`, search.query, "a KQL query");
        c.required(`searches.${search.name}.displayName`, search.displayName, "a name to show in the portal");
        c.literalText(`searches.${search.name}.displayName`, search.displayName);
      }
      c.unique("searches", definitions.map((d) => d.name), "search name");
    });
  }
}
