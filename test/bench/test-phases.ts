/**
 * The phases of `npm test`, each timed as a whole process tree: wall seconds and CPU seconds
 * (user + system of every process the phase started, from the shell's `times`), so a run on a
 * busy machine still shows where the CPU goes. The phases are read from package.json's `test`
 * script, and an `npm run X` phase whose script is itself a chain is split into its steps, so the
 * table follows the script as it changes. Used by `npm run bench` (skipped with BENCH_TESTS=0).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** One step of `npm test`, as run. */
export interface PhaseTiming {
  /** The command, as the script names it (`jest`, `test:cdktn: tsc -p tsconfig.cdktn.json`). */
  readonly label: string;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly passed: boolean;
}

const NPM_RUN = /^npm run(?: --silent)? ([\w:-]+)$/;

/** The steps of `script`: `a && b`, with each `npm run X` whose script is a chain replaced by X's steps. */
export function testPhases(scripts: Readonly<Record<string, string>>, script = "test"): { label: string; command: string }[] {
  return scripts[script].split("&&").flatMap((part) => {
    const command = part.trim();
    const nested = NPM_RUN.exec(command)?.[1];
    if (nested && scripts[nested]?.includes("&&")) {
      return testPhases(scripts, nested).map((p) => ({ label: `${nested}: ${p.label}`, command: p.command }));
    }
    return [{ label: command, command }];
  });
}

/** Seconds of `1m2.500s`. */
function seconds(text: string): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
}

/** Runs `npm test`'s phases in order in `root`, stopping at the first that fails. */
export function timeTestPhases(root: string): PhaseTiming[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const timings: PhaseTiming[] = [];
  for (const phase of testPhases(scripts)) {
    const log = path.join(os.tmpdir(), `bench-phase-${process.pid}.log`);
    const started = process.hrtime.bigint();
    // `times` prints the shell's own times, then its children's: user and system.
    const result = spawnSync("bash", ["-c", `${phase.command} > "$BENCH_LOG" 2>&1; status=$?; times; exit $status`], {
      cwd: root,
      env: { ...process.env, BENCH_LOG: log, PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH}` },
      encoding: "utf8",
    });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const children = result.stdout.trim().split("\n").pop()?.trim().split(/\s+/) ?? [];
    const cpuSeconds = seconds(children[0] ?? "") + seconds(children[1] ?? "");
    const passed = result.status === 0;
    timings.push({ label: phase.label, wallSeconds, cpuSeconds, passed });
    if (!passed) {
      const output = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").slice(-20).join("\n") : "";
      console.log(`${phase.label} failed (exit ${result.status}); the last lines it printed:\n${output}`);
    }
    fs.rmSync(log, { force: true });
    if (!passed) break;
  }
  return timings;
}

/** The phase table `npm run bench` prints. */
export function formatPhases(timings: readonly PhaseTiming[]): string {
  const width = Math.max(5, ...timings.map((t) => t.label.length));
  const row = (label: string, wall: number, cpu: number, note = "") =>
    `${label.padEnd(width)} ${wall.toFixed(1).padStart(8)} s wall ${cpu.toFixed(1).padStart(8)} s cpu${note}`;
  const total = timings.reduce((sum, t) => ({ wall: sum.wall + t.wallSeconds, cpu: sum.cpu + t.cpuSeconds }), { wall: 0, cpu: 0 });
  return [
    ...timings.map((t) => row(t.label, t.wallSeconds, t.cpuSeconds, t.passed ? "" : "  FAILED")),
    row("total", total.wall, total.cpu),
  ].join("\n");
}
