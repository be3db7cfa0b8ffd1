import * as rules from "../rules";
import { MAX_LOG_RETENTION_DAYS } from "./limits";
import { CompliancePackOptions, PackTable, TableCompliancePack } from "./pack-table";

/** Default limit on keeping RequestResponse logs (prompts and completions) under storage limitation. */
export const GDPR_REQUEST_RESPONSE_MAXIMUM_DAYS = 90;

/** Options of {@link GdprPack}: those of {@link CompliancePackOptions} its rules use. */
export type GdprPackOptions = Pick<CompliancePackOptions, "requestResponseMaximumDays" | "production">;

/** The GDPR pack as data: every rule, the controls it evidences and its level. */
const GDPR_TABLE: PackTable<"requestResponseMaximumDays"> = {
  name: "GDPR",
  title: "General Data Protection Regulation (EU) 2016/679",
  className: "GdprPack",
  days: { requestResponseMaximumDays: { default: GDPR_REQUEST_RESPONSE_MAXIMUM_DAYS, min: 1, max: MAX_LOG_RETENTION_DAYS } },
  entries: [
    { rule: new rules.CognitivePublicNetworkAccessDisabled(), controls: ["Art. 32"], level: "error" },
    { rule: new rules.CognitiveLocalAuthDisabled(), controls: ["Art. 32"], level: "error" },
    { rule: new rules.CognitiveOutboundRestricted(), controls: ["Art. 32"], level: "warning" },
    { rule: new rules.CognitivePrivateEndpoint(), controls: ["Art. 32"], level: "error" },
    { rule: new rules.CognitiveDiagnosticLogs(), controls: ["Art. 32"], level: "warning" },
    { rule: ({ requestResponseMaximumDays }) => new rules.RequestResponseRetentionLimit({ maximumDays: requestResponseMaximumDays }), controls: ["Art. 5(1)(e)"], level: "error" },
    { rule: ({ production }) => new rules.CognitiveCustomerManagedKey({ production }), controls: ["Art. 32"], level: "warning" },
    { rule: new rules.NoPrivilegedRoleAssignment(), controls: ["Art. 32"], level: "error" },
    { rule: new rules.DataResidencyRespected(), controls: ["Art. 44"], level: "error" },
    { rule: new rules.StorageAccountHardened(), controls: ["Art. 32"], level: "error" },
    { rule: new rules.KeyVaultHardened(), controls: ["Art. 32"], level: "error" },
    { rule: new rules.ApiGatewayPrivateOnly(), controls: ["Art. 32"], level: "error" },
    { rule: new rules.ApiGatewayManagedIdentityBackends(), controls: ["Art. 32"], level: "error" },
    { rule: new rules.ApiGatewayLimitsEnforced(), controls: ["Art. 32"], level: "warning" },
    { rule: new rules.ApiGatewayLogsExported(), controls: ["Art. 32"], level: "warning" },
    { rule: new rules.ApiGatewayContentSafety(), controls: ["Art. 32"], level: "warning" },
    // Issue 28: warnings, so stacks made before these rules still synthesize; see docs/SECURITY-PACK.md.
    { rule: new rules.DefenderForAiEnabled(), controls: ["Art. 32"], level: "warning" },
    { rule: new rules.ContentFilterPromptShields(), controls: ["Art. 32"], level: "warning" },
    { rule: new rules.CognitiveStoredCompletionsDisabled(), controls: ["Art. 5(1)(c)", "Art. 25"], level: "warning" },
  ],
};

/**
 * GDPR (Regulation (EU) 2016/679): Art. 5(1)(e) storage limitation, a maximum on how long
 * prompts are kept; Art. 32 security of processing; Art. 44 transfers, kept inside the
 * promised data zone. Logging and a customer-managed key are warnings: Art. 32 asks for
 * measures appropriate to the risk, not these ones by name. The AI gateway's private network and
 * keyless managed-identity backends are errors under Art. 32, like the accounts' own; its limits
 * and exported logs are warnings for the same reason as the accounts' logs.
 */
export class GdprPack extends TableCompliancePack<"requestResponseMaximumDays"> {
  constructor(options: GdprPackOptions = {}) {
    super(GDPR_TABLE, options);
  }
}
