/**
 * Prices per 1,000 tokens per model, in USD, dated and sourced: what the gateway turns a
 * currency budget into token quotas with. A price the library could not confirm on Microsoft's
 * own pricing page says so in `confirmed`; pass your negotiated prices with
 * `OpenAiGatewayProps.costLimits.prices` instead.
 */

/** The price of one model's tokens. */
export interface ModelTokenPrice {
  /** Model name, as in `model.name` of a deployment (`gpt-5.4`). */
  readonly model: string;
  /** USD per 1,000 prompt (input) tokens. */
  readonly inputPer1K: number;
  /** USD per 1,000 completion (output) tokens. */
  readonly outputPer1K: number;
  /** The date the price was read, ISO `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Where the price comes from (a page title and address). */
  readonly source: string;
  /** Whether the price was confirmed on Microsoft's Azure OpenAI pricing page. */
  readonly confirmed: boolean;
}

/**
 * The library's price table. gpt-5.4 (Global and Data Zone pay-as-you-go): USD 2.50 per 1M
 * input and 15.00 per 1M output tokens, from a third-party price survey dated 2026-04-01 that
 * says Azure matches OpenAI's list price; Microsoft's pricing page could not be read from here,
 * so the entry is marked unconfirmed. Data Zone deployments may carry a surcharge over Global
 * ones: the budget a quota is derived from should then be lowered, or the price overridden.
 */
export const MODEL_TOKEN_PRICES: readonly ModelTokenPrice[] = Object.freeze([
  Object.freeze({
    model: "gpt-5.4",
    inputPer1K: 0.0025,
    outputPer1K: 0.015,
    asOf: "2026-04-01",
    source: "aicosthub.com, \"Azure OpenAI Pricing 2026: GPT-5.4 Family & PTU Enterprise Costs\" (last verified 2026-04-01); not confirmed on azure.microsoft.com/pricing/details/cognitive-services/openai-service",
    confirmed: false,
  }),
]);

/** The price of `model` in `table`, or undefined. */
export function findTokenPrice(model: string, table: readonly ModelTokenPrice[] = MODEL_TOKEN_PRICES): ModelTokenPrice | undefined {
  return table.find((p) => p.model === model);
}
