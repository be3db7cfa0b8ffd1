import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultAccessPolicyA } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { AzapiResource } from "../core/azapi";
import { moveFromLegacyType } from "../core/legacy-type-move";
import { CustomerManagedKeyProps } from "../core/features/customer-managed-key";
import { DiagnosticSettingsProps } from "../core/features/diagnostic-settings";
import { applyLock, LockProps } from "../core/features/lock";
import { addPropChecks, constructKeyProblem, isToken } from "../core/validation";
import { IGrantee } from "../identity/principal";
import { RbacAssignment } from "../identity/role-assignment";
import { applyRoleAssignments, RoleAssignmentsProps } from "../identity/role-assignments-prop";
import { ResourceRoleTarget } from "../identity/resource-role-target";
import { IRoleTarget } from "../identity/role-target";
import { CMK_KEY_PERMISSIONS } from "../openai/openai-account";
import { addDiagnosticSettings, ResourceDiagnosticSetting } from "../monitoring/diagnostic-setting";
import { KEY_VAULT_DIAGNOSTICS, KeyVaultLogCategory } from "../monitoring/log-categories";
import { clientConfig } from "../core/client-config";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";
import { PropKeys } from "../core/known-props";
import { checkImportedAttributes } from "../core/imported-attributes";

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

/** What a vault made elsewhere is known by, for {@link CustomerManagedKeyVault.fromKeyVaultAttributes}. */
export interface CustomerManagedKeyVaultAttributes {
  /** Azure resource ID of the Key Vault. */
  readonly keyVaultId: string;
  /** Azure location of the vault. */
  readonly location: string;
}

/**
 * A Key Vault roles can be granted on: a {@link CustomerManagedKeyVault}, or one made elsewhere
 * ({@link CustomerManagedKeyVault.fromKeyVaultAttributes}).
 */
export interface ICustomerManagedKeyVault extends IRoleTarget {
  /** Azure resource ID of the vault. */
  readonly keyVaultId: string;
  /** Azure location of the vault. */
  readonly location: string;
  /**
   * Lets `grantee` read the vault's control plane (its properties, not keys or secrets): Reader.
   * Not Key Vault Reader, which works only on vaults using the RBAC permission model and also
   * carries `Microsoft.Insights/alertRules/*`, `Microsoft.Resources/deployments/*` and `Microsoft.Support/*`.
   */
  grantRead(grantee: IGrantee): RbacAssignment;
}

/** What a made and an imported vault share: the role scope and the grants. */
export abstract class CustomerManagedKeyVaultBase extends ResourceRoleTarget implements ICustomerManagedKeyVault {
  /** Azure resource ID of the vault. */
  public abstract readonly keyVaultId: string;

  /** The role scope: the vault's resource ID. */
  public get scopeId(): string {
    return this.keyVaultId;
  }
}

/** The attributes an imported vault accepts; another key fails the synth (see PropChecks.knownProps). */
const CUSTOMER_MANAGED_KEY_VAULT_ATTRIBUTE_KEYS: PropKeys<CustomerManagedKeyVaultAttributes> = { keyVaultId: true, location: true };

/** A vault made elsewhere, known by its ID: a role scope, no resources. */
class ImportedCustomerManagedKeyVault extends CustomerManagedKeyVaultBase {
  public readonly keyVaultId: string;
  public readonly location: string;

  constructor(scope: Construct, id: string, attributes: CustomerManagedKeyVaultAttributes) {
    super(scope, id);
    checkImportedAttributes(this, attributes, CUSTOMER_MANAGED_KEY_VAULT_ATTRIBUTE_KEYS, { prop: "keyVaultId", what: "the Azure resource ID of a Key Vault" });
    this.keyVaultId = attributes.keyVaultId;
    this.location = attributes.location;
  }
}

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
export class CustomerManagedKeyVault extends CustomerManagedKeyVaultBase {
  /**
   * A vault made elsewhere (another stack, a central team), to grant roles on. It creates
   * nothing; grants become children of the returned construct.
   */
  public static fromKeyVaultAttributes(scope: Construct, id: string, attributes: CustomerManagedKeyVaultAttributes): ICustomerManagedKeyVault {
    return new ImportedCustomerManagedKeyVault(scope, id, attributes);
  }

  /** The `azurerm_key_vault` resource (also `node.defaultChild`). */
  public readonly resource: KeyVault;
  /**
   * The `azurerm_key_vault` resource.
   * @deprecated Use {@link CustomerManagedKeyVault.resource}, the name every construct gives its L1 resource.
   */
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
  /** The assignments of `roleAssignments`, in key order. */
  public readonly roleAssignments: readonly RbacAssignment[];

  private readonly keyGrants = new Map<string, KeyVaultAccessPolicyA>();

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

    this.resource = new KeyVault(this, "vault", {
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
    this.keyVault = this.resource;
    this.node.defaultChild = this.resource;
    this.keyVaultId = this.resource.id;

    this.key = new AzapiResource(this, "key", {
      type: `Microsoft.KeyVault/vaults/keys@${KEY_VAULT_KEYS_API_VERSION}`,
      name: props.keyName,
      parentId: this.resource.id,
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

    this.lock = applyLock(this, this.resource, props.lock);
    this.diagnosticSettings = addDiagnosticSettings(
      this,
      { targetResourceId: this.resource.id, location: props.location },
      props.diagnosticSettings,
      KEY_VAULT_DIAGNOSTICS,
    );
    this.roleAssignments = applyRoleAssignments(this, props.roleAssignments);
  }

  /**
   * Lets `grantee` encrypt data at rest with the vault's keys: an access policy
   * (`azurerm_key_vault_access_policy`, child `key-wrap-unwrap-<grantee key>`) with key
   * permissions Get, WrapKey and UnwrapKey and nothing else, the permissions Microsoft lists for
   * a customer-managed key. An access policy, not Key Vault Crypto Service Encryption User: that
   * role "only works for key vaults that use the Azure role-based access control permission
   * model", and this vault uses access policies, as Azure OpenAI requires. Use it for a
   * user-assigned identity (`keyReference({ identityClientId })`); an account's system-assigned
   * identity gets its policy from the account's `customerManagedKey`, and a second policy for
   * the same principal would conflict at apply. Granting one principal twice returns the first.
   */
  public grantKeyWrapUnwrap(grantee: IGrantee): KeyVaultAccessPolicyA {
    const existing = this.keyGrants.get(grantee.principalId);
    if (existing) return existing;
    const granteeKey = grantee.granteeKey ?? (isToken(grantee.principalId) ? undefined : grantee.principalId);
    const id = `key-wrap-unwrap-${granteeKey ?? "unkeyed"}`;
    const taken = this.node.tryFindChild(id) !== undefined;
    const policy = new KeyVaultAccessPolicyA(this, taken ? `${id}-${this.keyGrants.size + 1}` : id, {
      keyVaultId: this.keyVaultId,
      tenantId: this.resource.tenantId,
      objectId: grantee.principalId,
      keyPermissions: [...CMK_KEY_PERMISSIONS],
    });
    this.keyGrants.set(grantee.principalId, policy);
    // The construct ID becomes the Terraform address: it must come from a stable key.
    addPropChecks(this, (c) => {
      const path = `grantKeyWrapUnwrap(${granteeKey ?? "?"}).granteeKey`;
      if (granteeKey === undefined) c.fail(path, undefined, "allowed: a stable key, required when principalId is a Terraform reference");
      else if (constructKeyProblem(granteeKey) !== undefined) c.fail(path, granteeKey, constructKeyProblem(granteeKey)!);
      else if (taken) c.fail(path, granteeKey, "allowed: a key no other principal granted key wrap/unwrap on this vault uses");
    });
    return policy;
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
