import { CognitiveAccountCustomerManagedKeyA } from "@cdktf/provider-azurerm/lib/cognitive-account-customer-managed-key";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultAccessPolicyA } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AzapiResource } from "../core/azapi";
import { nameProblem } from "../core/naming";
import { governanceTags, GovernanceTagProps } from "../core/tags";
import { addPropChecks } from "../core/validation";
import { OpenAiAccount } from "../openai/openai-account";

/** Key rotation, as ISO 8601 durations. */
export interface KeyRotation {
  /**
   * Rotate this long after the key version was created.
   * @default "P90D"
   */
  readonly rotateAfter?: string;
  /**
   * A key version expires this long after creation (must exceed `rotateAfter`). Generous on
   * purpose: Key Vault rotates the key by itself, but the account only moves to the new version
   * at the next `cdktf deploy` (Microsoft: a rotated key must be set on the account again), and
   * an account left on an expired version stops being able to use its key. The gap between
   * `rotateAfter` and `expireAfter` (275 days by default) is the time you have for that deploy.
   * @default "P365D"
   */
  readonly expireAfter?: string;
  /**
   * Notify this long before expiry (at least P7D).
   * @default "P30D"
   */
  readonly notifyBeforeExpiry?: string;
}

/** Props of {@link CustomerManagedKey}. */
export interface CustomerManagedKeyProps extends GovernanceTagProps {
  /** The account whose data the key encrypts; its system-assigned identity reads the key. */
  readonly account: OpenAiAccount;
  /** Key Vault name: 3-24 letters, digits or single hyphens, globally unique. */
  readonly keyVaultName: string;
  /** Resource group of the vault. */
  readonly resourceGroupName: string;
  /**
   * Key rotation. Fixed when the key is created: Resource Manager's key PUT
   * (`Keys_CreateIfNotExist`) "does not update existing keys", so a later change shows in every
   * plan until it is made on the data plane (`az keyvault key rotation-policy update`, from a
   * network path to the vault); see docs/DELIVERY.md.
   * @default - rotate every 90 days, expire after 365, notify 30 days before
   */
  readonly rotation?: KeyRotation;
  /**
   * Days a deleted vault or key can be recovered (7-90).
   * @default 90
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Extra tags.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

const ISO_DAYS = /^P(\d+)D$/;

/**
 * API version of `Microsoft.KeyVault/vaults/keys` used to create the key through Resource
 * Manager. 2023-07-01 is a stable version whose `KeyProperties` include `rotationPolicy`,
 * `keyUri` and `keyUriWithVersion` (azure-rest-api-specs,
 * specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/keys.json).
 */
export const KEY_VAULT_KEYS_API_VERSION = "2023-07-01";

/**
 * The key permissions the account's identity gets, exactly those Microsoft's Azure OpenAI
 * encryption-at-rest page lists: get, wrap key, unwrap key.
 */
export const CMK_KEY_PERMISSIONS: readonly string[] = ["Get", "WrapKey", "UnwrapKey"];

/**
 * A customer-managed key for an Azure OpenAI account, in the account's region, set up entirely
 * through Azure Resource Manager, so neither the deploying nor the planning identity needs the
 * vault's data plane or a network path to it:
 *
 * - a Key Vault (Premium, purge protection, soft delete, no public network, trusted Microsoft
 *   services through its firewall) using **access policies**, as Microsoft's Azure OpenAI
 *   encryption-at-rest page requires ("The key vault must use legacy access policies");
 * - an `azurerm_key_vault_access_policy` (a Resource Manager call) giving the account's
 *   system-assigned identity key permissions Get, WrapKey and UnwrapKey, nothing else;
 * - an RSA-HSM 2048 key (the only RSA size Azure OpenAI accepts) with a rotation policy,
 *   created as `Microsoft.KeyVault/vaults/keys` through azapi (`azapi_resource`);
 * - `azurerm_cognitive_account_customer_managed_key` with the key's **versioned** URI
 *   (`keyUriWithVersion`), after the access policy and after every earlier operation on the
 *   account; the account gets `lifecycle.ignore_changes = [customer_managed_key]`.
 *
 * What rotates by itself and what needs a deploy: Key Vault creates a new key version on
 * schedule (`rotation.rotateAfter`). The next plan's refresh reads the key's current version
 * through Resource Manager and shows the CMK resource moving to it; the account uses the new
 * version only after that plan is applied. Until then it keeps using the old version, which
 * stays valid until `rotation.expireAfter`.
 */
export class CustomerManagedKey extends Construct {
  /** The vault. */
  public readonly keyVault: KeyVault;
  /** The key, an `azapi_resource` of type `Microsoft.KeyVault/vaults/keys`. */
  public readonly key: AzapiResource;
  /** URI of the key without a version (`properties.keyUri`), as a Terraform expression. */
  public readonly keyUri: string;
  /** URI of the key's current version (`properties.keyUriWithVersion`), refreshed on every plan. */
  public readonly keyUriWithVersion: string;
  /** The access policy of the account's identity on the vault (Get, WrapKey, UnwrapKey). */
  public readonly accessPolicy: KeyVaultAccessPolicyA;
  /** The `azurerm_cognitive_account_customer_managed_key` resource. */
  public readonly resource: CognitiveAccountCustomerManagedKeyA;

  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id);
    const rotation = props.rotation ?? {};
    const rotateAfter = rotation.rotateAfter ?? "P90D";
    const expireAfter = rotation.expireAfter ?? "P365D";
    const notifyBeforeExpiry = rotation.notifyBeforeExpiry ?? "P30D";

    addPropChecks(this, (c) => {
      const problem = nameProblem("keyVault", props.keyVaultName);
      if (problem) c.fail("keyVaultName", props.keyVaultName, problem);
      c.integerInRange("softDeleteRetentionDays", props.softDeleteRetentionDays, 7, 90);
      const days = (value: string) => Number(ISO_DAYS.exec(value)?.[1] ?? NaN);
      for (const [prop, value] of [["rotation.rotateAfter", rotateAfter], ["rotation.expireAfter", expireAfter], ["rotation.notifyBeforeExpiry", notifyBeforeExpiry]]) {
        c.matches(prop, value, ISO_DAYS, "an ISO 8601 duration in days, such as P90D");
      }
      if (days(expireAfter) <= days(rotateAfter)) {
        c.fail("rotation.expireAfter", expireAfter, `allowed: longer than rotation.rotateAfter (${rotateAfter}), so a new version exists before the old one expires`);
      }
      if (days(notifyBeforeExpiry) < 7) {
        c.fail("rotation.notifyBeforeExpiry", notifyBeforeExpiry, "allowed: at least P7D (Key Vault's minimum)");
      }
    });

    const identity = props.account.resource.identity;

    this.keyVault = new KeyVault(this, "vault", {
      name: props.keyVaultName,
      location: props.account.location,
      resourceGroupName: props.resourceGroupName,
      tenantId: clientConfig(this).tenantId,
      skuName: "premium",
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: props.softDeleteRetentionDays ?? 90,
      // Microsoft's Azure OpenAI encryption-at-rest page: "The key vault must use legacy access policies."
      rbacAuthorizationEnabled: false,
      publicNetworkAccessEnabled: false,
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
      // No `access_policy` blocks (the separate resource below manages them; the provider
      // forbids mixing both) and no `contact` (data plane; rejected on new vaults in 4.x).
      tags: governanceTags(props, props.tags),
    });

    this.accessPolicy = new KeyVaultAccessPolicyA(this, "access-policy", {
      keyVaultId: this.keyVault.id,
      tenantId: identity.tenantId,
      objectId: identity.principalId,
      keyPermissions: [...CMK_KEY_PERMISSIONS],
    });

    this.key = new AzapiResource(this, "key", {
      type: `Microsoft.KeyVault/vaults/keys@${KEY_VAULT_KEYS_API_VERSION}`,
      name: `${props.account.accountName}-cmk`.slice(0, 127),
      parentId: this.keyVault.id,
      body: {
        properties: {
          kty: "RSA-HSM",
          // Azure OpenAI accepts RSA keys of 2048 bits only.
          keySize: 2048,
          keyOps: ["wrapKey", "unwrapKey"],
          rotationPolicy: {
            attributes: { expiryTime: expireAfter },
            lifetimeActions: [
              { trigger: { timeAfterCreate: rotateAfter }, action: { type: "rotate" } },
              { trigger: { timeBeforeExpiry: notifyBeforeExpiry }, action: { type: "notify" } },
            ],
          },
        },
      },
      responseExportValues: ["properties.keyUri", "properties.keyUriWithVersion"],
    });
    this.keyUri = this.key.outputString("properties.keyUri");
    this.keyUriWithVersion = this.key.outputString("properties.keyUriWithVersion");

    this.resource = new CognitiveAccountCustomerManagedKeyA(this, "resource", {
      cognitiveAccountId: props.account.accountId,
      // Versioned on purpose: Microsoft says a rotated key must be set on the account again.
      // Refreshing the key reads its current version, so the plan after a rotation moves the
      // account to it.
      keyVaultKeyId: this.keyUriWithVersion,
      dependsOn: [this.accessPolicy],
    });
    props.account.chainOperation(this.resource);
    // The separate CMK resource owns the account's encryption; without this the account's own
    // (Optional, not Computed) `customer_managed_key` would be planned away on every other apply.
    props.account.ignoreChanges("customer_managed_key");
  }
}

/** The one `data.azurerm_client_config` of a stack, created on first use. */
function clientConfig(scope: Construct): DataAzurermClientConfig {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild("client-config");
  return (existing as DataAzurermClientConfig | undefined) ?? new DataAzurermClientConfig(stack, "client-config", {});
}
