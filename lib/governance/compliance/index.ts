// Public API of lib/governance/compliance: rules, packs, suppressions and the report.
// Listed name by name: a name not here is not public API (the API report in api/ shows the whole surface).

export { compliant, nonCompliant, notApplicable } from "./rule";
export type { ComplianceRule, RuleJudgement, RuleOutcome } from "./rule";
export { defineRule } from "./define-rule";
export type { DefinedRule, RuleClass, RuleDefinition, RuleText } from "./define-rule";

export { RuleContext } from "./context";

export type { ComplianceFinding, ComplianceLevel, ComplianceResult } from "./finding";

export { ComplianceSuppressions } from "./suppressions";
export type { ComplianceSuppression } from "./suppressions";

export { CompliancePack } from "./pack";
export type { CompliancePackProps, CompliancePackRule } from "./pack";

export { ComplianceReport } from "./report";

export { ACKNOWLEDGED_WEAKENING_PREFIX, complianceByControl, complianceHeadline, renderComplianceReportJson, renderComplianceReportMarkdown, sortComplianceFindings, summarizeCompliance } from "./report-render";
export type { ComplianceControl, ComplianceEvidence, ComplianceException, ComplianceReportData, ComplianceReportPack, ComplianceReportPlaceholder, ComplianceSummary } from "./report-render";

export { renderComplianceReportHtml } from "./report-html";

export { TableCompliancePack } from "./packs/pack-table";
export type { CompliancePackOptions, PackDayLimit, PackDayOption, PackEntry, PackSettings, PackTable } from "./packs/pack-table";

export { SOC2_AUDIT_LOG_MINIMUM_DAYS, Soc2Pack } from "./packs/soc2";
export type { Soc2PackOptions } from "./packs/soc2";

export { HIPAA_AUDIT_LOG_MINIMUM_DAYS, HipaaPack } from "./packs/hipaa";
export type { HipaaPackOptions } from "./packs/hipaa";

export { GDPR_REQUEST_RESPONSE_MAXIMUM_DAYS, GdprPack } from "./packs/gdpr";
export type { GdprPackOptions } from "./packs/gdpr";


export { BUILT_IN_RULE_IDS } from "./rule-registry";
export type { ResourceAttributes } from "./values";

// One rule per file; rules/index.ts lists them.
export * from "./rules";
