import { Aspects, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { EnvironmentContext, EnvironmentContextProps, lockFor } from "../../lib/context";
import { GovernanceTags } from "../../lib/core/governance-tags";
import { ResourceNaming } from "../../lib/core/naming";
import { addPropChecks } from "../../lib/core/validation";
import { OpenAiPlatform, OpenAiPlatformProps } from "../../lib/platform/openai-platform";
import { environment, environmentStack } from "../helpers/environment";
import { failedProps, resourceList, synthJson, testStack } from "../helpers/synth";

const facts: EnvironmentContextProps = {
  name: "prod",
  workload: "chat",
  owner: "ai-platform@contoso.com",
  location: "swedencentral",
  residency: "eu",
  uniqueSuffix: "ctso",
};

const platformProps: OpenAiPlatformProps = {
  resourceGroupName: "chat-prod-rg",
  regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.10.0.0/24" } }],
  deployments: [{ name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 100 }],
  capacityCapK: 1_000,
  allowedModels: ["gpt-5.4"],
};

/** Every GovernanceTags aspect under `scope` (the scope included). */
function governanceTagAspects(scope: Construct): GovernanceTags[] {
  return scope.node.findAll().flatMap((c) => Aspects.of(c).all.filter((a): a is GovernanceTags => a instanceof GovernanceTags));
}

describe("EnvironmentContext lookup", () => {
  test("of() finds the nearest context above a construct, and none outside an environment", () => {
    const stack = testStack();
    const outer = EnvironmentContext.establish(stack, facts);
    const inner = new Construct(stack, "inner");
    const deep = new Construct(new Construct(inner, "a"), "b");
    expect(EnvironmentContext.of(deep)).toBe(outer);
    const nested = EnvironmentContext.establish(inner, { ...facts, name: "sandbox" });
    expect(EnvironmentContext.of(deep)).toBe(nested);
    expect(EnvironmentContext.of(stack)).toBe(outer);
    expect(EnvironmentContext.of(testStack("other"))).toBeUndefined();
  });

  test("a second context on the same scope is a problem, not a silent replacement", () => {
    const stack = testStack();
    const first = EnvironmentContext.establish(stack, facts);
    expect(EnvironmentContext.establish(stack, { ...facts, name: "dev" })).toBe(first);
    expect(failedProps(stack)).toEqual([expect.objectContaining({ prop: "EnvironmentContext", path: "test" })]);
  });

  test("the residency is resolved once, into regions, and a bad one is reported as data", () => {
    const stack = testStack();
    const context = EnvironmentContext.establish(stack, { ...facts, residency: { name: "nordics", regions: ["swedencentral", "norwayeast"] } });
    expect(context.residency).toMatchObject({ name: "nordics", allowedRegions: ["swedencentral", "norwayeast"] });
    expect(failedProps(stack)).toEqual([]);
    const bad = testStack("bad");
    EnvironmentContext.establish(bad, { ...facts, residency: "mars" as never });
    expect(failedProps(bad)).toEqual([expect.objectContaining({ prop: "residency", value: "mars" })]);
  });

  test("an unknown fact is refused (typed or not)", () => {
    const stack = testStack();
    EnvironmentContext.establish(stack, { ...facts, ownr: "x" } as never);
    expect(failedProps(stack).map((p) => p.prop)).toContain("ownr");
  });

  test("checkLocation reports a literal location outside the residency, and leaves references alone", () => {
    const stack = testStack();
    const context = EnvironmentContext.establish(stack, facts);
    const target = new Construct(stack, "thing");
    const reference = new TerraformVariable(stack, "location", { type: "string" }).stringValue;
    addPropChecks(target, (c) => {
      context.checkLocation(c, "location", "eastus");
      context.checkLocation(c, "otherLocation", "swedencentral");
      context.checkLocation(c, "reference", reference);
    });
    expect(failedProps(stack)).toEqual([expect.objectContaining({ path: "test/thing", prop: "location", value: "eastus" })]);
  });
});

describe("EnvironmentContext facts", () => {
  test("lockFor: true locks every kind with the lock names every release has used; the gateway follows the accounts", () => {
    expect(lockFor(true, "accounts", "swedencentral")).toMatchObject({ protection: "lock", name: "do-not-delete-openai-swedencentral" });
    expect(lockFor(true, "archives", "francecentral")).toMatchObject({ protection: "lock", name: "do-not-delete-archive-francecentral" });
    expect(lockFor(true, "keyVaults", "swedencentral")).toMatchObject({ name: "do-not-delete-vault-swedencentral" });
    expect(lockFor(true, "workspace")).toMatchObject({ name: "do-not-delete-workspace" });
    expect(lockFor(true, "gateway")).toMatchObject({ protection: "lock", name: "do-not-delete-ai-gateway" });
    for (const kind of ["accounts", "workspace", "archives", "keyVaults", "gateway"] as const) {
      expect(lockFor(true, kind, "swedencentral")!.reason.length).toBeGreaterThanOrEqual(10);
      expect(lockFor(false, kind, "swedencentral")).toBeUndefined();
      expect(lockFor(undefined, kind, "swedencentral")).toBeUndefined();
    }
  });

  test("lockFor: per kind, an unnamed kind is locked, false leaves it unprotected", () => {
    const protection = { accounts: "preventDestroy", archives: false } as const;
    expect(lockFor(protection, "accounts", "swedencentral")).toMatchObject({ protection: "preventDestroy" });
    expect(lockFor(protection, "gateway")).toMatchObject({ protection: "preventDestroy" });
    expect(lockFor(protection, "archives", "swedencentral")).toBeUndefined();
    expect(lockFor(protection, "workspace")).toMatchObject({ protection: "lock" });
  });

  test("one client-config data source per stack, however many constructs ask", () => {
    const stack = testStack();
    const context = EnvironmentContext.establish(stack, facts);
    expect(context.clientConfig()).toBe(context.clientConfig());
    const json = synthJson(stack) as { data?: Record<string, Record<string, unknown>> };
    expect(Object.keys(json.data?.azurerm_client_config ?? {})).toHaveLength(1);
  });
});

describe("constructs read the context instead of props", () => {
  test("a platform inside a context needs no owner, naming, location, residency or locks of its own", () => {
    const stack = testStack();
    EnvironmentContext.establish(stack, { ...facts, deletionProtection: true, tags: { costCenter: "cc-42" } });
    const platform = new OpenAiPlatform(stack, "openai", platformProps);
    expect(failedProps(stack)).toEqual([]);
    expect(platform.residency.name).toBe("eu");
    const json = synthJson(stack);
    const [account] = resourceList(json, "azurerm_cognitive_account");
    expect(account.name).toBe(new ResourceNaming({ workload: "chat", environment: "prod", uniqueSuffix: "ctso" }).name("openAiAccount", { location: "swedencentral" }));
    expect(account.tags).toMatchObject({ environment: "prod", owner: facts.owner, "data-residency": "eu", workload: "chat", costCenter: "cc-42" });
    expect(resourceList(json, "azurerm_management_lock").map((l) => l.name)).toEqual(
      expect.arrayContaining(["do-not-delete-openai-swedencentral", "do-not-delete-archive-swedencentral", "do-not-delete-workspace"]),
    );
    // The context tags the platform's resources; the platform adds no second aspect.
    expect(governanceTagAspects(stack)).toHaveLength(1);
  });

  test("outside an environment the missing facts are problems with their prop names, not a crash", () => {
    const stack = testStack();
    new OpenAiPlatform(stack, "openai", platformProps);
    expect(failedProps(stack).map((p) => p.prop)).toEqual(expect.arrayContaining(["location", "owner", "naming", "residency"]));
  });

  test("an owner or residency override inside a context tags the platform with its own governance tags", () => {
    const stack = testStack();
    EnvironmentContext.establish(stack, facts);
    new OpenAiPlatform(stack, "openai", { ...platformProps, owner: "other-team@contoso.com" });
    const [account] = resourceList(synthJson(stack), "azurerm_cognitive_account");
    expect(account.tags).toMatchObject({ owner: "other-team@contoso.com", workload: "chat", environment: "prod" });
  });
});

describe("the environment stack establishes one context", () => {
  const stack: TerraformStack = environmentStack(environment("staging"));

  test("one governance tag aspect for the whole stack, with the environment's facts", () => {
    const aspects = governanceTagAspects(stack);
    expect(aspects).toHaveLength(1);
    expect(aspects[0]!.props).toMatchObject({ environment: "staging", owner: environment("staging").owner, dataResidency: "eu", workload: environment("staging").workload });
  });

  test("every construct of the stack finds the same context", () => {
    const context = EnvironmentContext.of(stack)!;
    expect(context.name).toBe("staging");
    for (const c of stack.node.findAll()) expect(EnvironmentContext.of(c)).toBe(context);
  });
});

describe("prod, with its gateway, capacity check and key vaults", () => {
  test("reads the tenant and subscription from one client-config data source", () => {
    const json = synthJson(environmentStack(environment("prod"))) as { data?: Record<string, Record<string, unknown>> };
    expect(Object.keys(json.data?.azurerm_client_config ?? {})).toEqual(["client-config"]);
  });
});

