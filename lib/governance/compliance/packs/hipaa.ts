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
  KeyVaultHardened,
  NoPrivilegedRoleAssignment,
  StorageAccountHardened,
} from "../rules";
import { MAX_LOG_RETENTION_DAYS } from "./limits";

/**
 * Audit-log retention for HIPAA: six years (6 x 365 days). The Security Rule names no period
 * for audit logs; 45 CFR 164.316(b)(2)(i) keeps required documentation six years, and audit
 * logs are commonly held to the same period: a documented judgement, not a quotation.
 */
export const HIPAA_AUDIT_LOG_MINIMUM_DAYS = 2190;

/** Options of {@link HipaaPack}. */
export interface HipaaPackOptions {
  /**
   * Fewest days the Audit logs must be kept; may only be raised.
   * @default 2190 (six years)
   */
  readonly auditLogMinimumDays?: number;
  /**
   * Treat every account as production (true) or none (false) for the customer-managed-key rule.
   * @default - decided per account by its `environment` tag (prod, production)
   */
  readonly production?: boolean;
}

/**
 * HIPAA Security Rule technical safeguards (45 CFR 164.312): (a)(1) access control, including
 * unique user identification and encryption of ePHI at rest; (b) audit controls; (d) person or
 * entity authentication; (e)(1) transmission security. Every rule is an error: prompts may carry
 * ePHI. The AI gateway: private only with TLS 1.2+ is (a)(1) and (e)(1); keyless managed-identity
 * backends are (a)(1) and (d) (the gateway authenticates to the accounts as itself), and so is the
 * limits rule, whose Entra token validation of registered workloads is the callers' authentication
 * to the gateway; exported gateway logs are (b).
 */
export class HipaaPack extends CompliancePack {
  private readonly auditLogMinimumDays: number;

  constructor(options: HipaaPackOptions = {}) {
    const auditLogMinimumDays = options.auditLogMinimumDays ?? HIPAA_AUDIT_LOG_MINIMUM_DAYS;
    super({
      name: "HIPAA",
      title: "HIPAA Security Rule, technical safeguards (45 CFR 164.312)",
      rules: [
        { rule: new CognitivePublicNetworkAccessDisabled(), controls: ["164.312(a)(1)", "164.312(e)(1)"], level: "error" },
        { rule: new CognitiveLocalAuthDisabled(), controls: ["164.312(a)(1)"], level: "error" },
        { rule: new CognitiveOutboundRestricted(), controls: ["164.312(e)(1)"], level: "error" },
        { rule: new CognitivePrivateEndpoint(), controls: ["164.312(a)(1)", "164.312(e)(1)"], level: "error" },
        { rule: new CognitiveDiagnosticLogs(), controls: ["164.312(b)"], level: "error" },
        { rule: new AuditLogRetention({ minimumDays: auditLogMinimumDays }), controls: ["164.312(b)"], level: "error" },
        { rule: new CognitiveCustomerManagedKey({ production: options.production }), controls: ["164.312(a)(1)"], level: "error" },
        { rule: new NoPrivilegedRoleAssignment(), controls: ["164.312(a)(1)"], level: "error" },
        { rule: new StorageAccountHardened(), controls: ["164.312(a)(1)", "164.312(e)(1)"], level: "error" },
        { rule: new KeyVaultHardened(), controls: ["164.312(a)(1)"], level: "error" },
        { rule: new ApiGatewayPrivateOnly(), controls: ["164.312(a)(1)", "164.312(e)(1)"], level: "error" },
        { rule: new ApiGatewayManagedIdentityBackends(), controls: ["164.312(a)(1)", "164.312(d)"], level: "error" },
        { rule: new ApiGatewayLimitsEnforced(), controls: ["164.312(a)(1)", "164.312(d)"], level: "error" },
        { rule: new ApiGatewayLogsExported(), controls: ["164.312(b)"], level: "error" },
        { rule: new ApiGatewayContentSafety(), controls: ["164.308(a)(5)(ii)(B)"], level: "error" },
        // Issue 28: warnings, so stacks made before these rules still synthesize; see docs/SECURITY-PACK.md.
        { rule: new DefenderForAiEnabled(), controls: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"], level: "warning" },
        { rule: new ContentFilterPromptShields(), controls: ["164.312(c)(1)"], level: "warning" },
        { rule: new CognitiveStoredCompletionsDisabled(), controls: ["164.502(b)"], level: "warning" },
      ],
    });
    this.auditLogMinimumDays = auditLogMinimumDays;
  }

  protected override checkOptions(c: PropChecks): void {
    c.integerInRange("HipaaPack.auditLogMinimumDays", this.auditLogMinimumDays, HIPAA_AUDIT_LOG_MINIMUM_DAYS, MAX_LOG_RETENTION_DAYS, "days");
  }
}
