import { builtInPackTable } from "./control-crosswalk";
import { MAX_LOG_RETENTION_DAYS } from "./limits";
import { CompliancePackOptions, TableCompliancePack } from "./pack-table";

/**
 * Audit-log retention for HIPAA: six years (6 x 365 days). The Security Rule names no period
 * for audit logs; 45 CFR 164.316(b)(2)(i) keeps required documentation six years, and audit
 * logs are commonly held to the same period: a documented judgement, not a quotation.
 */
export const HIPAA_AUDIT_LOG_MINIMUM_DAYS = 2190;

/** Options of {@link HipaaPack}: those of {@link CompliancePackOptions} its rules use. */
export type HipaaPackOptions = Pick<CompliancePackOptions, "auditLogMinimumDays" | "production">;

/** The HIPAA pack as data: its column of the control crosswalk, its title and the day counts it takes. */
const HIPAA_TABLE = builtInPackTable("HIPAA", {
  title: "HIPAA Security Rule, technical safeguards (45 CFR 164.312)",
  className: "HipaaPack",
  days: { auditLogMinimumDays: { default: HIPAA_AUDIT_LOG_MINIMUM_DAYS, min: HIPAA_AUDIT_LOG_MINIMUM_DAYS, max: MAX_LOG_RETENTION_DAYS } },
});

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
