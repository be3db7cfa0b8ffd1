/**
 * The `customerManagedKey` feature prop: bring a key, and the resource encrypts its data with it.
 * `CustomerManagedKeyVault` makes a vault and a key that satisfy Azure OpenAI's requirements; a
 * key made elsewhere works too.
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
