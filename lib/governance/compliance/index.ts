// Compliance rule packs (cdktf Aspects) mapped to SOC 2, HIPAA and GDPR controls, with
// suppressions and a JSON + Markdown report per stack.
export * from "./rule";
export * from "./context";
export type { ResourceAttributes } from "./values";
export * from "./finding";
export * from "./rules";
export { BUILT_IN_RULE_IDS } from "./rule-registry";
export * from "./suppressions";
export * from "./pack";
export * from "./report";
export * from "./report-render";
export * from "./packs/soc2";
export * from "./packs/hipaa";
export * from "./packs/gdpr";
export * from "./report-html";
