import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { TerraformStack, Testing } from "cdktf";
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { checkEnvironmentConfig as validateEnvironmentConfig } from "../../lib/environment/config-schema";
import { isEmailAddress, describeValue, MAX_EMAIL_LENGTH } from "../../lib/core/validation";
import { GuardedApp, SynthValidationError } from "../../lib/core/guarded-app";
import { OpenAiEnvironmentStack } from "../../lib/environment/openai-environment-stack";
import { environment } from "../helpers/environment";
import { tempOutdir } from "../helpers/synth";

const dev = environment("dev");
const problems = (overrides: Record<string, unknown>, base: EnvironmentConfig = dev): readonly string[] => {
  const result = validateEnvironmentConfig({ ...base, ...overrides });
  return result.ok ? [] : result.problems;
};
const region = (location: string, extra: object = {}) => ({ location, priority: 1, network: { addressSpace: "10.1.0.0/24" }, ...extra });

describe("validateEnvironmentConfig", () => {
  test("the default environments are valid", () => {
    for (const name of ["sandbox", "dev", "staging", "prod"]) expect(validateEnvironmentConfig(environment(name))).toMatchObject({ ok: true });
  });

  test("wrong-case enum: residency EU, with a suggestion", () => {
    expect(problems({ residency: "EU" })).toEqual(['residency: "EU" is not allowed; allowed: one of eu, us, apac, global; did you mean "eu"?']);
  });

  test("compliance packs in the wrong case or from Object.prototype", () => {
    expect(problems({ compliancePacks: ["SOC2", "valueOf"] })).toEqual([
      'compliancePacks[0]: "SOC2" is not allowed; allowed: one of soc2, hipaa, gdpr; did you mean "soc2"?',
      'compliancePacks[1]: "valueOf" is not allowed; allowed: one of soc2, hipaa, gdpr',
    ]);
  });

  test("unknown keys are refused, with a did-you-mean", () => {
    expect(problems({ regoins: [] })[0]).toMatch(/^regoins: \[\] is not allowed; allowed: no property "regoins" here; did you mean "regions"\?/);
  });

  test("missing and null fields: regions [{}], a region without network, budget {}", () => {
    expect(problems({ regions: [{}] })).toEqual([
      "regions[0].location: (missing) is not allowed; allowed: a string (required)",
      "regions[0].priority: (missing) is not allowed; allowed: a finite number (required)",
      "regions[0].network: (missing) is not allowed; allowed: an object (required)",
    ]);
    expect(problems({ budget: {} })).toEqual([
      "budget.amount: (missing) is not allowed; allowed: a finite number (required)",
      "budget.contactEmails: (missing) is not allowed; allowed: a list of e-mail addresses (required)",
    ]);
  });

  test("wrong types: owner 1.5, a function, a BigInt; NaN shown as NaN", () => {
    expect(problems({ owner: 1.5 })).toEqual(["owner: 1.5 is not allowed; allowed: a string"]);
    expect(problems({ owner: () => 1, capacityCapK: BigInt(10) })).toEqual([
      "owner: (a function) is not allowed; allowed: a string",
      "capacityCapK: 10n (a BigInt) is not allowed; allowed: a finite number",
    ]);
    expect(problems({ capacityCapK: NaN })).toEqual(["capacityCapK: NaN is not allowed; allowed: a finite number"]);
    expect(problems({ capacityCapK: "100" })).toEqual(['capacityCapK: "100" is not allowed; allowed: a finite number']);
  });

  test('booleans must be booleans: "false" and 0', () => {
    expect(problems({ customerManagedKeys: "false" })).toEqual(['customerManagedKeys: "false" is not allowed; allowed: true or false (a boolean, not a string)']);
    expect(problems({ contentFilter: { blockJailbreak: 0 } })).toEqual(["contentFilter.blockJailbreak: 0 is not allowed; allowed: true or false (a boolean, not a string)"]);
  });

  test("issue 28 settings: shields are booleans, stored completions need a reason, Defender an owner (and a reason when central)", () => {
    expect(problems({ contentFilter: { blockIndirectAttacks: false, blockProtectedMaterial: true }, storedCompletions: { reason: "Distillation pilot approved until 2027-03" }, defenderForAi: { owner: "environment" } })).toEqual([]);
    expect(problems({ defenderForAi: { owner: "central", reason: "Group security team runs Defender (SEC-112)" } })).toEqual([]);
    expect(problems({ contentFilter: { blockIndirectAttacks: "no" } })).toHaveLength(1);
    expect(problems({ contentFilter: { blockIndirectAttacks: "no" } })[0]).toMatch(/^contentFilter\.blockIndirectAttacks: "no" is not allowed/);
    expect(problems({ storedCompletions: { reason: "eval" } })[0]).toMatch(/^storedCompletions\.reason: "eval" is not allowed; allowed: a reason of at least 10 characters/);
    expect(problems({ defenderForAi: { owner: "central" } })).toEqual([expect.stringMatching(/^defenderForAi\.reason: \(missing\) is not allowed; allowed: a reason of at least 10 characters/)]);
    expect(problems({ defenderForAi: { owner: "subscription" } })[0]).toMatch(/^defenderForAi\.owner: "subscription" is not allowed/);
    expect(problems({ defenderForAi: true })[0]).toMatch(/^defenderForAi: true is not allowed; allowed: \{ owner: "environment" \}/);
  });

  test("locations must be catalog regions, and inside the residency for the resource group too", () => {
    expect(problems({ regions: [region("workspace")] })[0]).toMatch(/^regions\[0\]\.location: "workspace" is not allowed; allowed: a region that offers Azure OpenAI/);
    expect(problems({ location: "mars" })).toHaveLength(1);
    expect(problems({ location: "eastus" })).toEqual([expect.stringMatching(/^location: "eastus" is not allowed; allowed: a location inside residency "eu" .*; the resource group and the workload identities live there$/)]);
  });

  test("one bad location is one problem", () => {
    expect(problems({ regions: [region("westus2")] })).toHaveLength(1);
  });

  test("network: exactly one of subnetId and addressSpace", () => {
    expect(problems({ regions: [region("swedencentral", { network: { addressSpace: "10.1.0.0/24", subnetId: "/subscriptions/x/y" } })] })).toEqual([
      'regions[0].network.addressSpace: "10.1.0.0/24" is not allowed; allowed: either subnetId (bring a subnet) or addressSpace (create a VNet), not both',
    ]);
  });

  test("keys unique: two workloads bot, deployment names differing in case", () => {
    expect(problems({ workloads: [{ key: "bot", application: "a" }, { key: "bot", application: "b" }] })).toEqual([
      'workloads[1].key: "bot" is not allowed; allowed: each workload key once (workloads[0] has it)',
    ]);
    const d = dev.deployments[0];
    expect(problems({ deployments: [d, { ...d, name: d.name.toUpperCase() }], capacityCapK: 10_000 })).toEqual([
      expect.stringMatching(/^deployments\[1\]\.name: ".*" is not allowed; allowed: each deployment name once, ignoring case/),
    ]);
  });

  test("deployment names: 2-64 characters without '/', format not empty", () => {
    const d = dev.deployments[0];
    expect(problems({ deployments: [{ ...d, name: "gpt/4" }] })[0]).toMatch(/^deployments\[0\]\.name: "gpt\/4" is not allowed; allowed: 2-64 letters/);
    expect(problems({ deployments: [{ ...d, name: "g" }] })).toHaveLength(1);
    expect(problems({ deployments: [{ ...d, format: "" }] })).toEqual([expect.stringMatching(/^deployments\[0\]\.format: "" is not allowed; allowed: a model format such as OpenAI/)]);
  });

  test("model format: spelt as Azure spells it, and a non-OpenAI format only on a Foundry resource (issue 24)", () => {
    const d = dev.deployments[0];
    expect(problems({ deployments: [{ ...d, format: "openai" }] })).toEqual([expect.stringMatching(/^deployments\[0\]\.format: "openai" is not allowed; allowed: "OpenAI"/)]);
    const llama = { ...d, model: "Llama-3.3-70B-Instruct", version: "9", format: "Meta" };
    const onOpenAi = problems({ kind: "OpenAI", foundryUpgrade: { decision: "allow" }, deployments: [llama], allowedModels: [llama.model] });
    expect(onOpenAi).toEqual(expect.arrayContaining([expect.stringMatching(/^deployments\[0\]\.format: "Meta" is not allowed; allowed: OpenAI on an account of kind OpenAI/)]));
    const onFoundry = problems({ kind: "AIServices", deployments: [llama], allowedModels: [llama.model] });
    expect(onFoundry.filter((p) => p.startsWith("deployments[0].format"))).toEqual([]);
  });

  test("environment names cdktf would reject are reported, not crashed on", () => {
    for (const name of ["a b", "*?[]{}!", "", "__proto__", "${TfToken[TOKEN.1]}"]) {
      expect(problems({ name })).toEqual([expect.stringMatching(/^name: .* is not allowed; allowed: 2-12 lowercase letters or digits/)]);
    }
  });

  test("raiPolicyName needs a stated override; allowedModels must be a list; the cap cannot be turned off", () => {
    const d = dev.deployments[0];
    expect(problems({ deployments: [{ ...d, raiPolicyName: "lenient" }] })).toEqual([
      expect.stringMatching(/^deployments\[0\]\.raiPolicyName: "lenient" is not allowed; allowed: only with contentFilterOverrides/),
    ]);
    expect(problems({ deployments: [{ ...d, raiPolicyName: "lenient" }], contentFilterOverrides: { [d.name]: { reason: "evaluation of a vendor filter" } } })).toEqual([]);
    expect(problems({ allowedModels: dev.allowedModels.join(",") })).toEqual([expect.stringMatching(/^allowedModels: ".*" is not allowed; allowed: a list of model names$/)]);
    expect(problems({ capacityCapK: undefined })).toEqual(["capacityCapK: (missing) is not allowed; allowed: a finite number (required)"]);
  });

  test("custom residency may not reuse a built-in name", () => {
    expect(problems({ residency: { name: "eu", regions: ["swedencentral"] } })[0]).toMatch(/^residency\.name: "eu" is not allowed; allowed: a name other than the built-in policies/);
  });

  test("interpolation in free text is refused", () => {
    expect(problems({ owner: "${var.owner}" })).toEqual([expect.stringMatching(/^owner: "\$\{var\.owner\}" is not allowed; allowed: literal text without "\$\{" or "%\{"/)]);
    expect(problems({ tags: { team: "%{if x}" } })).toHaveLength(1);
  });

  test("Azure's tag limits", () => {
    expect(problems({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"])) })).toHaveLength(1);
    expect(problems({ tags: { "a<b": "v" } })).toEqual([expect.stringMatching(/^tags\["a<b"\]: "a<b" is not allowed; allowed: a tag name without/)]);
    expect(problems({ tags: { Team: "a", team: "b" } })).toEqual([expect.stringMatching(/^tags\.team: "team" is not allowed; allowed: tag names that differ in more than case/)]);
    expect(problems({ tags: { team: 5 } })).toEqual(["tags.team: 5 is not allowed; allowed: a string"]);
    expect(problems({ tags: { team: "v".repeat(257) } })).toHaveLength(1);
    expect(problems({ tags: { Owner: "x" } })).toHaveLength(1);
    expect(problems({ owner: "o".repeat(257) })).toHaveLength(1);
  });

  test("budget dates must be real first days of a month", () => {
    expect(problems({ budget: { ...dev.budget, startDate: "0000-01-01" } })).toEqual([expect.stringMatching(/^budget\.startDate: "0000-01-01" is not allowed/)]);
    expect(problems({ budget: { ...dev.budget, startDate: "2026-13-01" } })).toHaveLength(1);
    const { startDate: _omitted, ...withoutDate } = dev.budget as { startDate?: string };
    expect(problems({ budget: withoutDate })).toEqual([]);
  });

  test("deletionProtection accepts booleans and the per-resource shape only", () => {
    expect(problems({ deletionProtection: { accounts: "lock", archives: "preventDestroy", keyVaults: false } })).toEqual([]);
    expect(problems({ deletionProtection: { accounts: true } })).toEqual(['deletionProtection.accounts: true is not allowed; allowed: "lock", "preventDestroy" or false']);
    expect(problems({ deletionProtection: "true" })).toHaveLength(1);
  });

  test("huge input: completes, values truncated, no backtracking", () => {
    // Completing is the property; no elapsed time is asserted (speed is `npm run bench`'s).
    const result = problems({ tags: "x".repeat(70_000), budget: { ...dev.budget, contactEmails: [`a@${".".repeat(40_000)} `] } });
    expect(result).toHaveLength(2);
    expect(result.every((p) => p.length < 700)).toBe(true);
  });

  test("a newline in a key does not truncate the message", () => {
    expect(problems({ tags: { "a\nb": "v" } })).toEqual([]);
    expect(problems({ "x\ny": 1 })[0]).toMatch(/^\["x\\ny"\]: 1 is not allowed/);
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
    expect(synth({ ...dev, residency: "EU" })).toEqual(['[dev] residency: "EU" is not allowed; allowed: one of eu, us, apac, global; did you mean "eu"?']);
  });

  test("a name cdktf rejects gets a fallback stack ID instead of a crash", () => {
    expect(synth({ ...dev, name: "a b" }, { ...dev, name: "*?" })).toEqual([
      expect.stringMatching(/^\[invalid-environment\] name: "a b" is not allowed/),
      expect.stringMatching(/^\[invalid-environment-2\] name: "\*\?" is not allowed/),
    ]);
  });

  test("two environments with one name are a problem, not a constructs error", () => {
    expect(synth(dev, dev)).toEqual([expect.stringMatching(/^\[invalid-environment\] name: "dev" is not allowed; allowed: a name no other stack of this app has/)]);
  });
});

describe("bounded work for structural extremes", () => {
  test("100,000 unknown keys: 20 reported one by one, the rest counted", () => {
    // Bounded output is the property (21 problems, not 100,000); no elapsed time is asserted.
    const junk = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`unknownProperty${i}`, i]));
    const result = validateEnvironmentConfig({ ...dev, ...junk });
    expect(result.ok ? [] : result.problems).toHaveLength(21);
    expect(result.ok ? "" : result.problems[20]).toMatch(/^\(config\): "100000 unknown properties" is not allowed/);
  });

  test("a list of 70,000 tags where a record is expected is one problem", () => {
    expect(problems({ tags: Array.from({ length: 70_000 }, () => "t") })).toHaveLength(1);
    expect(problems({ privateDns: { virtualNetworkIds: "x".repeat(70_000) } })).toEqual([
      expect.stringMatching(/^privateDns\.virtualNetworkIds: "x+"… \(70000 characters\) is not allowed; allowed: an object of VNet links$/),
    ]);
  });

  test("a name JavaScript objects already have is refused before it becomes a construct ID", () => {
    expect(problems({ name: "constructor" })).toEqual([expect.stringMatching(/^name: "constructor" is not allowed; allowed: a name other than "constructor"/)]);
  });
});

test("a hole in a list (a deleted entry) is a problem, not a crash", () => {
  const regions: unknown[] = [...dev.regions, undefined];
  delete regions[1];
  expect(problems({ regions })).toEqual(["regions[1]: (missing) is not allowed; allowed: an object (required)"]);
});

describe("a token look-alike in a config is data, not a reference (fuzz finding, issue 22)", () => {
  const withSubnet = (subnetId: string) => ({ ...dev, regions: [region("swedencentral", { network: { subnetId } }), ...dev.regions.slice(1).map((r) => ({ ...r }))] });

  test("a token made by another app (so the typed `${TfToken[TOKEN.n]}` exists in the registry) is refused for this app", () => {
    const other = new TerraformStack(Testing.app(), "other");
    const real = new Subnet(other, "subnet", { name: "pe", resourceGroupName: "rg", virtualNetworkName: "v", addressPrefixes: ["10.0.0.0/24"] }).id;
    const typed = `\${TfToken[TOKEN.${/TOKEN\.(\d+)/.exec(real)![1]}]}`;
    expect(typed).toBe(real); // what a person typing a token into a config produces
    const app = Testing.app();
    const result = validateEnvironmentConfig(withSubnet(typed), app);
    expect(result.ok ? [] : result.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^regions\[0\]\.network\.subnetId: .* allowed: a Terraform reference created in this app/)]));
  });

  test("a reference to a resource of another stack in the same app is accepted", () => {
    const app = Testing.app();
    const hub = new TerraformStack(app, "hub");
    const subnetId = new Subnet(hub, "subnet", { name: "pe", resourceGroupName: "rg", virtualNetworkName: "v", addressPrefixes: ["10.0.0.0/24"] }).id;
    const result = validateEnvironmentConfig(withSubnet(subnetId), app);
    expect(result.ok ? [] : result.problems.filter((p) => p.startsWith("regions[0].network.subnetId"))).toEqual([]);
  });
});
