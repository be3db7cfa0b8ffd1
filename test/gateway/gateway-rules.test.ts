import { SEED_COST_LIMITS, SEED_PROJECT_LIMITS } from "../../lib";
import { budgetTokenProblems, gatewayLimitProblems, gatewayRangeProblems, modelPriceProblems } from "../../lib/gateway/gateway-rules";
import { MODEL_TOKEN_PRICES } from "../../lib/gateway/price-table";
import { configProblemOf, parsePath } from "../../lib/environment/config-problems";
import { validateEnvironmentConfig } from "../../lib";
import { environment } from "../helpers/environment";

const asProp = (path: string) => path;
const inConfig = (path: string) => `gateway.${path}`;
const subject = { limits: SEED_PROJECT_LIMITS.dev, costLimits: SEED_COST_LIMITS, workloads: [{ key: "svc-a", requestsPerMinute: 10, tokensPerMinute: 100 }] };

describe("gateway rules, named by the caller", () => {
  test("the same problem under a prop name and under a config path", () => {
    const over = { ...subject, workloads: [{ key: "svc-a", requestsPerMinute: 501, tokensPerMinute: 100 }] };
    expect(gatewayLimitProblems(over, asProp)).toEqual([{ prop: "workloads[0].requestsPerMinute", value: 501, rule: "allowed: at most limits.requestsPerMinute = 500" }]);
    expect(gatewayLimitProblems(over, inConfig).map(configProblemOf)).toEqual([
      { path: ["gateway", "workloads", 0, "requestsPerMinute"], value: 501, allowed: "allowed: at most gateway.limits.requestsPerMinute = 500" },
    ]);
  });

  test("a workload value outside its own range is left to that range (one problem per prop)", () => {
    expect(gatewayLimitProblems({ ...subject, workloads: [{ key: "svc-a", requestsPerMinute: 2_000_000, tokensPerMinute: 0 }] }, asProp)).toEqual([]);
  });

  test("repeated workload keys, Developer scale-out, daily above monthly", () => {
    const found = gatewayLimitProblems(
      { ...subject, sku: "Developer", capacity: 2, costLimits: { ...SEED_COST_LIMITS, dailyUsd: 3_000 }, workloads: [subject.workloads[0]!, subject.workloads[0]!] },
      asProp,
    );
    expect(found.map((p) => [p.prop, p.value])).toEqual([
      ["capacity", 2],
      ["workloads[1].key", "svc-a"],
      ["costLimits.dailyUsd", 3_000],
    ]);
  });

  test("ranges of capacity and the circuit breaker", () => {
    expect(gatewayRangeProblems({ capacity: 0, circuitBreaker: { failureCount: 10_001, intervalSeconds: 1.5, tripSeconds: 86_400 } }, asProp).map((p) => p.prop)).toEqual([
      "capacity",
      "circuitBreaker.failureCount",
      "circuitBreaker.intervalSeconds",
    ]);
  });

  test("a model without a price, and a budget below one token", () => {
    expect(modelPriceProblems([{ model: "gpt-5.4" }, { model: "gpt-9" }], MODEL_TOKEN_PRICES, (_, i) => `models[${i}]`).map((p) => [p.prop, p.value])).toEqual([["models[1]", "gpt-9"]]);
    const tiny = { ...SEED_COST_LIMITS, dailyUsd: 0.000001, monthlyUsd: 1 };
    expect(budgetTokenProblems(tiny, MODEL_TOKEN_PRICES, asProp).map((p) => p.prop)).toEqual(["costLimits.dailyUsd"]);
    expect(budgetTokenProblems(tiny, [], asProp)).toEqual([]);
  });
});

describe("config paths of shared rules", () => {
  test("parsePath reads back what the rules were named with", () => {
    expect(parsePath("gateway.workloads[0].key")).toEqual(["gateway", "workloads", 0, "key"]);
    expect(parsePath('tags["a b"]')).toEqual(["tags", "a b"]);
  });

  test("a sparse list of gateway workloads is refused at the hole", () => {
    const prod = environment("prod");
    const workloads = [prod.gateway!.workloads[0]];
    workloads[2] = prod.gateway!.workloads[0];
    const result = validateEnvironmentConfig({ ...prod, gateway: { ...prod.gateway!, workloads } as never });
    expect(result.ok ? [] : result.problems).toContainEqual(expect.stringMatching(/^gateway\.workloads\[1\]: \(missing\) is not allowed/));
  });
});
