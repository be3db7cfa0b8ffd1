import { CapacityCheck, CapacityCheckMode } from "../../lib/governance";
import { gpt, openAiAccount } from "../helpers/openai";
import { failedProps, synthJson, testStack, TerraformJson } from "../helpers/synth";

function checked(mode?: CapacityCheckMode) {
  const stack = testStack();
  const account = openAiAccount(stack, {
    deployments: [gpt("chat", { sku: "GlobalStandard", capacity: 1000 }), gpt("chat-2", { sku: "GlobalStandard", capacity: 200 }), gpt("batch", { sku: "DataZoneStandard", capacity: 50 })],
  });
  const check = new CapacityCheck(stack, "capacity", { accounts: [{ account, location: "swedencentral" }], mode });
  return { stack, account, check, json: synthJson(stack) };
}

const data = (json: TerraformJson, type: string) => Object.values(json.data?.[type] ?? {}) as any[];
const checks = (json: TerraformJson) => (json as any).check as Record<string, { assert: { condition: string; error_message: string }[] }> | undefined;

describe("the plan-time capacity check", () => {
  test("reads model capacities and usages of the region from Resource Manager with GET", () => {
    const { json } = checked();
    const reads = data(json, "azapi_resource_action");
    const capacities = reads.find((r) => r.action === "modelCapacities");
    expect(capacities).toMatchObject({
      type: "Microsoft.CognitiveServices/locations@2025-06-01",
      method: "GET",
      query_parameters: { modelFormat: ["OpenAI"], modelName: ["gpt-4.1"], modelVersion: ["2025-04-14"] },
    });
    expect(capacities.resource_id).toMatch(/^\/subscriptions\/\$\{data\.azurerm_client_config\.[^}]+\.subscription_id\}\/providers\/Microsoft\.CognitiveServices\/locations\/swedencentral$/);
    expect(Object.keys(capacities.response_export_values).sort()).toEqual(["DataZoneStandard", "GlobalStandard"]);
    expect(capacities.response_export_values.GlobalStandard).toContain("properties.availableCapacity");
    const usages = reads.find((r) => r.action === "usages");
    expect(usages).toMatchObject({ type: "Microsoft.CognitiveServices/locations@2025-06-01", method: "GET" });
    expect(usages.resource_id).toBe(capacities.resource_id);
  });

  test("lists the account's existing deployments so capacity they hold counts as theirs", () => {
    const { json } = checked();
    const [held] = data(json, "azapi_resource_list");
    expect(held.type).toBe("Microsoft.CognitiveServices/accounts/deployments@2025-06-01");
    expect(held.parent_id).toMatch(/^\$\{azurerm_cognitive_account\..+\.id\}$/);
  });

  test("by default (error) puts a precondition on every deployment of a group, naming deployments, region, SKU, asked and available", () => {
    const { json, check } = checked();
    expect(check.mode).toBe("error");
    expect(checks(json)).toBeUndefined();
    const deployments = Object.values(json.resource?.azurerm_cognitive_deployment ?? {}) as any[];
    const chat = deployments.find((d) => d.name === "chat");
    const [pre] = chat.lifecycle.precondition;
    expect(pre.condition).toMatch(/^\$\{1200 - \(sum\(.*\)\) <= coalesce\(data\.azapi_resource_action\.[^.]+\.output\.GlobalStandard, 0\)\}$/);
    expect(pre.error_message).toContain("Capacity shortfall in swedencentral for GlobalStandard OpenAI gpt-4.1 2025-04-14");
    expect(pre.error_message).toContain("chat (account aoai-test-sdc-oai, 1000), chat-2 (account aoai-test-sdc-oai, 200) ask 1200");
    expect(pre.error_message).toMatch(/Azure reports \$\{coalesce\(data\.azapi_resource_action\..+\.output\.GlobalStandard, 0\)\} available/);
    const batch = deployments.find((d) => d.name === "batch");
    expect(batch.lifecycle.precondition[0].condition).toMatch(/^\$\{50 - /);
  });

  test("warning mode writes Terraform check blocks instead", () => {
    const { json } = checked("warning");
    const blocks = Object.values(checks(json) ?? {});
    expect(blocks).toHaveLength(2);
    expect(blocks.map((b) => b.assert[0].error_message).join("\n")).toContain("ask 1200 x1,000 TPM");
    const deployments = Object.values(json.resource?.azurerm_cognitive_deployment ?? {}) as any[];
    expect(deployments.every((d) => d.lifecycle?.precondition === undefined)).toBe(true);
  });

  test("off reads nothing", () => {
    const { json } = checked("off");
    expect(data(json, "azapi_resource_action")).toHaveLength(0);
    expect(checks(json)).toBeUndefined();
  });

  test("writes a pre-flight report per region as an output", () => {
    const { json } = checked();
    const report = json.output?.capacity_preflight?.value;
    expect(report.swedencentral.deployments).toEqual([
      expect.objectContaining({ deployments: "chat, chat-2", sku: "GlobalStandard", asked: 1200 }),
      expect.objectContaining({ deployments: "batch", sku: "DataZoneStandard", asked: 50 }),
    ]);
    expect(report.swedencentral.usages).toMatch(/^\$\{data\.azapi_resource_action\..+\.output\.usages\}$/);
  });
});

describe("the capacity check's own props", () => {
  test("an unknown mode fails at mode, and reads nothing", () => {
    const stack = testStack();
    const account = openAiAccount(stack, { deployments: [gpt("chat")] });
    new CapacityCheck(stack, "capacity", { accounts: [{ account, location: "swedencentral" }], mode: "strict" as CapacityCheckMode });
    expect(failedProps(stack).map((p) => [p.prop, p.value])).toEqual([["mode", "strict"]]);
  });
});
