import { findTokenPrice, MODEL_TOKEN_PRICES, SEED_COST_LIMITS, SEED_PROJECT_LIMITS, tokenQuotasFor } from "../../lib";

describe("cost limits to token quotas", () => {
  test("the seed's 100 USD a day and 2,000 a month at gpt-5.4's dearest token (15 USD per 1M)", () => {
    const quotas = tokenQuotasFor(SEED_COST_LIMITS, [findTokenPrice("gpt-5.4")!]);
    expect(quotas.usdPer1K).toBe(0.015);
    expect(quotas.dailyTokens).toBe(6_666_666);
    expect(quotas.monthlyTokens).toBe(133_333_333);
  });

  test("the dearest model of several sets the price, so spend cannot exceed the budget", () => {
    const cheap = { ...findTokenPrice("gpt-5.4")!, model: "cheap", inputPer1K: 0.0001, outputPer1K: 0.0002 };
    expect(tokenQuotasFor(SEED_COST_LIMITS, [cheap, findTokenPrice("gpt-5.4")!]).usdPer1K).toBe(0.015);
  });

  test("every price is dated and sourced, and says whether Microsoft's page confirmed it", () => {
    for (const p of MODEL_TOKEN_PRICES) {
      expect(p.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.source.length).toBeGreaterThan(20);
      expect(typeof p.confirmed).toBe("boolean");
    }
  });

  test("the seed's project table", () => {
    expect(SEED_PROJECT_LIMITS).toEqual({
      prod: { requestsPerMinute: 10_000, tokensPerMinute: 2_000_000 },
      staging: { requestsPerMinute: 2_000, tokensPerMinute: 500_000 },
      dev: { requestsPerMinute: 500, tokensPerMinute: 100_000 },
      sandbox: { requestsPerMinute: 100, tokensPerMinute: 50_000 },
    });
  });
});
