import * as fs from "fs";
import * as path from "path";
import { GuardedApp } from "../lib/core/guarded-app";
import { OpenAiEnvironmentStack } from "../lib/environment/openai-environment-stack";
import { addStateBootstrap } from "../lib/environment/state-bootstrap-stack";
import { ENVIRONMENTS } from "./environments";

/** Builds our reference app: one stack per environment (and the state bootstrap on request). */
export function buildApp(app = new GuardedApp()): GuardedApp {
  for (const config of ENVIRONMENTS) new OpenAiEnvironmentStack(app, config);
  addStateBootstrap(app); // only with CDKTF_INCLUDE_STATE_BOOTSTRAP=1
  return app;
}

/** One line per synthesized stack: where it went, how many resources, which files beside it. */
export function synthSummary(outdir: string): string[] {
  const stacksDir = path.join(outdir, "stacks");
  if (!fs.existsSync(stacksDir)) return [];
  return fs.readdirSync(stacksDir).sort().map((name) => {
    const dir = path.join(stacksDir, name);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8"));
    const count = Object.values<Record<string, unknown>>(json.resource ?? {}).reduce((n, byId) => n + Object.keys(byId).length, 0);
    const extras = fs.readdirSync(dir).filter((f) => f !== "cdk.tf.json" && !f.startsWith(".") && f.includes("."));
    const relative = path.relative(process.cwd(), dir) || dir;
    return `${name}: ${count} resources -> ${relative}/cdk.tf.json${extras.length ? ` (+ ${extras.join(", ")})` : ""}`;
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
