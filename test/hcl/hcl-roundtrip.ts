// Helpers of the HCL round trip: synthesize an app in both outputs, parse the HCL with
// HashiCorp's parser (@cdktf/hcl2json) and bring both into one comparable form.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { TerraformJson } from "../helpers/synth";

/** One stack in both outputs: the JSON as cdktf wrote it, the HCL as hcl2json parsed it. */
export interface StackPair {
  readonly json: TerraformJson;
  readonly hclText: string;
  readonly hcl: Record<string, any>;
}

/** cdktf's switch for HCL output, set for one synth (one helper for every suite: test/helpers/shared-synth.ts). */
export { withHclOutput } from "../helpers/shared-synth";

/** The stack files an app wrote to `outdir`, by stack name (`cdk.tf.json` or `cdk.tf`). */
export function readStackFiles(outdir: string, fileName: "cdk.tf.json" | "cdk.tf"): Record<string, string> {
  const dir = path.join(outdir, "stacks");
  return Object.fromEntries(fs.readdirSync(dir).sort().map((stack) => [stack, fs.readFileSync(path.join(dir, stack, fileName), "utf8")]));
}

/** The result of parsing one file: its configuration, or the parser's diagnostics. */
export type ParsedHcl = { readonly config: Record<string, any>; readonly error?: undefined } | { readonly config?: undefined; readonly error: string };

/**
 * Parses HCL files with HashiCorp's parser (@cdktf/hcl2json), all in one child process
 * (parse-hcl.js), by file name.
 */
export function parseHclFiles(files: Record<string, string>): Record<string, ParsedHcl> {
  const input = JSON.stringify(Object.entries(files).map(([file, text]) => ({ file, text })));
  const output = execFileSync(process.execPath, [path.join(__dirname, "parse-hcl.js")], { input, maxBuffer: 512 * 1024 * 1024, cwd: path.resolve(__dirname, "../..") });
  const results = JSON.parse(output.toString("utf8")) as ({ file: string } & ParsedHcl)[];
  return Object.fromEntries(results.map(({ file, ...result }) => [file, result as ParsedHcl]));
}

/**
 * One form for both outputs. hcl2json writes every block as a list of objects and cdktf's JSON
 * writes a single nested block as an object: every object becomes a list of one, lists are
 * flattened. cdktf's `//` metadata (JSON only) is dropped. Strings are compared as they are.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.flatMap((item) => asList(canonical(item)));
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([key]) => key !== "//")
      .map(([key, item]) => [key, canonical(item)] as const)
      .sort(([a], [b]) => a.localeCompare(b));
    return [Object.fromEntries(entries)];
  }
  return value;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** The resources of a parsed configuration, by `type.name`, in canonical form. */
export function resourcesByAddress(config: Record<string, any>, kind: "resource" | "data" = "resource"): Record<string, unknown> {
  const byType = (config[kind] ?? {}) as Record<string, Record<string, unknown>>;
  const result: Record<string, unknown> = {};
  for (const [type, byName] of Object.entries(byType)) {
    for (const [name, body] of Object.entries(byName)) result[`${type}.${name}`] = canonical(body);
  }
  return result;
}

/** The `moved` blocks of a parsed configuration, as `from -> to`, sorted. */
export function movedBlocks(config: Record<string, any>): string[] {
  const moved = (config.moved ?? []) as { from: string; to: string }[];
  return moved.map((m) => `${unwrap(m.from)} -> ${unwrap(m.to)}`).sort();
}

function unwrap(address: string): string {
  return address.replace(/^\$\{(.*)\}$/, "$1");
}
