import { Fn } from "cdktf";
import { ManagedHsmCustomerManagedKeyProps } from "../core/features/customer-managed-key";
import { isToken } from "../core/validation";

/**
 * API version of the azapi update that sets a Managed HSM key on an account. The same version
 * as the stored-completions update: azapi writes the whole account back (read, merge, PUT), so
 * both updates use a version that knows every property either of them sets.
 */
export const MANAGED_HSM_ENCRYPTION_API_VERSION = "2025-09-01";

/** The azapi type of that update. */
export const MANAGED_HSM_ENCRYPTION_TYPE = `Microsoft.CognitiveServices/accounts@${MANAGED_HSM_ENCRYPTION_API_VERSION}`;

/** A versioned Managed HSM key ID: `https://<hsm>.managedhsm.<suffix>/keys/<name>/<version>`. */
export const MANAGED_HSM_VERSIONED_KEY_ID = /^https:\/\/[^/]+\.managedhsm\.[^/]+\/keys\/[A-Za-z0-9-]{1,127}\/[^/]+$/i;

/** The parts of a versioned key ID the account's `encryption.keyVaultProperties` takes. */
export interface KeyIdParts {
  /** `https://<hsm>.managedhsm.azure.net`, without port or trailing slash. */
  readonly keyVaultUri: string;
  /** The key version. */
  readonly keyVersion: string;
}

/**
 * Splits a versioned key ID into the HSM URI and the version: in TypeScript for a literal, in
 * Terraform (`split` / `element`) for a reference such as the key's `versioned_id`.
 */
export function keyIdParts(keyIdWithVersion: string): KeyIdParts {
  // A missing ID (a JavaScript caller) is reported by the account's checks.
  if (typeof keyIdWithVersion !== "string") return { keyVaultUri: "", keyVersion: "" };
  if (isToken(keyIdWithVersion)) {
    const segments = Fn.split("/", keyIdWithVersion); // ["https:", "", host, "keys", name, version]
    return { keyVaultUri: `https://${Fn.element(segments, 2)}`, keyVersion: Fn.element(segments, 5) };
  }
  const [, , host = "", , , version = ""] = keyIdWithVersion.split("/");
  return { keyVaultUri: `https://${host.replace(/:443$/, "")}`, keyVersion: version };
}

/**
 * The request body that sets a Managed HSM key on an account: Resource Manager's
 * `properties.encryption` with `keySource = Microsoft.KeyVault` (the key source of a vault and
 * of a Managed HSM alike), the HSM URI, the key name and the key version (a rotated version
 * reaches the account at the next apply, as with a vault key).
 */
export function managedHsmEncryptionBody(key: ManagedHsmCustomerManagedKeyProps): Record<string, unknown> {
  const { keyVaultUri, keyVersion } = keyIdParts(key.keyUriWithVersion);
  const keyVaultProperties: Record<string, string> = { keyVaultUri, keyName: key.keyName, keyVersion };
  if (key.identityClientId !== undefined) keyVaultProperties.identityClientId = key.identityClientId;
  return { properties: { encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties } } };
}
