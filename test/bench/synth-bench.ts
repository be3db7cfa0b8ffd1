/**
 * `npm run bench`: synth wall time and peak memory of the default app next to the floor
 * (`node -e "require('cdktf')"`) measured in the same run, and their ratio.
 * Targets (issue 2): ratio at most 3, peak under 200 MB. Prints figures; does not fail.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const REPORTER = path.join(__dirname, "report-peak-rss.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_RATIO = 3;
const TARGET_PEAK_MB = 200;

interface Sample {
  seconds: number;
  peakMb: number;
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
  const peakMb = Number(fs.readFileSync(rssFile, "utf8")) / 1024;
  fs.rmSync(rssFile, { force: true });
  return { seconds, peakMb };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function main(): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-synth-"));
  const floor: Sample[] = [];
  const synth: Sample[] = [];
  // Alternate the two so machine load affects both alike; one warm-up each fills the file cache.
  measure(["-e", "require('cdktf')"]);
  measure(["-r", "ts-node/register/transpile-only", "stacks/main.ts"], { CDKTF_OUTDIR: outdir });
  for (let i = 0; i < RUNS; i++) {
    floor.push(measure(["-e", "require('cdktf')"]));
    synth.push(measure(["-r", "ts-node/register/transpile-only", "stacks/main.ts"], { CDKTF_OUTDIR: outdir }));
  }
  const stacks = fs.readdirSync(path.join(outdir, "stacks"));
  fs.rmSync(outdir, { recursive: true, force: true });

  const floorTime = median(floor.map((s) => s.seconds));
  const synthTime = median(synth.map((s) => s.seconds));
  const floorMb = median(floor.map((s) => s.peakMb));
  const synthMb = median(synth.map((s) => s.peakMb));
  const ratio = synthTime / floorTime;

  const row = (label: string, time: number, mb: number) =>
    `${label.padEnd(34)} ${time.toFixed(3).padStart(8)} s ${mb.toFixed(1).padStart(8)} MB`;
  console.log(`Synth benchmark: median of ${RUNS} runs, node ${process.version}, ${os.cpus().length} cores`);
  console.log(row(`floor: node -e "require('cdktf')"`, floorTime, floorMb));
  console.log(row(`synth: default app (${stacks.length} stacks)`, synthTime, synthMb));
  console.log(`ratio synth/floor: ${ratio.toFixed(2)} (target <= ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? "OK" : "MISSED"}`);
  console.log(`peak memory: ${synthMb.toFixed(1)} MB (target < ${TARGET_PEAK_MB} MB) ${synthMb < TARGET_PEAK_MB ? "OK" : "MISSED"}`);
}

main();
