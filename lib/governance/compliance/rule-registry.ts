import {
  AuditLogRetention,
  CognitiveCustomerManagedKey,
  CognitiveDiagnosticLogs,
  CognitiveLocalAuthDisabled,
  CognitiveOutboundRestricted,
  CognitivePrivateEndpoint,
  CognitivePublicNetworkAccessDisabled,
  DataResidencyRespected,
  DeploymentContentFilter,
  KeyVaultHardened,
  NoPrivilegedRoleAssignment,
  RequestResponseRetentionLimit,
  StorageAccountHardened,
} from "./rules";

/** The IDs of the library's rules. */
export const BUILT_IN_RULE_IDS: readonly string[] = [
  AuditLogRetention.ID,
  CognitiveCustomerManagedKey.ID,
  CognitiveDiagnosticLogs.ID,
  CognitiveLocalAuthDisabled.ID,
  CognitiveOutboundRestricted.ID,
  CognitivePrivateEndpoint.ID,
  CognitivePublicNetworkAccessDisabled.ID,
  DataResidencyRespected.ID,
  DeploymentContentFilter.ID,
  KeyVaultHardened.ID,
  NoPrivilegedRoleAssignment.ID,
  RequestResponseRetentionLimit.ID,
  StorageAccountHardened.ID,
];

// IDs of rules of your own, registered by the packs that use them.
const customRuleIds = new Set<string>();

/** Records the rule IDs a pack uses, so suppressions of custom rules are recognised. */
export function registerRuleIds(ids: Iterable<string>): void {
  for (const id of ids) if (!BUILT_IN_RULE_IDS.includes(id)) customRuleIds.add(id);
}

/** Every rule ID a suppression may name. */
export function knownRuleIds(): string[] {
  return [...BUILT_IN_RULE_IDS, ...customRuleIds];
}
