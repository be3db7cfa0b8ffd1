import { LogAnalyticsSavedSearch } from "@cdktf/provider-azurerm/lib/log-analytics-saved-search";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { Aspects, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { CompliancePack, ComplianceRule, compliant, GovernanceTags, RuleContext } from "../../lib";
import { onlyResource, synthJson, testStack } from "../helpers/synth";

const GOVERNANCE = { environment: "prod", owner: "platform@contoso.com", dataResidency: "eu" };

describe("GovernanceTags", () => {
  test("tags every taggable resource once; the innermost scope wins; a resource's own tags stay", () => {
    const stack = testStack();
    GovernanceTags.apply(stack, { ...GOVERNANCE, tags: { costCenter: "42" } });
    const inner = new Construct(stack, "inner");
    GovernanceTags.apply(inner, { ...GOVERNANCE, dataResidency: "us" });
    new ResourceGroup(stack, "outer-rg", { name: "outer", location: "swedencentral" });
    new ResourceGroup(inner, "inner-rg", { name: "inner", location: "eastus", tags: { team: "a", environment: "spoofed" } });
    const json = synthJson(stack);
    const groups = json.resource?.azurerm_resource_group ?? {};
    const byName = (name: string) => Object.values<any>(groups).find((g) => g.name === name).tags;
    expect(byName("outer")).toEqual({ costCenter: "42", environment: "prod", owner: "platform@contoso.com", "data-residency": "eu", "managed-by": "cdktf" });
    // The own tag `environment` cannot hide the governance tag; `team` stays.
    expect(byName("inner")).toEqual({ team: "a", environment: "prod", owner: "platform@contoso.com", "data-residency": "us", "managed-by": "cdktf" });
  });

  test("leaves alone the types whose tags force a replacement (saved searches)", () => {
    const stack = testStack();
    GovernanceTags.apply(stack, GOVERNANCE);
    new LogAnalyticsSavedSearch(stack, "search", { name: "s", category: "c", displayName: "d", query: "q", logAnalyticsWorkspaceId: "/subscriptions/x" });
    expect(onlyResource(synthJson(stack), "azurerm_log_analytics_saved_search").tags).toBeUndefined();
  });

  test("a compliance pack on the stack judges a resource with the tags of an inner GovernanceTags", () => {
    const stack = testStack();
    const seen: unknown[] = [];
    const tagReader: ComplianceRule = {
      id: "TagReader",
      description: "reads tags",
      fix: "none",
      resourceTypes: ["azurerm_resource_group"],
      evaluate: (resource: TerraformResource, context: RuleContext) => {
        seen.push(context.attributes(resource).tags);
        return compliant();
      },
    };
    // The pack is added first, on the outer scope: cdktf runs it before the inner aspect.
    Aspects.of(stack).add(new CompliancePack({ name: "T", title: "test", rules: [{ rule: tagReader, controls: ["X"], level: "error" }] }));
    const platform = new Construct(stack, "platform");
    GovernanceTags.apply(platform, GOVERNANCE);
    new ResourceGroup(platform, "rg", { name: "rg", location: "swedencentral" });
    synthJson(stack);
    expect(seen).toEqual([expect.objectContaining({ environment: "prod", "data-residency": "eu" })]);
  });
});
