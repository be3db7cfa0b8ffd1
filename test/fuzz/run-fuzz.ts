// Property-based run over generated environment configs: `npm run fuzz -- --runs 10000 [--seed 42]`.
import fc from "fast-check";
import { configArbitrary, Outcome, runCase } from "./fuzz-core";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg("runs", 1000);
const seed = arg("seed", 42);
const counts: Record<Outcome, number> = { clean: 0, valid: 0, crash: 0, bypass: 0 };
const examples: string[] = [];
const started = Date.now();
let slowest = 0;
for (const config of fc.sample(configArbitrary, { numRuns: runs, seed })) {
  const r = runCase(config);
  counts[r.outcome]++;
  slowest = Math.max(slowest, r.ms);
  if (r.outcome !== "clean" && r.outcome !== "valid" && examples.length < 20) examples.push(`${r.outcome}: ${r.detail}`);
}
console.log(`cases ${runs} (seed ${seed})`);
console.log(`clean errors ${counts.clean}, valid stacks ${counts.valid}, crashes ${counts.crash}, bypasses ${counts.bypass}`);
console.log(`time ${((Date.now() - started) / 1000).toFixed(1)} s, slowest case ${slowest} ms`);
examples.forEach((e) => console.log(`  ${e}`));
process.exitCode = counts.crash + counts.bypass > 0 ? 1 : 0;
