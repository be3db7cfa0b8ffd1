// The cases of the message catalogue (message-catalogue.test.ts): one input per rule, each
// producing the messages a user would read. Grouped by the folder whose tests assert the rule as data.
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { validateEnvironmentConfig } from "../../lib/environment/config-schema";
import { environment } from "../helpers/environment";

/** One rule and the messages its case produces. */
export interface CatalogueCase {
  readonly section: string;
  readonly rule: string;
  readonly messages: () => readonly string[];
}

/** A case before its section is added. */
type Case = Omit<CatalogueCase, "section">;

/** The cases of one section. */
const section = (name: string, cases: readonly Case[]): CatalogueCase[] => cases.map((c) => ({ ...c, section: name }));

const dev = environment("dev");

/** The messages of `dev` with `overrides` (the config boundary). */
function config(overrides: Record<string, unknown>, base: EnvironmentConfig = dev): readonly string[] {
  const result = validateEnvironmentConfig({ ...base, ...overrides });
  return result.ok ? [] : result.problems;
}

const region = (location: string, extra: object = {}) => ({ location, priority: 1, network: { addressSpace: "10.1.0.0/24" }, ...extra });

const ENVIRONMENT_CONFIG: readonly Case[] = [
  { rule: "an enum in the wrong case, with a suggestion", messages: () => config({ residency: "EU" }) },
  { rule: "an enum value from Object.prototype, without a suggestion", messages: () => config({ compliancePacks: ["SOC2", "valueOf"] }) },
  { rule: "an unknown key, with a suggestion", messages: () => config({ regoins: [] }) },
  { rule: "required fields missing", messages: () => config({ regions: [{}], budget: {} }) },
  { rule: "a missing list entry", messages: () => config({ regions: [...dev.regions, undefined] }) },
  { rule: "wrong types, and how values are shown (number, function, BigInt, NaN, string)", messages: () => [...config({ owner: () => 1, capacityCapK: BigInt(10) }), ...config({ owner: 1.5, capacityCapK: NaN }), ...config({ capacityCapK: "100" })] },
  { rule: "a boolean given as a string or a number", messages: () => [...config({ customerManagedKeys: "false" }), ...config({ contentFilter: { blockJailbreak: 0 } })] },
  { rule: "a reason shorter than 10 characters, or missing", messages: () => [...config({ storedCompletions: { reason: "eval" } }), ...config({ defenderForAi: { owner: "central" } })] },
  { rule: "Defender for AI: the owner, or the shape", messages: () => [...config({ defenderForAi: { owner: "subscription" } }), ...config({ defenderForAi: true })] },
  { rule: "a location no region offers, and one outside the residency", messages: () => [...config({ regions: [region("workspace")] }), ...config({ location: "eastus" })] },
  { rule: "a network both brought and created", messages: () => config({ regions: [region("swedencentral", { network: { addressSpace: "10.1.0.0/24", subnetId: "/subscriptions/x/y" } })] }) },
  { rule: "a workload key twice", messages: () => config({ workloads: [{ key: "bot", application: "a" }, { key: "bot", application: "b" }] }) },
  { rule: "a deployment name twice, ignoring case", messages: () => config({ deployments: [dev.deployments[0], { ...dev.deployments[0], name: dev.deployments[0].name.toUpperCase() }], capacityCapK: 10_000 }) },
  { rule: "a deployment name Azure refuses", messages: () => config({ deployments: [{ ...dev.deployments[0], name: "gpt/4" }] }) },
  { rule: "a model format: empty, wrong case, or not OpenAI on kind OpenAI", messages: () => [
      ...config({ deployments: [{ ...dev.deployments[0], format: "" }] }),
      ...config({ deployments: [{ ...dev.deployments[0], format: "openai" }] }),
      ...config({ kind: "OpenAI", foundryUpgrade: { decision: "allow" }, deployments: [{ ...dev.deployments[0], model: "Llama-3.3-70B-Instruct", version: "9", format: "Meta" }], allowedModels: ["Llama-3.3-70B-Instruct"] }).filter((m) => m.startsWith("deployments[0].format")),
    ] },
  { rule: "an environment name cdktf would reject, or one objects already have", messages: () => [...config({ name: "a b" }), ...config({ name: "constructor" })] },
  { rule: "a content filter name without a stated override", messages: () => config({ deployments: [{ ...dev.deployments[0], raiPolicyName: "lenient" }] }) },
  { rule: "a list given as text", messages: () => config({ allowedModels: dev.allowedModels.join(",") }) },
  { rule: "a custom residency named like a built-in one", messages: () => config({ residency: { name: "eu", regions: ["swedencentral"] } }) },
  { rule: "Terraform interpolation in free text", messages: () => config({ owner: "${var.owner}" }) },
  { rule: "tags: a forbidden character, names differing only in case, a value not a string", messages: () => [...config({ tags: { "a<b": "v" } }), ...config({ tags: { Team: "a", team: "b" } }), ...config({ tags: { team: 5 } })] },
  { rule: "a budget start that is not the first day of a real month", messages: () => config({ budget: { ...dev.budget, startDate: "0000-01-01" } }) },
  { rule: "deletion protection per resource", messages: () => config({ deletionProtection: { accounts: true } }) },
  { rule: "a key with a newline, and a huge value cut with its length", messages: () => [...config({ "x\ny": 1 }), ...config({ privateDns: { virtualNetworkIds: "x".repeat(70_000) } })] },
  { rule: "many unknown keys: the rest counted", messages: () => config(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`unknownProperty${i}`, i]))).slice(20) },
];

/** Every case, in the order the catalogue lists them. */
export const CATALOGUE_CASES: readonly CatalogueCase[] = [
  ...section("environment config (validateEnvironmentConfig)", ENVIRONMENT_CONFIG),
];
