import {
  FAILED_AUTHENTICATION_SEARCH,
  OPENAI_SAVED_SEARCHES,
  REQUEST_LOG_SEARCH,
  THROTTLED_REQUESTS_SEARCH,
  WorkspaceSavedSearches,
} from "../../lib/monitoring";
import { monitoringStack, savedSearchesIn, workspaceIn } from "../helpers/monitoring";
import { resources, synthJson, validationErrors } from "../helpers/synth";
import { constructProblems, failed } from "../helpers/problems";

function searchesIn(props: Partial<ConstructorParameters<typeof WorkspaceSavedSearches>[2]> = {}) {
  const stack = monitoringStack();
  const workspace = workspaceIn(stack);
  const construct: WorkspaceSavedSearches = savedSearchesIn(stack, { workspace, ...props });
  // Synthesized on demand: a stack with bad input fails Testing.synth.
  const saved = (): Record<string, any> =>
    Object.fromEntries(Object.values(resources(synthJson(stack), "azurerm_log_analytics_saved_search")).map((r: any) => [r.name, r]));
  return { stack, construct, saved };
}

describe("WorkspaceSavedSearches defaults", () => {
  const { stack, saved } = searchesIn();
  const byName = saved();

  test("saves the request log, throttled requests and failed authentication searches", () => {
    expect(Object.keys(byName).sort()).toEqual(["openai-failed-authentication", "openai-request-log", "openai-throttled-requests"]);
    for (const search of Object.values(byName) as any[]) {
      expect(search.category).toBe("Azure OpenAI");
      expect(search.log_analytics_workspace_id).toMatch(/^\$\{azurerm_log_analytics_workspace\.\S+\.id\}$/);
    }
  });

  test("the request log is the seed's query", () => {
    expect(byName["openai-request-log"].query).toBe(
      [
        "AzureDiagnostics",
        '| where ResourceProvider == "MICROSOFT.COGNITIVESERVICES"',
        '| where Category == "RequestResponse"',
        "| project TimeGenerated, OperationName, CallerIPAddress, DurationMs, ResultSignature, properties_s",
        "| order by TimeGenerated desc",
        "| take 100",
      ].join("\n"),
    );
    expect(byName["openai-request-log"].display_name).toBe(REQUEST_LOG_SEARCH.displayName);
  });

  test("the throttling search counts HTTP 429 responses of Azure OpenAI", () => {
    const query: string = byName["openai-throttled-requests"].query;
    expect(query).toContain('| where ResourceProvider == "MICROSOFT.COGNITIVESERVICES"');
    expect(query).toContain('| where ResultSignature == "429"');
    expect(query).toMatch(/summarize ThrottledRequests = count\(\) by bin\(TimeGenerated, 5m\)/);
    expect(query).toBe(THROTTLED_REQUESTS_SEARCH.query);
  });

  test("the failed-authentication search groups 401/403 by caller", () => {
    const query: string = byName["openai-failed-authentication"].query;
    expect(query).toContain('| where ResultSignature in ("401", "403")');
    expect(query).toMatch(/by CallerIPAddress, Resource, OperationName, ResultSignature/);
    expect(query).toBe(FAILED_AUTHENTICATION_SEARCH.query);
  });

  test("passes validation", () => {
    expect(validationErrors(stack)).toEqual([]);
    expect(OPENAI_SAVED_SEARCHES).toHaveLength(3);
  });
});

describe("WorkspaceSavedSearches options and validation", () => {
  test("adds searches keyed by name, so adding one never renames the others", () => {
    const { construct } = searchesIn({
      additionalSearches: [{ name: "openai-token-usage", displayName: "Token usage", query: "AzureDiagnostics | take 10", category: "FinOps" }],
    });
    expect(Object.keys(construct.searches)).toEqual([...OPENAI_SAVED_SEARCHES.map((s) => s.name), "openai-token-usage"]);
    expect(construct.searches["openai-request-log"].node.id).toBe("openai-request-log");
  });

  test("rejects a repeated name, an empty query and a bad name", () => {
    const { stack } = searchesIn({
      additionalSearches: [
        { ...REQUEST_LOG_SEARCH },
        { name: "bad name!", displayName: "Bad", query: " " },
      ],
    });
    const errors = constructProblems(stack);
    expect(errors).toContainEqual(failed("searches", { value: ["openai-request-log"], rule: /each search name once/ }));
    expect(errors).toContainEqual(failed("searches.bad name!.name", { value: "bad name!" }));
    expect(errors).toContainEqual(failed("searches.bad name!.query", { value: " ", rule: /a KQL query/ }));
  });
});
