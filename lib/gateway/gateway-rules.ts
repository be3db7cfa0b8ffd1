import { isToken, PropProblem } from "../core/validation";
import { GATEWAY_CAPACITY, GatewaySku, isV2Sku } from "./gateway-sku";
import { CircuitBreakerSettings } from "./backends";
import { CostLimits, MAX_REQUESTS_PER_MINUTE, MAX_TOKENS_PER_MINUTE, RateLimits, tokenQuotasFor } from "./limits";
import { ModelTokenPrice } from "./price-table";

// The gateway's rules, written once: the environment config calls them with `gateway.`-paths,
// OpenAiGateway with its prop names. Each returns its problems as data.

/** Names a gateway input by its path below the gateway (`limits.requestsPerMinute`, `workloads[0].key`). */
export type GatewayPropName = (path: string) => string;

/** Most scale units of a gateway (API Management Premium; Developer has 1). */
export const MAX_GATEWAY_CAPACITY = 12;

/** The circuit breaker's ranges: at most this many failures, seconds of interval, seconds tripped. */
const CIRCUIT_BREAKER_RANGES: Readonly<Record<keyof CircuitBreakerSettings, readonly [max: number, unit: string]>> = {
  failureCount: [10_000, "failures"],
  intervalSeconds: [3_600, "seconds"],
  tripSeconds: [86_400, "seconds"],
};

/** The numbers of a gateway that have a range of their own. */
export interface GatewayRangeSubject {
  /** The API Management tier, whose capacity range applies. @default "Premium" */
  readonly sku?: string;
  /** Scale units. @default - not checked */
  readonly capacity?: number;
  /** Circuit breaker settings; a setting left out is not checked. @default - not checked */
  readonly circuitBreaker?: Partial<CircuitBreakerSettings>;
}

/**
 * The capacity (the tier's range: 1-12 for Developer and Premium, whose Developer limit of one unit
 * is a limit rule; StandardV2 1-10, PremiumV2 1-30) and the circuit breaker's ranges.
 */
export function gatewayRangeProblems(subject: GatewayRangeSubject, name: GatewayPropName): PropProblem[] {
  const v2 = typeof subject.sku === "string" && isV2Sku(subject.sku as GatewaySku);
  const maxCapacity = v2 ? GATEWAY_CAPACITY[subject.sku as GatewaySku].max : MAX_GATEWAY_CAPACITY;
  const out = wholeNumberProblems(name("capacity"), subject.capacity, maxCapacity, v2 ? `scale units with sku ${subject.sku}` : "scale units");
  for (const [key, [max, unit]] of Object.entries(CIRCUIT_BREAKER_RANGES)) {
    out.push(...wholeNumberProblems(name(`circuitBreaker.${key}`), subject.circuitBreaker?.[key as keyof CircuitBreakerSettings], max, unit));
  }
  return out;
}

/** A workload as the limit rules see it. */
export interface LimitedWorkload extends RateLimits {
  /** Its key: unique among the gateway's workloads. */
  readonly key: string;
}

/** What the limit rules compare. */
export interface GatewayLimitSubject {
  /** The API Management tier. @default - not checked */
  readonly sku?: string;
  /** Scale units. @default - not checked */
  readonly capacity?: number;
  /** The environment's limits. */
  readonly limits: RateLimits;
  /** The environment's budget. */
  readonly costLimits: Pick<CostLimits, "dailyUsd" | "monthlyUsd">;
  /** The workloads and their own limits. */
  readonly workloads: readonly LimitedWorkload[];
}

/**
 * The limits between fields: one scale unit on Developer, each workload key once, a workload's
 * limits within the environment's, the daily budget within the monthly one.
 */
export function gatewayLimitProblems(subject: GatewayLimitSubject, name: GatewayPropName): PropProblem[] {
  const out: PropProblem[] = [];
  if (subject.sku === "Developer" && typeof subject.capacity === "number" && subject.capacity > 1) {
    out.push({ prop: name("capacity"), value: subject.capacity, rule: "allowed: 1 with sku Developer (the Developer tier cannot scale out; use Premium for more units)" });
  }
  const keys = new Map<string, number>();
  subject.workloads.forEach((w, i) => {
    if (isToken(w.key)) return;
    const first = keys.get(w.key);
    if (first !== undefined) out.push({ prop: name(`workloads[${i}].key`), value: w.key, rule: `allowed: each workload key once (${name(`workloads[${first}]`)} has it)` });
    else keys.set(w.key, i);
  });
  const maxima: Readonly<Record<keyof RateLimits, number>> = { requestsPerMinute: MAX_REQUESTS_PER_MINUTE, tokensPerMinute: MAX_TOKENS_PER_MINUTE };
  subject.workloads.forEach((w, i) => {
    for (const key of ["requestsPerMinute", "tokensPerMinute"] as const) {
      // A value outside its own range is that range's problem, not this one.
      const own = w[key];
      if (isToken(own) || !Number.isInteger(own) || own < 1 || own > maxima[key]) continue;
      if (own > subject.limits[key]) out.push({ prop: name(`workloads[${i}].${key}`), value: own, rule: `allowed: at most ${name(`limits.${key}`)} = ${subject.limits[key]}` });
    }
  });
  const cost = subject.costLimits;
  if (cost.dailyUsd > cost.monthlyUsd) out.push({ prop: name("costLimits.dailyUsd"), value: cost.dailyUsd, rule: `allowed: at most ${name("costLimits.monthlyUsd")} = ${cost.monthlyUsd}` });
  return out;
}

/**
 * Each model without a price in `prices`: the gateway turns the budget into token quotas with
 * the prices of the models deployed. The caller names each model's prop.
 */
export function modelPriceProblems<T extends { readonly model: string }>(
  models: readonly T[],
  prices: readonly ModelTokenPrice[],
  prop: (model: T, index: number) => string,
): PropProblem[] {
  const priced = prices.map((p) => p.model);
  const rule = `allowed: a model with a price in the gateway's price table (${priced.join(", ") || "none"}), so the budget can become a token quota`;
  return models.flatMap((m, i) => (priced.includes(m.model) ? [] : [{ prop: prop(m, i), value: m.model, rule }]));
}

/**
 * A budget that buys less than one token at the dearest of `prices` becomes a quota of 0
 * tokens, which the gateway cannot express (it would allow one token, spending more than the
 * budget). No problem without prices, or with a price that is not above 0 (its own problem).
 */
export function budgetTokenProblems(costLimits: CostLimits, prices: readonly ModelTokenPrice[], name: GatewayPropName): PropProblem[] {
  if (prices.length === 0 || prices.some((p) => !(p.inputPer1K > 0) || !(p.outputPer1K > 0))) return [];
  const quotas = tokenQuotasFor(costLimits, prices);
  const rule = `allowed: at least ${quotas.usdPer1K / 1000} USD, the price of one token of the dearest deployed model`;
  const out: PropProblem[] = [];
  for (const [key, tokens] of [["dailyUsd", quotas.dailyTokens], ["monthlyUsd", quotas.monthlyTokens]] as const) {
    const usd = costLimits[key];
    if (Number.isFinite(usd) && usd > 0 && tokens < 1) out.push({ prop: name(`costLimits.${key}`), value: usd, rule });
  }
  return out;
}

function wholeNumberProblems(prop: string, value: number | undefined, max: number, unit: string): PropProblem[] {
  if (value === undefined || isToken(value) || (Number.isInteger(value) && value >= 1 && value <= max)) return [];
  return [{ prop, value, rule: `allowed: a whole number from 1 to ${max} ${unit}` }];
}
