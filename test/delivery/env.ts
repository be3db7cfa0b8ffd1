/** Variables the delivery code reads; cleared before each test so CI's own values cannot leak in. */
const DELIVERY_VARIABLES = /^(CDKTF_STATE_|CDKTF_INCLUDE_STATE_BOOTSTRAP$|ARM_USE_OIDC$|GITHUB_ACTIONS$)/;

/**
 * Clears the delivery variables before each test of the calling file and restores the process
 * environment exactly after each.
 */
export function isolateEnvironment(): void {
  let saved: NodeJS.ProcessEnv = {};
  beforeEach(() => {
    saved = { ...process.env };
    for (const key of Object.keys(process.env)) if (DELIVERY_VARIABLES.test(key)) delete process.env[key];
  });
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });
}

/** A complete remote-state configuration. */
export const FULL_STATE_CONFIG = {
  CDKTF_STATE_STORAGE_ACCOUNT: "staoaitfstate01",
  CDKTF_STATE_RESOURCE_GROUP: "rg-aoai-tfstate",
  CDKTF_STATE_CONTAINER: "tfstate",
} as const;

/** Sets environment variables for the current test (restored by {@link isolateEnvironment}). */
export function setEnv(values: Record<string, string>): void {
  Object.assign(process.env, values);
}
