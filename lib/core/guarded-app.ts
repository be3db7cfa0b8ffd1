import * as fs from "fs";
import * as path from "path";
import { App, AppConfig, TerraformStack } from "cdktf";

/** Thrown when one or more stacks fail validation; lists every problem of the run. */
export class SynthValidationError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(
      `Synthesis failed with ${problems.length} problem(s); nothing was written.\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "SynthValidationError";
  }
}

/**
 * An App that synthesizes all or nothing. cdktf writes each stack as it goes and stops at the
 * first failing stack, leaving earlier stacks written and later errors unreported. This App
 * synthesizes every stack into a staging directory, collects the errors of all of them, and
 * moves the result into `outdir` only when every stack passed.
 */
export class GuardedApp extends App {
  /** Where the synthesized stacks end up. */
  public readonly finalOutdir: string;

  constructor(config: AppConfig = {}) {
    const finalOutdir = path.resolve(config.outdir ?? process.env.CDKTF_OUTDIR ?? "cdktf.out");
    const stagingOutdir = `${finalOutdir}.staging-${process.pid}`;
    fs.rmSync(stagingOutdir, { recursive: true, force: true });
    super({ ...config, outdir: stagingOutdir });
    this.finalOutdir = finalOutdir;
    // cdktf creates the directory up front; remove it until synth, so an app that fails while
    // its constructs are built leaves nothing behind.
    fs.rmSync(stagingOutdir, { recursive: true, force: true });
  }

  public override synth(): void {
    const stacks = this.node.findAll().filter(TerraformStack.isStack);
    const session = { outdir: this.outdir, skipValidation: this.skipValidation, manifest: this.manifest };
    const problems: string[] = [];
    fs.mkdirSync(path.join(this.outdir, "stacks"), { recursive: true });
    try {
      stacks.forEach((stack) => stack.prepareStack());
      for (const stack of stacks) {
        try {
          stack.synthesizer.synthesize(session);
        } catch (error) {
          problems.push(...stackProblems(stack, error));
        }
      }
      if (!this.skipValidation) {
        problems.push(...this.node.validate());
      }
      if (problems.length > 0) throw new SynthValidationError(problems);
      this.manifest.writeToFile();
      publish(this.outdir, this.finalOutdir);
    } finally {
      fs.rmSync(this.outdir, { recursive: true, force: true });
    }
  }
}

/** The problems one failing stack reported, one per line, each with its construct path. */
function stackProblems(stack: TerraformStack, error: unknown): string[] {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("["));
  return lines.length > 0 ? lines : [`[${stack.node.path}] ${message}`];
}

/**
 * Terraform's own files in a stack directory: local state, its backups, the provider cache and
 * lock file, saved plans. `cdktf deploy` runs Terraform in the stack directory, so these live
 * beside cdk.tf.json and must survive every synth.
 */
const TERRAFORM_WORKING_FILE = /^\.terraform($|\.)|\.tfstate($|\.)|\.tfplan$|^plan$/;

/**
 * Publishes the staged stacks: in each stack directory, files this run wrote replace their old
 * copies, files an earlier synth wrote and this one did not are removed, and Terraform's working
 * files (state above all) are kept. Stacks not in this run and top-level files stay as they were,
 * but for the ones this run wrote (manifest.json).
 */
function publish(stagingDir: string, finalDir: string): void {
  const stagedStacks = path.join(stagingDir, "stacks");
  for (const name of fs.existsSync(stagedStacks) ? fs.readdirSync(stagedStacks) : []) {
    const source = path.join(stagedStacks, name);
    const target = path.join(finalDir, "stacks", name);
    fs.mkdirSync(target, { recursive: true });
    const written = new Set(fs.readdirSync(source));
    for (const entry of fs.readdirSync(target)) {
      if (!written.has(entry) && !TERRAFORM_WORKING_FILE.test(entry)) {
        fs.rmSync(path.join(target, entry), { recursive: true, force: true });
      }
    }
    fs.cpSync(source, target, { recursive: true });
  }
  for (const entry of fs.readdirSync(stagingDir, { withFileTypes: true })) {
    if (entry.isFile()) fs.copyFileSync(path.join(stagingDir, entry.name), path.join(finalDir, entry.name));
  }
}
