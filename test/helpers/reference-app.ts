/**
 * The reference app (stacks/main.ts `buildApp` in a test GuardedApp), synthesized once per jest
 * pass and read by every suite that only reads its default stacks: their JSON, their artifacts
 * (compliance report, routing manifest, diagram) and the addresses.
 *
 * test/jest/global-setup.js gives the jest run an empty shared directory (`REFERENCE_APP_DIR_ENV`).
 * The first suite of a toolchain that asks synthesizes the app into the toolchain's folder, in
 * its own worker (so under its project's module mapping: cdktf or CDK Terrain), while a suite of
 * the other worker that asks meanwhile waits for it; a run that never asks never synthesizes it. Without the shared directory (a
 * jest config without the global setup) each test file synthesizes the app for itself.
 *
 * Suites that build their own variant of an environment, or need the stack object, synthesize it
 * themselves, as before.
 */
import * as fs from "fs";
import * as path from "path";
import { buildApp } from "../../stacks/main";
import { tempOutdir, testApp, TerraformJson } from "./synth";
import { TOOLCHAIN } from "./toolchain";

/** The environment variable naming this pass's shared directory (set by test/jest/global-setup.js). */
export const REFERENCE_APP_DIR_ENV = "AOAI_REFERENCE_APP_DIR";

/** How long a suite waits for another worker's synth of the app before it gives up. */
const WAIT_LIMIT_MS = 15 * 60_000;
const POLL_MS = 50;

let outdirOfThisFile: string | undefined;

/**
 * The output directory of the reference app's synth (`stacks/<name>/cdk.tf.json` and the
 * artifacts beside it), synthesized on first use in this pass. Read it; never write to it.
 */
export function referenceAppOutdir(): string {
  outdirOfThisFile ??= sharedOutdir(process.env[REFERENCE_APP_DIR_ENV]);
  return outdirOfThisFile;
}

/** The named files of one stack of the reference app, as text. */
export function referenceStackFiles(stack: string, fileNames: readonly string[]): Record<string, string> {
  const dir = path.join(referenceAppOutdir(), "stacks", stack);
  return Object.fromEntries(fileNames.map((name) => [name, fs.readFileSync(path.join(dir, name), "utf8")]));
}

/**
 * The JSON of one stack of the reference app as `Testing.synth` returns it (keys sorted, no `//`
 * metadata), a fresh copy on every call: a test may change what it gets.
 * test/helpers/reference-app.test.ts checks that it equals `Testing.synth` of the same stack.
 */
export function referenceStackJson(stack: string): TerraformJson {
  return withoutMetadata(JSON.parse(referenceStackFiles(stack, ["cdk.tf.json"])["cdk.tf.json"]!));
}

/** `Testing.synth`'s normal form (json-stable-stringify): keys in code-unit order at every level, `//` metadata removed. */
function withoutMetadata(value: any): any {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value).filter((key) => key !== "//").sort();
  return Object.fromEntries(keys.map((key) => [key, withoutMetadata(value[key])]));
}

function synthesizeInto(outdir: string): void {
  buildApp(testApp(outdir)).synth();
}

/** The shared directory's outdir, synthesized by whichever suite of the pass asks first. */
function sharedOutdir(shared: string | undefined): string {
  if (!shared) {
    const outdir = tempOutdir();
    process.once("exit", () => fs.rmSync(outdir, { recursive: true, force: true }));
    synthesizeInto(outdir);
    return outdir;
  }
  // One synth per toolchain: `npm test` runs the cdktf and the CDK Terrain pass in one jest run.
  const dir = path.join(shared, TOOLCHAIN);
  fs.mkdirSync(dir, { recursive: true });
  const outdir = path.join(dir, "app");
  const done = path.join(dir, "done");
  const failed = path.join(dir, "failed");
  // mkdir is atomic: exactly one suite of the pass gets to synthesize.
  if (tryMkdir(path.join(dir, "lock"))) {
    try {
      synthesizeInto(outdir);
    } catch (error) {
      fs.writeFileSync(failed, error instanceof Error ? error.message : String(error));
      throw error;
    }
    fs.writeFileSync(done, "");
    return outdir;
  }
  const waitUntil = Date.now() + WAIT_LIMIT_MS;
  while (!fs.existsSync(done)) {
    if (fs.existsSync(failed)) throw new Error(`the reference app's synth failed in another suite:\n${fs.readFileSync(failed, "utf8")}`);
    if (Date.now() > waitUntil) throw new Error(`waited ${WAIT_LIMIT_MS / 60_000} minutes for the reference app's synth in ${dir}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, POLL_MS);
  }
  return outdir;
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
