import { PropChecks } from "../../../core/validation";
import { CompliancePack } from "../pack";
import {
  ApiGatewayLimitsEnforced,
  ApiGatewayContentSafety,
  ApiGatewayLogsExported,
  ApiGatewayManagedIdentityBackends,
  ApiGatewayPrivateOnly,
  CognitiveCustomerManagedKey,
  CognitiveStoredCompletionsDisabled,
  ContentFilterPromptShields,
  DefenderForAiEnabled,
  CognitiveDiagnosticLogs,
  CognitiveLocalAuthDisabled,
  CognitiveOutboundRestricted,
  CognitivePrivateEndpoint,
  CognitivePublicNetworkAccessDisabled,
  DataResidencyRespected,
  KeyVaultHardened,
  NoPrivilegedRoleAssignment,
  RequestResponseRetentionLimit,
  StorageAccountHardened,
} from "../rules";
import { MAX_LOG_RETENTION_DAYS } from "./limits";

/** Default limit on keeping RequestResponse logs (prompts and completions) under storage limitation. */
export const GDPR_REQUEST_RESPONSE_MAXIMUM_DAYS = 90;

/** Options of {@link GdprPack}. */
export interface GdprPackOptions {
  /**
   * Most days any destination may keep RequestResponse logs, which hold prompts and
   * completions (personal data). Set it to what your records of processing state.
   * @default 90
   */
  readonly requestResponseMaximumDays?: number;
  /**
   * Treat every account as production (true) or none (false) for the customer-managed-key rule.
   * @default - decided per account by its `environment` tag (prod, production)
   */
  readonly production?: boolean;
}

/**
 * GDPR (Regulation (EU) 2016/679): Art. 5(1)(e) storage limitation, a maximum on how long
 * prompts are kept; Art. 32 security of processing; Art. 44 transfers, kept inside the
 * promised data zone. Logging and a customer-managed key are warnings: Art. 32 asks for
 * measures appropriate to the risk, not these ones by name. The AI gateway's private network and
 * keyless managed-identity backends are errors under Art. 32, like the accounts' own; its limits
 * and exported logs are warnings for the same reason as the accounts' logs.
 */
export class GdprPack extends CompliancePack {
  private readonly requestResponseMaximumDays: number;

  constructor(options: GdprPackOptions = {}) {
    const requestResponseMaximumDays = options.requestResponseMaximumDays ?? GDPR_REQUEST_RESPONSE_MAXIMUM_DAYS;
    super({
      name: "GDPR",
      title: "General Data Protection Regulation (EU) 2016/679",
      rules: [
        { rule: new CognitivePublicNetworkAccessDisabled(), controls: ["Art. 32"], level: "error" },
        { rule: new CognitiveLocalAuthDisabled(), controls: ["Art. 32"], level: "error" },
        { rule: new CognitiveOutboundRestricted(), controls: ["Art. 32"], level: "warning" },
        { rule: new CognitivePrivateEndpoint(), controls: ["Art. 32"], level: "error" },
        { rule: new CognitiveDiagnosticLogs(), controls: ["Art. 32"], level: "warning" },
        { rule: new RequestResponseRetentionLimit({ maximumDays: requestResponseMaximumDays }), controls: ["Art. 5(1)(e)"], level: "error" },
        { rule: new CognitiveCustomerManagedKey({ production: options.production }), controls: ["Art. 32"], level: "warning" },
        { rule: new NoPrivilegedRoleAssignment(), controls: ["Art. 32"], level: "error" },
        { rule: new DataResidencyRespected(), controls: ["Art. 44"], level: "error" },
        { rule: new StorageAccountHardened(), controls: ["Art. 32"], level: "error" },
        { rule: new KeyVaultHardened(), controls: ["Art. 32"], level: "error" },
        { rule: new ApiGatewayPrivateOnly(), controls: ["Art. 32"], level: "error" },
        { rule: new ApiGatewayManagedIdentityBackends(), controls: ["Art. 32"], level: "error" },
        { rule: new ApiGatewayLimitsEnforced(), controls: ["Art. 32"], level: "warning" },
        { rule: new ApiGatewayLogsExported(), controls: ["Art. 32"], level: "warning" },
        { rule: new ApiGatewayContentSafety(), controls: ["Art. 32"], level: "warning" },
        // Issue 28: warnings, so stacks made before these rules still synthesize; see docs/SECURITY-PACK.md.
        { rule: new DefenderForAiEnabled(), controls: ["Art. 32"], level: "warning" },
        { rule: new ContentFilterPromptShields(), controls: ["Art. 32"], level: "warning" },
        { rule: new CognitiveStoredCompletionsDisabled(), controls: ["Art. 5(1)(c)", "Art. 25"], level: "warning" },
      ],
    });
    this.requestResponseMaximumDays = requestResponseMaximumDays;
  }

  protected override checkOptions(c: PropChecks): void {
    c.integerInRange("GdprPack.requestResponseMaximumDays", this.requestResponseMaximumDays, 1, MAX_LOG_RETENTION_DAYS, "days");
  }
}
