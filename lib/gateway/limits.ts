import { ModelTokenPrice } from "./price-table";

/**
 * Requests and tokens per minute of an environment (the seed's project table) or a workload
 * (the seed's service accounts).
 */
export interface RateLimits {
  /** Requests per minute. */
  readonly requestsPerMinute: number;
  /** Tokens (prompt plus completion) per minute. */
  readonly tokensPerMinute: number;
}

/** Most requests per minute an environment or a workload may be given. */
export const MAX_REQUESTS_PER_MINUTE = 1_000_000;
/** Most tokens per minute an environment or a workload may be given. */
export const MAX_TOKENS_PER_MINUTE = 100_000_000;

/** The seed's project table: requests and tokens per minute per environment. */
export const SEED_PROJECT_LIMITS: Readonly<Record<"prod" | "staging" | "dev" | "sandbox", RateLimits>> = Object.freeze({
  prod: { requestsPerMinute: 10_000, tokensPerMinute: 2_000_000 },
  staging: { requestsPerMinute: 2_000, tokensPerMinute: 500_000 },
  dev: { requestsPerMinute: 500, tokensPerMinute: 100_000 },
  sandbox: { requestsPerMinute: 100, tokensPerMinute: 50_000 },
});

/** A currency budget for model tokens and the per-request cap (the seed's CostGovernor). */
export interface CostLimits {
  /** Most USD spent on tokens per day (UTC). */
  readonly dailyUsd: number;
  /** Most USD spent on tokens per calendar month. */
  readonly monthlyUsd: number;
  /** Most completion tokens one request may ask for. */
  readonly maxTokensPerRequest: number;
}

/** The seed's CostLimits: 100 USD a day, 2,000 a month, 4,000 tokens a request. */
export const SEED_COST_LIMITS: CostLimits = Object.freeze({ dailyUsd: 100, monthlyUsd: 2_000, maxTokensPerRequest: 4_000 });

/** Token quotas derived from a currency budget. */
export interface TokenQuotas {
  /** Tokens per day. */
  readonly dailyTokens: number;
  /** Tokens per month. */
  readonly monthlyTokens: number;
  /** The USD per 1,000 tokens the quotas were computed with (the dearest token of the dearest model). */
  readonly usdPer1K: number;
  /** The prices used. */
  readonly prices: readonly ModelTokenPrice[];
}

/**
 * Turns a USD budget into token quotas. The gateway's quota counts prompt and completion
 * tokens together, and one counter serves every model, so the quota is priced at the dearest
 * token of the dearest model the environment deploys: spend cannot exceed the budget, and a
 * workload whose tokens are mostly prompts gets less than it could afford (never more).
 * Quotas are rounded down to whole tokens.
 */
export function tokenQuotasFor(limits: CostLimits, prices: readonly ModelTokenPrice[]): TokenQuotas {
  if (prices.length === 0) throw new Error("tokenQuotasFor needs the price of at least one model");
  const usdPer1K = Math.max(...prices.map((p) => Math.max(p.inputPer1K, p.outputPer1K)));
  if (!(usdPer1K > 0)) throw new Error(`token prices must be positive, not ${usdPer1K}`);
  return {
    dailyTokens: Math.floor((limits.dailyUsd / usdPer1K) * 1000),
    monthlyTokens: Math.floor((limits.monthlyUsd / usdPer1K) * 1000),
    usdPer1K,
    prices,
  };
}
