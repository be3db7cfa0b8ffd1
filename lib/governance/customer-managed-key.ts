import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { AzapiResource } from "../core/azapi";
import { moveFromLegacyType } from "../core/legacy-type-move";
import { CustomerManagedKeyProps } from "../core/features/customer-managed-key";
import { DiagnosticSettingsProps } from "../core/features/diagnostic-settings";
import { applyLock, LockProps } from "../core/features/lock";
import { addPropChecks } from "../core/validation";
import { applyRoleAssignments, RoleAssignmentsProps } from "../identity/role-assignments-prop";
import { IRoleTarget } from "../identity/role-target";
import { addDiagnosticSettings, ResourceDiagnosticSetting } from "../monitoring/diagnostic-setting";
import { KEY_VAULT_DIAGNOSTICS, KeyVaultLogCategory } from "../monitoring/log-categories";
import { clientConfig } from "./private/client-config";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";
import { PropKeys } from "../core/known-props";

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

/** Props of {@link CustomerManagedKeyVault}. */
export interface CustomerManagedKeyVaultProps {
  /** Key Vault name: 3-24 letters, digits or single hyphens, globally unique. */
  readonly name: string;
  /** Resource group of the vault. */
  readonly resourceGroupName: string;
  /** Azure location: the region of the accounts whose data the key encrypts. */
  readonly location: string;
  /**
   * Name of the key in the vault (1-127 letters, digits or hyphens). Renaming it creates a new
   * key; keep the name an existing key has (the platform used `<account name>-cmk`).
   */
  readonly keyName: string;
  /**
   * Key rotation. Fixed when the key is created: Resource Manager's key PUT
   * (`Keys_CreateIfNotExist`) "does not update existing keys", so the key resource ignores later
   * changes of its rotation policy (azapi `ignore_body_changes`); make a change on the data plane
   * (`az keyvault key rotation-policy update`, from a network path to the vault) and here alike;
   * see docs/DELIVERY.md.
   * @default - rotate every 90 days, expire after 365, notify 30 days before
   */
  readonly rotation?: KeyRotation;
  /**
   * Days a deleted vault or key can be recovered (7-90).
   * @default 90
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Entra tenant of the vault.
   * @default - the tenant Terraform runs in (`data.azurerm_client_config`)
   */
  readonly tenantId?: string;
  /**
   * Protection from deletion: `prevent_destroy` and a CanNotDelete lock on the vault. Without
   * the vault (and its key) an encrypted account's data is unreadable.
   * @default - none
   */
  readonly lock?: LockProps;
  /**
   * Diagnostic settings of the vault, by stable key: categories `AuditEvent` and
   * `AzurePolicyEvaluationDetails`, or the category group `audit`.
   * @default - none
   */
  readonly diagnosticSettings?: DiagnosticSettingsProps<KeyVaultLogCategory>;
  /**
   * Roles on the vault, by a stable key of your choice. The vault uses legacy access policies
   * (Azure OpenAI requires them), so data-plane roles such as Key Vault Crypto User grant
   * nothing; control-plane roles (Reader) do.
   * @default - none
   */
  readonly roleAssignments?: RoleAssignmentsProps;
}

const ISO_DAYS = /^P(\d+)D$/;
const KEY_NAME = /^[A-Za-z0-9-]{1,127}$/;

/**
 * API version of `Microsoft.KeyVault/vaults/keys` used to create the key through Resource
 * Manager. 2023-07-01 is a stable version whose `KeyProperties` include `rotationPolicy`,
 * `keyUri` and `keyUriWithVersion` (azure-rest-api-specs,
 * specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2023-07-01/keys.json).
 */
export const KEY_VAULT_KEYS_API_VERSION = "2023-07-01";

/** The props CustomerManagedKeyVault accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const CUSTOMER_MANAGED_KEY_VAULT_PROP_KEYS: PropKeys<CustomerManagedKeyVaultProps> = { name: true, resourceGroupName: true, location: true, keyName: true, rotation: true, softDeleteRetentionDays: true, tenantId: true, lock: LOCK_PROP_KEYS, diagnosticSettings: true, roleAssignments: true };

/**
 * A Key Vault and a key that satisfy Azure OpenAI's customer-managed key requirements, set up
 * entirely through Azure Resource Manager, so neither the deploying nor the planning identity
 * needs the vault's data plane or a network path to it. It touches no account: pass
 * {@link keyReference} to the account's `customerManagedKey` prop, which gives the account's
 * identity its access policy and sets the key.
 *
 * - a Key Vault (Premium, purge protection, soft delete, no public network, trusted Microsoft
 *   services through its firewall) using **access policies**, as Microsoft's Azure OpenAI
 *   encryption-at-rest page requires ("The key vault must use legacy access policies");
 * - an RSA-HSM 2048 key (the only RSA size Azure OpenAI accepts) with a rotation policy,
 *   created as `Microsoft.KeyVault/vaults/keys` through azapi (`azapi_resource`).
 *
 * What rotates by itself and what needs a deploy: Key Vault creates a new key version on
 * schedule (`rotation.rotateAfter`). The next plan's refresh reads the key's current version
 * through Resource Manager ({@link keyUriWithVersion}), so the account moves to it at the next
 * apply. Until then it keeps using the old version, which stays valid until `rotation.expireAfter`.
 */
export class CustomerManagedKeyVault extends Construct implements IRoleTarget {
  /** The `azurerm_key_vault` resource (also `node.defaultChild`). */
  public readonly keyVault: KeyVault;
  /** The key, an `azapi_resource` of type `Microsoft.KeyVault/vaults/keys`. */
  public readonly key: AzapiResource;
  /** Azure resource ID of the vault. */
  public readonly keyVaultId: string;
  /** Azure location of the vault. */
  public readonly location: string;
  /** URI of the key without a version (`properties.keyUri`), as a Terraform expression. */
  public readonly keyUri: string;
  /**
   * URI of the key's current version (`properties.keyUriWithVersion`), refreshed on every plan.
   * Resource Manager writes it with the port (`https://<vault>.vault.azure.net:443/keys/...`).
   */
  public readonly keyUriWithVersion: string;
  /**
   * The same versioned key ID without the port (`https://<vault>.vault.azure.net/keys/<name>/<version>`):
   * the form azurerm reads back into `key_vault_key_id` of a customer-managed key, so an account
   * given this ID shows no change on the next plan. {@link keyReference} uses it.
   */
  public readonly keyIdWithVersion: string;
  /** The CanNotDelete lock on the vault, when `lock` asks for one. */
  public readonly lock?: ManagementLock;
  /** The vault's diagnostic settings, by key. */
  public readonly diagnosticSettings: Readonly<Record<string, ResourceDiagnosticSetting>>;

  constructor(scope: Construct, id: string, props: CustomerManagedKeyVaultProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, CUSTOMER_MANAGED_KEY_VAULT_PROP_KEYS));
    const rotation = props.rotation ?? {};
    const rotateAfter = rotation.rotateAfter ?? "P90D";
    const expireAfter = rotation.expireAfter ?? "P365D";
    const notifyBeforeExpiry = rotation.notifyBeforeExpiry ?? "P30D";
    this.location = props.location;

    addPropChecks(this, (c) => {
      c.name("name", "keyVault", props.name);
      c.required("location", props.location, "an Azure location");
      c.matches("keyName", props.keyName, KEY_NAME, "1-127 letters, digits or hyphens");
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

    this.keyVault = new KeyVault(this, "vault", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      tenantId: props.tenantId ?? clientConfig(this).tenantId,
      skuName: "premium",
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: props.softDeleteRetentionDays ?? 90,
      // Microsoft's Azure OpenAI encryption-at-rest page: "The key vault must use legacy access policies."
      rbacAuthorizationEnabled: false,
      publicNetworkAccessEnabled: false,
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
      // No `access_policy` blocks (the account's separate access policy resource manages them;
      // the provider forbids mixing both) and no `contact` (data plane; rejected on new vaults in 4.x).
    });
    this.node.defaultChild = this.keyVault;
    this.keyVaultId = this.keyVault.id;

    this.key = new AzapiResource(this, "key", {
      type: `Microsoft.KeyVault/vaults/keys@${KEY_VAULT_KEYS_API_VERSION}`,
      name: props.keyName,
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
      // Key Vault may echo the action types in another casing (`Rotate`); and the PUT cannot
      // change an existing key's rotation policy, so a change there would never converge.
      ignoreCasing: true,
      ignoreBodyChanges: ["properties.rotationPolicy"],
    });
    // 0.1 made this key as azurerm_key_vault_key at the same construct path: azapi 2.x moves
    // that state into azapi_resource (Terraform >= 1.8), so the key is neither destroyed nor
    // imported by hand.
    moveFromLegacyType(this.key, "azurerm_key_vault_key");
    this.keyUri = this.key.outputString("properties.keyUri");
    this.keyUriWithVersion = this.key.outputString("properties.keyUriWithVersion");
    // azurerm's read-back of the account's key ID drops the port (keyvault/parse/nested_item.go).
    this.keyIdWithVersion = Fn.replace(this.keyUriWithVersion, ":443/", "/");

    this.lock = applyLock(this, this.keyVault, props.lock);
    this.diagnosticSettings = addDiagnosticSettings(
      this,
      { targetResourceId: this.keyVault.id, location: props.location },
      props.diagnosticSettings,
      KEY_VAULT_DIAGNOSTICS,
    );
    applyRoleAssignments(this, props.roleAssignments);
  }

  /** The role scope: the vault's resource ID. */
  public get scopeId(): string {
    return this.keyVaultId;
  }

  /**
   * The key as an account's `customerManagedKey` prop takes it: the vault's ID and the key's
   * versioned ID without the port ({@link keyIdWithVersion}; Microsoft: a rotated key must be set
   * on the account again, and the version read on every plan does that at the next apply).
   */
  public keyReference(options: { readonly identityClientId?: string } = {}): CustomerManagedKeyProps {
    return { keyVaultId: this.keyVaultId, keyUriWithVersion: this.keyIdWithVersion, identityClientId: options.identityClientId };
  }
}
