import * as rules from "../rules";
import { MAX_LOG_RETENTION_DAYS } from "./limits";
import { CompliancePackOptions, PackTable, TableCompliancePack } from "./pack-table";

/**
 * Audit-log retention for HIPAA: six years (6 x 365 days). The Security Rule names no period
 * for audit logs; 45 CFR 164.316(b)(2)(i) keeps required documentation six years, and audit
 * logs are commonly held to the same period: a documented judgement, not a quotation.
 */
export const HIPAA_AUDIT_LOG_MINIMUM_DAYS = 2190;

/** Options of {@link HipaaPack}: those of {@link CompliancePackOptions} its rules use. */
export type HipaaPackOptions = Pick<CompliancePackOptions, "auditLogMinimumDays" | "production">;

/** The HIPAA pack as data: every rule, the controls it evidences and its level. */
const HIPAA_TABLE: PackTable<"auditLogMinimumDays"> = {
  name: "HIPAA",
  title: "HIPAA Security Rule, technical safeguards (45 CFR 164.312)",
  className: "HipaaPack",
  days: { auditLogMinimumDays: { default: HIPAA_AUDIT_LOG_MINIMUM_DAYS, min: HIPAA_AUDIT_LOG_MINIMUM_DAYS, max: MAX_LOG_RETENTION_DAYS } },
  entries: [
    { rule: new rules.CognitivePublicNetworkAccessDisabled(), controls: ["164.312(a)(1)", "164.312(e)(1)"], level: "error" },
    { rule: new rules.CognitiveLocalAuthDisabled(), controls: ["164.312(a)(1)"], level: "error" },
    { rule: new rules.CognitiveOutboundRestricted(), controls: ["164.312(e)(1)"], level: "error" },
    { rule: new rules.CognitivePrivateEndpoint(), controls: ["164.312(a)(1)", "164.312(e)(1)"], level: "error" },
    { rule: new rules.CognitiveDiagnosticLogs(), controls: ["164.312(b)"], level: "error" },
    { rule: ({ auditLogMinimumDays }) => new rules.AuditLogRetention({ minimumDays: auditLogMinimumDays }), controls: ["164.312(b)"], level: "error" },
    { rule: ({ production }) => new rules.CognitiveCustomerManagedKey({ production }), controls: ["164.312(a)(1)"], level: "error" },
    { rule: new rules.NoPrivilegedRoleAssignment(), controls: ["164.312(a)(1)"], level: "error" },
    { rule: new rules.StorageAccountHardened(), controls: ["164.312(a)(1)", "164.312(e)(1)"], level: "error" },
    { rule: new rules.KeyVaultHardened(), controls: ["164.312(a)(1)"], level: "error" },
    { rule: new rules.ApiGatewayPrivateOnly(), controls: ["164.312(a)(1)", "164.312(e)(1)"], level: "error" },
    { rule: new rules.ApiGatewayManagedIdentityBackends(), controls: ["164.312(a)(1)", "164.312(d)"], level: "error" },
    { rule: new rules.ApiGatewayLimitsEnforced(), controls: ["164.312(a)(1)", "164.312(d)"], level: "error" },
    { rule: new rules.ApiGatewayLogsExported(), controls: ["164.312(b)"], level: "error" },
    { rule: new rules.ApiGatewayContentSafety(), controls: ["164.308(a)(5)(ii)(B)"], level: "error" },
    // Issue 28: warnings, so stacks made before these rules still synthesize; see docs/SECURITY-PACK.md.
    { rule: new rules.DefenderForAiEnabled(), controls: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"], level: "warning" },
    { rule: new rules.ContentFilterPromptShields(), controls: ["164.312(c)(1)"], level: "warning" },
    { rule: new rules.CognitiveStoredCompletionsDisabled(), controls: ["164.502(b)"], level: "warning" },
  ],
};

/**
 * HIPAA Security Rule technical safeguards (45 CFR 164.312): (a)(1) access control, including
 * unique user identification and encryption of ePHI at rest; (b) audit controls; (d) person or
 * entity authentication; (e)(1) transmission security. Every rule is an error: prompts may carry
 * ePHI. The AI gateway: private only with TLS 1.2+ is (a)(1) and (e)(1); keyless managed-identity
 * backends are (a)(1) and (d) (the gateway authenticates to the accounts as itself), and so is the
 * limits rule, whose Entra token validation of registered workloads is the callers' authentication
 * to the gateway; exported gateway logs are (b).
 */
export class HipaaPack extends TableCompliancePack<"auditLogMinimumDays"> {
  constructor(options: HipaaPackOptions = {}) {
    super(HIPAA_TABLE, options);
  }
}
