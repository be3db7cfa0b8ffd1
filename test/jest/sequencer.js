/**
 * Jest's order (failed first, then the slowest of the last run on this machine, then the largest
 * file), except that on a machine without that record, a fresh CI clone, the suites known to run
 * longest start first: on two workers the pass ends when its longest suite does, so it must not
 * start last. Order only; every suite still runs.
 */
const Sequencer = require("@jest/test-sequencer").default;

/** Longest first, as measured on a quiet 2-core machine (the consumer test installs and builds a project). */
const LONGEST = [
  "/test/consumer/consumer.test.ts",
  "/test/cdktn/toolchain-comparison.test.ts",
  "/test/fuzz/environment-config.fuzz.test.ts",
  "/test/hcl/hcl-roundtrip.test.ts",
  "/test/docs/api-docs.test.ts",
];

function rank(test) {
  const path = test.path.split("\\").join("/");
  const index = LONGEST.findIndex((suffix) => path.endsWith(suffix));
  return index === -1 ? LONGEST.length : index;
}

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    // Once jest has timed the suites on this machine, its own order is the better one.
    if (sorted.some((test) => test.duration != null)) return sorted;
    return sorted.map((test, index) => ({ test, index })).sort((a, b) => rank(a.test) - rank(b.test) || a.index - b.index).map(({ test }) => test);
  }
}

module.exports = LongestFirstSequencer;
