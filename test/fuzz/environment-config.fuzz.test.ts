import fc from "fast-check";
import { ENVIRONMENTS } from "../../stacks/environments";
import { CASE_WATCHDOG_MS, configArbitrary, runCase } from "./fuzz-core";

// Every generated config ends as a clean validation error or a stack that keeps the secure
// invariants. Fixed seed: a failure is reproducible. Only a hang (CASE_WATCHDOG_MS, a watchdog
// far above any real case) counts against time; how fast a case runs is not asserted.
test("generated environment configs give a clean error or a secure stack", () => {
  // Warm-up: the first synth of each resource family pays module loading once.
  for (const name of ["staging", "prod"]) runCase(ENVIRONMENTS.find((e) => e.name === name));
  fc.assert(
    fc.property(configArbitrary, (config) => {
      const result = runCase(config);
      if (result.outcome !== "clean" && result.outcome !== "valid") {
        throw new Error(`${result.outcome} after ${result.ms} ms (watchdog ${CASE_WATCHDOG_MS} ms): ${result.detail}`);
      }
    }),
    { seed: 20261201, numRuns: 200 },
  );
}, 30 * 60_000); // a watchdog too: a slow, busy machine must not fail this test
