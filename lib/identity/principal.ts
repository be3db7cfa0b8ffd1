import { placeholderValue, registerPlaceholderValue } from "../core/placeholder-values";

/** Kinds of Entra ID principal a role can be assigned to. */
export type PrincipalType = "User" | "Group" | "ServicePrincipal";

/** Every principal type, for validation messages. */
export const PRINCIPAL_TYPES: readonly PrincipalType[] = Object.freeze(["User", "Group", "ServicePrincipal"]);

/** Principal types that are people: the human-role ceiling applies to them. */
export const HUMAN_PRINCIPAL_TYPES: readonly PrincipalType[] = Object.freeze(["User", "Group"]);

/** An Entra ID object ID: a GUID in its 8-4-4-4-12 form. */
export const ENTRA_OBJECT_ID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** True when `value` is a GUID in its 8-4-4-4-12 form. */
export function isGuid(value: string): boolean {
  return ENTRA_OBJECT_ID_PATTERN.test(value);
}

/**
 * Anything a role can be granted to: a user, a group, an app's service principal or a managed
 * identity. Plain objects work: `{ principalId: "<object id>", principalType: "Group" }`.
 */
export interface IGrantee {
  /** Entra object ID of the principal (for an app: its service principal's object ID, not the client ID). */
  readonly principalId: string;
  /** Kind of principal; set so a new principal does not fail the assignment while Entra ID replicates it. */
  readonly principalType: PrincipalType;
  /**
   * Stable key for construct IDs (Terraform addresses). Required when `principalId` is a
   * Terraform reference, for example a managed identity created in the same stack.
   * @default - the principal ID
   */
  readonly granteeKey?: string;
}

/** Prefix of every placeholder principal ID: the all-zero GUID with a number in its last group. */
const PLACEHOLDER_PREFIX = "00000000-0000-0000-0000-";

/**
 * A clearly fake principal ID, `00000000-0000-0000-0000-<n as 12 digits>`, for synthesizing
 * without Entra ID access. Azure rejects it at apply (no such principal), so a stack cannot
 * be deployed with a placeholder by mistake. `n` is a whole number from 0 to 999999999999;
 * anything else gives a value that fails the principal ID check at synth.
 */
export function placeholderPrincipalId(n: number): string {
  const id = `${PLACEHOLDER_PREFIX}${String(n).padStart(12, "0")}`;
  // Registered for the synth warning, unless principalIdFromEnv already named its variable.
  if (isPlaceholderPrincipalId(id) && !placeholderValue(id)) registerPlaceholderPrincipal(id);
  return id;
}

/**
 * What a placeholder principal ID stands for, in words, or undefined for a real ID: `placeholder
 * for AOAI_DEVELOPERS_GROUP_ID (not set)` when {@link principalIdFromEnv} gave it, else
 * `placeholder principal ID`. The compliance report and the architecture diagram use it; the
 * synth warns about every placeholder a stack contains (`GuardedApp`).
 */
export function describePlaceholderPrincipal(principalId: string): string | undefined {
  if (!isPlaceholderPrincipalId(principalId)) return undefined;
  return placeholderValue(principalId)?.note ?? "placeholder principal ID";
}

/** Registers a placeholder principal ID for the synth warning, with the variable it stands for when known. */
function registerPlaceholderPrincipal(principalId: string, variable?: string): void {
  registerPlaceholderValue(principalId, {
    note: variable ? `placeholder for ${variable} (not set)` : "placeholder principal ID",
    fix: variable
      ? `set each variable to the principal's Entra object ID (with ${REQUIRE_PRINCIPALS_ENV}=1 a missing one fails the synth)`
      : "give the principal's Entra object ID instead",
  });
}

/** True when `principalId` is a placeholder from {@link placeholderPrincipalId}. */
export function isPlaceholderPrincipalId(principalId: string): boolean {
  return principalId.startsWith(PLACEHOLDER_PREFIX) && isGuid(principalId);
}

/**
 * Environment variable that marks a synth meant for deployment (`cdktf diff`/`deploy` in the
 * workflows): set to `1` or `true`, every principal read by {@link principalIdFromEnv} must be
 * set, and a missing one fails the synth instead of falling back to a placeholder. Not `CI`:
 * the tests run with `CI=true` and must keep working offline. The cdktf CLI (0.21) gives the
 * app no sign of which command runs it: `synth`, `diff` and `deploy` all start the app through
 * `SynthStack.synth` with the same environment (`@cdktf/cli-core/src/lib/synth-stack.js`).
 */
export const REQUIRE_PRINCIPALS_ENV = "AOAI_REQUIRE_PRINCIPALS";

/** True when `env` asks for real principals ({@link REQUIRE_PRINCIPALS_ENV} is `1` or `true`). */
export function principalsRequired(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const value = env[REQUIRE_PRINCIPALS_ENV]?.trim().toLowerCase();
  return value === "1" || value === "true";
}

/** Options of {@link principalIdFromEnv}. */
export interface PrincipalFromEnvOptions {
  /**
   * Who the principal is, for the error when it is missing, for example `the Developers group`.
   * @default "the principal"
   */
  readonly principal?: string;
  /**
   * Whether a missing value fails the synth instead of giving the placeholder.
   * @default - principalsRequired(): true when AOAI_REQUIRE_PRINCIPALS is `1` or `true`
   */
  readonly require?: boolean;
  /**
   * Where the variables are read.
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Marks a value from {@link principalIdFromEnv} that stands for a missing principal. */
const MISSING_SUFFIX = "a deployment synth needs";

/**
 * The principal ID in environment variable `name`. When it is unset or empty:
 * - for a local synth or a test, the placeholder
 *   `00000000-0000-0000-0000-<placeholder as 12 digits>`, so synth never needs Entra ID access
 *   (Azure would reject it at apply, after the provider retried "principal not found" for the
 *   role assignment's 30-minute create timeout);
 * - for a deployment synth ({@link REQUIRE_PRINCIPALS_ENV}, or `options.require`), a value that
 *   is not an object ID and says what is missing, for example `AOAI_DEVELOPERS_GROUP_ID is not
 *   set: a deployment synth needs the object ID of the Developers group`. The principal ID check
 *   of the role assignment then fails the synth with its construct path and this text; a
 *   placeholder given in the variable itself is refused the same way.
 *
 * Give every principal its own placeholder number, otherwise two principals collapse into one
 * at synth.
 */
export function principalIdFromEnv(name: string, placeholder: number, options: PrincipalFromEnvOptions = {}): string {
  const env = options.env ?? process.env;
  const value = env[name]?.trim();
  const required = options.require ?? principalsRequired(env);
  const who = options.principal ?? "the principal";
  if (required && !value) return `${name} is not set: ${MISSING_SUFFIX} the object ID of ${who}`;
  if (required && value && isPlaceholderPrincipalId(value)) {
    return `${name} holds the placeholder ${value}: ${MISSING_SUFFIX} the real object ID of ${who}`;
  }
  if (value) return value;
  const id = placeholderPrincipalId(placeholder);
  if (isPlaceholderPrincipalId(id)) registerPlaceholderPrincipal(id, name);
  return id;
}

/** True when `principalId` is the stand-in {@link principalIdFromEnv} gives for a missing principal in a deployment synth. */
export function isMissingPrincipalId(principalId: string): boolean {
  return !isGuid(principalId) && principalId.includes(`: ${MISSING_SUFFIX} `);
}
