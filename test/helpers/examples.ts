import * as fs from "fs";
import * as path from "path";
import { sharedOutdir, withHclOutput } from "./shared-synth";
import { TEST_CONTEXT, TerraformJson } from "./synth";

/** The examples folder. */
export const EXAMPLES = path.resolve(__dirname, "../../examples");

/** The example folder names. */
export function exampleNames(): string[] {
  return fs.readdirSync(EXAMPLES).filter((name) => fs.existsSync(path.join(EXAMPLES, name, "main.ts"))).sort();
}

/** Reads every stack an app wrote to `outdir`. */
export function readStacks(outdir: string): Record<string, TerraformJson> {
  const stacks: Record<string, TerraformJson> = {};
  for (const stack of fs.readdirSync(path.join(outdir, "stacks"))) {
    stacks[stack] = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
  }
  return stacks;
}

/**
 * Runs an example's main.ts in this process as `cdktf synth` runs it: output in `outdir`, the
 * test synth date through CDKTF_CONTEXT_JSON, as JSON or (SYNTH_HCL_OUTPUT) HCL.
 */
function runExample(name: string, outdir: string, hcl: boolean): void {
  const saved = { outdir: process.env.CDKTF_OUTDIR, context: process.env.CDKTF_CONTEXT_JSON };
  process.env.CDKTF_OUTDIR = outdir;
  process.env.CDKTF_CONTEXT_JSON = JSON.stringify(TEST_CONTEXT);
  try {
    withHclOutput(hcl, () => jest.isolateModules(() => require(path.join(EXAMPLES, name, "main.ts"))));
  } finally {
    restore("CDKTF_OUTDIR", saved.outdir);
    restore("CDKTF_CONTEXT_JSON", saved.context);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * The output directory of an example's synth (`stacks/<stack>/cdk.tf.json`, or `cdk.tf` for HCL),
 * run once per jest run, toolchain and output (./shared-synth.ts). Read it; never write to it.
 */
export function exampleOutdir(name: string, output: "json" | "hcl" = "json"): string {
  return sharedOutdir(`examples/${name}/${output}`, (outdir) => runExample(name, outdir, output === "hcl"));
}

/** The JSON of every stack an example writes, by stack name (a fresh copy on every call). */
export function synthExample(name: string): Record<string, TerraformJson> {
  return readStacks(exampleOutdir(name));
}
