import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultAccessPolicyA as KeyVaultAccessPolicy } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { blocks, booleanProblem, describeValue, firstBlock, ResourceAttributes, strings } from "../values";

/** Key permissions a customer-managed-key identity needs (Microsoft: get, wrap key, unwrap key). */
const ALLOWED_KEY_PERMISSIONS = ["get", "wrapkey", "unwrapkey"];
const OTHER_PERMISSIONS = ["secret_permissions", "certificate_permissions", "storage_permissions"] as const;

/**
 * Key vaults holding customer-managed keys are hardened:
 * - purge protection on (a deleted or purged key would make the encrypted data unreadable);
 *   soft delete cannot be turned off on Key Vault, so only its retention (7-90 days) is checked;
 * - no public network access, the firewall denying by default and letting trusted Microsoft
 *   services through (Azure OpenAI reaches the key as a trusted service; Microsoft's Azure
 *   OpenAI encryption-at-rest page requires it when the firewall is used);
 * - authorization either by RBAC (`rbac_authorization_enabled`, or the deprecated
 *   `enable_rbac_authorization`) or by access policies that grant keys only Get, WrapKey and
 *   UnwrapKey and nothing on secrets, certificates or storage. Azure OpenAI needs the access
 *   policy model ("The key vault must use legacy access policies"), so the least-privilege
 *   check is what keeps that model honest. Both inline `access_policy` blocks and
 *   `azurerm_key_vault_access_policy` resources on the vault are judged.
 */
export const KeyVaultHardened = defineRule({
  id: "KeyVaultHardened",
  description:
    "Key vaults set purge_protection_enabled true and public_network_access_enabled false, deny by default with the trusted-services bypass, and authorize by RBAC or by access policies limited to the key permissions Get, WrapKey and UnwrapKey.",
  fix:
    "Use CustomerManagedKeyVault, which makes the vault this way (purge protection, no public network access, firewall default Deny with the AzureServices bypass), and grant access only through OpenAiAccount's customerManagedKey (an access policy with key permissions Get, WrapKey and UnwrapKey); a vault of your own needs the same settings.",
  resourceTypes: [KeyVault.tfResourceType],
  evaluate(resource, context) {
    const attributes = context.attributes(resource);
    const acls = firstBlock(attributes.network_acls);
    const retention = attributes.soft_delete_retention_days;
    const problems: (string | undefined)[] = [
      booleanProblem(attributes, "purge_protection_enabled", true),
      typeof retention === "number" && (retention < 7 || retention > 90) ? `soft_delete_retention_days is ${retention} (required: 7-90)` : undefined,
      booleanProblem(attributes, "public_network_access_enabled", false),
      acls?.default_action === "Deny" ? undefined : `network_acls.default_action is ${describeValue(acls?.default_action)} (required: "Deny")`,
      acls?.bypass === "AzureServices" ? undefined : `network_acls.bypass is ${describeValue(acls?.bypass)} (required: "AzureServices", so trusted services such as Azure OpenAI reach the key)`,
    ];

    const rbac = attributes.rbac_authorization_enabled === true || attributes.enable_rbac_authorization === true;
    const separate = context.referencing(KeyVaultAccessPolicy.tfResourceType, context.reference(resource), (a) => a.key_vault_id);
    const policies: [string, ResourceAttributes][] = [
      ...blocks(attributes.access_policy).map((p, i): [string, ResourceAttributes] => [`access_policy[${i}]`, p]),
      ...separate.map((p): [string, ResourceAttributes] => [p.node.path, context.attributes(p)]),
    ];
    if (!rbac) problems.push(...policies.map(([name, policy]) => policyProblem(name, policy)));

    const found = problems.filter((p): p is string => p !== undefined);
    if (found.length > 0) return nonCompliant(found.join("; "));
    if (rbac) return compliant("RBAC authorization");
    return compliant(
      policies.length === 0
        ? "access policies, none granted"
        : `access policies limited to key permissions ${CANONICAL.join(", ")}: ${policies.map(([name]) => name).join(", ")}`,
    );
  },
});
/** A constructed {@link KeyVaultHardened} rule. */
export type KeyVaultHardened = InstanceType<typeof KeyVaultHardened>;

const CANONICAL = ["Get", "WrapKey", "UnwrapKey"];

function policyProblem(name: string, policy: ResourceAttributes): string | undefined {
  const extra = strings(policy.key_permissions).filter((p) => !ALLOWED_KEY_PERMISSIONS.includes(p.toLowerCase()));
  const others = OTHER_PERMISSIONS.filter((attribute) => strings(policy[attribute]).length > 0);
  const parts = [
    extra.length > 0 ? `key permissions ${extra.join(", ")}` : undefined,
    ...others.map((attribute) => `${attribute} ${strings(policy[attribute]).join(", ")}`),
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? `${name} grants ${parts.join("; ")} (allowed: key permissions ${CANONICAL.join(", ")} only)` : undefined;
}
