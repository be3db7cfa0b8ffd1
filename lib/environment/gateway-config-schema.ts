import { z } from "zod";
import { MIN_REASON_LENGTH } from "../core/justification";
import { isEmailAddress } from "../core/validation";
import { ConfigPath, ConfigProblem, configProblemOf, formatPath, problemsOfIssue, valueAt } from "./config-problems";
import { amount, fail, Holds, integer, list, matching, oneOf, SameType } from "./schema-dsl";
import type { EnvironmentGatewayConfig } from "./gateway-config";
import { blocksOverlap, firstSubBlock, parseIpv4Address, parseIpv4Block } from "../network/private/ipv4";
import { DEFAULT_PRIVATE_ENDPOINT_SUBNET_PREFIX } from "../network/region-network";
import { MAX_REQUESTS_PER_MINUTE, MAX_TOKENS_PER_MINUTE } from "../gateway/limits";
import { findTokenPrice, MODEL_TOKEN_PRICES } from "../gateway/price-table";
import { budgetTokenProblems, gatewayLimitProblems, gatewayRangeProblems, modelPriceProblems } from "../gateway/gateway-rules";
import { CLIENT_ID_PATTERN, GATEWAY_WORKLOAD_KEY } from "../gateway/workloads";
import { GATEWAY_SKUS } from "../gateway/gateway-sku";

// Built on first use, not when the library is loaded (body kept at module indentation).
function buildSchemas() {
const ipv4OrCidr = z.string().superRefine((v, ctx) => {
  if (v.length > 18 || (parseIpv4Block(v) === undefined && parseIpv4Address(v) === undefined)) {
    fail(ctx, "allowed: an IPv4 address such as 10.0.1.10 or a range such as 10.0.1.0/24 (network address, no host bits)");
  }
});
const sku = oneOf(GATEWAY_SKUS, "", "Developer and Premium (internal VNet), StandardV2 and PremiumV2 (inbound private endpoint)");
const SUBNET_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;

const limits = z.strictObject({
  requestsPerMinute: integer(1, MAX_REQUESTS_PER_MINUTE, "requests per minute"),
  tokensPerMinute: integer(1, MAX_TOKENS_PER_MINUTE, "tokens per minute"),
});

const reason = z.strictObject({
  reason: z.string().superRefine((v, ctx) => {
    if (v.trim().length < MIN_REASON_LENGTH || v.length > 1024 || v.includes("${") || v.includes("%{")) {
      fail(ctx, `allowed: a reason of at least ${MIN_REASON_LENGTH} characters saying why, without "\${" or "%{"`);
    }
  }),
});

const workload = z.strictObject({
  key: matching(GATEWAY_WORKLOAD_KEY, 40, "2-40 lowercase letters, digits or hyphens, starting with a letter and ending with a letter or digit"),
  identity: z.string().optional(),
  clientId: matching(CLIENT_ID_PATTERN, 36, "an Entra client (application) ID, a GUID").optional(),
  requestsPerMinute: integer(1, MAX_REQUESTS_PER_MINUTE, "requests per minute"),
  tokensPerMinute: integer(1, MAX_TOKENS_PER_MINUTE, "tokens per minute"),
  ipAllowlist: list(ipv4OrCidr, { what: "addresses or ranges" }).optional(),
  contentSafetyOptOut: reason.optional(),
});

/** The shape of `gateway` in an environment config. */
const gatewayConfigSchema = z.strictObject({
  sku: sku.optional(),
  capacity: z.number().optional(),
  location: z.string().optional(),
  subnetPrefix: z.string().optional(),
  subnetId: matching(SUBNET_ID, 1024, "an Azure subnet resource ID").optional(),
  publisherEmail: z.string().superRefine((v, ctx) => {
    // An address may hold "$" and "{", but Terraform would read "${" or "%{" as an expression.
    if (!isEmailAddress(v) || v.includes("${") || v.includes("%{")) fail(ctx, 'allowed: an e-mail address such as team@example.com, without "${" or "%{"');
  }),
  publisherName: matching(/^[^<>${}%]{1,100}$/, 100, "1-100 characters without < > $ { } %").optional(),
  limits,
  costLimits: z.strictObject({
    dailyUsd: amount(10_000_000, "USD"),
    monthlyUsd: amount(100_000_000, "USD"),
    maxTokensPerRequest: integer(1, 1_000_000, "tokens"),
  }),
  workloads: list(workload, { min: 1, max: 50, what: "workloads", minMessage: "allowed: at least one workload (a gateway nobody may call serves no one)" }),
  circuitBreaker: z
    .strictObject({
      failureCount: z.number().optional(),
      intervalSeconds: z.number().optional(),
      tripSeconds: z.number().optional(),
    })
    .optional(),
  publicGateway: z
    .strictObject({
      reason: z.string().superRefine((v, ctx) => {
        if (v.trim().length < MIN_REASON_LENGTH || v.length > 1024 || v.includes("${") || v.includes("%{")) {
          fail(ctx, `allowed: a reason of at least ${MIN_REASON_LENGTH} characters saying why, without "\${" or "%{"`);
        }
      }),
    })
    .optional(),
  dlpBlocklist: z.boolean().optional(),
  tokenAudience: matching(CLIENT_ID_PATTERN, 36, "an Entra application (client) ID, a GUID").optional(),
});

const KNOWN: Readonly<Record<string, readonly string[]>> = {
  gateway: Object.keys(gatewayConfigSchema.shape),
  "gateway.limits": ["requestsPerMinute", "tokensPerMinute"],
  "gateway.costLimits": ["dailyUsd", "monthlyUsd", "maxTokensPerRequest"],
  "gateway.workloads[]": Object.keys(workload.shape),
  "gateway.circuitBreaker": ["failureCount", "intervalSeconds", "tripSeconds"],
  "gateway.publicGateway": ["reason"],
  "gateway.workloads[].contentSafetyOptOut": ["reason"],
};
return { gatewayConfigSchema, KNOWN };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** The schema of `gateway` and the keys of its strict objects, built once on first use. */
function gatewaySchemas(): ReturnType<typeof buildSchemas> {
  return (schemas ??= buildSchemas());
}

function knownKeys(path: ConfigPath): readonly string[] {
  const shape = path.map((p) => (typeof p === "number" ? "[]" : `.${p}`)).join("").replace(/^\./, "");
  const { KNOWN } = gatewaySchemas();
  return KNOWN[shape] ?? [];
}

/**
 * Every problem of the `gateway` section of an environment config: its shape, then the rules
 * between it and the rest of the config (the region exists, the subnet fits the region's range,
 * workloads name existing identities, workload limits within the environment's, a price for
 * every deployed model). Paths start at `gateway`.
 */
export function gatewayConfigProblems(config: unknown): ConfigProblem[] {
  const gateway = valueAt(config, ["gateway"]);
  if (gateway === undefined) return [];
  const result = gatewaySchemas().gatewayConfigSchema.safeParse(gateway);
  // The ranges are OpenAiGateway's rules, run on the numbers the shape accepted; with the
  // shape's problems they stop the rules between fields.
  const finite = (...path: string[]) => {
    const n = valueAt(gateway, path);
    return typeof n === "number" && Number.isFinite(n) ? n : undefined;
  };
  const sku = valueAt(gateway, ["sku"]);
  const ranges = gatewayRangeProblems(
    { sku: typeof sku === "string" ? sku : undefined, capacity: finite("capacity"), circuitBreaker: { failureCount: finite("circuitBreaker", "failureCount"), intervalSeconds: finite("circuitBreaker", "intervalSeconds"), tripSeconds: finite("circuitBreaker", "tripSeconds") } },
    inGateway,
  ).map(configProblemOf);
  if (!result.success) {
    return result.error.issues.flatMap((issue) => problemsOfIssue({ ...issue, path: ["gateway", ...issue.path] } as typeof issue, config, knownKeys)).concat(ranges);
  }
  if (ranges.length > 0) return ranges;
  const g = result.data;
  const out: ConfigProblem[] = [];
  const problem = (path: ConfigPath, value: unknown, allowed: string) => out.push({ path: ["gateway", ...path], value, allowed });

  // Entries that are not objects are reported by the environment's own checks, with their path.
  const regions = (Array.isArray(valueAt(config, ["regions"])) ? (valueAt(config, ["regions"]) as unknown[]) : []).filter(
    (r) => r !== null && typeof r === "object",
  ) as {
    location?: string;
    priority?: number;
    network?: { addressSpace?: string; subnetId?: string; privateEndpointSubnetPrefix?: number } | null;
  }[];
  const byPriority = [...regions].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  const location = g.location ?? byPriority[0]?.location;
  const region = regions.find((r) => r.location === location);
  if (g.location !== undefined && !region) {
    problem(["location"], g.location, `allowed: one of the environment's regions (${regions.map((r) => r.location).join(", ")})`);
  }
  if (region && !g.publicGateway) checkSubnet(g.subnetPrefix, g.subnetId, region, problem);

  const identities = new Set(
    (Array.isArray(valueAt(config, ["workloads"])) ? (valueAt(config, ["workloads"]) as { key?: string }[]) : []).map((w) => w?.key),
  );
  // The policy picks a caller's limits by its client ID (a GUID, compared without case): a second
  // workload on the same caller would never be reached.
  const callers = new Map<string, number>();
  g.workloads.forEach((w, i) => {
    const caller = w.clientId !== undefined ? `client:${w.clientId.toLowerCase()}` : w.identity !== undefined ? `identity:${w.identity}` : undefined;
    if (caller !== undefined && callers.has(caller)) {
      const field = w.clientId !== undefined ? "clientId" : "identity";
      problem(["workloads", i, field], w[field], `allowed: a caller no other gateway workload has, ignoring case (gateway.workloads[${callers.get(caller)}] has it; its limits would be the only ones applied)`);
    } else if (caller !== undefined) callers.set(caller, i);
    if ((w.identity === undefined) === (w.clientId === undefined)) {
      problem(["workloads", i], { identity: w.identity, clientId: w.clientId }, "allowed: exactly one of identity (a key of the environment's workloads) and clientId");
    } else if (w.identity !== undefined && !identities.has(w.identity)) {
      problem(["workloads", i, "identity"], w.identity, `allowed: the key of one of the environment's workloads (${[...identities].filter(Boolean).join(", ") || "none"})`);
    }
  });
  out.push(...gatewayLimitProblems(g, inGateway).map(configProblemOf));

  // Every deployed model needs a price, so the budget can become token quotas.
  const deployments = Array.isArray(valueAt(config, ["deployments"])) ? (valueAt(config, ["deployments"]) as { model?: unknown }[]) : [];
  const models = deployments.flatMap((d, index) => (typeof d?.model === "string" ? [{ model: d.model, index }] : []));
  out.push(...modelPriceProblems(models, MODEL_TOKEN_PRICES, (m) => formatPath(["deployments", m.index, "model"])).map(configProblemOf));
  const prices = models.flatMap((m) => findTokenPrice(m.model) ?? []);
  out.push(...budgetTokenProblems(g.costLimits, prices, inGateway).map(configProblemOf));
  return out;
}

/** A gateway rule's name of a path below `gateway`, as the config writes it. */
const inGateway = (path: string) => `gateway.${path}`;

function checkSubnet(
  prefix: string | undefined,
  subnetId: string | undefined,
  region: { location?: string; network?: { addressSpace?: string; subnetId?: string; privateEndpointSubnetPrefix?: number } | null },
  problem: (path: ConfigPath, value: unknown, allowed: string) => void,
): void {
  const created = typeof region.network?.addressSpace === "string";
  if (prefix !== undefined && subnetId !== undefined) {
    problem(["subnetPrefix"], prefix, "allowed: subnetPrefix or subnetId, not both");
    return;
  }
  if (!created) {
    if (subnetId === undefined) problem(["subnetId"], undefined, `allowed: an existing subnet ID (region ${region.location} brings its own network)`);
    return;
  }
  if (subnetId !== undefined) return;
  const vnet = parseIpv4Block(region.network!.addressSpace!);
  const block = prefix === undefined ? undefined : parseIpv4Block(prefix);
  if (block === undefined || block.prefix < 22 || block.prefix > 29) {
    problem(["subnetPrefix"], prefix, `allowed: a range such as 10.10.0.64/27 (a /22 to /29) inside ${region.network!.addressSpace} for the gateway's subnet`);
    return;
  }
  if (!vnet) return;
  if (block.prefix < vnet.prefix || !blocksOverlap(block, vnet)) {
    problem(["subnetPrefix"], prefix, `allowed: a range inside ${region.network!.addressSpace}, the address space of region ${region.location}`);
    return;
  }
  const endpoints = firstSubBlock(vnet, region.network!.privateEndpointSubnetPrefix ?? DEFAULT_PRIVATE_ENDPOINT_SUBNET_PREFIX);
  if (endpoints && blocksOverlap(block, endpoints)) {
    problem(["subnetPrefix"], prefix, `allowed: a range that does not overlap the private-endpoint subnet ${endpoints.address.toString()}/${endpoints.prefix}`);
  }
}

/** Fails to compile when the gateway's schema and {@link EnvironmentGatewayConfig} drift apart. */
export type GatewaySchemaMatchesInterface = Holds<SameType<z.output<ReturnType<typeof buildSchemas>["gatewayConfigSchema"]>, EnvironmentGatewayConfig>>;
