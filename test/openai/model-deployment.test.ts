import { ModelDeploymentOptions } from "../../lib/openai";
import { gpt, openAiAccount } from "../helpers/openai";
import { resources, synthJson, testStack, validationErrors } from "../helpers/synth";

function accountWith(deployments: ModelDeploymentOptions[]) {
  const stack = testStack();
  const account = openAiAccount(stack, { deployments });
  return { stack, account };
}

describe("model deployments", () => {
  test("carry model, version, sku, capacity and a conservative upgrade option", () => {
    const { stack } = accountWith([gpt("chat", { capacity: 120, raiPolicyName: "strict" })]);
    const [deployment] = Object.values(resources(synthJson(stack), "azurerm_cognitive_deployment"));
    expect(deployment).toMatchObject({
      name: "chat",
      model: { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" },
      sku: { name: "DataZoneStandard", capacity: 120 },
      version_upgrade_option: "OnceCurrentVersionExpired",
      rai_policy_name: "strict",
    });
    expect(deployment.cognitive_account_id).toMatch(/^\$\{azurerm_cognitive_account\..*\.id\}$/);
  });

  test("of one account are chained so Azure creates them one at a time", () => {
    const { stack, account } = accountWith([gpt("aa"), gpt("bb"), gpt("cc")]);
    account.addDeployment(gpt("dd"));
    const byName = Object.fromEntries(
      Object.entries(resources(synthJson(stack), "azurerm_cognitive_deployment")).map(([id, r]) => [r.name, { id, r }]),
    );
    expect(byName.aa.r.depends_on).toBeUndefined();
    expect(byName.bb.r.depends_on).toEqual([`azurerm_cognitive_deployment.${byName.aa.id}`]);
    expect(byName.cc.r.depends_on).toEqual([`azurerm_cognitive_deployment.${byName.bb.id}`]);
    expect(byName.dd.r.depends_on).toEqual([`azurerm_cognitive_deployment.${byName.cc.id}`]);
    expect(account.deployments.map((d) => d.options.name)).toEqual(["aa", "bb", "cc", "dd"]);
  });

  test.each([
    [0, "DataZoneStandard"],
    [100_001, "GlobalStandard"],
    [2.5, "Standard"],
    [2_000_000, "DataZoneStandard"],
    [10_001, "ProvisionedManaged"],
  ] as const)("capacity %p for %s is rejected", (capacity, sku) => {
    const { stack } = accountWith([gpt("xx", { capacity, sku })]);
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(new RegExp(`^\\[test/openai/deployment-xx\\] capacity: ${capacity} is not allowed; allowed: a whole number from 1 to`)),
    ]);
  });

  test.each([
    [1, "DataZoneStandard"],
    [100_000, "GlobalStandard"],
    [10_000, "GlobalProvisionedManaged"],
  ] as const)("capacity %p for %s is accepted", (capacity, sku) => {
    const { stack } = accountWith([gpt("xx", { capacity, sku })]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("an unknown SKU is rejected with the list of SKUs", () => {
    const { stack } = accountWith([gpt("xx", { sku: "Premium" as any })]);
    expect(validationErrors(stack)).toEqual([
      '[test/openai/deployment-xx] sku: "Premium" is not allowed; allowed: Standard, DataZoneStandard, GlobalStandard, ProvisionedManaged, DataZoneProvisionedManaged, GlobalProvisionedManaged, GlobalBatch, DataZoneBatch',
    ]);
  });

  test("an unknown version upgrade option is rejected", () => {
    const { stack } = accountWith([gpt("xx", { versionUpgradeOption: "Always" as any })]);
    expect(validationErrors(stack).join("\n")).toMatch(/versionUpgradeOption: "Always" is not allowed; allowed: OnceNewDefaultVersionAvailable/);
  });

  test("bad deployment name, model and version are each reported", () => {
    const { stack } = accountWith([gpt("a b", { model: "", version: "v 1" })]);
    const errors = validationErrors(stack).join("\n");
    expect(errors).toMatch(/name: "a b" is not allowed/);
    expect(errors).toMatch(/model: "" is not allowed/);
    expect(errors).toMatch(/version: "v 1" is not allowed/);
  });

  test("the same deployment name twice on one account fails", () => {
    const { stack } = accountWith([gpt("chat"), gpt("chat")]);
    expect(validationErrors(stack)).toEqual([
      '[test/openai] deployments: ["chat"] is not allowed; allowed: each deployment name once, ignoring case',
    ]);
  });
});
