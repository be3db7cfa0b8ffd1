import fc from "fast-check";
import { ENVIRONMENTS } from "../../stacks/environments";
import { CASE_BUDGET_MS, configArbitrary, runCase } from "./fuzz-core";

// Every generated config ends as a clean validation error or a stack that keeps the secure
// invariants, within the time budget. Fixed seed: a failure is reproducible.
test("generated environment configs give a clean error or a secure stack", () => {
  // Warm-up: the first synth of each resource family (the gateway's API Management bindings)
  // pays module and JIT start-up once; the budget is for the cases, not for that.
  for (const name of ["staging", "prod"]) runCase(ENVIRONMENTS.find((e) => e.name === name));
  fc.assert(
    fc.property(configArbitrary, (config) => {
      const result = runCase(config);
      if (result.outcome !== "clean" && result.outcome !== "valid") {
        throw new Error(`${result.outcome} after ${result.ms} ms (budget ${CASE_BUDGET_MS} ms): ${result.detail}`);
      }
    }),
    { seed: 20261201, numRuns: 200 },
  );
}, 60_000);
