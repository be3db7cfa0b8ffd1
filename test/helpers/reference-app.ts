/**
 * The reference app (stacks/main.ts `buildApp` in a test GuardedApp), synthesized once per jest
 * run, toolchain and output (./shared-synth.ts) and read by every suite that only reads its
 * default stacks: their JSON and HCL, their artifacts (compliance report, routing manifest,
 * diagram) and the addresses. Suites that build their own variant of an environment, or need the
 * stack object, synthesize it themselves.
 */
import * as fs from "fs";
import * as path from "path";
import { buildApp } from "../../stacks/main";
import { sharedOutdir, withHclOutput } from "./shared-synth";
import { testApp, TerraformJson } from "./synth";

/** What the app writes: JSON (`cdk.tf.json`, cdktf's default) or HCL (`cdk.tf`, `cdktf synth --hcl`). */
export type ReferenceOutput = "json" | "hcl";

/**
 * The output directory of the reference app's synth (`stacks/<name>/cdk.tf.json`, or `cdk.tf`
 * for HCL, and the artifacts beside it), synthesized on first use in this jest run. Read it;
 * never write to it.
 */
export function referenceAppOutdir(output: ReferenceOutput = "json"): string {
  return sharedOutdir(`app/${output}`, (outdir) => synthesizeInto(outdir, output));
}

/** The named files of one stack of the reference app, as text. */
export function referenceStackFiles(stack: string, fileNames: readonly string[], output: ReferenceOutput = "json"): Record<string, string> {
  const dir = path.join(referenceAppOutdir(output), "stacks", stack);
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

/** Synthesizes the reference app as the app does (GuardedApp, artifacts included), as JSON or as HCL. */
function synthesizeInto(outdir: string, output: ReferenceOutput): void {
  withHclOutput(output === "hcl", () => buildApp(testApp(outdir)).synth());
}
