import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { AnnotationMetadataEntryType, Testing, TerraformStack, TerraformVariable } from "cdktf";
import { ModelDeploymentOptions, OpenAiAccount } from "../../lib/openai";
import { ModelDeployment } from "../../lib/openai/model-deployment";
import { DeploymentSku } from "../../lib/regions/processing";
import { SYNTH_DATE_CONTEXT_KEY } from "../../lib/core/synth-date";
import { KNOWN_MODEL_FORMATS } from "../../lib/openai/deployment-options";
import {
  catalogModelFormat,
  checkModelLifecycle,
  findModelLifecycle,
  FOUNDRY_DIRECT_MODELS,
  isIsoDate,
  MODEL_CATALOG_SOURCE_DATE,
  MODEL_LIFECYCLE_CATALOG,
  ModelLifecycleEntry,
  RETIREMENT_WARNING_DAYS,
  unofferedSku,
} from "../../lib/openai/model-lifecycle";
import { ENVIRONMENTS } from "../../stacks/environments";
import { REGIONAL_PROFILES } from "../../stacks/regional-profiles";
import { openAiAccount } from "../helpers/openai";
import { failed } from "../helpers/problems";
import { validateConstruct } from "../../lib/core/validation";

function stackWith(context: Record<string, unknown> = {}): TerraformStack {
  const stack = new TerraformStack(Testing.app({ context }), "test");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  return stack;
}

function account(stack: TerraformStack): OpenAiAccount {
  return openAiAccount(stack, { resourceGroupName: "rg" });
}

const deployment = (extra: Partial<ModelDeploymentOptions> = {}): ModelDeploymentOptions => ({
  name: "chat",
  model: "gpt-5.4",
  version: "2026-03-05",
  sku: "DataZoneStandard",
  capacity: 10,
  ...extra,
});

function deploy(options: Partial<ModelDeploymentOptions>, today?: string, context: Record<string, unknown> = {}) {
  const stack = stackWith(context);
  const d = new ModelDeployment(stack, "d", { account: account(stack), today, ...deployment(options) });
  // The deployment's own problems, as data (test/helpers/problems.ts).
  const errors = validateConstruct(d).problems;
  const warnings = d.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
  return { errors, warnings };
}

describe("the model lifecycle catalog", () => {
  test("has one entry per model and version, with valid dates and a dated source", () => {
    const keys = MODEL_LIFECYCLE_CATALOG.map((e) => `${e.model}@${e.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of MODEL_LIFECYCLE_CATALOG) {
      for (const date of [e.gaDate, e.deprecationDate, e.retirementDate, e.source.date, e.skuSource?.date]) {
        if (date !== undefined) expect(isIsoDate(date)).toBe(true);
      }
      expect(e.source.location).toMatch(/learn\.microsoft\.com|MicrosoftDocs\/azure-ai-docs/);
      if (e.skus) expect(e.skuSource).toBeDefined();
      expect(e.source.date <= MODEL_CATALOG_SOURCE_DATE).toBe(true);
    }
  });

  test("lists every model the default environments and regional profiles deploy", () => {
    const used = [...ENVIRONMENTS, ...Object.values(REGIONAL_PROFILES)].flatMap((env) => env.deployments ?? []);
    expect(used.length).toBeGreaterThan(0);
    for (const d of used) {
      expect(MODEL_LIFECYCLE_CATALOG.find((e) => e.model === d.model && e.version === d.version)).toBeDefined();
    }
  });

  test("records gpt-4.1 2025-04-14 as no longer offered to new customers", () => {
    const e = MODEL_LIFECYCLE_CATALOG.find((x) => x.model === "gpt-4.1" && x.version === "2025-04-14") as ModelLifecycleEntry;
    expect(e).toMatchObject({ status: "Legacy", deprecationDate: "2026-04-14", retirementDate: "2027-04-14" });
  });
});

describe("checkModelLifecycle", () => {
  test("a version on or after its retirement date is retired", () => {
    expect(checkModelLifecycle("gpt-4.1", "2025-04-14", "2027-04-14").verdict).toBe("retired");
    expect(checkModelLifecycle("gpt-4o", "2024-05-13", "2026-12-01")).toMatchObject({ verdict: "retired", daysToRetirement: -61 });
    expect(checkModelLifecycle("gpt-4o", "2024-05-13", "2026-12-01").message).toMatch(/retired on 2026-10-01 .*2026-09-02/);
  });

  test(`a version within ${RETIREMENT_WARNING_DAYS} days of retirement is retiring`, () => {
    // gpt-5 2025-08-07 retires on 2027-02-09.
    expect(checkModelLifecycle("gpt-5", "2025-08-07", "2026-12-01")).toMatchObject({ verdict: "retiring", daysToRetirement: 70 });
    expect(checkModelLifecycle("gpt-5.4", "2026-03-05", "2027-06-04")).toMatchObject({ verdict: "retiring", daysToRetirement: 90 });
    expect(checkModelLifecycle("gpt-5.4", "2026-03-05", "2027-06-03")).toMatchObject({ verdict: "ok", daysToRetirement: 91 });
  });

  test("a deprecated or legacy version warns that new customers cannot deploy it", () => {
    expect(checkModelLifecycle("gpt-4.1", "2025-04-14", "2026-12-01")).toMatchObject({ verdict: "notForNewCustomers", daysToRetirement: 134 });
    expect(checkModelLifecycle("gpt-5.1", "2025-11-13", "2026-12-01").verdict).toBe("notForNewCustomers");
    expect(checkModelLifecycle("gpt-5.1", "2025-11-13", "2026-11-12").verdict).toBe("ok");
  });

  test("a model or version outside the catalog is unknown", () => {
    expect(checkModelLifecycle("gpt-7", "2027-01-01", "2026-12-01").verdict).toBe("unknown");
    expect(checkModelLifecycle("gpt-5.4", "2099-01-01", "2026-12-01").verdict).toBe("unknown");
  });

  test("a current version is fine", () => {
    expect(checkModelLifecycle("gpt-5.4", "2026-03-05", "2026-12-01")).toMatchObject({ verdict: "ok", daysToRetirement: 275 });
  });

  test("uses the catalog it is given", () => {
    const catalog: ModelLifecycleEntry[] = [
      { model: "m", version: "1", status: "Retired", source: { title: "t", location: "l", date: "2026-01-01" } },
    ];
    expect(checkModelLifecycle("m", "1", "2026-12-01", catalog).verdict).toBe("retired");
    expect(checkModelLifecycle("gpt-5.4", "2026-03-05", "2026-12-01", catalog).verdict).toBe("unknown");
  });
});

describe("unofferedSku", () => {
  test("returns the offered SKUs when the catalog knows the SKU is not one of them", () => {
    expect(unofferedSku("gpt-5.4", "2026-03-05", "Standard")).toEqual(
      expect.arrayContaining<DeploymentSku>(["DataZoneStandard", "GlobalStandard"]),
    );
    expect(unofferedSku("gpt-5.4", "2026-03-05", "Standard")).not.toContain("Standard");
    expect(unofferedSku("gpt-5.4", "2026-03-05", "DataZoneStandard")).toBeUndefined();
  });

  test("passes when the catalog does not know the model or its SKUs", () => {
    expect(unofferedSku("gpt-7", "1", "Standard")).toBeUndefined();
    expect(unofferedSku("gpt-5.6-sol", "2026-07-09", "Standard")).toBeUndefined();
  });
});

describe("ModelDeployment lifecycle checks", () => {
  test("a retired version fails the synth, naming the prop, the date and the source", () => {
    const { errors } = deploy({ model: "gpt-4.1", version: "2025-04-14" }, "2027-05-01");
    expect(errors).toEqual([failed("version", { value: "2025-04-14", rule: /not retired; gpt-4\.1 2025-04-14 retired on 2027-04-14/ })]);
  });

  test("a version within 90 days of retirement warns and passes", () => {
    const { errors, warnings } = deploy({ model: "gpt-5-mini", version: "2025-08-07" }, "2026-12-01");
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^chat: gpt-5-mini 2025-08-07 retires on 2027-02-09, in 70 days/)]);
  });

  test("an unknown model or version warns that the catalog does not know it, and passes", () => {
    const { errors, warnings } = deploy({ model: "gpt-7", version: "2027-01-01", sku: "Standard" }, "2026-12-01");
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining("gpt-7 2027-01-01 is not in the model lifecycle catalog")]);
  });

  test("a current version passes without warnings", () => {
    // Before 2026-09-05, the date from which Microsoft's pages disagree on gpt-5.4 (see below).
    expect(deploy({}, "2026-09-04")).toEqual({ errors: [], warnings: [] });
  });

  test("a SKU the model is not offered on fails, listing the SKUs it is offered on", () => {
    const { errors } = deploy({ sku: "Standard" }, "2026-12-01");
    expect(errors).toEqual([failed("sku", { value: "Standard", rule: /DataZoneStandard.*; gpt-5\.4 2026-03-05 is offered only on these/ })]);
  });

  test(`"today" comes from the ${SYNTH_DATE_CONTEXT_KEY} context when no prop is given`, () => {
    expect(deploy({ model: "gpt-4.1", version: "2025-04-14" }, undefined, { [SYNTH_DATE_CONTEXT_KEY]: "2027-05-01" }).errors).toHaveLength(1);
    expect(deploy({ model: "gpt-4.1", version: "2025-04-14" }, undefined, { [SYNTH_DATE_CONTEXT_KEY]: "2026-12-01" }).errors).toEqual([]);
    // The prop wins over the context.
    expect(deploy({ model: "gpt-4.1", version: "2025-04-14" }, "2026-12-01", { [SYNTH_DATE_CONTEXT_KEY]: "2027-05-01" }).errors).toEqual([]);
  });

  test("a malformed today fails instead of silently skipping the check", () => {
    expect(deploy({}, "01.12.2026").errors).toEqual([failed("today", { value: "01.12.2026", rule: /YYYY-MM-DD/ })]);
    expect(deploy({}, undefined, { [SYNTH_DATE_CONTEXT_KEY]: "2026-02-30" }).errors).toEqual([failed(`today (context ${SYNTH_DATE_CONTEXT_KEY})`, { value: "2026-02-30", rule: /YYYY-MM-DD/ })]);
  });

  test("Terraform tokens for model and version are left to Terraform", () => {
    const stack = stackWith();
    const model = new TerraformVariable(stack, "model", { type: "string" });
    const d = new ModelDeployment(stack, "d", {
      account: account(stack),
      today: "2030-01-01",
      ...deployment({ model: model.stringValue, sku: "Standard" }),
    });
    expect(d.node.validate()).toEqual([]);
    expect(d.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN)).toEqual([]);
  });
});

describe("gpt-5.4 2026-03-05 and new customers (review N11)", () => {
  const gpt54 = MODEL_LIFECYCLE_CATALOG.find((e) => e.model === "gpt-5.4" && e.version === "2026-03-05") as ModelLifecycleEntry;

  test("the catalog records that Microsoft's pages disagree, as data, with what to do", () => {
    expect(gpt54.newCustomerDoubt).toMatchObject({
      date: "2026-09-05",
      conflict: expect.stringMatching(/2026-09-05.*2027-03-05.*2027-09-02.*12 months/),
      advice: expect.stringContaining("az cognitiveservices model list"),
    });
    // The three pages: the 2025-12-16 retirement table, the 2026-09-02 schedule, the lifecycle page.
    expect(gpt54.newCustomerDoubt?.sources.map((s) => s.date)).toEqual(["2025-12-16", "2026-09-02", "2026-01-30"]);
    expect(gpt54.newCustomerDoubt?.sources[0].location).toContain("includes/retirement/models.md");
    // The verdict stays ok: the doubt does not invent a deprecation date.
    expect(gpt54.deprecationDate).toBeUndefined();
  });

  test("the check reports it as a caveat from 2026-09-05 on, not before", () => {
    expect(checkModelLifecycle("gpt-5.4", "2026-03-05", "2026-09-04")).toMatchObject({ verdict: "ok" });
    expect(checkModelLifecycle("gpt-5.4", "2026-03-05", "2026-09-04").caveat).toBeUndefined();
    expect(checkModelLifecycle("gpt-5.4", "2026-03-05", "2026-09-05")).toMatchObject({
      verdict: "ok",
      caveat: expect.stringContaining("closed to new customers since 2026-09-05"),
    });
  });

  test("a deployment warns with it on the test synth date and still passes", () => {
    const { errors, warnings } = deploy({}, "2026-12-01");
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^chat: gpt-5\.4 2026-03-05: Microsoft's pages disagree .*az cognitiveservices model list/)]);
  });

  test("the newer GA versions the include also dated carry the same doubt", () => {
    const doubts = MODEL_LIFECYCLE_CATALOG.filter((e) => e.newCustomerDoubt).map((e) => [e.model, e.newCustomerDoubt?.date]);
    expect(Object.fromEntries(doubts)).toEqual({
      "gpt-5.2": "2026-06-12",
      "gpt-5.4": "2026-09-05",
      "gpt-5.4-mini": "2026-09-18",
      "gpt-5.4-nano": "2026-09-18",
      "gpt-5.5": "2026-10-24",
    });
  });
});

describe("Foundry Models sold directly by Azure", () => {
  const direct = (model: string, version: string) => findModelLifecycle(model, version) as ModelLifecycleEntry;

  test("the catalog has at least one from Microsoft, Meta, Mistral AI, DeepSeek and xAI, each with a dated Microsoft source", () => {
    const formats = new Set(FOUNDRY_DIRECT_MODELS.map((e) => e.format));
    expect([...formats].sort()).toEqual(["DeepSeek", "Meta", "Microsoft", "Mistral AI", "xAI"]);
    for (const e of FOUNDRY_DIRECT_MODELS) {
      expect(MODEL_LIFECYCLE_CATALOG).toContain(e);
      expect(KNOWN_MODEL_FORMATS).toContain(e.format);
      expect(e.source.location).toMatch(/MicrosoftDocs\/azure-ai-docs|learn\.microsoft\.com/);
      for (const regions of Object.values(e.skuRegions ?? {})) expect(regions.length).toBeGreaterThan(0);
    }
  });

  test("Azure OpenAI entries have no format (OpenAI), so the catalog keeps its shape", () => {
    expect(direct("gpt-5.4", "2026-03-05").format).toBeUndefined();
    expect(catalogModelFormat("gpt-5.4")).toBe("OpenAI");
    expect(catalogModelFormat("Llama-3.3-70B-Instruct")).toBe("Meta");
    expect(catalogModelFormat("Mistral-Large-3")).toBe("Mistral AI");
    expect(catalogModelFormat("no-such-model")).toBeUndefined();
  });

  test("Llama-3.3-70B-Instruct is offered on Global SKUs only; Mistral-Large-3 also in the EU data zone", () => {
    expect(direct("Llama-3.3-70B-Instruct", "9")).toMatchObject({ status: "GA", format: "Meta", skus: ["GlobalStandard", "GlobalProvisionedManaged"] });
    expect(unofferedSku("Llama-3.3-70B-Instruct", "9", "DataZoneStandard")).toEqual(["GlobalStandard", "GlobalProvisionedManaged"]);
    expect(direct("Mistral-Large-3", "1").skuRegions?.DataZoneStandard).toEqual(expect.arrayContaining(["swedencentral", "francecentral"]));
  });

  test("a retired DeepSeek version fails the synth and names Microsoft's replacement", () => {
    expect(checkModelLifecycle("DeepSeek-R1", "1", "2026-12-01")).toMatchObject({ verdict: "retired", message: expect.stringContaining("DeepSeek-V4-Pro") });
    const { errors } = deploy({ model: "DeepSeek-R1", version: "1", format: "DeepSeek", sku: "GlobalStandard" }, "2026-12-01");
    expect(errors).toEqual([failed("version", { value: "1", rule: /not retired; DeepSeek-R1 1 retired on 2026-08-13/ })]);
  });

  test("a preview Microsoft model warns as preview; a GA xAI model passes", () => {
    expect(checkModelLifecycle("MAI-Thinking-1", "2026-06-01", "2026-12-01").verdict).toBe("preview");
    expect(deploy({ model: "grok-4", version: "1", format: "xAI", sku: "GlobalStandard" }, "2026-12-01")).toEqual({ errors: [], warnings: [] });
  });

  test("a version the catalog does not list keeps today's behaviour: unknown, warns, passes", () => {
    expect(checkModelLifecycle("Llama-3.3-70B-Instruct", "4", "2026-12-01").verdict).toBe("unknown");
    const { errors, warnings } = deploy({ model: "Llama-3.3-70B-Instruct", version: "4", format: "Meta", sku: "GlobalStandard" }, "2026-12-01");
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining("Llama-3.3-70B-Instruct 4 is not in the model lifecycle catalog")]);
  });
});
