import { AnnotationMetadataEntryType, TerraformVariable } from "cdktf";
import { ModelDeploymentOptions } from "../../lib/openai";
import { formatNeedsAiServices, KNOWN_MODEL_FORMATS, modelFormatProblem } from "../../lib/openai/deployment-options";
import { gpt, openAiAccount } from "../helpers/openai";
import { failedProps, resources, synthJson, testStack, validationErrors } from "../helpers/synth";
import { constructProblems, failed } from "../helpers/problems";

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
    expect(byName.aa.r.depends_on).toEqual([expect.stringMatching(/^azapi_update_resource\.openai_stored-completions-off_/)]); // the account's earlier write
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
    expect(constructProblems(stack)).toEqual([failed("capacity", { path: "test/openai/deployment-xx", value: capacity, rule: /a whole number from 1 to/ })]);
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
    expect(constructProblems(stack)).toEqual([
      failed("sku", { path: "test/openai/deployment-xx", value: "Premium", rule: /Standard, DataZoneStandard, GlobalStandard, ProvisionedManaged, DataZoneProvisionedManaged/ }),
    ]);
  });

  test("an unknown version upgrade option is rejected", () => {
    const { stack } = accountWith([gpt("xx", { versionUpgradeOption: "Always" as any })]);
    expect(constructProblems(stack)).toContainEqual(failed("versionUpgradeOption", { value: "Always", rule: /OnceNewDefaultVersionAvailable/ }));
  });

  test("bad deployment name, model and version are each reported", () => {
    const { stack } = accountWith([gpt("a b", { model: "", version: "v 1" })]);
    const errors = constructProblems(stack);
    expect(errors).toContainEqual(failed("name", { value: "a b" }));
    expect(errors).toContainEqual(failed("model", { value: "" }));
    expect(errors).toContainEqual(failed("version", { value: "v 1" }));
  });

  test("the same deployment name twice on one account fails", () => {
    const { stack } = accountWith([gpt("chat"), gpt("chat")]);
    expect(constructProblems(stack)).toEqual([failed("deployments", { path: "test/openai", value: ["chat"], rule: /each deployment name once, ignoring/ })]);
  });
});

function deploymentWarnings(stack: ReturnType<typeof testStack>): string[] {
  validationErrors(stack);
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
    .map((m) => String(m.data));
}

const llama = (extra: Partial<ModelDeploymentOptions> = {}): ModelDeploymentOptions => ({
  name: "llama",
  model: "Llama-3.3-70B-Instruct",
  version: "9",
  format: "Meta",
  sku: "GlobalStandard",
  capacity: 10,
  ...extra,
});

describe("model format", () => {
  test("a Meta model on an AIServices account is emitted with model.format Meta", () => {
    const stack = testStack();
    openAiAccount(stack, { kind: "AIServices" }).addDeployment(llama());
    expect(validationErrors(stack)).toEqual([]);
    const [deployment] = Object.values(resources(synthJson(stack), "azurerm_cognitive_deployment"));
    expect(deployment).toMatchObject({
      model: { format: "Meta", name: "Llama-3.3-70B-Instruct", version: "9" },
      sku: { name: "GlobalStandard", capacity: 10 },
    });
  });

  test("each provider's format is emitted as given", () => {
    const stack = testStack();
    const account = openAiAccount(stack, { kind: "AIServices" });
    account.addDeployment({ name: "mai", model: "MAI-Thinking-1", version: "2026-06-01", format: "Microsoft", sku: "GlobalStandard", capacity: 1 });
    account.addDeployment({ name: "mistral", model: "Mistral-Large-3", version: "1", format: "Mistral AI", sku: "DataZoneStandard", capacity: 1 });
    account.addDeployment({ name: "deepseek", model: "DeepSeek-V4-Pro", version: "2026-04-23", format: "DeepSeek", sku: "GlobalStandard", capacity: 1 });
    account.addDeployment({ name: "grok", model: "grok-4", version: "1", format: "xAI", sku: "GlobalStandard", capacity: 1 });
    expect(failedProps(stack)).toEqual([]);
    const formats = Object.values(resources(synthJson(stack), "azurerm_cognitive_deployment")).map((d) => [d.name, d.model.format]);
    expect(Object.fromEntries(formats)).toEqual({ mai: "Microsoft", mistral: "Mistral AI", deepseek: "DeepSeek", grok: "xAI" });
  });

  test("a non-OpenAI format on an account of kind OpenAI fails on format", () => {
    const stack = testStack();
    openAiAccount(stack, { kind: "OpenAI", foundryUpgrade: { decision: "allow" } }).addDeployment(llama());
    expect(failedProps(stack)).toEqual([expect.objectContaining({ path: "test/openai/deployment-llama", prop: "format", value: "Meta" })]);
  });

  test("the canonical message names the kind the format needs", () => {
    const stack = testStack();
    openAiAccount(stack, { kind: "OpenAI", foundryUpgrade: { decision: "allow" } }).addDeployment(llama());
    expect(constructProblems(stack)).toEqual([failed("format", { path: "test/openai/deployment-llama", value: "Meta", rule: /OpenAI on an account of/ })]);
  });

  test("an OpenAI model on an account of kind OpenAI passes", () => {
    const stack = testStack();
    openAiAccount(stack, { kind: "OpenAI", foundryUpgrade: { decision: "allow" } }).addDeployment(gpt("chat", { model: "gpt-5.4", version: "2026-03-05" }));
    expect(failedProps(stack)).toEqual([]);
  });

  test("an account that does not expose its kind is not compared (until IOpenAiAccount has kind)", () => {
    const stack = testStack();
    openAiAccount(stack).addDeployment(llama());
    expect(failedProps(stack)).toEqual([]);
  });

  test.each(["openai", "OPENAI", "meta", "Mistral", "mistralai", "XAI", "Deepseek", "Microsoft "])("the misspelt format %p fails", (format) => {
    const stack = testStack();
    openAiAccount(stack, { kind: "AIServices" }).addDeployment(gpt("chat", { model: "my-model", version: "1", format, sku: "GlobalStandard" }));
    expect(failedProps(stack)).toEqual([expect.objectContaining({ prop: "format", value: format })]);
  });

  test.each(["", "  "])("a blank format %p fails", (format) => {
    const stack = testStack();
    openAiAccount(stack).addDeployment(gpt("chat", { format }));
    expect(failedProps(stack)).toEqual([expect.objectContaining({ prop: "format", value: format })]);
  });

  test("a format that is not text fails instead of crashing the synth", () => {
    const stack = testStack();
    openAiAccount(stack).addDeployment(gpt("chat", { format: 42 as unknown as string }));
    expect(failedProps(stack)).toEqual([expect.objectContaining({ prop: "format", value: 42 })]);
  });

  test("a format the library does not know warns and passes", () => {
    const stack = testStack();
    openAiAccount(stack, { kind: "AIServices" }).addDeployment(gpt("kimi", { model: "Kimi-K2.6", version: "2026-04-20", format: "MoonshotAI", sku: "GlobalStandard" }));
    expect(failedProps(stack)).toEqual([]);
    expect(deploymentWarnings(stack)).toEqual(expect.arrayContaining([expect.stringMatching(/^kimi: format "MoonshotAI" is not one this library knows/)]));
    const [deployment] = Object.values(resources(synthJson(stack), "azurerm_cognitive_deployment"));
    expect(deployment.model.format).toBe("MoonshotAI");
  });

  test("a catalog model deployed with another format fails: the default OpenAI for a Meta model", () => {
    const stack = testStack();
    openAiAccount(stack, { kind: "AIServices" }).addDeployment(llama({ format: undefined }));
    expect(failedProps(stack)).toEqual([expect.objectContaining({ prop: "format", value: "OpenAI", rule: expect.stringContaining('"Meta"') })]);
  });

  test("a format given as a Terraform reference is not checked", () => {
    const stack = testStack();
    const format = new TerraformVariable(stack, "format", { type: "string" }).stringValue;
    openAiAccount(stack, { kind: "OpenAI", foundryUpgrade: { decision: "allow" } }).addDeployment(gpt("chat", { model: "my-model", version: "1", format }));
    expect(failedProps(stack)).toEqual([]);
  });
});

describe("modelFormatProblem", () => {
  test("returns the problem as data with its severity", () => {
    expect(modelFormatProblem("Meta", "OpenAI")).toMatchObject({ severity: "error", prop: "format", value: "Meta" });
    expect(modelFormatProblem("mistral ai", "AIServices")).toMatchObject({ severity: "error", value: "mistral ai", rule: expect.stringContaining('"Mistral AI"') });
    expect(modelFormatProblem("Anthropic", "AIServices")).toMatchObject({ severity: "warning", value: "Anthropic" });
    expect(modelFormatProblem("Anthropic", "OpenAI")).toMatchObject({ severity: "error" });
  });

  test("every known format passes on AIServices, and only OpenAI on OpenAI", () => {
    for (const format of KNOWN_MODEL_FORMATS) {
      expect(modelFormatProblem(format, "AIServices")).toBeUndefined();
      expect(modelFormatProblem(format)).toBeUndefined();
      expect(modelFormatProblem(format, "OpenAI") === undefined).toBe(format === "OpenAI");
      expect(formatNeedsAiServices(format)).toBe(format !== "OpenAI");
    }
  });
});
