import { CognitiveAccountCustomerManagedKeyA } from "@cdktf/provider-azurerm/lib/cognitive-account-customer-managed-key";
import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultKey } from "@cdktf/provider-azurerm/lib/key-vault-key";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { nameProblem } from "../core/naming";
import { governanceTags, GovernanceTagProps } from "../core/tags";
import { addPropChecks } from "../core/validation";
import { grantRole } from "../identity/grants";
import { RbacAssignment } from "../identity/role-assignment";
import { RoleScope } from "../identity/role-target";
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
   * purpose: whether Azure OpenAI moves to a new version by itself is not confirmed, and an
   * expired version it still uses would stop the account.
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
   * Key rotation.
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
 * A customer-managed key for an Azure OpenAI account, in the account's region: a Key Vault
 * (Premium, purge protection, RBAC authorization, no public network, trusted services only), an
 * RSA-HSM 2048 key (the only size Azure OpenAI accepts) with automatic rotation, the account's identity granted Key Vault Crypto
 * Service Encryption User on the vault, and `azurerm_cognitive_account_customer_managed_key`
 * with the versionless key ID (so rotations apply without a change), ordered after the grant and
 * after every earlier operation on the account.
 *
 * The key is created through the vault's data plane: the deploying identity needs Key Vault
 * Crypto Officer on the vault and a network path to it (a runner inside a VNet with a private
 * endpoint to the vault, as the vault refuses public traffic). See docs/DELIVERY.md.
 */
export class CustomerManagedKey extends Construct {
  /** The vault. */
  public readonly keyVault: KeyVault;
  /** The key. */
  public readonly key: KeyVaultKey;
  /** The account identity's grant on the vault. */
  public readonly grant: RbacAssignment;
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
    });

    this.keyVault = new KeyVault(this, "vault", {
      name: props.keyVaultName,
      location: props.account.location,
      resourceGroupName: props.resourceGroupName,
      tenantId: clientConfig(this).tenantId,
      skuName: "premium",
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: props.softDeleteRetentionDays ?? 90,
      rbacAuthorizationEnabled: true,
      publicNetworkAccessEnabled: false,
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
      tags: governanceTags(props, props.tags),
    });

    this.key = new KeyVaultKey(this, "key", {
      name: `${props.account.accountName}-cmk`.slice(0, 127),
      keyVaultId: this.keyVault.id,
      keyType: "RSA-HSM",
      // Azure OpenAI accepts RSA keys of 2048 bits only.
      keySize: 2048,
      keyOpts: ["wrapKey", "unwrapKey"],
      rotationPolicy: {
        expireAfter,
        notifyBeforeExpiry,
        automatic: { timeAfterCreation: rotateAfter },
      },
    });

    this.grant = grantRole(
      new RoleScope(this, "vault-scope", { scopeId: this.keyVault.id }),
      { principalId: props.account.resource.identity.principalId, principalType: "ServicePrincipal", granteeKey: `${props.account.location}-openai` },
      "KeyVaultCryptoServiceEncryptionUser",
    );

    this.resource = new CognitiveAccountCustomerManagedKeyA(this, "resource", {
      cognitiveAccountId: props.account.accountId,
      keyVaultKeyId: this.key.versionlessId,
      dependsOn: [this.grant.resource],
    });
    props.account.chainOperation(this.resource);
  }
}

/** The one `data.azurerm_client_config` of a stack, created on first use. */
function clientConfig(scope: Construct): DataAzurermClientConfig {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild("client-config");
  return (existing as DataAzurermClientConfig | undefined) ?? new DataAzurermClientConfig(stack, "client-config", {});
}
