/**
 * Synths that a jest run makes once and its suites read: the reference app (./reference-app.ts)
 * and the examples (./examples.ts), each per toolchain and output.
 *
 * test/jest/global-setup.js gives the run an empty directory (`SHARED_SYNTH_DIR_ENV`). The first
 * suite that asks for an output synthesizes it there, in its own worker (so under its project's
 * module mapping: cdktf or CDK Terrain); a suite of the other worker that asks meanwhile waits
 * for it; an output no suite asks for is never made. Without the directory (a jest config without
 * the global setup) each test file synthesizes what it asks for itself.
 */
import * as fs from "fs";
import * as path from "path";
import { tempOutdir } from "./synth";
import { TOOLCHAIN } from "./toolchain";

/** The environment variable naming the run's shared directory (set by test/jest/global-setup.js). */
export const SHARED_SYNTH_DIR_ENV = "AOAI_SHARED_SYNTH_DIR";

const POLL_MS = 50;

const outdirsOfThisFile = new Map<string, string>();

/**
 * The output directory of the synth named `key` (a relative path, e.g. `app/json`), made by
 * `synthesize(outdir)` on first use in this run and toolchain. Read it; never write to it.
 */
export function sharedOutdir(key: string, synthesize: (outdir: string) => void): string {
  let outdir = outdirsOfThisFile.get(key);
  if (outdir === undefined) {
    outdir = made(key, synthesize);
    outdirsOfThisFile.set(key, outdir);
  }
  return outdir;
}

/** Runs `synth` with cdktf's switch for HCL output (SYNTH_HCL_OUTPUT, read as a stack is constructed) set as asked, then restores it. */
export function withHclOutput<T>(hcl: boolean, synth: () => T): T {
  const previous = process.env.SYNTH_HCL_OUTPUT;
  process.env.SYNTH_HCL_OUTPUT = hcl ? "true" : "false";
  try {
    return synth();
  } finally {
    if (previous === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = previous;
  }
}

function made(key: string, synthesize: (outdir: string) => void): string {
  const shared = process.env[SHARED_SYNTH_DIR_ENV];
  if (!shared) {
    const outdir = tempOutdir();
    process.once("exit", () => fs.rmSync(outdir, { recursive: true, force: true }));
    synthesize(outdir);
    return outdir;
  }
  // One synth per toolchain: `npm test` runs the cdktf and the CDK Terrain pass in one jest run.
  const dir = path.join(shared, TOOLCHAIN, key);
  fs.mkdirSync(dir, { recursive: true });
  const outdir = path.join(dir, "out");
  const done = path.join(dir, "done");
  const failed = path.join(dir, "failed");
  // mkdir is atomic: exactly one suite of the run gets to synthesize.
  const lock = path.join(dir, "lock");
  const holder = path.join(lock, "pid");
  if (tryMkdir(lock)) {
    // Who holds the lock, so a waiter can tell a slow synth (a busy machine) from a dead worker.
    fs.writeFileSync(holder, String(process.pid));
    try {
      synthesize(outdir);
    } catch (error) {
      fs.writeFileSync(failed, error instanceof Error ? error.message : String(error));
      throw error;
    }
    fs.writeFileSync(done, "");
    return outdir;
  }
  // No time limit: however slow the machine, the wait ends when the holder finishes, fails or exits.
  while (!fs.existsSync(done)) {
    if (fs.existsSync(failed)) throw new Error(`the shared synth ${key} failed in another suite:\n${fs.readFileSync(failed, "utf8")}`);
    if (holderExited(holder) && !fs.existsSync(done)) throw new Error(`the worker synthesizing ${key} exited before it finished (${dir})`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, POLL_MS);
  }
  return outdir;
}

/** Whether the process named in the lock has exited; false while it has not written its pid yet. */
function holderExited(pidFile: string): boolean {
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8")) : NaN;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function tryMkdir(dir: string): boolean {
  try {
    fs.mkdirSync(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}
