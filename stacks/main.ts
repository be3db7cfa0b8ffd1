import { GuardedApp } from "../lib";
import { ENVIRONMENTS } from "./environments";
import { OpenAiEnvironmentStack } from "../lib/environment/openai-environment-stack";
import { addStateBootstrap } from "../lib/environment/state-bootstrap-stack";

/** Builds the app with one stack per environment. */
export function buildApp(app = new GuardedApp()): GuardedApp {
  for (const config of ENVIRONMENTS) new OpenAiEnvironmentStack(app, config);
  addStateBootstrap(app); // only with CDKTF_INCLUDE_STATE_BOOTSTRAP=1
  return app;
}

if (require.main === module) {
  // cdktf records a full stack trace for every token it creates, and ts-node's source-map support
  // maps every frame: together half the synth time. Problems are reported by message, so traces
  // are formatted only on request (AOAI_STACK_TRACES=1, for debugging a crash).
  Error.prepareStackTrace = process.env.AOAI_STACK_TRACES ? Error.prepareStackTrace : () => "";
  try {
    buildApp().synth();
  } catch (error) {
    // One readable list of every problem, not a stack trace from inside the provider.
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
