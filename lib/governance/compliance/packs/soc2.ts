import * as rules from "../rules";
import { MAX_LOG_RETENTION_DAYS } from "./limits";
import { CompliancePackOptions, PackTable, TableCompliancePack } from "./pack-table";

/** Audit-log retention SOC 2 auditors commonly expect: one year, the length of a Type II period plus its report. */
export const SOC2_AUDIT_LOG_MINIMUM_DAYS = 365;

/** Options of {@link Soc2Pack}: those of {@link CompliancePackOptions} its rules use. */
export type Soc2PackOptions = Pick<CompliancePackOptions, "auditLogMinimumDays" | "production">;

/** The SOC 2 pack as data: every rule, the controls it evidences and its level. */
const SOC2_TABLE: PackTable<"auditLogMinimumDays"> = {
  name: "SOC2",
  title: "SOC 2 Trust Services Criteria (AICPA, 2017)",
  className: "Soc2Pack",
  days: { auditLogMinimumDays: { default: SOC2_AUDIT_LOG_MINIMUM_DAYS, min: SOC2_AUDIT_LOG_MINIMUM_DAYS, max: MAX_LOG_RETENTION_DAYS } },
  entries: [
    { rule: new rules.CognitivePublicNetworkAccessDisabled(), controls: ["CC6.1"], level: "error" },
    { rule: new rules.CognitiveLocalAuthDisabled(), controls: ["CC6.1", "CC6.2"], level: "error" },
    { rule: new rules.CognitiveOutboundRestricted(), controls: ["CC6.1"], level: "warning" },
    { rule: new rules.CognitivePrivateEndpoint(), controls: ["CC6.1"], level: "error" },
    { rule: new rules.CognitiveDiagnosticLogs(), controls: ["CC7.2"], level: "error" },
    { rule: ({ auditLogMinimumDays }) => new rules.AuditLogRetention({ minimumDays: auditLogMinimumDays }), controls: ["CC7.2"], level: "error" },
    { rule: ({ production }) => new rules.CognitiveCustomerManagedKey({ production }), controls: ["CC6.1"], level: "warning" },
    { rule: new rules.NoPrivilegedRoleAssignment(), controls: ["CC6.3", "CC8.1"], level: "error" },
    { rule: new rules.StorageAccountHardened(), controls: ["CC6.1"], level: "error" },
    { rule: new rules.KeyVaultHardened(), controls: ["CC6.1", "CC9.1"], level: "error" },
    { rule: new rules.DeploymentContentFilter(), controls: ["CC8.1"], level: "error" },
    { rule: new rules.ApiGatewayPrivateOnly(), controls: ["CC6.1", "CC6.7"], level: "error" },
    { rule: new rules.ApiGatewayManagedIdentityBackends(), controls: ["CC6.1", "CC6.2"], level: "error" },
    { rule: new rules.ApiGatewayLimitsEnforced(), controls: ["CC6.1", "A1.1"], level: "warning" },
    { rule: new rules.ApiGatewayLogsExported(), controls: ["CC7.2"], level: "error" },
    { rule: new rules.ApiGatewayContentSafety(), controls: ["CC6.8"], level: "warning" },
    // Issue 28: warnings, so stacks made before these rules still synthesize; see docs/SECURITY-PACK.md.
    { rule: new rules.DefenderForAiEnabled(), controls: ["CC7.1", "CC7.2"], level: "warning" },
    { rule: new rules.ContentFilterPromptShields(), controls: ["CC6.8", "PI1.3"], level: "warning" },
    { rule: new rules.CognitiveStoredCompletionsDisabled(), controls: ["C1.1", "P4.1"], level: "warning" },
  ],
};

/**
 * SOC 2 (AICPA Trust Services Criteria, 2017): CC6.1 logical and network access, CC6.2
 * credentials, CC6.3 least privilege, CC7.2 monitoring, CC8.1 change management (no standing
 * Owner/Contributor that bypasses the pipeline; no deployment leaves its account's reviewed
 * content filter without a stated reason), CC9.1 disruption (a purge-protected key).
 * A customer-managed key and restricted outbound access are warnings: SOC 2 does not mandate them.
 * The AI gateway: private only is CC6.1 (network access, like the accounts' private endpoints)
 * and CC6.7 (TLS 1.2+ in transit); keyless managed-identity backends and no subscriptions are
 * CC6.1 and CC6.2 (no shared credentials to issue, rotate or revoke); exported gateway logs are
 * CC7.2 (the record of every call). Its limits rule is a warning under CC6.1 (Entra token
 * validation) and A1.1 (capacity per workload and environment): a hardening, as the accounts
 * already refuse keys and the gateway is reachable only from the private network.
 */
export class Soc2Pack extends TableCompliancePack<"auditLogMinimumDays"> {
  constructor(options: Soc2PackOptions = {}) {
    super(SOC2_TABLE, options);
  }
}
