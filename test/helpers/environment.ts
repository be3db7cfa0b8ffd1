import * as fs from "fs";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { Testing } from "cdktf";
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { ENVIRONMENTS } from "../../stacks/environments";
import { LEGACY_MOVES_CONTEXT_KEY } from "../../lib/core/legacy-address";
import { OpenAiEnvironmentStack } from "../../lib/environment/openai-environment-stack";
import { referenceStackJson } from "./reference-app";
import { synthJson, tempOutdir, TEST_CONTEXT, testApp, TerraformJson } from "./synth";

/** The context of the reference app (stacks/main.ts `buildApp`): our environments have state from 0.1, so legacy moves are on. */
export const REFERENCE_APP_CONTEXT = { ...TEST_CONTEXT, [LEGACY_MOVES_CONTEXT_KEY]: true };

/** The default config of a named environment; fails when there is none. */
export function environment(name: string): EnvironmentConfig {
  const config = ENVIRONMENTS.find((e) => e.name === name);
  if (!config) throw new Error(`no environment ${name}`);
  return config;
}

/** An environment stack built in a fresh test app, as the reference app builds it (legacy moves on). */
export function environmentStack(config: EnvironmentConfig): OpenAiEnvironmentStack {
  return new OpenAiEnvironmentStack(Testing.app({ context: REFERENCE_APP_CONTEXT }), config);
}

/** The name of the reference app's environment whose config `config` equals, value by value; undefined for any variant. */
export function defaultEnvironmentName(config: EnvironmentConfig): string | undefined {
  return ENVIRONMENTS.find((e) => isDeepStrictEqual(e, config))?.name;
}

/**
 * The synthesized JSON of an environment stack (`Testing.synth` with validations, as
 * {@link environmentStack} builds it). The config of a default environment is not synthesized
 * again: its JSON is read from this pass's synth of the reference app (./reference-app.ts), which
 * is the same JSON (test/helpers/reference-app.test.ts).
 */
export function synthEnvironment(config: EnvironmentConfig): TerraformJson {
  const name = defaultEnvironmentName(config);
  return name === undefined ? synthJson(environmentStack(config)) : referenceStackJson(name);
}

/**
 * Synthesizes one environment stack the way the app does (a GuardedApp writing to a temporary
 * directory, artifacts included) and returns the named files of its stack directory.
 */
export function synthEnvironmentFiles(
  config: EnvironmentConfig,
  fileNames: readonly string[],
): { stack: OpenAiEnvironmentStack; files: Record<string, string> } {
  const outdir = tempOutdir();
  try {
    const app = testApp(outdir);
    const stack = new OpenAiEnvironmentStack(app, config);
    app.synth();
    const dir = path.join(outdir, "stacks", stack.node.id);
    const files = Object.fromEntries(fileNames.map((name) => [name, fs.readFileSync(path.join(dir, name), "utf8")]));
    return { stack, files };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
