import * as fs from "fs";
import * as path from "path";
import { AnnotationMetadataEntryType, App, AppConfig, TerraformStack } from "cdktf";
import { StackSynthesizer } from "cdktf/lib/synthesize/synthesizer";
import { IConstruct } from "constructs";
import { CDKTF_CONTEXT_ENV, projectContext, startedByCdktfCli } from "./cdktf-cli";
import { checkTerraformForLegacyMoves, hasLegacyMoves } from "./legacy-address";
import { addWarning, warnAboutPlaceholders, warningsOf } from "./synth-warnings";
import { formatPropProblem, PropProblem, validateConstruct } from "./validation";
import { propagateStackWideAspects } from "./stack-aspects";

/** Most problems listed in the message of a {@link SynthValidationError}; all are in `problems`. */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * One problem of a synthesis, as data. Problems of the library's prop checks carry the prop,
 * the value and the rule; others (a compliance finding, another library's validation, a crash)
 * carry only their message.
 */
export interface SynthProblem {
  /** Path of the construct with the problem (`app` for the app itself). */
  readonly path: string;
  /** The prop check that failed, when the problem comes from one. */
  readonly check?: PropProblem;
  /** The problem in words, without the path. */
  readonly message: string;
}

/** A problem as a line: `[path] message`. */
export function formatSynthProblem(problem: SynthProblem): string {
  return `[${problem.path}] ${problem.message}`;
}

/**
 * Thrown when one or more stacks fail validation; lists the problems of the run in its message.
 * The same problems as data (`problems`, `details`, `unexpected`) are not enumerable, so a runtime
 * that prints an uncaught error with its own properties (Node.js does) prints the list once.
 */
export class SynthValidationError extends Error {
  /** Every problem of the run as a line, `[construct path] prop: value is not allowed; ...`. */
  public declare readonly problems: readonly string[];
  /** Every problem of the run, as data. */
  public declare readonly details: readonly SynthProblem[];
  /** Errors thrown while synthesizing (bugs, not input problems), also in `details`. */
  public declare readonly unexpected: readonly unknown[];

  /**
   * @param details every problem of the run, as data
   * @param unexpected errors thrown while synthesizing (bugs, not input problems), also in `details`
   */
  constructor(details: readonly SynthProblem[], unexpected: readonly unknown[] = []) {
    const problems = details.map(formatSynthProblem);
    super(
      `Synthesis failed with ${problems.length} problem(s); nothing was written.\n` +
        problems
          .slice(0, MAX_LISTED_PROBLEMS)
          .map((p) => `  - ${p}`)
          .join("\n") +
        (problems.length > MAX_LISTED_PROBLEMS ? `\n  ... and ${problems.length - MAX_LISTED_PROBLEMS} more (see the problems property)` : ""),
    );
    for (const [key, value] of Object.entries({ name: "SynthValidationError", problems, details, unexpected })) {
      Object.defineProperty(this, key, { value, enumerable: false, writable: false, configurable: false });
    }
  }
}

/** Configuration of a {@link GuardedApp}: cdktf's, plus where warnings go. */
export interface GuardedAppConfig extends AppConfig {
  /**
   * Whether a successful synth prints its warnings (legacy models, placeholder principals, ...)
   * to stderr, one line each: `WARN [construct path] message`.
   * @default - true, unless the app was started by the cdktf CLI, which prints them itself from manifest.json
   */
  readonly printWarnings?: boolean;
}

/**
 * An App that synthesizes all or nothing. cdktf writes each stack as it goes and stops at the
 * first failing stack, leaving earlier stacks written and later errors unreported. This App
 * synthesizes every stack into a staging directory, collects the errors of all of them, and
 * moves the result into `outdir` only when every stack passed.
 *
 * It also behaves the same under plain `node` as under the cdktf CLI:
 * - context: when the CLI did not hand the app a context (`CDKTF_CONTEXT_JSON` unset), the
 *   `context` of `cdktf.json` in the current directory is read, with the precedence the CLI gives
 *   it (over `config.context`);
 * - warnings: printed to stderr after a successful synth, unless the CLI started the app (it
 *   prints them from manifest.json) or `printWarnings` is false;
 * - legacy `moved` blocks (`aoai:legacyMoves`): Terraform's version is checked once per synth,
 *   not once per stack.
 */
export class GuardedApp extends App {
  /** Where the synthesized stacks end up. */
  public readonly finalOutdir: string;
  /** Whether a successful synth prints its warnings (see {@link GuardedAppConfig.printWarnings}). */
  public readonly printWarnings: boolean;
  private lastWarnings: readonly SynthProblem[] = [];

  constructor(config: GuardedAppConfig = {}) {
    const finalOutdir = path.resolve(config.outdir ?? process.env.CDKTF_OUTDIR ?? "cdktf.out");
    const stagingOutdir = `${finalOutdir}.staging-${process.pid}`;
    fs.rmSync(stagingOutdir, { recursive: true, force: true });
    const { printWarnings, ...appConfig } = config;
    // The CLI hands cdktf.json's context over in CDKTF_CONTEXT_JSON; without the CLI, read it here.
    const fileContext = process.env[CDKTF_CONTEXT_ENV] === undefined ? projectContext() : {};
    super({ ...appConfig, context: { ...appConfig.context, ...fileContext }, outdir: stagingOutdir });
    this.finalOutdir = finalOutdir;
    this.printWarnings = printWarnings ?? !startedByCdktfCli();
    // cdktf creates the directory up front; remove it until synth, so an app that fails while
    // its constructs are built leaves nothing behind.
    fs.rmSync(stagingOutdir, { recursive: true, force: true });
  }

  public override synth(): void {
    // cdktf runs aspects from each stack down: packs added to the App (the cdk-nag habit) would never run.
    propagateStackWideAspects(this);
    const stacks = this.node.findAll().filter(TerraformStack.isStack);
    // Validation and error annotations are checked here, for every stack, whatever
    // CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS says (`cdktf synth` sets it): the synthesizer
    // writes to the staging directory only, and nothing is published when any stack failed.
    const session = { outdir: this.outdir, skipValidation: true, manifest: this.manifest };
    const problems: SynthProblem[] = [];
    const unexpected: unknown[] = [];
    fs.mkdirSync(path.join(this.outdir, "stacks"), { recursive: true });
    try {
      const crashes = new Map<TerraformStack, unknown>();
      for (const stack of stacks) {
        try {
          stack.prepareStack();
        } catch (error) {
          crashes.set(stack, error);
        }
      }
      for (const stack of stacks) {
        if (stack.synthesizer instanceof StackSynthesizer) {
          // The app's setting (SYNTH_HCL_OUTPUT, else `hclOutput` of the config), which also names
          // the file in the manifest; cdktf's stack reads only the variable, so `hclOutput: true`
          // alone would write JSON into cdk.tf.
          stack.synthesizer = new StackSynthesizer(stack, true, this.hclOutput);
        }
        if (!crashes.has(stack)) {
          try {
            stack.synthesizer.synthesize(session);
          } catch (error) {
            crashes.set(stack, error);
          }
        }
        if (!crashes.has(stack)) warnAboutPlaceholders(stack, this.outdir, this.manifest);
        const before = problems.length;
        if (!this.skipValidation) collectValidationProblems(stack, problems);
        collectErrorAnnotations(stack, problems);
        // cdktf validates before it resolves: an error thrown by a stack that has validation
        // problems is their consequence (placeholder values); without them it is a bug.
        if (crashes.has(stack) && problems.length === before) {
          const error = crashes.get(stack);
          unexpected.push(error);
          problems.push({ path: stack.node.path, message: firstLine(error) });
        }
      }
      if (!this.skipValidation) collectProblemsOf(this, problems);
      // One terraform process per synth, not cdktf's one per stack with a moved block.
      const movingStack = this.skipValidation ? undefined : stacks.find(hasLegacyMoves);
      const terraform = movingStack ? checkTerraformForLegacyMoves() : undefined;
      if (terraform?.level === "error") problems.push({ path: "app", message: terraform.message });
      if (movingStack && terraform?.level === "warning") addWarning(movingStack, terraform.message, this.manifest);
      if (problems.length > 0) throw new SynthValidationError(problems, unexpected);
      this.manifest.writeToFile();
      publish(this.outdir, this.finalOutdir);
      this.lastWarnings = stacks.flatMap(warningsOf);
      if (this.printWarnings) for (const warning of this.lastWarnings) process.stderr.write(`WARN ${formatSynthProblem(warning)}\n`);
    } finally {
      fs.rmSync(this.outdir, { recursive: true, force: true });
    }
  }

  /** The warnings of the last successful synth, as data (printed or not). */
  public get warnings(): readonly SynthProblem[] {
    return this.lastWarnings;
  }
}

/** The validation problems of every construct of the stack (no spreading). */
function collectValidationProblems(stack: TerraformStack, problems: SynthProblem[]): void {
  for (const construct of stack.node.findAll()) collectProblemsOf(construct, problems);
}

/** The problems of one construct: its prop checks as data, other validations as text. */
function collectProblemsOf(construct: IConstruct, problems: SynthProblem[]): void {
  const path = construct.node.path || "app";
  const { problems: checks, others } = validateConstruct(construct);
  for (const check of checks) problems.push({ path, check, message: formatPropProblem(check) });
  for (const message of others) problems.push({ path, message });
}

/** Error annotations (compliance findings) of every construct of the stack. */
function collectErrorAnnotations(stack: TerraformStack, problems: SynthProblem[]): void {
  for (const construct of stack.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type === AnnotationMetadataEntryType.ERROR) problems.push({ path: construct.node.path, message: String(entry.data) });
    }
  }
}

/** The first line of an error, bounded, for a problem line. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = message.split("\n")[0];
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
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
    moveInto(source, target);
  }
  for (const entry of fs.readdirSync(stagingDir, { withFileTypes: true })) {
    if (entry.isFile()) fs.copyFileSync(path.join(stagingDir, entry.name), path.join(finalDir, entry.name));
  }
}

/**
 * Moves the staged files of one stack over the published ones. The staging directory is a sibling
 * of the output, so a rename is enough and costs nothing per byte; a copy is the fallback where
 * the two are on different devices or the target is a directory.
 */
function moveInto(source: string, target: string): void {
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isFile()) {
      try {
        fs.renameSync(from, to);
        continue;
      } catch {
        // EXDEV, or a directory where the file goes: copy below.
      }
    }
    fs.cpSync(from, to, { recursive: true, force: true });
  }
}
