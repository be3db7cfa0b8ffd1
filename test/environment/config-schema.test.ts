import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { TerraformStack, Testing } from "cdktf";
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { checkEnvironmentConfig as validateEnvironmentConfig } from "../../lib/environment/config-schema";
import { isEmailAddress, describeValue, MAX_EMAIL_LENGTH } from "../../lib/core/validation";
import { GuardedApp, SynthValidationError } from "../../lib/core/guarded-app";
import { OpenAiEnvironmentStack } from "../../lib/environment/openai-environment-stack";
import { environment } from "../helpers/environment";
import { configProblemPaths, problemSites } from "../helpers/problems";
import { tempOutdir } from "../helpers/synth";

// Problems are asserted by config path; their wording is pinned once, in test/core/message-catalogue.test.ts.
const dev = environment("dev");
const problems = (overrides: Record<string, unknown>, base: EnvironmentConfig = dev): readonly string[] => {
  const result = validateEnvironmentConfig({ ...base, ...overrides });
  return result.ok ? [] : result.problems;
};
/** The config paths of the problems of `dev` with `overrides`. */
const paths = (overrides: Record<string, unknown>, base: EnvironmentConfig = dev) => configProblemPaths({ ...base, ...overrides });
const region = (location: string, extra: object = {}) => ({ location, priority: 1, network: { addressSpace: "10.1.0.0/24" }, ...extra });

describe("validateEnvironmentConfig", () => {
  test("the default environments are valid", () => {
    for (const name of ["sandbox", "dev", "staging", "prod"]) expect(validateEnvironmentConfig(environment(name))).toMatchObject({ ok: true });
  });

  test("wrong-case enum: residency EU, with a suggestion", () => {
    expect(paths({ residency: "EU" })).toEqual(["residency"]);
    expect(problems({ residency: "EU" })[0]).toContain('did you mean "eu"?');
  });

  test("compliance packs in the wrong case or from Object.prototype", () => {
    expect(paths({ compliancePacks: ["SOC2", "valueOf"] })).toEqual(["compliancePacks[0]", "compliancePacks[1]"]);
    expect(problems({ compliancePacks: ["SOC2", "valueOf"] }).map((p) => p.includes("did you mean"))).toEqual([true, false]);
  });

  test("unknown keys are refused, with a did-you-mean", () => {
    expect(paths({ regoins: [] })).toEqual(["regoins"]);
    expect(problems({ regoins: [] })[0]).toContain('did you mean "regions"?');
  });

  test("missing and null fields: regions [{}], a region without network, budget {}", () => {
    expect(paths({ regions: [{}] })).toEqual(["regions[0].location", "regions[0].priority", "regions[0].network"]);
    expect(paths({ budget: {} })).toEqual(["budget.amount", "budget.contactEmails"]);
  });

  test("wrong types: owner 1.5, a function, a BigInt; NaN shown as NaN", () => {
    // How each value is shown (1.5, "(a function)", "10n (a BigInt)", NaN) is in the message catalogue.
    expect(paths({ owner: 1.5 })).toEqual(["owner"]);
    expect(paths({ owner: () => 1, capacityCapK: BigInt(10) })).toEqual(["owner", "capacityCapK"]);
    expect(paths({ capacityCapK: NaN })).toEqual(["capacityCapK"]);
    expect(paths({ capacityCapK: "100" })).toEqual(["capacityCapK"]);
  });

  test('booleans must be booleans: "false" and 0', () => {
    expect(paths({ customerManagedKeys: "false" })).toEqual(["customerManagedKeys"]);
    expect(paths({ contentFilter: { blockJailbreak: 0 } })).toEqual(["contentFilter.blockJailbreak"]);
  });

  test("issue 28 settings: shields are booleans, stored completions need a reason, Defender an owner (and a reason when central)", () => {
    expect(problems({ contentFilter: { blockIndirectAttacks: false, blockProtectedMaterial: true }, storedCompletions: { reason: "Distillation pilot approved until 2027-03" }, defenderForAi: { owner: "environment" } })).toEqual([]);
    expect(problems({ defenderForAi: { owner: "central", reason: "Group security team runs Defender (SEC-112)" } })).toEqual([]);
    expect(paths({ contentFilter: { blockIndirectAttacks: "no" } })).toEqual(["contentFilter.blockIndirectAttacks"]);
    expect(paths({ storedCompletions: { reason: "eval" } })).toEqual(["storedCompletions.reason"]);
    expect(paths({ defenderForAi: { owner: "central" } })).toEqual(["defenderForAi.reason"]);
    expect(paths({ defenderForAi: { owner: "subscription" } })).toEqual(["defenderForAi.owner"]);
    expect(paths({ defenderForAi: true })).toEqual(["defenderForAi"]);
  });

  test("locations must be catalog regions, and inside the residency for the resource group too", () => {
    expect(paths({ regions: [region("workspace")] })).toEqual(["regions[0].location"]);
    expect(paths({ location: "mars" })).toEqual(["location"]);
    expect(paths({ location: "eastus" })).toEqual(["location"]);
  });

  test("one bad location is one problem", () => {
    expect(problems({ regions: [region("westus2")] })).toHaveLength(1);
  });

  test("network: exactly one of subnetId and addressSpace", () => {
    expect(paths({ regions: [region("swedencentral", { network: { addressSpace: "10.1.0.0/24", subnetId: "/subscriptions/x/y" } })] })).toEqual(["regions[0].network.addressSpace"]);
  });

  test("keys unique: two workloads bot, deployment names differing in case", () => {
    expect(paths({ workloads: [{ key: "bot", application: "a" }, { key: "bot", application: "b" }] })).toEqual(["workloads[1].key"]);
    const d = dev.deployments[0];
    expect(paths({ deployments: [d, { ...d, name: d.name.toUpperCase() }], capacityCapK: 10_000 })).toEqual(["deployments[1].name"]);
  });

  test("deployment names: 2-64 characters without '/', format not empty", () => {
    const d = dev.deployments[0];
    expect(paths({ deployments: [{ ...d, name: "gpt/4" }] })).toEqual(["deployments[0].name"]);
    expect(paths({ deployments: [{ ...d, name: "g" }] })).toEqual(["deployments[0].name"]);
    expect(paths({ deployments: [{ ...d, format: "" }] })).toEqual(["deployments[0].format"]);
  });

  test("model format: spelt as Azure spells it, and a non-OpenAI format only on a Foundry resource (issue 24)", () => {
    const d = dev.deployments[0];
    expect(paths({ deployments: [{ ...d, format: "openai" }] })).toEqual(["deployments[0].format"]);
    const llama = { ...d, model: "Llama-3.3-70B-Instruct", version: "9", format: "Meta" };
    expect(paths({ kind: "OpenAI", foundryUpgrade: { decision: "allow" }, deployments: [llama], allowedModels: [llama.model] })).toContain("deployments[0].format");
    expect(paths({ kind: "AIServices", deployments: [llama], allowedModels: [llama.model] })).not.toContain("deployments[0].format");
  });

  test("environment names cdktf would reject are reported, not crashed on", () => {
    for (const name of ["a b", "*?[]{}!", "", "__proto__", "${TfToken[TOKEN.1]}"]) {
      expect(paths({ name })).toEqual(["name"]);
    }
  });

  test("raiPolicyName needs a stated override; allowedModels must be a list; the cap cannot be turned off", () => {
    const d = dev.deployments[0];
    expect(paths({ deployments: [{ ...d, raiPolicyName: "lenient" }] })).toEqual(["deployments[0].raiPolicyName"]);
    expect(problems({ deployments: [{ ...d, raiPolicyName: "lenient" }], contentFilterOverrides: { [d.name]: { reason: "evaluation of a vendor filter" } } })).toEqual([]);
    expect(paths({ allowedModels: dev.allowedModels.join(",") })).toEqual(["allowedModels"]);
    expect(paths({ capacityCapK: undefined })).toEqual(["capacityCapK"]);
  });

  test("custom residency may not reuse a built-in name", () => {
    expect(paths({ residency: { name: "eu", regions: ["swedencentral"] } })).toEqual(["residency.name"]);
  });

  test("interpolation in free text is refused", () => {
    expect(paths({ owner: "${var.owner}" })).toEqual(["owner"]);
    expect(paths({ tags: { team: "%{if x}" } })).toEqual(["tags.team"]);
  });

  test("Azure's tag limits", () => {
    expect(paths({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"])) })).toEqual(["tags"]);
    expect(paths({ tags: { "a<b": "v" } })).toEqual(['tags["a<b"]']);
    expect(paths({ tags: { Team: "a", team: "b" } })).toEqual(["tags.team"]);
    expect(paths({ tags: { team: 5 } })).toEqual(["tags.team"]);
    expect(paths({ tags: { team: "v".repeat(257) } })).toHaveLength(1);
    expect(paths({ tags: { Owner: "x" } })).toHaveLength(1);
    expect(paths({ owner: "o".repeat(257) })).toEqual(["owner"]);
  });

  test("budget dates must be real first days of a month", () => {
    expect(paths({ budget: { ...dev.budget, startDate: "0000-01-01" } })).toEqual(["budget.startDate"]);
    expect(paths({ budget: { ...dev.budget, startDate: "2026-13-01" } })).toEqual(["budget.startDate"]);
    const { startDate: _omitted, ...withoutDate } = dev.budget as { startDate?: string };
    expect(problems({ budget: withoutDate })).toEqual([]);
  });

  test("deletionProtection accepts booleans and the per-resource shape only", () => {
    expect(problems({ deletionProtection: { accounts: "lock", archives: "preventDestroy", keyVaults: false } })).toEqual([]);
    expect(paths({ deletionProtection: { accounts: true } })).toEqual(["deletionProtection.accounts"]);
    expect(paths({ deletionProtection: "true" })).toEqual(["deletionProtection"]);
  });

  test("huge input: completes, values truncated, no backtracking", () => {
    // Completing is the property; no elapsed time is asserted (speed is `npm run bench`'s).
    const result = problems({ tags: "x".repeat(70_000), budget: { ...dev.budget, contactEmails: [`a@${".".repeat(40_000)} `] } });
    expect(result).toHaveLength(2);
    expect(result.every((p) => p.length < 700)).toBe(true);
  });

  test("a newline in a key does not truncate the message", () => {
    expect(problems({ tags: { "a\nb": "v" } })).toEqual([]);
    expect(paths({ "x\ny": 1 })).toEqual(['["x\\ny"]']);
  });
});

describe("message helpers", () => {
  test("the e-mail check is bounded: the length is refused before the text is looked at", () => {
    // A structural property instead of a stopwatch: every input over MAX_EMAIL_LENGTH is refused,
    // even one that is otherwise well formed, so no input makes the check read more than 254 characters.
    const wellFormed = (length: number) => `a@${"b".repeat(length - 6)}.com`;
    expect(wellFormed(MAX_EMAIL_LENGTH)).toHaveLength(MAX_EMAIL_LENGTH);
    expect(isEmailAddress(wellFormed(MAX_EMAIL_LENGTH))).toBe(true);
    expect(isEmailAddress(wellFormed(MAX_EMAIL_LENGTH + 1))).toBe(false);
    expect(isEmailAddress(`a@${".".repeat(40_000)} `)).toBe(false);
    expect(isEmailAddress("team@example.com")).toBe(true);
    expect(isEmailAddress("a@b")).toBe(false);
    expect(isEmailAddress("a@@b.c")).toBe(false);
  });

  test("values: NaN and Infinity by name, long values cut, newlines escaped", () => {
    expect(describeValue(NaN)).toBe("NaN");
    expect(describeValue([Infinity])).toBe("[Infinity]");
    expect(describeValue("a\nb")).toBe('"a\\nb"');
    expect(describeValue("x".repeat(1000)).length).toBeLessThan(330);
  });
});

describe("OpenAiEnvironmentStack at the boundary", () => {
  const synth = (...configs: unknown[]) => {
    const app = new GuardedApp({ outdir: tempOutdir() });
    configs.forEach((c) => new OpenAiEnvironmentStack(app, c as EnvironmentConfig));
    try {
      app.synth();
      return [];
    } catch (error) {
      if (error instanceof SynthValidationError) return error.problems;
      throw error;
    }
  };

  test("an invalid config builds nothing and reports its problems under the stack", () => {
    const app = new GuardedApp({ outdir: tempOutdir() });
    const stack = new OpenAiEnvironmentStack(app, { ...dev, residency: "EU" } as unknown as EnvironmentConfig);
    expect(stack.node.children).toHaveLength(0);
    expect(problemSites(synth({ ...dev, residency: "EU" }))).toEqual([{ path: "dev", prop: "residency" }]);
  });

  test("a name cdktf rejects gets a fallback stack ID instead of a crash", () => {
    expect(problemSites(synth({ ...dev, name: "a b" }, { ...dev, name: "*?" }))).toEqual([
      { path: "invalid-environment", prop: "name" },
      { path: "invalid-environment-2", prop: "name" },
    ]);
  });

  test("two environments with one name are a problem, not a constructs error", () => {
    expect(problemSites(synth(dev, dev))).toEqual([{ path: "invalid-environment", prop: "name" }]);
  });
});

describe("bounded work for structural extremes", () => {
  test("100,000 unknown keys: 20 reported one by one, the rest counted", () => {
    // Bounded output is the property (21 problems, not 100,000); no elapsed time is asserted.
    const junk = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`unknownProperty${i}`, i]));
    const result = validateEnvironmentConfig({ ...dev, ...junk });
    expect(result.ok ? [] : result.problems).toHaveLength(21);
    expect(problemSites(result.ok ? [] : result.problems)[20]).toEqual({ prop: "(config)" });
    expect(result.ok ? "" : result.problems[20]).toContain('"100000 unknown properties"');
  });

  test("a list of 70,000 tags where a record is expected is one problem", () => {
    expect(problems({ tags: Array.from({ length: 70_000 }, () => "t") })).toHaveLength(1);
    expect(paths({ privateDns: { virtualNetworkIds: "x".repeat(70_000) } })).toEqual(["privateDns.virtualNetworkIds"]);
    // The value is shown cut, with its length (the catalogue has the exact form).
    expect(problems({ privateDns: { virtualNetworkIds: "x".repeat(70_000) } })[0]).toContain("… (70000 characters)");
  });

  test("a name JavaScript objects already have is refused before it becomes a construct ID", () => {
    expect(paths({ name: "constructor" })).toEqual(["name"]);
  });
});

test("a hole in a list (a deleted entry) is a problem, not a crash", () => {
  const regions: unknown[] = [...dev.regions, undefined];
  delete regions[1];
  expect(paths({ regions })).toEqual(["regions[1]"]);
});

describe("a token look-alike in a config is data, not a reference (fuzz finding, issue 22)", () => {
  const withSubnet = (subnetId: string) => ({ ...dev, regions: [region("swedencentral", { network: { subnetId } }), ...dev.regions.slice(1).map((r) => ({ ...r }))] });

  test("a token made by another app (so the typed `${TfToken[TOKEN.n]}` exists in the registry) is refused for this app", () => {
    const other = new TerraformStack(Testing.app(), "other");
    const real = new Subnet(other, "subnet", { name: "pe", resourceGroupName: "rg", virtualNetworkName: "v", addressPrefixes: ["10.0.0.0/24"] }).id;
    const typed = `\${TfToken[TOKEN.${/TOKEN\.(\d+)/.exec(real)![1]}]}`;
    expect(typed).toBe(real); // what a person typing a token into a config produces
    const app = Testing.app();
    expect(configProblemPaths(withSubnet(typed), app)).toContain("regions[0].network.subnetId");
  });

  test("a reference to a resource of another stack in the same app is accepted", () => {
    const app = Testing.app();
    const hub = new TerraformStack(app, "hub");
    const subnetId = new Subnet(hub, "subnet", { name: "pe", resourceGroupName: "rg", virtualNetworkName: "v", addressPrefixes: ["10.0.0.0/24"] }).id;
    expect(configProblemPaths(withSubnet(subnetId), app)).not.toContain("regions[0].network.subnetId");
  });
});
