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
 * Moves each staged stack directory over its old copy (so files a stack no longer writes go
 * too), then the top-level files such as manifest.json. Stacks not in this run stay as they were.
 */
function publish(stagingDir: string, finalDir: string): void {
  const stagedStacks = path.join(stagingDir, "stacks");
  fs.mkdirSync(path.join(finalDir, "stacks"), { recursive: true });
  for (const name of fs.existsSync(stagedStacks) ? fs.readdirSync(stagedStacks) : []) {
    const target = path.join(finalDir, "stacks", name);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(path.join(stagedStacks, name), target);
  }
  for (const entry of fs.readdirSync(stagingDir, { withFileTypes: true })) {
    if (entry.isFile()) fs.copyFileSync(path.join(stagingDir, entry.name), path.join(finalDir, entry.name));
  }
}
