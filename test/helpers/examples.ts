import * as fs from "fs";
import * as path from "path";
import { tempOutdir, TerraformJson } from "./synth";

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


/** Runs an example's main.ts in this process with its output in a temporary directory. */
export function synthExample(name: string): Record<string, TerraformJson> {
  const outdir = tempOutdir();
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    jest.isolateModules(() => {
      require(path.join(EXAMPLES, name, "main.ts"));
    });
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
  }
  const stacks = readStacks(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  return stacks;
}

