import { KeyVaultManagedHardwareSecurityModuleRoleAssignment } from "@cdktf/provider-azurerm/lib/key-vault-managed-hardware-security-module-role-assignment";
import { Fn } from "cdktf";
import { Construct } from "constructs";

/**
 * A Managed HSM local RBAC role a service identity can get on one key:
 * - `ServiceEncryptionUser` (Managed HSM Crypto Service Encryption User): keys read, wrap and
 *   unwrap, exactly the get / wrap key / unwrap key Microsoft lists for Azure OpenAI.
 * - `CryptoUser` (Managed HSM Crypto User): every key operation but purge, recover and export;
 *   the role Microsoft's Foundry CMK page names. More than encryption at rest needs.
 */
export type ManagedHsmKeyRole = "ServiceEncryptionUser" | "CryptoUser";

/** The values {@link ManagedHsmKeyRole} takes. */
export const MANAGED_HSM_KEY_ROLE_NAMES: readonly ManagedHsmKeyRole[] = Object.freeze(["ServiceEncryptionUser", "CryptoUser"]);

/**
 * Built-in Managed HSM local RBAC roles by name and ID (Learn "Local RBAC built-in roles for
 * Managed HSM"; see docs/evidence/managed-hsm.md). These are not Azure RBAC roles: they exist
 * only inside the HSM and are assigned on its data plane.
 */
export const MANAGED_HSM_KEY_ROLES: Readonly<Record<ManagedHsmKeyRole, { readonly name: string; readonly id: string }>> = Object.freeze({
  ServiceEncryptionUser: { name: "Managed HSM Crypto Service Encryption User", id: "33413926-3206-4cdd-b39a-83574fe37a17" },
  CryptoUser: { name: "Managed HSM Crypto User", id: "21dbd100-6940-42c2-9190-5d6cb909625b" },
});

/**
 * The role definition ID in the form azurerm reads back for an HSM role assignment
 * (`/Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/<id>`), so a plan after
 * apply shows no change.
 */
export function managedHsmRoleDefinitionId(role: ManagedHsmKeyRole): string {
  return `/Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/${MANAGED_HSM_KEY_ROLES[role].id}`;
}

/** What {@link assignManagedHsmKeyRole} needs. */
export interface ManagedHsmKeyRoleAssignmentProps {
  /** Azure resource ID of the Managed HSM. */
  readonly managedHsmId: string;
  /** The key the role is scoped to (`/keys/<keyName>`). */
  readonly keyName: string;
  /** Object ID of the identity that gets the role. */
  readonly principalId: string;
  /**
   * The role.
   * @default "ServiceEncryptionUser"
   */
  readonly role?: ManagedHsmKeyRole;
}

/**
 * Gives `principalId` a local RBAC role on one key of a Managed HSM
 * (`azurerm_key_vault_managed_hardware_security_module_role_assignment`, a data-plane call: the
 * deploying identity needs a network path to the HSM and a role that may write role assignments).
 * Its name is a deterministic GUID of the HSM, the scope, the principal and the role, so a
 * second synth gives the same name.
 */
export function assignManagedHsmKeyRole(scope: Construct, id: string, props: ManagedHsmKeyRoleAssignmentProps): KeyVaultManagedHardwareSecurityModuleRoleAssignment {
  // An unknown role (a JavaScript caller) is reported by the caller's checks; build with the default.
  const role = props.role !== undefined && MANAGED_HSM_KEY_ROLE_NAMES.includes(props.role) ? props.role : "ServiceEncryptionUser";
  const keyScope = `/keys/${props.keyName}`;
  return new KeyVaultManagedHardwareSecurityModuleRoleAssignment(scope, id, {
    managedHsmId: props.managedHsmId,
    name: Fn.uuidv5("url", Fn.lower(Fn.join("|", [props.managedHsmId, keyScope, props.principalId, MANAGED_HSM_KEY_ROLES[role].id]))),
    scope: keyScope,
    roleDefinitionId: managedHsmRoleDefinitionId(role),
    principalId: props.principalId,
  });
}
