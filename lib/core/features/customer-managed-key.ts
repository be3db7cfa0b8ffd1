import { ManagedHsmKeyRole } from "./managed-hsm-key-role";

/**
 * The `customerManagedKey` feature prop: bring a key, and the resource encrypts its data with it.
 * `CustomerManagedKeyVault` makes a vault and a key that satisfy Azure OpenAI's requirements; a
 * key made elsewhere works too. For a key in a Managed HSM see {@link ManagedHsmCustomerManagedKeyProps}.
 */
export interface CustomerManagedKeyProps {
  /** Azure resource ID of the Key Vault that holds the key. */
  readonly keyVaultId: string;
  /**
   * Versioned URI of the key (`https://<vault>.vault.azure.net/keys/<name>/<version>`). Microsoft
   * says a rotated key must be set on the account again, so the version is explicit.
   */
  readonly keyUriWithVersion: string;
  /**
   * Client ID of the user-assigned identity that reads the key.
   * @default - the system-assigned identity, which is given Get, WrapKey and UnwrapKey on the vault
   */
  readonly identityClientId?: string;
}

/**
 * A customer-managed key held in an existing Azure Key Vault Managed HSM (single-tenant, local
 * RBAC, FIPS 140-3 Level 3 firmware). `ManagedHsmKey.keyReference()` returns one. The account
 * gives its system-assigned identity a local RBAC role on this one key and then sets the key.
 */
export interface ManagedHsmCustomerManagedKeyProps {
  /** Azure resource ID of the Managed HSM (`.../providers/Microsoft.KeyVault/managedHSMs/<name>`). */
  readonly managedHsmId: string;
  /** Name of the key in the HSM: the role is scoped to `/keys/<keyName>`. */
  readonly keyName: string;
  /**
   * Versioned ID of the key (`https://<hsm>.managedhsm.azure.net/keys/<name>/<version>`), as
   * `ManagedHsmKey.keyIdWithVersion` reads it on every plan: the account moves to a rotated
   * version at the next apply, as with a vault key.
   */
  readonly keyUriWithVersion: string;
  /**
   * Client ID of the user-assigned identity that reads the key. That identity needs its role on
   * the key before the account uses it (`ManagedHsmKey.grantServiceEncryption`).
   * @default - the system-assigned identity, which the account gives `role` on the key
   */
  readonly identityClientId?: string;
  /**
   * The local RBAC role the account's system-assigned identity gets on the key.
   * @default "ServiceEncryptionUser" - Managed HSM Crypto Service Encryption User: read, wrap and unwrap only
   */
  readonly role?: ManagedHsmKeyRole;
}

/** What an account's `customerManagedKey` prop takes: a key in a Key Vault or in a Managed HSM. */
export type AccountCustomerManagedKeyProps = CustomerManagedKeyProps | ManagedHsmCustomerManagedKeyProps;

/** Whether `key` is a Managed HSM key (it names `managedHsmId`, not `keyVaultId`). */
export function isManagedHsmKey(key: AccountCustomerManagedKeyProps): key is ManagedHsmCustomerManagedKeyProps {
  return (key as ManagedHsmCustomerManagedKeyProps).managedHsmId !== undefined;
}
