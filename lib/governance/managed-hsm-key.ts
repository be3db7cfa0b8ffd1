import { KeyVaultManagedHardwareSecurityModuleKey } from "@cdktf/provider-azurerm/lib/key-vault-managed-hardware-security-module-key";
import { KeyVaultManagedHardwareSecurityModuleKeyRotationPolicy } from "@cdktf/provider-azurerm/lib/key-vault-managed-hardware-security-module-key-rotation-policy";
import { KeyVaultManagedHardwareSecurityModuleRoleAssignment } from "@cdktf/provider-azurerm/lib/key-vault-managed-hardware-security-module-role-assignment";
import { Construct } from "constructs";
import { ManagedHsmCustomerManagedKeyProps } from "../core/features/customer-managed-key";
import { assignManagedHsmKeyRole, MANAGED_HSM_KEY_ROLE_NAMES, ManagedHsmKeyRole } from "../core/features/managed-hsm-key-role";
import { PropKeys } from "../core/known-props";
import { addPropChecks } from "../core/validation";

/** Automatic rotation of a Managed HSM key, as ISO 8601 durations in days. */
export interface ManagedHsmKeyRotation {
  /**
   * Make a new key version this long after the current one was created (at least P28D, the
   * shortest interval Managed HSM allows).
   * @default "P90D"
   */
  readonly rotateAfter?: string;
  /**
   * A rotated key version expires this long after its creation (at least P28D, longer than
   * `rotateAfter`). Generous on purpose, as for a vault key: the account moves to a new version
   * at the next deploy, and an account left on an expired version can no longer use its key.
   * Managed HSM sends no expiry notification (no Event Grid), so no `notifyBeforeExpiry` here.
   * @default "P365D"
   */
  readonly expireAfter?: string;
}

/** Props of {@link ManagedHsmKey}. */
export interface ManagedHsmKeyProps {
  /**
   * Azure resource ID of an existing, activated Managed HSM
   * (`/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/managedHSMs/<name>`).
   * Not made here: activation hands the security domain to its officers, outside Terraform.
   * It must be in the region of the accounts it serves, with purge protection on and trusted
   * Microsoft services allowed through its firewall.
   */
  readonly managedHsmId: string;
  /**
   * Name of the key (1-127 letters, digits or hyphens). Renaming it creates a new key, and a
   * Foundry project can only move to a key in the same key store.
   */
  readonly keyName: string;
  /**
   * Automatic rotation, set with the key and changeable later (the rotation policy is its own
   * resource, updated in place).
   * @default - rotate every 90 days, a rotated version expires after 365
   */
  readonly rotation?: ManagedHsmKeyRotation;
  /**
   * `prevent_destroy` on the key: without it the accounts' data is unreadable. A management lock
   * cannot protect it (a key in a Managed HSM is not a Resource Manager resource here); the HSM's
   * soft delete and purge protection are its other safeguards.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

const ISO_DAYS = /^P(\d+)D$/;
const KEY_NAME = /^[A-Za-z0-9-]{1,127}$/;
const MANAGED_HSM_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/managedHSMs\/[^/]+$/i;
/** Managed HSM's shortest automatic rotation interval and shortest expiry. */
const MIN_DAYS = 28;

/** The props ManagedHsmKey accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const MANAGED_HSM_KEY_PROP_KEYS: PropKeys<ManagedHsmKeyProps> = { managedHsmId: true, keyName: true, rotation: { rotateAfter: true, expireAfter: true }, preventDestroy: true };

/**
 * A customer-managed key in an existing Azure Key Vault Managed HSM, for teams whose policy asks
 * for a single-tenant HSM under their own security domain (FIPS 140-3 Level 3 firmware). Pass
 * {@link keyReference} to an account's `customerManagedKey`: the account gives its identity a
 * role on this key and sets it.
 *
 * - an RSA-HSM 2048 key with `wrapKey` / `unwrapKey` only (Azure OpenAI accepts RSA 2048 keys);
 * - its rotation policy (rotate after `rotation.rotateAfter`, new versions expire after
 *   `rotation.expireAfter`).
 *
 * Both are created on the HSM's data plane (`azurerm_key_vault_managed_hardware_security_module_key`
 * and `..._key_rotation_policy`): Managed HSM does not let Resource Manager manage keys unless an
 * HSM administrator opts in to that trust, which a high-assurance HSM should not. So the
 * deploying identity needs a network path to the HSM (a runner in the network, as the HSM's
 * public access is off) and local roles on it: Managed HSM Crypto User for the key and its
 * policy, and a role that writes role assignments (Managed HSM Policy Administrator or Crypto
 * Officer) for the account's role on the key. docs/SECURITY-PACK.md has the steps.
 *
 * Rotation, as with `CustomerManagedKeyVault`: the HSM makes a new version on schedule; the
 * next plan's refresh reads it ({@link keyIdWithVersion}) and the account moves to it at the
 * next apply, while the old version stays valid until it expires.
 */
export class ManagedHsmKey extends Construct {
  /** The key (`azurerm_key_vault_managed_hardware_security_module_key`, also `node.defaultChild`). */
  public readonly key: KeyVaultManagedHardwareSecurityModuleKey;
  /** The key's rotation policy. */
  public readonly rotationPolicy: KeyVaultManagedHardwareSecurityModuleKeyRotationPolicy;
  /** Azure resource ID of the HSM. */
  public readonly managedHsmId: string;
  /** Name of the key. */
  public readonly keyName: string;
  /** Versionless ID of the key (`https://<hsm>.managedhsm.azure.net/keys/<name>`). */
  public readonly keyId: string;
  /** ID of the key's current version, read on every plan (the key's `versioned_id`). */
  public readonly keyIdWithVersion: string;

  constructor(scope: Construct, id: string, props: ManagedHsmKeyProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, MANAGED_HSM_KEY_PROP_KEYS));
    const rotateAfter = props.rotation?.rotateAfter ?? "P90D";
    const expireAfter = props.rotation?.expireAfter ?? "P365D";
    this.managedHsmId = props.managedHsmId;
    this.keyName = props.keyName;

    addPropChecks(this, (c) => {
      c.required("managedHsmId", props.managedHsmId, "the resource ID of an existing Managed HSM");
      c.matches("managedHsmId", props.managedHsmId, MANAGED_HSM_ID, "a Managed HSM resource ID (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/managedHSMs/<name>)");
      c.required("keyName", props.keyName, "a key name");
      c.matches("keyName", props.keyName, KEY_NAME, "1-127 letters, digits or hyphens");
      const days = (value: string) => Number(ISO_DAYS.exec(value)?.[1] ?? NaN);
      for (const [prop, value] of [["rotation.rotateAfter", rotateAfter], ["rotation.expireAfter", expireAfter]]) {
        c.matches(prop, value, ISO_DAYS, "an ISO 8601 duration in days, such as P90D");
        if (days(value) < MIN_DAYS) c.fail(prop, value, `allowed: at least P${MIN_DAYS}D (Managed HSM's minimum)`);
      }
      if (days(expireAfter) <= days(rotateAfter)) {
        c.fail("rotation.expireAfter", expireAfter, `allowed: longer than rotation.rotateAfter (${rotateAfter}), so a new version exists before the old one expires`);
      }
    });

    this.key = new KeyVaultManagedHardwareSecurityModuleKey(this, "key", {
      name: props.keyName,
      managedHsmId: props.managedHsmId,
      keyType: "RSA-HSM",
      // Azure OpenAI accepts RSA keys of 2048 bits only.
      keySize: 2048,
      keyOpts: ["wrapKey", "unwrapKey"],
      lifecycle: {
        preventDestroy: props.preventDestroy !== false,
        // Read returns the current version's dates, and a rotated version gets an expiry from
        // the policy: without this every plan after a rotation would try to clear it (and make
        // versioned_id unknown, re-setting the accounts' key).
        ignoreChanges: ["expiration_date", "not_before_date"],
      },
    });
    this.node.defaultChild = this.key;
    this.keyId = this.key.id;
    this.keyIdWithVersion = this.key.versionedId;

    this.rotationPolicy = new KeyVaultManagedHardwareSecurityModuleKeyRotationPolicy(this, "rotation-policy", {
      managedHsmKeyId: this.key.id,
      timeAfterCreation: rotateAfter,
      expireAfter,
    });
  }

  /**
   * Gives `principalId` a local RBAC role on this key (child `role-<key>`), for a user-assigned
   * identity that reads the key for an account (`keyReference({ identityClientId })`): it needs
   * the role before the account uses the key. An account's system-assigned identity gets its
   * role from the account itself.
   */
  public grantServiceEncryption(key: string, principalId: string, role: ManagedHsmKeyRole = "ServiceEncryptionUser"): KeyVaultManagedHardwareSecurityModuleRoleAssignment {
    addPropChecks(this, (c) => c.oneOf(`grantServiceEncryption(${key}).role`, role, MANAGED_HSM_KEY_ROLE_NAMES));
    return assignManagedHsmKeyRole(this, `role-${key}`, { managedHsmId: this.managedHsmId, keyName: this.keyName, principalId, role });
  }

  /**
   * The key as an account's `customerManagedKey` prop takes it: the HSM, the key name and its
   * current version's ID (read on every plan, so a rotation reaches the account at the next
   * apply).
   */
  public keyReference(options: { readonly identityClientId?: string; readonly role?: ManagedHsmKeyRole } = {}): ManagedHsmCustomerManagedKeyProps {
    return { managedHsmId: this.managedHsmId, keyName: this.keyName, keyUriWithVersion: this.keyIdWithVersion, identityClientId: options.identityClientId, role: options.role };
  }
}
