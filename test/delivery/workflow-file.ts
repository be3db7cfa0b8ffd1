import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** Repository root. */
export const ROOT = path.resolve(__dirname, "..", "..");
/** Where GitHub reads workflows from. */
export const WORKFLOW_DIR = path.join(ROOT, ".github", "workflows");
/** The installed validator (WebAssembly; works offline). */
export const ACTION_VALIDATOR = path.join(ROOT, "node_modules", ".bin", "action-validator");

// js-yaml comes with jest (@istanbuljs/load-nyc-config); it has no bundled types.
const yaml: { safeLoad(source: string): unknown } = require("js-yaml");

/** A step of a job, as far as the tests read it. */
export interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
}

/** A job of a workflow, as far as the tests read it. */
export interface Job {
  readonly name?: string;
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string | { readonly name: string; readonly url?: string };
  readonly concurrency?: string | { readonly group: string; readonly "cancel-in-progress"?: boolean };
  readonly permissions?: Record<string, string> | string;
  readonly strategy?: { readonly matrix?: Record<string, unknown> };
  readonly env?: Record<string, unknown>;
  readonly steps?: readonly Step[];
}

/** A workflow, as far as the tests read it. */
export interface Workflow {
  readonly name?: string;
  readonly on: Record<string, any>;
  readonly permissions?: Record<string, string> | string;
  readonly env?: Record<string, unknown>;
  readonly jobs: Record<string, Job>;
}

/** The workflow files, by file name. */
export function workflowFiles(): string[] {
  return fs
    .readdirSync(WORKFLOW_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

/** Reads and parses one workflow file. */
export function loadWorkflow(file: string): Workflow {
  return parseWorkflow(fs.readFileSync(path.join(WORKFLOW_DIR, file), "utf8"));
}

/** Parses workflow YAML. */
export function parseWorkflow(source: string): Workflow {
  return yaml.safeLoad(source) as Workflow;
}

/** Result of one validator run. */
export interface ValidatorResult {
  readonly status: number | null;
  readonly output: string;
}

/** Runs @action-validator/cli on a file. */
export function runActionValidator(file: string): ValidatorResult {
  const result = spawnSync(process.execPath, [ACTION_VALIDATOR, file], { encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}
