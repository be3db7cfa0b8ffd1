import { GuardedApp } from "../lib";
import { ENVIRONMENTS } from "./environments";
import { OpenAiEnvironmentStack } from "./openai-environment-stack";

/** Builds the app with one stack per environment. */
export function buildApp(app = new GuardedApp()): GuardedApp {
  for (const config of ENVIRONMENTS) new OpenAiEnvironmentStack(app, config);
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
