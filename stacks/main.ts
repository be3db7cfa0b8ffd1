import { GuardedApp } from "../lib";
import { ENVIRONMENTS } from "./environments";
import { OpenAiEnvironmentStack } from "./openai-environment-stack";
import { addStateBootstrap } from "./state-bootstrap-stack";

/** Builds the app with one stack per environment. */
export function buildApp(app = new GuardedApp()): GuardedApp {
  for (const config of ENVIRONMENTS) new OpenAiEnvironmentStack(app, config);
  addStateBootstrap(app); // only with CDKTF_INCLUDE_STATE_BOOTSTRAP=1
  return app;
}

if (require.main === module) {
  try {
    buildApp().synth();
  } catch (error) {
    // One readable list of every problem, not a stack trace from inside the provider.
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
