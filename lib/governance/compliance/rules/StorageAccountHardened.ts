import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { TerraformResource } from "cdktf";
import type { RuleContext } from "../context";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { blocks, booleanProblem, describeValue, firstBlock, ResourceAttributes, strings } from "../values";

/** TLS versions a hardened storage account may require as its minimum. */
const ACCEPTED_TLS = ["TLS1_2", "TLS1_3"];

/**
 * Storage accounts (log archives, batch files) are hardened: TLS 1.2 or later, no anonymous
 * blob access, no shared keys (Entra ID only), a second layer of encryption at rest, and no
 * public network access. Every setting must be explicit: most provider defaults are the weak ones.
 *
 * One exception is accepted and reported: a storage account whose construct (or a scope of it)
 * recorded the `storageTrustedServicesEndpoint` weakening, with a reason, because its public
 * endpoint exists for trusted Azure services, as a log archive must for Azure Monitor to deliver,
 * may have the endpoint on when its firewall is `default_action = "Deny"`, `bypass = ["AzureServices"]`
 * and it has no IP, VNet or resource-instance rules. The finding stays compliant, with the reason
 * in its detail. The `storageSharedKeyAccess` weakening acknowledges (suppresses) a break.
 */
export const StorageAccountHardened = defineRule({
  id: "StorageAccountHardened",
  description:
    "Storage accounts set min_tls_version TLS1_2, allow_nested_items_to_be_public false, public_network_access_enabled false (or, for a stated trusted-services endpoint such as a log archive, true with network_rules Deny, bypass AzureServices only and no IP/VNet rules), shared_access_key_enabled false and infrastructure_encryption_enabled true.",
  fix:
    "Use RetentionArchive for log archives: it requires TLS 1.2, refuses public blobs and shared keys (unless securityExceptions.sharedKeyAccess), adds infrastructure encryption and keeps its public endpoint for trusted Azure services only (firewall Deny, bypass AzureServices, no IP or VNet rules); any other storage account needs the same settings, with public network access off.",
  resourceTypes: [StorageAccount.tfResourceType],
  acknowledgedBy: [WEAKENING_KEYS.storageSharedKeyAccess],
  evaluate(resource, context) {
    const attributes = context.attributes(resource);
    const tls = attributes.min_tls_version;
    const statedReason = trustedServicesReason(resource, context);
    const publicEndpoint = attributes.public_network_access_enabled === true && statedReason !== undefined
      ? trustedServicesFirewallProblems(attributes)
      : [booleanProblem(attributes, "public_network_access_enabled", false)];
    const problems = [
      typeof tls === "string" && ACCEPTED_TLS.includes(tls) ? undefined : `min_tls_version is ${describeValue(tls)} (required: "TLS1_2")`,
      booleanProblem(attributes, "allow_nested_items_to_be_public", false),
      ...publicEndpoint,
      booleanProblem(attributes, "shared_access_key_enabled", false),
      booleanProblem(attributes, "infrastructure_encryption_enabled", true),
    ].filter((p): p is string => p !== undefined);
    if (problems.length > 0) return nonCompliant(problems.join("; "));
    return attributes.public_network_access_enabled === true
      ? compliant(
          `acknowledged weakening: public_network_access_enabled is true for trusted Azure services only ` +
            `(network_rules default_action Deny, bypass AzureServices, no IP or VNet rules); reason: ${statedReason}`,
        )
      : compliant();
  },
});
/** A constructed {@link StorageAccountHardened} rule. */
export type StorageAccountHardened = InstanceType<typeof StorageAccountHardened>;

/** The stated reason of a trusted-services public endpoint of the resource, when long enough. */
function trustedServicesReason(resource: TerraformResource, context: RuleContext): string | undefined {
  return context.acknowledgedWeakening(resource, WEAKENING_KEYS.storageTrustedServicesEndpoint)?.reason;
}

/** What keeps an enabled public endpoint from being trusted-services only. */
function trustedServicesFirewallProblems(attributes: ResourceAttributes): (string | undefined)[] {
  const rules = firstBlock(attributes.network_rules);
  if (!rules) return ["public_network_access_enabled is true without network_rules (required: default_action \"Deny\", bypass [\"AzureServices\"])"];
  const bypass = strings(rules.bypass);
  const ipRules = strings(rules.ip_rules);
  const subnets = strings(rules.virtual_network_subnet_ids);
  const instances = blocks(rules.private_link_access);
  return [
    rules.default_action === "Deny" ? undefined : `network_rules.default_action is ${describeValue(rules.default_action)} (required: "Deny")`,
    bypass.length === 1 && bypass[0] === "AzureServices" ? undefined : `network_rules.bypass is ${describeValue(rules.bypass)} (required: ["AzureServices"])`,
    ipRules.length === 0 ? undefined : `network_rules.ip_rules is ${describeValue(rules.ip_rules)} (required: none on a trusted-services endpoint)`,
    subnets.length === 0 ? undefined : `network_rules.virtual_network_subnet_ids is ${describeValue(rules.virtual_network_subnet_ids)} (required: none on a trusted-services endpoint)`,
    instances.length === 0 ? undefined : "network_rules.private_link_access is set (required: none on a trusted-services endpoint)",
  ];
}
