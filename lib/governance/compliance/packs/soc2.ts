import { builtInPackTable } from "./control-crosswalk";
import { MAX_LOG_RETENTION_DAYS } from "./limits";
import { CompliancePackOptions, TableCompliancePack } from "./pack-table";

/** Audit-log retention SOC 2 auditors commonly expect: one year, the length of a Type II period plus its report. */
export const SOC2_AUDIT_LOG_MINIMUM_DAYS = 365;

/** Options of {@link Soc2Pack}: those of {@link CompliancePackOptions} its rules use. */
export type Soc2PackOptions = Pick<CompliancePackOptions, "auditLogMinimumDays" | "production">;

/** The SOC 2 pack as data: its column of the control crosswalk, its title and the day counts it takes. */
const SOC2_TABLE = builtInPackTable("SOC2", {
  title: "SOC 2 Trust Services Criteria (AICPA, 2017)",
  className: "Soc2Pack",
  days: { auditLogMinimumDays: { default: SOC2_AUDIT_LOG_MINIMUM_DAYS, min: SOC2_AUDIT_LOG_MINIMUM_DAYS, max: MAX_LOG_RETENTION_DAYS } },
});

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
