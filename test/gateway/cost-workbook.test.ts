import { referenceStackFiles } from "../helpers/reference-app";
import { resourceList, TerraformJson } from "../helpers/synth";
import { costPerWorkloadQuery, stableUuid } from "../../lib/gateway/gateway-cost-workbook";
import { MODEL_TOKEN_PRICES } from "../../lib/gateway/price-table";

describe.each(["staging", "prod"] as const)("%s: cost per workload", (name) => {
  const files = referenceStackFiles(name, ["cdk.tf.json"]);
  const json: TerraformJson = JSON.parse(files["cdk.tf.json"]!);
  const workbooks = resourceList(json, "azurerm_application_insights_workbook");

  test("one workbook: tokens and estimated cost per workload per day and per month, from the workspace's token metrics", () => {
    expect(workbooks).toHaveLength(1);
    const wb = workbooks[0];
    expect(wb.name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(wb.source_id).toMatch(/^\$\{lower\(azurerm_log_analytics_workspace\.[^}]+\.id\)\}$/);
    const data = JSON.parse(wb.data_json);
    const queries = data.items.filter((i: any) => i.type === 3);
    expect(queries.map((q: any) => q.name)).toEqual(["cost-per-workload-day", "cost-per-workload-month"]);
    for (const q of queries) {
      expect(q.content.resourceType).toBe("microsoft.operationalinsights/workspaces");
      expect(q.content.crossComponentResources).toEqual([expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\./)]);
      // The reference app's deployment gpt-5-4 is priced as model gpt-5.4.
      expect(q.content.query).toContain(`"gpt-5-4", "gpt-5.4"`);
      expect(q.content.query).toContain(`"gpt-5.4", 0.0025, 0.015, "2026-04-01"`);
    }
    expect(queries[0].content.query).toContain("bin(TimeGenerated, 1d)");
    expect(queries[1].content.query).toContain("startofmonth(TimeGenerated)");
    // The price table is shown with each price's source and date.
    const text = data.items.find((i: any) => i.type === 1).content.json;
    for (const p of MODEL_TOKEN_PRICES) expect(text).toContain(`| ${p.model} | ${p.inputPer1K} | ${p.outputPer1K} | ${p.asOf} | ${p.source}`);
  });

  test("saved searches: tokens per workload per day and per month, holding no configuration value", () => {
    const searches = resourceList(json, "azurerm_log_analytics_saved_search").filter((s) => s.category === "AI gateway");
    const monthly = searches.find((s) => s.name === "gateway-tokens-per-workload-monthly")!;
    expect(monthly.query).toContain("startofmonth(TimeGenerated), Workload");
    expect(searches.map((s) => s.query).join("\n")).not.toMatch(/gpt-5|0\.015|swedencentral/);
  });
});

test("the workbook's name is stable for a gateway and differs between gateways", () => {
  expect(stableUuid("a")).toBe(stableUuid("a"));
  expect(stableUuid("a")).not.toBe(stableUuid("b"));
});

test("an unpriced deployment is priced at the dearest price and said so; quotes in names are escaped", () => {
  const q = costPerWorkloadQuery(MODEL_TOKEN_PRICES, { 'x"y': "unknown" }, "day");
  expect(q).toContain(`"x\\"y", "unknown"`);
  expect(q).toContain("coalesce(InputPer1K, 0.015)");
  expect(q).toContain("dearest price (deployment not in the price table)");
});
