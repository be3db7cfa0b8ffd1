import fc from "fast-check";
import { ENVIRONMENTS } from "../../stacks/environments";
import { configArbitrary, runCase } from "./fuzz-core";

// Every generated config ends as a clean validation error or a stack that keeps the secure
// invariants. Fixed seed: a failure is reproducible. How fast a case runs is not asserted; a
// real hang (a case never returns) is caught by the test's own timeout below.
test("generated environment configs give a clean error or a secure stack", () => {
  // Warm-up: the first synth of each resource family pays module loading once.
  for (const name of ["staging", "prod"]) runCase(ENVIRONMENTS.find((e) => e.name === name));
  fc.assert(
    fc.property(configArbitrary, (config) => {
      const result = runCase(config);
      if (result.outcome !== "clean" && result.outcome !== "valid") {
        throw new Error(`${result.outcome}: ${result.detail}`);
      }
    }),
    { seed: 20261201, numRuns: 200 },
  );
}, 30 * 60_000); // hang watchdog only: generous, so a slow, busy machine never fails this test
