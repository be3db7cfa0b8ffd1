/** How a pack treats a non-compliant finding: an error fails the synth, a warning is reported. */
export type ComplianceLevel = "error" | "warning";

/** The result of one rule of one pack on one resource, as the report lists it. */
export type ComplianceResult = "compliant" | "non-compliant" | "not-applicable" | "suppressed";

/** One row of the compliance report. */
export interface ComplianceFinding {
  /** The rule ID. */
  readonly ruleId: string;
  /** The pack that applied the rule (for example `SOC2`). */
  readonly pack: string;
  /** The pack's control IDs the rule evidences (for example `CC6.1`). */
  readonly controls: readonly string[];
  /** The rule's level in the pack. */
  readonly level: ComplianceLevel;
  /** Construct path of the judged resource. */
  readonly resourcePath: string;
  /** Terraform type of the judged resource. */
  readonly resourceType: string;
  /** The result. */
  readonly result: ComplianceResult;
  /** What the rule found. @default - none */
  readonly detail?: string;
  /** Why a non-compliant finding was accepted; set when `result` is `suppressed`. @default - not suppressed */
  readonly suppressionReason?: string;
}
