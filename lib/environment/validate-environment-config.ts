// The public face of the config boundary. Its declarations mention no zod type, so a consumer
// compiling with skipLibCheck: false never type-checks zod's own declarations (which need DOM or
// Node types such as URL).
import { checkEnvironmentConfig } from "./config-schema";
import { EnvironmentConfigValidation } from "./environment-config";

/**
 * Checks an environment config given as data (parsed JSON or YAML, environment variables),
 * before any construct is built: its shape and types, enums in their exact case, required
 * fields, keys unique and safe as construct IDs, Azure's limits and the rules between fields.
 * Returns the config, or every problem as `path: value is not allowed; allowed: ...`.
 * `OpenAiEnvironmentStack` runs it on its config; call it yourself to check input early.
 */
export function validateEnvironmentConfig(input: unknown): EnvironmentConfigValidation {
  return checkEnvironmentConfig(input);
}
