import { Testing } from "cdktf";
import { ModelDeploymentOptions } from "../../lib/openai";
import { ptuCapacityProblem, PTU_SIZES, PTU_SIZES_SOURCE } from "../../lib/openai/model-lifecycle";
import { gpt, openAiAccount } from "../helpers/openai";
import { failedProps, resources, synthJson, testStack } from "../helpers/synth";

/** The azapi updates of deployments (the account's own, such as stored completions off, are left out). */
function spilloverUpdates(json: Parameters<typeof resources>[0]): Record<string, { type: string; body: unknown; depends_on?: string[]; resource_id: string }> {
  const all = resources(json, "azapi_update_resource") as Record<string, { type: string; body: unknown; depends_on?: string[]; resource_id: string }>;
  return Object.fromEntries(Object.entries(all).filter(([, u]) => u.type.startsWith("Microsoft.CognitiveServices/accounts/deployments@")));
}

const ptu = (name: string, extra: Partial<ModelDeploymentOptions> = {}) => gpt(name, { sku: "GlobalProvisionedManaged", capacity: 50, ...extra });
const standard = (name: string, extra: Partial<ModelDeploymentOptions> = {}) => gpt(name, { sku: "GlobalStandard", capacity: 100, ...extra });

function account(deployments: ModelDeploymentOptions[]) {
  const stack = testStack();
  const acct = openAiAccount(stack, { deployments });
  return { stack, account: acct };
}

const spilloverProblems = (stack: ReturnType<typeof testStack>) => failedProps(stack).filter((p) => p.prop === "spilloverDeploymentName");

describe("provisioned throughput with spillover", () => {
  test.each([
    ["target made after the provisioned deployment", [ptu("ptu", { spilloverDeploymentName: "paygo" }), standard("paygo")]],
    ["target made before it", [standard("paygo"), ptu("ptu", { spilloverDeploymentName: "paygo" })]],
  ])("sets spilloverDeploymentName through azapi once both deployments exist (%s)", (_, deployments) => {
    const { stack } = account(deployments);
    expect(failedProps(stack)).toEqual([]);
    const json = synthJson(stack);
    const updates = Object.values(spilloverUpdates(json));
    expect(updates).toHaveLength(1);
    const [update] = updates;
    expect(update.type).toBe("Microsoft.CognitiveServices/accounts/deployments@2025-06-01");
    expect(update.body).toEqual({ properties: { spilloverDeploymentName: "paygo" } });
    const byName = Object.fromEntries(Object.entries(resources(json, "azurerm_cognitive_deployment")).map(([id, r]) => [r.name, id]));
    expect(update.resource_id).toBe(`\${azurerm_cognitive_deployment.${byName.ptu}.id}`);
    // After both deployments: the provisioned one and the target.
    expect(update.depends_on).toEqual(expect.arrayContaining([`azurerm_cognitive_deployment.${byName.ptu}`, `azurerm_cognitive_deployment.${byName.paygo}`]));
  });

  test("keeps the account's one-at-a-time chain: the update comes after the last deployment", () => {
    const { stack } = account([ptu("ptu", { spilloverDeploymentName: "paygo" }), standard("paygo"), standard("other", { model: "gpt-4.1-mini", version: "2025-04-14" })]);
    const json = synthJson(stack);
    const byName = Object.fromEntries(Object.entries(resources(json, "azurerm_cognitive_deployment")).map(([id, r]) => [r.name, { id, r }]));
    const [updateId] = Object.keys(spilloverUpdates(json));
    expect(byName.other.r.depends_on).toEqual([`azapi_update_resource.${updateId}`]);
  });

  test.each([
    ["a target that does not exist", [ptu("ptu", { spilloverDeploymentName: "missing" }), standard("paygo")], "missing"],
    ["a target that is not Standard-family", [ptu("ptu", { spilloverDeploymentName: "ptu-2" }), ptu("ptu-2")], "ptu-2"],
    ["a target of another data processing level", [ptu("ptu", { spilloverDeploymentName: "zone" }), gpt("zone", { sku: "DataZoneStandard" })], "zone"],
    ["a target of another model", [ptu("ptu", { spilloverDeploymentName: "mini" }), standard("mini", { model: "gpt-4.1-mini" })], "mini"],
    ["a spillover on a Standard deployment", [standard("paygo", { spilloverDeploymentName: "other" }), standard("other")], "other"],
    ["itself", [ptu("ptu", { spilloverDeploymentName: "PTU" })], "PTU"],
  ])("fails the synth for %s", (_, deployments, value) => {
    const { stack } = account(deployments as ModelDeploymentOptions[]);
    expect(spilloverProblems(stack).map((p) => p.value)).toEqual([value]);
    // Nothing is set from a bad spillover (synthesized here without the validations that fail it).
    expect(Object.keys(spilloverUpdates(JSON.parse(Testing.synth(stack))))).toEqual([]);
  });

  test("fails the synth for a target on another account, naming that account", () => {
    const stack = testStack();
    openAiAccount(stack, { deployments: [ptu("ptu", { spilloverDeploymentName: "paygo" })] });
    openAiAccount(stack, { name: "aoai-test-other-oai", deployments: [standard("paygo")] }, "other");
    const [problem] = spilloverProblems(stack);
    expect(problem.value).toBe("paygo");
    expect(problem.rule).toContain("aoai-test-other-oai");
  });
});

describe("PTU sizes from the catalog", () => {
  test("every entry has its source page and date", () => {
    expect(PTU_SIZES.length).toBeGreaterThan(0);
    expect(PTU_SIZES_SOURCE).toMatchObject({ date: "2025-08-14" });
    expect(PTU_SIZES_SOURCE.location).toContain("provisioned-throughput-onboarding.md");
  });

  test.each([
    ["GlobalProvisionedManaged", 15, true],
    ["GlobalProvisionedManaged", 20, true],
    ["GlobalProvisionedManaged", 10, false],
    ["GlobalProvisionedManaged", 22, false],
    ["DataZoneProvisionedManaged", 25, true],
    ["ProvisionedManaged", 50, true],
    ["ProvisionedManaged", 75, false],
    ["ProvisionedManaged", 25, false],
  ] as const)("gpt-4.1 on %s with %d PTUs: ok=%s", (sku, capacity, ok) => {
    expect(ptuCapacityProblem("gpt-4.1", sku, capacity) === undefined).toBe(ok);
  });

  test("a provisioned capacity below the minimum or off the increment fails the deployment's capacity", () => {
    const { stack } = account([ptu("small", { capacity: 10 }), ptu("odd", { capacity: 17 }), ptu("fine", { capacity: 20 })]);
    const capacity = failedProps(stack).filter((p) => p.prop === "capacity");
    expect(capacity.map((p) => p.value)).toEqual([10, 17]);
    expect(capacity[0].rule).toContain(PTU_SIZES_SOURCE.date);
  });

  test("a model the catalog has no regional size for fails on the regional provisioned SKU", () => {
    const { stack } = account([gpt("ds", { model: "DeepSeek-R1", version: "1", format: "DeepSeek", sku: "ProvisionedManaged", capacity: 100 })]);
    expect(failedProps(stack).map((p) => [p.prop, p.value])).toContainEqual(["sku", "ProvisionedManaged"]);
  });
});
