import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
// The binding names the resource class with an "A" suffix (it clashes with the block type).
import { CognitiveAccountCustomerManagedKeyA as CognitiveAccountCustomerManagedKey } from "@cdktf/provider-azurerm/lib/cognitive-account-customer-managed-key";
import { defineRule } from "../define-rule";
import { azapiUpdatesSetting } from "../private/azapi-updates";
import { compliant, nonCompliant, notApplicable } from "../rule";
import { firstBlock, tagsOf } from "../values";

/** Options of {@link CognitiveCustomerManagedKey}. */
export interface CognitiveCustomerManagedKeyOptions {
  /**
   * Treat every account as production (true) or none (false).
   * @default - production when the account's `environment` tag is prod or production
   */
  readonly production?: boolean;
}

/** `environment` tag values that mark a production account (compared case-insensitively). */
const PRODUCTION_ENVIRONMENTS: readonly string[] = ["prod", "production"];

/**
 * Production accounts encrypt data at rest with a key the customer controls (and can revoke):
 * the inline `customer_managed_key` block or an `azurerm_cognitive_account_customer_managed_key`
 * targeting the account.
 *
 * The finding also says how rotation reaches the account, judged from `key_vault_key_id`:
 * Microsoft documents that a rotated key "must" be set on the Azure OpenAI account again, so
 * Key Vault's automatic rotation only creates a new version; the account moves to it when
 * Terraform applies the new URI. A versioned URI read from the key on every refresh (the
 * `keyUriWithVersion` export of the library's azapi key) makes that the next apply; a fixed
 * versioned URI never moves; a versionless URI is not documented to follow rotations.
 * `CognitiveCustomerManagedKey.PRODUCTION_ENVIRONMENTS` lists the `environment` tag values of production.
 */
export const CognitiveCustomerManagedKey = Object.assign(
  defineRule<CognitiveCustomerManagedKeyOptions>({
    id: "CognitiveCustomerManagedKey",
    description: "Production accounts encrypt stored data (fine-tuning files, batch data, stored completions) with a customer-managed key.",
    fix:
      "Give OpenAiAccount customerManagedKey: the keyReference() of a CustomerManagedKeyVault (purge-protected, read by a managed identity; OpenAiPlatform's customerManagedKey makes one per region) or of a ManagedHsmKey, and no second key resource for the same account.",
    resourceTypes: [CognitiveAccount.tfResourceType],
    evaluate(resource, context, options) {
      const attributes = context.attributes(resource);
      const environment = tagsOf(attributes).environment;
      const production = options.production ?? PRODUCTION_ENVIRONMENTS.includes((environment ?? "").toLowerCase());
      if (!production) {
        return notApplicable(`not production (environment tag ${environment === undefined ? "missing" : JSON.stringify(environment)})`);
      }
      const inline = firstBlock(attributes.customer_managed_key)?.key_vault_key_id !== undefined;
      const keys = context.referencing(CognitiveAccountCustomerManagedKey.tfResourceType, context.reference(resource), (a) => a.cognitive_account_id);
      // A Managed HSM key is set through Resource Manager (azapi): azurerm 4.55 refuses HSM key IDs.
      const hsmUpdates = azapiUpdatesSetting(context, resource, (body: EncryptionBody | undefined) => body?.properties?.encryption?.keySource === "Microsoft.KeyVault");
      keys.push(...hsmUpdates);
      const separate = keys.map((k) => k.node.path).join(", ");
      // The provider manages the key from one place only; both would fight over it on every apply.
      if (inline && keys.length > 0) return nonCompliant(`both the inline customer_managed_key block and ${separate} set the key`);
      if (inline) return compliant(`inline customer_managed_key; ${rotationNote(firstBlock(attributes.customer_managed_key)?.key_vault_key_id)}`);
      if (keys.length > 0) {
        const notes = [...new Set(keys.map((k) => rotationNote(keyIdOf(context.attributes(k)))))];
        return compliant(`customer-managed key ${separate}; ${notes.join("; ")}`);
      }
      return nonCompliant("production account without a customer-managed key: data at rest uses Microsoft-managed keys");
    },
  }),
  { PRODUCTION_ENVIRONMENTS } as const,
);
/** A constructed {@link CognitiveCustomerManagedKey} rule; `production` is its option. */
export type CognitiveCustomerManagedKey = InstanceType<typeof CognitiveCustomerManagedKey>;

/** The part of an azapi account update's body that sets a customer-managed key. */
interface EncryptionBody {
  readonly properties?: { readonly encryption?: { readonly keySource?: string; readonly keyVaultProperties?: { readonly keyVersion?: unknown } } };
}

/** The key ID a key resource names: azurerm's `key_vault_key_id`, or the version an azapi update sets. */
function keyIdOf(attributes: Record<string, unknown>): unknown {
  if (attributes.key_vault_key_id !== undefined) return attributes.key_vault_key_id;
  return (attributes.body as EncryptionBody | undefined)?.properties?.encryption?.keyVaultProperties?.keyVersion;
}

/** A versioned Key Vault key URI: `https://<vault>.vault.azure.net/keys/<name>/<32 hex digits>`. */
const VERSIONED_KEY_URI = /\/keys\/[^/]+\/[0-9a-fA-F]{32}\/?$/;

/** How rotation reaches the account, for the finding's detail. */
function rotationNote(keyVaultKeyId: unknown): string {
  const id = typeof keyVaultKeyId === "string" ? keyVaultKeyId : "";
  // The vault key's azapi export, or a Managed HSM key's versioned_id read on every refresh.
  if (/\.keyUriWithVersion\b|\.versioned_id\b/.test(id)) {
    return "rotation: Key Vault creates new key versions by itself; the key's current version is read on every plan and the account moves to it at the next apply";
  }
  if (VERSIONED_KEY_URI.test(id)) {
    return "rotation: pinned to one key version; after Key Vault rotates the key the account stays on the old version until key_vault_key_id is changed";
  }
  return "rotation: versionless or unresolved key URI; Microsoft documents that a rotated key must be set on the account again, so rotations are not shown to reach the account";
}
