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
  return `${PLACEHOLDER_PREFIX}${String(n).padStart(12, "0")}`;
}

/** True when `principalId` is a placeholder from {@link placeholderPrincipalId}. */
export function isPlaceholderPrincipalId(principalId: string): boolean {
  return principalId.startsWith(PLACEHOLDER_PREFIX) && isGuid(principalId);
}

/**
 * The principal ID in environment variable `name`, or the placeholder
 * `00000000-0000-0000-0000-<placeholder as 12 digits>` when it is unset or empty, so synth
 * never needs Entra ID access. Give every principal its own placeholder number, otherwise two
 * principals collapse into one at synth.
 */
export function principalIdFromEnv(name: string, placeholder: number): string {
  const value = process.env[name]?.trim();
  return value ? value : placeholderPrincipalId(placeholder);
}
