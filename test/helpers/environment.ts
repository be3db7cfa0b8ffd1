import { Testing } from "cdktf";
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { ENVIRONMENTS } from "../../stacks/environments";
import { OpenAiEnvironmentStack } from "../../lib/environment/openai-environment-stack";
import { synthJson, TEST_CONTEXT, TerraformJson } from "./synth";

/** The default config of a named environment; fails when there is none. */
export function environment(name: string): EnvironmentConfig {
  const config = ENVIRONMENTS.find((e) => e.name === name);
  if (!config) throw new Error(`no environment ${name}`);
  return config;
}

/** An environment stack built in a fresh test app. */
export function environmentStack(config: EnvironmentConfig): OpenAiEnvironmentStack {
  return new OpenAiEnvironmentStack(Testing.app({ context: TEST_CONTEXT }), config);
}

/** The synthesized JSON of an environment stack. */
export function synthEnvironment(config: EnvironmentConfig): TerraformJson {
  return synthJson(environmentStack(config));
}
