import { PERIMETER_ACCESS_MODES } from "../network/network-security-perimeter";
import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { z } from "zod";
import { MIN_REASON_LENGTH } from "../core/justification";
import { OPENAI_REGIONS } from "../core/region-catalog";
import { MAX_USER_TAGS, RESERVED_TAG_NAMES, TAG_LIMITS } from "../core/tags";
import { isEmailAddress } from "../core/validation";
import { CAPACITY_CHECK_MODES } from "../governance/capacity/capacity-check";
import type { DefenderForAiOwner } from "../governance/defender-for-ai";
import { ENTRA_OBJECT_ID_PATTERN, PRINCIPAL_TYPES } from "../identity/principal";
import { BUILT_IN_ROLE_KEYS } from "../identity/role-catalog";
import { OPENAI_LOG_CATEGORIES, RETENTION_CATEGORIES } from "../monitoring/log-categories";
import { HARM_CATEGORIES } from "../openai/content-filter";
import {
  DEPLOYMENT_NAME_PATTERN,
  DEPLOYMENT_NAME_RULE,
  KNOWN_MODEL_FORMATS,
  MAX_PROVISIONED_CAPACITY,
  MAX_TOKEN_CAPACITY,
  modelFormatProblem,
  VERSION_UPGRADE_OPTIONS,
} from "../openai/deployment-options";
import type { FoundryUpgradeDecision } from "../openai/foundry-upgrade";
import { ptuCapacityProblem } from "../openai/model-lifecycle";
import { DEPLOYMENT_SKUS, DeploymentSku, isProvisioned } from "../regions/processing";
import { RESIDENCY_POLICY_NAMES } from "../regions/residency";
import { ConfigPath, ConfigProblem, didYouMean, formatProblem, problemsOfIssue, valueAt } from "./config-problems";
import { crossFieldProblems, fieldRuleProblems } from "./config-rules";
import { EnvironmentConfig, EnvironmentConfigValidation, RegionConfig } from "./environment-config";
import { gatewayConfigProblems } from "./gateway-config-schema";
import { byType, fail, Holds, integer, keyed, list, literal, MergedUnion, oneOf, record, SameType, text, validatingFor } from "./schema-dsl";

/** Environment names: also the stack name and part of every resource name. */
export const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9]{1,11}$/;
/** Workload names: the first part of every resource name. */
export const WORKLOAD_NAME_PATTERN = /^[a-z][a-z0-9-]{0,14}[a-z0-9]$/;
/** Keys that become construct IDs and resource-name parts (workloads, VNet links, access keys). */
const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$/;
const MODEL_PART = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;
const CUSTOM_RESIDENCY_NAME = /^[a-z][a-z0-9-]{1,30}$/;
const CONTENT_FILTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/;
/** A deployment's content filter: one of the account's, or Azure's built-ins (`Microsoft.<name>`). */
const RAI_POLICY_NAME = /^(?:Microsoft\.[A-Za-z0-9]{1,54}|[a-zA-Z0-9][a-zA-Z0-9_-]{0,63})$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const BUDGET_DATE = /^(\d{4})-(\d{2})-01$/;

/** Longest text accepted in a free-text field (owner, tag value, descriptions). */
const MAX_TEXT = 256;
/** Longest Azure resource ID accepted. */
const MAX_RESOURCE_ID = 1024;

const LOCATIONS = Object.keys(OPENAI_REGIONS);
const BUILT_IN_RESIDENCIES = RESIDENCY_POLICY_NAMES;

/** A misspelt known model format (the one rule of `modelFormatProblem` that needs no account kind). */
function formatSpellingProblem(format: string): string | undefined {
  const problem = modelFormatProblem(format);
  return problem?.severity === "error" ? problem.rule : undefined;
}

const isRegion = (value: string) => Object.prototype.hasOwnProperty.call(OPENAI_REGIONS, value);

// The schemas are built on first use, not when the library is loaded: an app that never
// validates a config as data does not pay for them. (Body kept at module indentation.)
function buildSchemas() {
const location = text({
  max: 64,
  rule: `a region that offers Azure OpenAI (${LOCATIONS.join(", ")})`,
  check: (value) => (isRegion(value) ? undefined : `allowed: a region that offers Azure OpenAI (${LOCATIONS.join(", ")})${didYouMean(value, LOCATIONS)}`),
});
const freeText = (max = MAX_TEXT, what = "text") => text({ max, nonBlank: true, rule: `${what} of 1-${max} characters` });
const reason = text({ max: 1024, rule: `a reason of at least ${MIN_REASON_LENGTH} characters saying why`, check: (v) => (v.trim().length < MIN_REASON_LENGTH ? `allowed: a reason of at least ${MIN_REASON_LENGTH} characters saying why` : undefined) });
const email = text({ max: 254, rule: "an e-mail address such as team@example.com", check: (v) => (isEmailAddress(v) ? undefined : "allowed: an e-mail address such as team@example.com") });
const resourceId = (what: string) =>
  text({ max: MAX_RESOURCE_ID, reference: true, rule: `${what} (an Azure resource ID starting with /subscriptions/, or a Terraform reference)`, check: (v) => (v.startsWith("/subscriptions/") && !/\s/.test(v) ? undefined : `allowed: ${what} (an Azure resource ID starting with /subscriptions/, or a Terraform reference)`) });
const key = (what: string) => text({ max: 32, pattern: KEY_PATTERN, rule: `${what}: 2-32 lowercase letters, digits or hyphens, starting and ending with a letter or digit` });
const octetsValid = (match: RegExpMatchArray | null) => match !== null && match.slice(1, 5).every((o) => Number(o) <= 255);

const network = z
  .strictObject({
    subnetId: resourceId("an existing subnet").optional(),
    addressSpace: text({ max: 18, rule: "an IPv4 range such as 10.20.0.0/24", check: (v) => { const m = v.match(IPV4_CIDR); return octetsValid(m) && Number(m![5]) <= 32 ? undefined : "allowed: an IPv4 range such as 10.20.0.0/24"; } }).optional(),
    privateEndpointSubnetPrefix: integer(22, 29).optional(),
  })
  .superRefine((n, ctx) => {
    if (n.subnetId !== undefined && n.addressSpace !== undefined) {
      fail(ctx, "allowed: either subnetId (bring a subnet) or addressSpace (create a VNet), not both", ["addressSpace"]);
    } else if (n.subnetId === undefined && n.addressSpace === undefined) {
      fail(ctx, "allowed: exactly one of subnetId (an existing subnet) or addressSpace (a range to create a VNet from)", ["subnetId"]);
    } else if (n.subnetId !== undefined && n.privateEndpointSubnetPrefix !== undefined) {
      fail(ctx, "allowed: only with addressSpace; it has no effect with subnetId", ["privateEndpointSubnetPrefix"]);
    }
  });

const region = z.strictObject({
  location,
  // Its range and uniqueness are the platform's rules (lib/regions/region-list-rules.ts).
  priority: z.number(),
  network,
  privateIpAddress: text({ max: 15, rule: "an IPv4 address such as 10.20.0.4", check: (v) => (octetsValid(v.match(IPV4)) ? undefined : "allowed: an IPv4 address such as 10.20.0.4") }).optional(),
  // Foundry Agent Service subnet; its range rules are checked by the account (lib/openai/agent-subnet.ts).
  agentSubnet: z.strictObject({ subnetId: resourceId("an existing subnet"), addressPrefix: text({ max: 18, rule: "an IPv4 range such as 192.168.0.0/24" }) }).optional(),
});

// Foundry (lib/openai/foundry-upgrade.ts, foundry-project.ts): kind, the upgrade decision, projects.
const accountKind = oneOf(["AIServices", "OpenAI"] as const);
const foundryUpgrade = byType(
  { object: z.strictObject({ decision: oneOf(["allow", "optOut"] as const), reason: text({ max: 1024, rule: `a reason of at least ${MIN_REASON_LENGTH} characters saying why` }).optional() }) },
  '{ decision: "allow" } or { decision: "optOut", reason }',
);
const defenderForAi = byType(
  { object: z.strictObject({ owner: oneOf(["environment", "central"] as const), reason: reason.optional() }) },
  '{ owner: "environment" } (the subscription\'s Defender for AI plan) or { owner: "central", reason }',
);
const project = z.strictObject({
  name: text({ max: 64, pattern: /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/, rule: "2-64 letters, digits, '-', '_' or '.', starting with a letter or digit" }),
  displayName: freeText(128, "a name").optional(),
  description: freeText(512, "a description").optional(),
  access: list(key("a principal key of access"), { what: "principal keys" }).optional(),
  workloads: list(key("a workload key"), { what: "workload keys" }).optional(),
});

const customResidency = z.strictObject({
  name: text({ max: 31, pattern: CUSTOM_RESIDENCY_NAME, rule: "2-31 lowercase letters, digits or hyphens, starting with a letter", check: (v) => (BUILT_IN_RESIDENCIES.some((n) => n === v) ? `allowed: a name other than the built-in policies (${BUILT_IN_RESIDENCIES.join(", ")}); use the built-in "${v}" as a string instead` : undefined) }),
  regions: list(location, { min: 1, max: LOCATIONS.length, what: "regions" }),
  dataZone: oneOf(["EU", "US"] as const).optional(),
});
const residency = byType(
  { string: oneOf(BUILT_IN_RESIDENCIES), object: customResidency },
  `one of ${BUILT_IN_RESIDENCIES.join(", ")}, or { name, regions, dataZone? }`,
);

const deployment = z
  .strictObject({
    name: text({ max: 64, pattern: DEPLOYMENT_NAME_PATTERN, rule: DEPLOYMENT_NAME_RULE }),
    model: text({ max: 64, pattern: MODEL_PART, rule: "a model name such as gpt-4.1" }),
    version: text({ max: 64, pattern: MODEL_PART, rule: "a model version such as 2025-04-14" }),
    sku: oneOf(DEPLOYMENT_SKUS),
    capacity: z.number(),
    versionUpgradeOption: oneOf(VERSION_UPGRADE_OPTIONS).optional(),
    raiPolicyName: text({ max: 64, pattern: RAI_POLICY_NAME, rule: "1-64 letters, digits, '-' or '_', or a built-in policy such as Microsoft.DefaultV2 or Microsoft.Nil" }).optional(),
    format: text({ max: 64, nonBlank: true, rule: `a model format such as ${KNOWN_MODEL_FORMATS.slice(0, 5).join(", ")}`, check: formatSpellingProblem }).optional(),
    spilloverDeploymentName: text({ max: 64, pattern: DEPLOYMENT_NAME_PATTERN, rule: `the name of a Standard-family deployment: ${DEPLOYMENT_NAME_RULE}` }).optional(),
  })
  .superRefine((d, ctx) => {
    // Custom issues do not stop refinements: check only a valid SKU and a number.
    if (!(DEPLOYMENT_SKUS as readonly unknown[]).includes(d.sku) || typeof d.capacity !== "number" || Number.isNaN(d.capacity)) return;
    const provisioned = isProvisioned(d.sku as DeploymentSku);
    const max = provisioned ? MAX_PROVISIONED_CAPACITY : MAX_TOKEN_CAPACITY;
    if (!Number.isInteger(d.capacity) || d.capacity < 1 || d.capacity > max) {
      fail(ctx, `allowed: a whole number from 1 to ${max} ${provisioned ? "PTUs" : "(units of 1,000 tokens per minute)"} for ${d.sku}`, ["capacity"]);
      return;
    }
    // PTU minimum and increment of the model (catalog data with its source).
    const ptuProblem = provisioned && typeof d.model === "string" ? ptuCapacityProblem(d.model, d.sku as DeploymentSku, d.capacity) : undefined;
    if (ptuProblem) fail(ctx, ptuProblem, ["capacity"]);
  });

const severity = oneOf(["Low", "Medium", "High"] as const);
const contentFilter = z.strictObject({
  name: text({ max: 64, pattern: CONTENT_FILTER_NAME, rule: "1-64 letters, digits, '-' or '_'" }).optional(),
  severityThreshold: severity.optional(),
  categoryThresholds: z.strictObject(keyed(HARM_CATEGORIES, () => severity.optional())).optional(),
  blockJailbreak: z.boolean().optional(),
  blockIndirectAttacks: z.boolean().optional(),
  blockProtectedMaterial: z.boolean().optional(),
});

const privateDns = z.strictObject({
  existingZoneIds: z
    .strictObject({
      openAi: resourceId("a private DNS zone"),
      cognitiveServices: resourceId("a private DNS zone").optional(),
      aiServices: resourceId("a private DNS zone").optional(),
    })
    .optional(),
  managedByPolicy: z.boolean().optional(),
  virtualNetworkIds: record(key("a VNet key"), resourceId("a virtual network"), { what: "VNet links" }).optional(),
  includeAiServicesZone: z.boolean().optional(),
});

const receiverName = text({ max: 128, pattern: /^[^<>%&\\?/]+$/, rule: "1-128 characters other than < > % & \\ ? /" });
const logging = z.strictObject({
  workspaceRetentionDays: integer(30, 730, "days").optional(),
  workspaceLocation: location.optional(),
  archive: z
    .strictObject({
      days: z.strictObject(keyed(RETENTION_CATEGORIES, () => integer(1, 99_999, "days").optional())).optional(),
      immutability: z
        .strictObject(keyed(RETENTION_CATEGORIES, () => z.strictObject({ periodDays: integer(1, 99_999, "days").optional(), locked: z.boolean().optional() }).optional()))
        .optional(),
    })
    .optional(),
  categories: list(oneOf(OPENAI_LOG_CATEGORIES), { min: 1, what: "log categories" }).optional(),
  alertEmails: list(z.strictObject({ name: receiverName, address: email }), { min: 1, max: 1000, what: "e-mail receivers" }).optional(),
});

const statedReason = z.strictObject({ reason });
const accessEntry = z.strictObject({
  principalId: text({ max: 36, reference: true, pattern: ENTRA_OBJECT_ID_PATTERN, rule: "an Entra object ID (a GUID) or a Terraform reference" }),
  principalType: oneOf(PRINCIPAL_TYPES),
  role: byType(
    {
      string: oneOf(BUILT_IN_ROLE_KEYS),
      object: z.strictObject({
        customRoleDefinitionId: text({ max: MAX_RESOURCE_ID, reference: true, pattern: /^[^\s]+$/, rule: "a role definition GUID or ID, or a Terraform reference" }),
        displayName: freeText(128, "a name").optional(),
        key: key("a role key").optional(),
      }),
    },
    `a built-in role key (${BUILT_IN_ROLE_KEYS.join(", ")}) or { customRoleDefinitionId }`,
  ),
  key: key("a principal key").optional(),
  displayName: freeText(128, "a name").optional(),
  description: freeText(512, "a description").optional(),
  scopes: list(text({ max: 64, pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/, rule: "a scope key" }), { what: "scope keys" }).optional(),
  privileged: statedReason.optional(),
  exception: statedReason.optional(),
});

const FORBIDDEN_TAG_CHARACTERS = [...TAG_LIMITS.forbiddenNameCharacters];
const tagName = text({
  max: TAG_LIMITS.maxStorageNameLength,
  nonBlank: true,
  rule: `a tag name of 1-${TAG_LIMITS.maxStorageNameLength} characters (storage accounts allow no more) without < > % & \\ ? /`,
  check: (v) => {
    if (FORBIDDEN_TAG_CHARACTERS.some((c) => v.includes(c))) return "allowed: a tag name without < > % & \\ ? / (Azure refuses them)";
    if (v === "__proto__") return "allowed: a tag name other than __proto__";
    const reserved = RESERVED_TAG_NAMES.find((r) => r === v.toLowerCase());
    return reserved ? `allowed: a name other than the tags the library sets (${RESERVED_TAG_NAMES.join(", ")}); "${reserved}" comes from the config` : undefined;
  },
});
const tags = record(tagName, text({ max: TAG_LIMITS.maxValueLength, rule: `a string of at most ${TAG_LIMITS.maxValueLength} characters` }), {
  max: MAX_USER_TAGS,
  what: `tags (Azure allows ${TAG_LIMITS.maxTags} per resource, ${RESERVED_TAG_NAMES.length} of them set by the library)`,
}).superRefine((value, ctx) => {
  // zod runs refinements after a failed type check too: `tags: null` is reported as a type.
  if (value === null || typeof value !== "object") return;
  const seen = new Map<string, string>();
  for (const name of Object.keys(value)) {
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) ctx.addIssue({ code: "custom", message: `allowed: tag names that differ in more than case (Azure treats "${other}" and this one as the same tag)`, path: [name], params: { value: name, key: true } });
    else seen.set(name.toLowerCase(), name);
  }
});

const deletionTarget = byType({ boolean: literal(false, 'allowed: "lock", "preventDestroy" or false'), string: oneOf(["lock", "preventDestroy"] as const) }, '"lock", "preventDestroy" or false');
const deletionProtection = byType(
  {
    boolean: z.boolean(),
    object: z.strictObject({ accounts: deletionTarget.optional(), workspace: deletionTarget.optional(), archives: deletionTarget.optional(), keyVaults: deletionTarget.optional() }),
  },
  'true, false or { accounts?, workspace?, archives?, keyVaults? } with "lock", "preventDestroy" or false',
);

const budget = z.strictObject({
  amount: z.number().superRefine((n, ctx) => {
    if (!(n > 0) || n > 1_000_000_000) fail(ctx, "allowed: a positive amount of at most 1,000,000,000");
  }),
  startDate: text({
    max: 10,
    rule: "the first day of a month, YYYY-MM-01, from 2017-06-01 to 2099-12-01",
    check: (v) => {
      const m = v.match(BUDGET_DATE);
      const year = Number(m?.[1]);
      const month = Number(m?.[2]);
      const ok = m !== null && month >= 1 && month <= 12 && year <= 2099 && (year > 2017 || (year === 2017 && month >= 6));
      return ok ? undefined : "allowed: the first day of a month, YYYY-MM-01, from 2017-06-01 to 2099-12-01";
    },
  }).optional(),
  contactEmails: list(email, { min: 1, max: 50, what: "e-mail addresses" }),
});

/** The shape of an {@link EnvironmentConfig}: every field, type, enum and limit. */
const environmentConfigSchema = z.strictObject({
  name: text({
    max: 64,
    pattern: ENVIRONMENT_NAME_PATTERN,
    rule: "2-12 lowercase letters or digits, starting with a letter",
    // constructs keeps children in a plain object: `constructor` would clash with Object.prototype.
    check: (v) => (v in Object.prototype ? `allowed: a name other than ${JSON.stringify(v)} (a JavaScript built-in; it cannot be a construct ID)` : undefined),
  }),
  workload: text({ max: 64, pattern: WORKLOAD_NAME_PATTERN, rule: "2-16 lowercase letters, digits or hyphens, starting with a letter" }),
  owner: freeText(MAX_TEXT, "a team or person accountable for the environment:"),
  residency,
  location,
  uniqueSuffix: text({ max: 8, pattern: /^[a-z0-9]{1,8}$/, rule: "1-8 lowercase letters or digits" }).optional(),
  regions: list(region, { min: 1, max: LOCATIONS.length, what: "regions" }),
  kind: accountKind.optional(),
  foundryUpgrade: foundryUpgrade.optional(),
  projects: list(project, { max: 50, what: "projects" }).optional(),
  deployments: list(deployment, { max: 64, what: "deployments" }),
  capacityCapK: integer(1, 10_000_000, "(units of 1,000 tokens per minute)"),
  capacityCheck: oneOf(CAPACITY_CHECK_MODES, "a capacity check mode").optional(),
  allowedModels: list(text({ max: 64, pattern: MODEL_PART, rule: "a model name such as gpt-4.1" }), { min: 1, what: "model names" }),
  policyEnforcement: oneOf(["audit", "deny"] as const),
  budget,
  customerManagedKeys: z.boolean().optional(),
  deletionProtection: deletionProtection.optional(),
  contentFilter: contentFilter.optional(),
  storedCompletions: statedReason.optional(),
  // Shape only: names, the ID and the mode are NetworkSecurityPerimeter's rules (its checks).
  networkSecurityPerimeter: z
    .strictObject({
      existingPerimeterId: z.string().optional(),
      name: z.string().optional(),
      profileName: z.string().optional(),
      accessMode: oneOf(PERIMETER_ACCESS_MODES, "a perimeter access mode").optional(),
    })
    .optional(),
  defenderForAi: defenderForAi.optional(),
  privateDns: privateDns.optional(),
  logging: logging.optional(),
  access: list(accessEntry, { max: 500, what: "access entries" }).optional(),
  humanRoleCeiling: list(oneOf(BUILT_IN_ROLE_KEYS), { what: "role keys" }).optional(),
  workloads: list(z.strictObject({ key: key("a workload key"), application: freeText(MAX_TEXT, "an application name:") }), { max: 50, what: "workloads" }).optional(),
  compliancePacks: list(oneOf(["soc2", "hipaa", "gdpr"] as const), { what: "compliance packs" }).optional(),
  tags: tags.optional(),
  contentFilterOverrides: record(text({ max: 64, pattern: DEPLOYMENT_NAME_PATTERN, rule: "a deployment name" }), statedReason, { max: 64, what: "overrides" }).optional(),
  // Checked by gatewayConfigProblems (lib/gateway/config), with paths from `gateway`.
  gateway: z.unknown().optional(),
});

/** Keys of the strict objects, by the path of the object (numbers as `[]`), for suggestions. */
const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  "": Object.keys(environmentConfigSchema.shape),
  "regions[]": Object.keys(region.shape),
  "regions[].network": ["subnetId", "addressSpace", "privateEndpointSubnetPrefix"],
  "regions[].agentSubnet": ["subnetId", "addressPrefix"],
  foundryUpgrade: ["decision", "reason"],
  defenderForAi: ["owner", "reason"],
  storedCompletions: ["reason"],
  networkSecurityPerimeter: ["existingPerimeterId", "name", "profileName", "accessMode"],
  "projects[]": Object.keys(project.shape),
  "deployments[]": ["name", "model", "version", "sku", "capacity", "versionUpgradeOption", "raiPolicyName", "format", "spilloverDeploymentName"],
  budget: Object.keys(budget.shape),
  contentFilter: Object.keys(contentFilter.shape),
  "contentFilter.categoryThresholds": [...HARM_CATEGORIES],
  privateDns: Object.keys(privateDns.shape),
  "privateDns.existingZoneIds": ["openAi", "cognitiveServices", "aiServices"],
  logging: Object.keys(logging.shape),
  "logging.archive": ["days", "immutability"],
  "logging.archive.days": [...RETENTION_CATEGORIES],
  "logging.archive.immutability": [...RETENTION_CATEGORIES],
  "logging.archive.immutability.*": ["periodDays", "locked"],
  "logging.alertEmails[]": ["name", "address"],
  "access[]": Object.keys(accessEntry.shape),
  "access[].role": ["customRoleDefinitionId", "displayName", "key"],
  "workloads[]": ["key", "application"],
  residency: ["name", "regions", "dataZone"],
  deletionProtection: ["accounts", "workspace", "archives", "keyVaults"],
};
return { environmentConfigSchema, KNOWN_KEYS };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** The schema of an {@link EnvironmentConfig} and the keys of its strict objects, built once on first use. */
function environmentSchemas(): ReturnType<typeof buildSchemas> {
  return (schemas ??= buildSchemas());
}

function knownKeys(path: ConfigPath): readonly string[] {
  const shape = path.map((p) => (typeof p === "number" ? "[]" : `.${p}`)).join("").replace(/^\./, "").replace(/\.\[\]/g, "[]");
  const generic = shape.replace(/^(logging\.archive\.immutability)\.[^.]+$/, "$1.*");
  const { KNOWN_KEYS } = environmentSchemas();
  return KNOWN_KEYS[shape] ?? KNOWN_KEYS[generic] ?? [];
}

/**
 * Validates an environment config given as data (TypeScript, JSON, YAML, environment
 * variables), before any construct is built: its shape and types (unknown keys refused, with a
 * suggestion), enums in their exact case, required fields, keys unique and safe as construct
 * IDs, Azure's limits, and the rules between fields (residency of every location, the
 * capacity cap, the model allowlist, content filter overrides). Returns the config, or every
 * problem in the `path: value is not allowed; allowed: ...` form; a field that is invalid is
 * reported once, without the checks that depend on it. Bounded work for any input. With
 * `scope`, a Terraform reference in the config must be one made in the app of `scope`.
 */
export function checkEnvironmentConfig(input: unknown, scope?: IConstruct): EnvironmentConfigValidation {
  let problems: ConfigProblem[];
  try {
    const result = validatingFor(scope, () => environmentSchemas().environmentConfigSchema.safeParse(input));
    const shape = result.success ? [] : result.error.issues.flatMap((issue) => problemsOfIssue(issue, input, knownKeys));
    problems = [...shape, ...fieldRuleProblems(input, shape)];
    problems.push(...crossFieldProblems(input, problems));
    problems.push(...gatewayConfigProblems(input));
  } catch (error) {
    // A getter or proxy in the input that throws: report it rather than crash.
    const message = error instanceof Error ? error.message : String(error);
    problems = [{ path: [], value: "(unreadable)", allowed: `allowed: plain data; reading the config failed: ${message.split("\n")[0].slice(0, 200)}` }];
  }
  if (problems.length > 0) return { ok: false, problems: problems.map(formatProblem) };
  return { ok: true, config: input as EnvironmentConfig };
}


/** Stack IDs cdktf and constructs take as they are: no whitespace, glob characters, `/` or tokens. */
const SAFE_STACK_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** The ID of a stack whose environment name cannot be one. */
export const INVALID_ENVIRONMENT_STACK_ID = "invalid-environment";

/**
 * The construct ID of an environment stack: its name when cdktf accepts it and no sibling has
 * it, else a fallback (`invalid-environment`, `invalid-environment-2`, ...) so that construction
 * never fails inside cdktf; `problem` says what was wrong when the name is valid but taken.
 */
export function environmentStackId(scope: { readonly node: { tryFindChild(id: string): unknown } }, config: unknown): { readonly id: string; readonly problem?: string } {
  const name = valueAt(config, ["name"]);
  const usable = typeof name === "string" && SAFE_STACK_ID.test(name) && !Token.isUnresolved(name) && !(name in Object.prototype);
  if (usable && scope.node.tryFindChild(name) === undefined) return { id: name };
  let id = INVALID_ENVIRONMENT_STACK_ID;
  for (let n = 2; scope.node.tryFindChild(id) !== undefined; n++) id = `${INVALID_ENVIRONMENT_STACK_ID}-${n}`;
  const problem = usable
    ? formatProblem({ path: ["name"], value: name, allowed: "allowed: a name no other stack of this app has (each environment is its own stack)" })
    : undefined;
  return { id, problem };
}

/** What the schema accepts, as a type. */
type SchemaOutput = z.output<ReturnType<typeof buildSchemas>["environmentConfigSchema"]>;

/**
 * The config as the schema reads it: a union of objects (the network of a region, the Foundry
 * upgrade decision, the Defender owner) is one object whose members' rules are checked between
 * fields. The gateway has its own schema, tied to its interface in gateway-config-schema.ts.
 */
type ConfigAsParsed = Omit<EnvironmentConfig, "gateway" | "regions" | "foundryUpgrade" | "defenderForAi"> & {
  readonly regions: readonly (Omit<RegionConfig, "network"> & { readonly network: MergedUnion<RegionConfig["network"]> })[];
  readonly foundryUpgrade?: MergedUnion<FoundryUpgradeDecision>;
  readonly defenderForAi?: MergedUnion<DefenderForAiOwner>;
};

/** Fails to compile when the schema and {@link EnvironmentConfig} drift apart. */
export type SchemaMatchesInterface = Holds<SameType<Omit<SchemaOutput, "gateway">, ConfigAsParsed>>;
