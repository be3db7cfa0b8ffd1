import * as fs from "fs";
import * as path from "path";

/**
 * The environment variable through which the cdktf CLI hands an app its context: the CLI reads
 * `cdktf.json`, puts its `context` there, and the app's `App` reads it back (cdktf 0.21
 * `lib/app.js` `loadContext`). Under plain `node` nobody sets it.
 */
export const CDKTF_CONTEXT_ENV = "CDKTF_CONTEXT_JSON";

/** The context key the cdktf CLI adds to every synth it starts (`@cdktf/cli-core` `synth-stack.js`). */
const CLI_CONTEXT_MARK = "cdktfRelativeModules";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * True when the app was started by the cdktf CLI (`cdktf synth`, `diff`, `deploy`): the CLI
 * always hands the app a context with its own `cdktfRelativeModules` key. The CLI prints the
 * annotations itself from `manifest.json`, so the app must not print them a second time.
 */
export function startedByCdktfCli(env: Env = process.env): boolean {
  const json = env[CDKTF_CONTEXT_ENV];
  if (!json) return false;
  try {
    const context = JSON.parse(json);
    return context !== null && typeof context === "object" && CLI_CONTEXT_MARK in context;
  } catch {
    return false;
  }
}

/**
 * The `context` of `cdktf.json` in `directory`, as the cdktf CLI would hand it to the app, or
 * `{}` when there is no `cdktf.json` or it has no `context`. A `cdktf.json` that is not JSON is an
 * error with the file's path, as it is for the CLI.
 */
export function projectContext(directory: string = process.cwd()): Record<string, unknown> {
  const file = path.join(directory, "cdktf.json");
  if (!fs.existsSync(file)) return {};
  let config: unknown;
  try {
    config = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const context = config !== null && typeof config === "object" ? (config as { context?: unknown }).context : undefined;
  return context !== null && typeof context === "object" && !Array.isArray(context) ? { ...(context as Record<string, unknown>) } : {};
}
