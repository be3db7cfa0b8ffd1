import { AzurermBackend, LocalBackend, TerraformBackend, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { NAME_RULES } from "../core/naming";
import { PropChecks, addPropChecks } from "../core/validation";
import { ENTRA_OBJECT_ID_PATTERN } from "../identity/principal";

/** Process environment as the backend reads it (a plain object in tests). */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>;

/** One setting of the remote state: its environment variable and its cdktf context key. */
export interface StateSettingSource {
  /** Environment variable, read first. */
  readonly env: string;
  /** cdktf context key (cdktf.json `context` or `App({ context })`), read when the variable is unset. */
  readonly context: string;
}

/** Where each remote-state setting comes from. The first three are required together. */
export const STATE_SETTINGS = {
  storageAccountName: { env: "CDKTF_STATE_STORAGE_ACCOUNT", context: "stateStorageAccount" },
  resourceGroupName: { env: "CDKTF_STATE_RESOURCE_GROUP", context: "stateResourceGroup" },
  containerName: { env: "CDKTF_STATE_CONTAINER", context: "stateContainer" },
  subscriptionId: { env: "CDKTF_STATE_SUBSCRIPTION_ID", context: "stateSubscriptionId" },
  tenantId: { env: "CDKTF_STATE_TENANT_ID", context: "stateTenantId" },
} as const satisfies Record<string, StateSettingSource>;

/** Names of the remote-state settings. */
export type StateSettingName = keyof typeof STATE_SETTINGS;

/** Settings without which there is no azurerm backend. */
export const REQUIRED_STATE_SETTINGS: readonly StateSettingName[] = ["storageAccountName", "resourceGroupName", "containerName"];

/**
 * Set to `1`/`true` (CI does) to fail the synth when the remote state is not configured, so a
 * pipeline never deploys against a throwaway local state file.
 */
export const REQUIRE_REMOTE_STATE: StateSettingSource = { env: "CDKTF_STATE_REQUIRED", context: "stateRequired" };

/** Remote-state settings as read for one scope: the values given (non-empty only). */
export type StateSettings = Partial<Record<StateSettingName, string>>;

/** Options of {@link configureBackend}. */
export interface BackendOptions {
  /**
   * Environment variables to read instead of the process's.
   * @default process.env
   */
  readonly env?: EnvironmentVariables;
}

/** A subscription or tenant ID: a GUID, the one pattern of lib/identity/principal.ts. */
export const GUID_PATTERN: RegExp = ENTRA_OBJECT_ID_PATTERN;
/** Azure blob container names: 3-63 lowercase letters, digits and single hyphens, alphanumeric at both ends. */
export const STATE_CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9](?!.*--)[a-z0-9-]*[a-z0-9]$/;
/** The rule of {@link STATE_CONTAINER_NAME} in words. */
export const STATE_CONTAINER_RULE = "3-63 lowercase letters, digits or single hyphens, starting and ending with a letter or digit";
const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** The state key of an environment inside the shared container. */
export function stateKey(environmentName: string): string {
  return `${environmentName}.terraform.tfstate`;
}

/** Reads the remote-state settings: environment variables first, then cdktf context. Blank values count as unset. */
export function readStateSettings(scope: Construct, env: EnvironmentVariables = process.env): StateSettings {
  const settings: StateSettings = {};
  for (const [name, source] of Object.entries(STATE_SETTINGS) as [StateSettingName, StateSettingSource][]) {
    const value = readSetting(scope, source, env);
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}

/** A setting's value from the environment or context, trimmed; undefined when unset or blank. */
export function readSetting(scope: Construct, source: StateSettingSource, env: EnvironmentVariables = process.env): string | undefined {
  const fromEnv = env[source.env]?.trim();
  if (fromEnv) return fromEnv;
  const fromContext = scope.node.tryGetContext(source.context);
  if (fromContext === undefined || fromContext === null) return undefined;
  const text = String(fromContext).trim();
  return text === "" ? undefined : text;
}

/** How a setting is named in messages: `CDKTF_STATE_CONTAINER (context "stateContainer")`. */
export function describeSetting(source: StateSettingSource): string {
  return `${source.env} (context "${source.context}")`;
}

/**
 * Whether Terraform should sign in with GitHub's OIDC token: when `ARM_USE_OIDC=true`, or inside
 * GitHub Actions unless `ARM_USE_OIDC` says otherwise. Elsewhere the Azure CLI login is used.
 */
export function useOidc(env: EnvironmentVariables = process.env): boolean {
  const explicit = env.ARM_USE_OIDC?.trim().toLowerCase();
  if (explicit) return explicit === "true";
  return env.GITHUB_ACTIONS === "true";
}

/**
 * Declares the state backend of an environment stack; call it once per stack, in place of a
 * `LocalBackend`.
 *
 * - Nothing configured: a local backend with a relative path, `terraform.<env>.tfstate`.
 * - Storage account, resource group and container configured (see {@link STATE_SETTINGS}): the
 *   azurerm backend with key `<env>.terraform.tfstate`, Entra ID data-plane auth
 *   (`use_azuread_auth`), OIDC in CI, never a storage account key or SAS token.
 * - Some settings but not all, or an invalid value: the synth fails naming what is wrong (a local
 *   backend is declared meanwhile, but nothing is written for a failing stack).
 */
export function configureBackend(stack: TerraformStack, environmentName: string, options: BackendOptions = {}): TerraformBackend {
  const env = options.env ?? process.env;
  const settings = readStateSettings(stack, env);
  const missing = REQUIRED_STATE_SETTINGS.filter((name) => settings[name] === undefined);
  const anyGiven = Object.keys(settings).length > 0;
  const required = isTrue(readSetting(stack, REQUIRE_REMOTE_STATE, env));

  addPropChecks(stack, (c) => {
    c.matches("environmentName", environmentName, ENVIRONMENT_NAME, "1-63 lowercase letters, digits or hyphens, starting with a letter");
    if ((anyGiven || required) && missing.length > 0) {
      const given = Object.keys(settings) as StateSettingName[];
      const why = anyGiven
        ? `the azurerm state backend needs ${requiredList()} together (given: ${given.map((n) => STATE_SETTINGS[n].env).join(", ")}); set the missing ones or unset all for local state`
        : `${REQUIRE_REMOTE_STATE.env} is set, so the azurerm state backend is required: set ${requiredList()}`;
      for (const name of missing) c.fail(describeSetting(STATE_SETTINGS[name]), undefined, `allowed: a value; ${why}`);
    }
    checkValues(c, settings);
  });

  if (!anyGiven || missing.length > 0) {
    // A relative path: cdktf's implicit local backend writes an absolute one into every stack.
    return new LocalBackend(stack, { path: `terraform.${environmentName}.tfstate` });
  }
  return new AzurermBackend(stack, {
    storageAccountName: settings.storageAccountName!,
    resourceGroupName: settings.resourceGroupName!,
    containerName: settings.containerName!,
    key: stateKey(environmentName),
    ...(settings.subscriptionId ? { subscriptionId: settings.subscriptionId } : {}),
    ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
    // Entra ID for the blob data plane: the state account has shared keys turned off.
    useAzureadAuth: true,
    ...(useOidc(env) ? { useOidc: true } : {}),
  });
}

function checkValues(c: PropChecks, settings: StateSettings): void {
  const { storageAccountName, resourceGroupName, containerName, subscriptionId, tenantId } = settings;
  const name = (setting: StateSettingName) => describeSetting(STATE_SETTINGS[setting]);
  c.matches(name("storageAccountName"), storageAccountName, NAME_RULES.storageAccount.pattern, NAME_RULES.storageAccount.description);
  c.matches(name("resourceGroupName"), resourceGroupName, NAME_RULES.resourceGroup.pattern, NAME_RULES.resourceGroup.description);
  c.matches(name("containerName"), containerName, STATE_CONTAINER_NAME, STATE_CONTAINER_RULE);
  c.matches(name("subscriptionId"), subscriptionId, GUID_PATTERN, "a subscription ID (GUID)");
  c.matches(name("tenantId"), tenantId, GUID_PATTERN, "a tenant ID (GUID)");
}

function requiredList(): string {
  return REQUIRED_STATE_SETTINGS.map((n) => STATE_SETTINGS[n].env).join(", ");
}

/** `1`, `true` or `yes` (any case). */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && ["1", "true", "yes"].includes(value.trim().toLowerCase());
}
