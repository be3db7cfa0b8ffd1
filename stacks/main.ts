import * as fs from "fs";
import * as path from "path";
import { GuardedApp } from "../lib/core/guarded-app";
import { LEGACY_MOVES_CONTEXT_KEY } from "../lib/core/legacy-address";
import { OpenAiEnvironmentStack } from "../lib/environment/openai-environment-stack";
import { addStateBootstrap } from "../lib/environment/state-bootstrap-stack";
import { ENVIRONMENTS } from "./environments";

/**
 * Builds our reference app: one stack per environment (and the state bootstrap on request).
 * Our environments were deployed with release 0.1, so the app writes the legacy `moved` blocks
 * (`aoai:legacyMoves`) unless the context says otherwise (cdktf.json, the CLI or `app`'s config).
 */
export function buildApp(app = new GuardedApp()): GuardedApp {
  if (app.node.tryGetContext(LEGACY_MOVES_CONTEXT_KEY) === undefined) app.node.setContext(LEGACY_MOVES_CONTEXT_KEY, true);
  for (const config of ENVIRONMENTS) new OpenAiEnvironmentStack(app, config);
  addStateBootstrap(app); // only with CDKTF_INCLUDE_STATE_BOOTSTRAP=1
  return app;
}

/** The files cdktf writes a stack to: JSON (`cdk.tf.json`), or HCL (`cdk.tf`, with `metadata.json`) under `--hcl`. */
const STACK_FILES = ["cdk.tf.json", "cdk.tf"] as const;

/** Resources in a stack file: the JSON's `resource` entries, or the HCL's `resource "type" "name"` blocks. */
function resourceCount(file: string): number {
  const text = fs.readFileSync(file, "utf8");
  if (file.endsWith(".json")) {
    const json = JSON.parse(text);
    return Object.values<Record<string, unknown>>(json.resource ?? {}).reduce((n, byId) => n + Object.keys(byId).length, 0);
  }
  // cdktf renders each resource block at the start of a line.
  return (text.match(/^resource "[^"]+" "[^"]+" \{/gm) ?? []).length;
}

/** One line per synthesized stack: where it went, how many resources, which files beside it. */
export function synthSummary(outdir: string): string[] {
  const stacksDir = path.join(outdir, "stacks");
  if (!fs.existsSync(stacksDir)) return [];
  return fs.readdirSync(stacksDir).sort().flatMap((name) => {
    const dir = path.join(stacksDir, name);
    const stackFile = STACK_FILES.find((f) => fs.existsSync(path.join(dir, f)));
    if (!stackFile) return [];
    const count = resourceCount(path.join(dir, stackFile));
    const extras = fs.readdirSync(dir).filter((f) => f !== stackFile && f !== "metadata.json" && !f.startsWith(".") && f.includes("."));
    const relative = path.relative(process.cwd(), dir) || dir;
    return [`${name}: ${count} resources -> ${relative}/${stackFile}${extras.length ? ` (+ ${extras.join(", ")})` : ""}`];
  });
}

if (require.main === module) {
  // cdktf records a stack trace for every token; formatting them costs a large share of the
  // synth. Problems are reported by message, so traces are formatted only on request
  // (AOAI_STACK_TRACES=1, for debugging a crash).
  if (!process.env.AOAI_STACK_TRACES) Error.prepareStackTrace = () => "";
  try {
    const app = buildApp();
    app.synth();
    for (const line of synthSummary(app.finalOutdir)) console.log(line);
  } catch (error) {
    // One readable list of every problem, not a stack trace from inside the provider.
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
