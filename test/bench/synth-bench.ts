/**
 * `npm run bench` (after `npm run build`): in one run, the compiled default app against the floor
 * (`node -e "require('cdktf')"`), both measured alternately in the same run: wall and CPU
 * seconds, their ratios, the app's peak memory; the instruction-count ratio of the two under
 * callgrind (repeatable whatever the machine's load; skipped, and said so, where valgrind is not
 * installed or `BENCH_CALLGRIND=0`); and a scale series (environments x regions x deployments up
 * to 5 x 12 x 8) with time and CPU per resource and peak memory; then the phases of `npm test`,
 * wall and CPU seconds each (test-phases.ts; skipped with BENCH_TESTS=0). Targets (issue 25):
 * default app <= 3.3x the floor by instructions and <= 150 MB; 5 x 12 x 8 at half the CPU issue 25
 * measured (22x the floor, so <= 11x) and <= 150 MB. Prints figures; does not fail.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { formatPhases, timeTestPhases } from "./test-phases";

const ROOT = path.resolve(__dirname, "../..");
const REPORTER = path.join(ROOT, "test/bench/report-peak-rss.js");
const APP = path.join(ROOT, "dist/stacks/main.js");
const SCALE_APP = path.join(ROOT, "dist/test/bench/scale-app.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SCALE_RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 3);
const TARGET_INSTRUCTION_RATIO = 3.3;
const TARGET_PEAK_MB = 150;
/** Half of the 22x the floor (by CPU) that issue 25 measured for 5 x 12 x 8. */
const TARGET_LARGEST_CPU_RATIO = 11;
const SERIES: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [1, 4, 4],
  [3, 8, 4],
  [5, 12, 8],
];

interface Sample {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  stdout: string;
}

interface ProcessUsage {
  maxRssKb: number;
  userMicros: number;
  systemMicros: number;
}

function measure(args: string[], env: Record<string, string> = {}): Sample {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}-${Date.now()}`);
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["-r", REPORTER, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
    encoding: "utf8",
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  const usage = JSON.parse(fs.readFileSync(rssFile, "utf8")) as ProcessUsage;
  fs.rmSync(rssFile, { force: true });
  return { seconds, cpuSeconds: (usage.userMicros + usage.systemMicros) / 1e6, peakMb: usage.maxRssKb / 1024, stdout: result.stdout };
}

/**
 * Instructions one run executes, counted by callgrind (all threads), or undefined where valgrind
 * is missing. Counts, unlike seconds, do not move with the machine's load.
 */
function instructions(args: string[], env: Record<string, string> = {}): number | undefined {
  const out = path.join(os.tmpdir(), `bench-callgrind-${process.pid}-${Date.now()}`);
  const result = spawnSync("valgrind", ["--tool=callgrind", `--callgrind-out-file=${out}`, process.execPath, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  fs.rmSync(out, { force: true });
  if (result.error || result.status !== 0) return undefined;
  const collected = /Collected\s*:\s*(\d+)/.exec(result.stderr);
  return collected ? Number(collected[1]) : undefined;
}

function valgrindAvailable(): boolean {
  return spawnSync("valgrind", ["--version"], { encoding: "utf8" }).status === 0;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function main(): void {
  for (const file of [APP, SCALE_APP]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run npm run build first`);
  }
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-synth-"));
  const env = { CDKTF_OUTDIR: outdir };
  const floor: Sample[] = [];
  const synth: Sample[] = [];
  // Alternate the two so machine load affects both alike; one warm-up each fills the file cache.
  measure(["-e", "require('cdktf')"]);
  measure([APP], env);
  for (let i = 0; i < RUNS; i++) {
    floor.push(measure(["-e", "require('cdktf')"]));
    synth.push(measure([APP], env));
  }
  const stacks = fs.readdirSync(path.join(outdir, "stacks"));

  const floorTime = median(floor.map((s) => s.seconds));
  const synthTime = median(synth.map((s) => s.seconds));
  const floorCpu = median(floor.map((s) => s.cpuSeconds));
  const synthCpu = median(synth.map((s) => s.cpuSeconds));
  const floorMb = median(floor.map((s) => s.peakMb));
  const synthMb = median(synth.map((s) => s.peakMb));

  const row = (label: string, time: number, cpu: number, mb: number) =>
    `${label.padEnd(40)} ${time.toFixed(3).padStart(8)} s wall ${cpu.toFixed(3).padStart(8)} s cpu ${mb.toFixed(1).padStart(8)} MB`;
  const verdict = (ok: boolean) => (ok ? "OK" : "MISSED");
  console.log(`Synth benchmark: median of ${RUNS} runs, node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);
  console.log(row(`floor: node -e "require('cdktf')"`, floorTime, floorCpu, floorMb));
  console.log(row(`synth: default app (${stacks.length} stacks)`, synthTime, synthCpu, synthMb));
  console.log(`ratio synth/floor: ${(synthTime / floorTime).toFixed(2)} wall, ${(synthCpu / floorCpu).toFixed(2)} cpu`);
  if (process.env.BENCH_CALLGRIND === "0") {
    console.log("instructions: not counted (BENCH_CALLGRIND=0)");
  } else if (!valgrindAvailable()) {
    console.log("instructions: not counted (valgrind is not installed; the wall and cpu ratios above move with the machine's load)");
  } else {
    const floorIr = instructions(["-e", "require('cdktf')"]);
    const synthIr = instructions([APP], env);
    if (floorIr === undefined || synthIr === undefined) console.log("instructions: callgrind failed to count a run");
    else {
      const irRatio = synthIr / floorIr;
      console.log(`instructions (callgrind): floor ${(floorIr / 1e9).toFixed(3)} G, synth ${(synthIr / 1e9).toFixed(3)} G`);
      console.log(`ratio synth/floor by instructions: ${irRatio.toFixed(2)} (target <= ${TARGET_INSTRUCTION_RATIO}) ${verdict(irRatio <= TARGET_INSTRUCTION_RATIO)}`);
    }
  }
  console.log(`peak memory: ${synthMb.toFixed(1)} MB (target <= ${TARGET_PEAK_MB} MB) ${verdict(synthMb <= TARGET_PEAK_MB)}`);

  console.log(`\nScale series (environments x regions x deployments), median of ${SCALE_RUNS} runs:`);
  let largest = { cpuRatio: 0, peakMb: 0 };
  for (const [e, r, d] of SERIES) {
    const samples: Sample[] = [];
    // An outdir of its own: the scale app counts the resources of every stack it finds there.
    const scaleOut = fs.mkdtempSync(path.join(os.tmpdir(), "bench-scale-"));
    for (let i = 0; i < SCALE_RUNS; i++) samples.push(measure([SCALE_APP, String(e), String(r), String(d)], { CDKTF_OUTDIR: scaleOut }));
    fs.rmSync(scaleOut, { recursive: true, force: true });
    const seconds = median(samples.map((s) => s.seconds));
    const cpuSeconds = median(samples.map((s) => s.cpuSeconds));
    const peakMb = median(samples.map((s) => s.peakMb));
    const resources = Number(samples[0].stdout.trim());
    const perResource = ((seconds - floorTime) / resources) * 1000;
    const cpuPerResource = ((cpuSeconds - floorCpu) / resources) * 1000;
    console.log(
      `${`${e} x ${r} x ${d}`.padEnd(12)} ${String(resources).padStart(6)} resources ${seconds.toFixed(3).padStart(8)} s wall ` +
        `${cpuSeconds.toFixed(3).padStart(8)} s cpu ${peakMb.toFixed(1).padStart(8)} MB ` +
        `${perResource.toFixed(2).padStart(7)} ms wall, ${cpuPerResource.toFixed(2).padStart(7)} ms cpu per resource above the floor`,
    );
    largest = { cpuRatio: cpuSeconds / floorCpu, peakMb };
  }
  console.log(
    `5 x 12 x 8: ${largest.cpuRatio.toFixed(2)}x the floor by CPU (target <= ${TARGET_LARGEST_CPU_RATIO}) ${verdict(largest.cpuRatio <= TARGET_LARGEST_CPU_RATIO)}, ` +
      `peak ${largest.peakMb.toFixed(1)} MB (target <= ${TARGET_PEAK_MB} MB) ${verdict(largest.peakMb <= TARGET_PEAK_MB)}`,
  );
  fs.rmSync(outdir, { recursive: true, force: true });

  if (process.env.BENCH_TESTS === "0") {
    console.log("\nnpm test phases: not timed (BENCH_TESTS=0)");
  } else {
    console.log(`\nnpm test, phase by phase (CPU: every process of the phase; load ${os.loadavg()[0].toFixed(2)}):`);
    console.log(formatPhases(timeTestPhases(ROOT)));
  }
}

main();
