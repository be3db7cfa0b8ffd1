import { PropChecks } from "../validation";

/**
 * The `managedIdentities` feature prop: the identities a resource authenticates with, so it
 * needs no keys. The same shape on every construct that has an identity.
 */
export interface ManagedIdentitiesProps {
  /**
   * Give the resource a system-assigned identity.
   * @default true
   */
  readonly systemAssigned?: boolean;
  /**
   * User-assigned identities to attach (Azure resource IDs), for example the identity a
   * customer-managed key is read with.
   * @default - none
   */
  readonly userAssignedResourceIds?: readonly string[];
}

/** The provider's `identity` block for `identities`, or undefined when there is none. */
export function identityBlock(identities: ManagedIdentitiesProps = {}): { type: string; identityIds?: string[] } | undefined {
  const systemAssigned = identities.systemAssigned ?? true;
  const user = [...(identities.userAssignedResourceIds ?? [])];
  if (!systemAssigned && user.length === 0) return undefined;
  const type = systemAssigned && user.length > 0 ? "SystemAssigned, UserAssigned" : systemAssigned ? "SystemAssigned" : "UserAssigned";
  return { type, identityIds: user.length > 0 ? user : undefined };
}

/** Reports identities that leave the resource none (Entra ID authentication needs one). */
export function checkManagedIdentities(c: PropChecks, identities: ManagedIdentitiesProps | undefined): void {
  if (identities?.systemAssigned === false && (identities.userAssignedResourceIds ?? []).length === 0) {
    c.fail("managedIdentities", identities, "allowed: a system-assigned identity, user-assigned identities, or both (Entra ID needs one)");
  }
  c.unique("managedIdentities.userAssignedResourceIds", identities?.userAssignedResourceIds ?? [], "identity", { ignoreCase: true });
}
