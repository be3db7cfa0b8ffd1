import { builtInPackTable } from "./control-crosswalk";
import { MAX_LOG_RETENTION_DAYS } from "./limits";
import { CompliancePackOptions, TableCompliancePack } from "./pack-table";

/** Default limit on keeping RequestResponse logs (prompts and completions) under storage limitation. */
export const GDPR_REQUEST_RESPONSE_MAXIMUM_DAYS = 90;

/** Options of {@link GdprPack}: those of {@link CompliancePackOptions} its rules use. */
export type GdprPackOptions = Pick<CompliancePackOptions, "requestResponseMaximumDays" | "production">;

/** The GDPR pack as data: its column of the control crosswalk, its title and the day counts it takes. */
const GDPR_TABLE = builtInPackTable("GDPR", {
  title: "General Data Protection Regulation (EU) 2016/679",
  className: "GdprPack",
  days: { requestResponseMaximumDays: { default: GDPR_REQUEST_RESPONSE_MAXIMUM_DAYS, min: 1, max: MAX_LOG_RETENTION_DAYS } },
});

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
