/**
 * The keys under which constructs record an acknowledged weakening (`acknowledgeWeakening` in `core/justification`)
 * and compliance rules name the weakenings that acknowledge them (`ComplianceRule.acknowledgedBy`).
 * Both sides import the keys from here, so neither knows the other.
 */
export const WEAKENING_KEYS = Object.freeze({
  /** An Azure OpenAI account reachable from public networks (`OpenAiAccount` `securityExceptions.publicNetworkAccess`). */
  publicNetworkAccess: "publicNetworkAccess",
  /** An Azure OpenAI account that accepts API keys (`OpenAiAccount` `securityExceptions.localAuth`). */
  localAuth: "localAuth",
  /** An Azure OpenAI account whose outbound calls are not restricted (`OpenAiAccount` `securityExceptions.unrestrictedOutbound`). */
  unrestrictedOutbound: "unrestrictedOutbound",
  /** An account that keeps stored completions on (`OpenAiAccount` `storedCompletions`). */
  storedCompletions: "storedCompletions",
  /** An environment that leaves Defender for AI to a central security team (`defenderForAi: { managedCentrally }`). */
  defenderForAiCentral: "defenderForAiCentral",
  /** A deployment that leaves its account's content filter (`ModelDeployment` `contentFilterOverride`). */
  contentFilterOverride: "contentFilterOverride",
  /** A privileged built-in role assigned on purpose (`RbacAssignment` `privileged`). */
  privilegedRole: "privilegedRole",
  /** A storage account that accepts shared keys and SAS (`RetentionArchive` `securityExceptions.sharedKeyAccess`). */
  storageSharedKeyAccess: "storageSharedKeyAccess",
  /** A storage account whose public endpoint is on for trusted Azure services only (`RetentionArchive`, always). */
  storageTrustedServicesEndpoint: "storageTrustedServicesEndpoint",
  /** A Log Analytics workspace that accepts its shared keys (`AuditWorkspace` `securityExceptions.localAuth`). */
  workspaceLocalAuth: "workspaceLocalAuth",
  /** A Log Analytics workspace readable through resource-context access (`AuditWorkspace` `securityExceptions.resourceContextAccess`). */
  workspaceResourceContextAccess: "workspaceResourceContextAccess",
  /** A Log Analytics workspace that accepts ingestion from public networks (`AuditWorkspace` `securityExceptions.internetIngestion`). */
  workspaceInternetIngestion: "workspaceInternetIngestion",
  /** A Log Analytics workspace with a daily ingestion cap, which can drop audit logs (`AuditWorkspace` `dailyCap`). */
  workspaceDailyCap: "workspaceDailyCap",
  /** An AI gateway reachable from public networks instead of the internal VNet (`OpenAiGateway` `publicGateway`). */
  gatewayPublicNetwork: "gatewayPublicNetwork",
  /** A gateway workload whose prompts skip the gateway's content safety check (`OpenAiGateway` `workloads[].contentSafetyOptOut`). */
  gatewayContentSafetyOptOut: "gatewayContentSafetyOptOut",
} as const);
