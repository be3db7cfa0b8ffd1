import { PropChecks } from "../../../core/validation";
import { CompliancePack } from "../pack";
import {
  ApiGatewayLimitsEnforced,
  ApiGatewayContentSafety,
  ApiGatewayLogsExported,
  ApiGatewayManagedIdentityBackends,
  ApiGatewayPrivateOnly,
  AuditLogRetention,
  CognitiveCustomerManagedKey,
  CognitiveStoredCompletionsDisabled,
  ContentFilterPromptShields,
  DefenderForAiEnabled,
  CognitiveDiagnosticLogs,
  CognitiveLocalAuthDisabled,
  CognitiveOutboundRestricted,
  CognitivePrivateEndpoint,
  CognitivePublicNetworkAccessDisabled,
  DeploymentContentFilter,
  KeyVaultHardened,
  NoPrivilegedRoleAssignment,
  StorageAccountHardened,
} from "../rules";
import { MAX_LOG_RETENTION_DAYS } from "./limits";

/** Audit-log retention SOC 2 auditors commonly expect: one year, the length of a Type II period plus its report. */
export const SOC2_AUDIT_LOG_MINIMUM_DAYS = 365;

/** Options of {@link Soc2Pack}. */
export interface Soc2PackOptions {
  /**
   * Fewest days the Audit logs must be kept; may only be raised.
   * @default 365
   */
  readonly auditLogMinimumDays?: number;
  /**
   * Treat every account as production (true) or none (false) for the customer-managed-key rule.
   * @default - decided per account by its `environment` tag (prod, production)
   */
  readonly production?: boolean;
}

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
export class Soc2Pack extends CompliancePack {
  private readonly auditLogMinimumDays: number;

  constructor(options: Soc2PackOptions = {}) {
    const auditLogMinimumDays = options.auditLogMinimumDays ?? SOC2_AUDIT_LOG_MINIMUM_DAYS;
    super({
      name: "SOC2",
      title: "SOC 2 Trust Services Criteria (AICPA, 2017)",
      rules: [
        { rule: new CognitivePublicNetworkAccessDisabled(), controls: ["CC6.1"], level: "error" },
        { rule: new CognitiveLocalAuthDisabled(), controls: ["CC6.1", "CC6.2"], level: "error" },
        { rule: new CognitiveOutboundRestricted(), controls: ["CC6.1"], level: "warning" },
        { rule: new CognitivePrivateEndpoint(), controls: ["CC6.1"], level: "error" },
        { rule: new CognitiveDiagnosticLogs(), controls: ["CC7.2"], level: "error" },
        { rule: new AuditLogRetention({ minimumDays: auditLogMinimumDays }), controls: ["CC7.2"], level: "error" },
        { rule: new CognitiveCustomerManagedKey({ production: options.production }), controls: ["CC6.1"], level: "warning" },
        { rule: new NoPrivilegedRoleAssignment(), controls: ["CC6.3", "CC8.1"], level: "error" },
        { rule: new StorageAccountHardened(), controls: ["CC6.1"], level: "error" },
        { rule: new KeyVaultHardened(), controls: ["CC6.1", "CC9.1"], level: "error" },
        { rule: new DeploymentContentFilter(), controls: ["CC8.1"], level: "error" },
        { rule: new ApiGatewayPrivateOnly(), controls: ["CC6.1", "CC6.7"], level: "error" },
        { rule: new ApiGatewayManagedIdentityBackends(), controls: ["CC6.1", "CC6.2"], level: "error" },
        { rule: new ApiGatewayLimitsEnforced(), controls: ["CC6.1", "A1.1"], level: "warning" },
        { rule: new ApiGatewayLogsExported(), controls: ["CC7.2"], level: "error" },
        { rule: new ApiGatewayContentSafety(), controls: ["CC6.8"], level: "warning" },
        // Issue 28: warnings, so stacks made before these rules still synthesize; see docs/SECURITY-PACK.md.
        { rule: new DefenderForAiEnabled(), controls: ["CC7.1", "CC7.2"], level: "warning" },
        { rule: new ContentFilterPromptShields(), controls: ["CC6.8", "PI1.3"], level: "warning" },
        { rule: new CognitiveStoredCompletionsDisabled(), controls: ["C1.1", "P4.1"], level: "warning" },
      ],
    });
    this.auditLogMinimumDays = auditLogMinimumDays;
  }

  protected override checkOptions(c: PropChecks): void {
    c.integerInRange("Soc2Pack.auditLogMinimumDays", this.auditLogMinimumDays, SOC2_AUDIT_LOG_MINIMUM_DAYS, MAX_LOG_RETENTION_DAYS, "days");
  }
}
