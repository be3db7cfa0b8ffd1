import { ComplianceFinding, ComplianceLevel, ComplianceResult } from "./finding";

/** A pack as the report describes it. */
export interface ComplianceReportPack {
  /** Short pack name. */
  readonly name: string;
  /** The framework in words. */
  readonly title: string;
  /** The pack's rules with their controls and levels. */
  readonly rules: readonly {
    readonly ruleId: string;
    readonly controls: readonly string[];
    readonly level: ComplianceLevel;
    readonly description: string;
  }[];
}

/** Everything a report file is rendered from. */
export interface ComplianceReportData {
  /** Stack name. */
  readonly stack: string;
  /** The packs applied to the stack. */
  readonly packs: readonly ComplianceReportPack[];
  /** The findings. */
  readonly findings: readonly ComplianceFinding[];
}

/** Counts of findings by result. */
export interface ComplianceSummary {
  /** Every finding. */
  readonly total: number;
  /** Compliant findings. */
  readonly compliant: number;
  /** Non-compliant findings (not suppressed). */
  readonly nonCompliant: number;
  /** Suppressed findings. */
  readonly suppressed: number;
  /** Findings whose rule did not apply. */
  readonly notApplicable: number;
  /** Non-compliant findings at error level: each fails the synth. */
  readonly errors: number;
  /** Non-compliant findings at warning level. */
  readonly warnings: number;
  /** True when no error-level finding is non-compliant. */
  readonly passed: boolean;
}

const RESULT_ORDER: readonly ComplianceResult[] = ["non-compliant", "suppressed", "compliant", "not-applicable"];

/** Findings ordered for reading: non-compliant, suppressed, compliant, not applicable; then by resource, pack and rule. */
export function sortComplianceFindings(findings: readonly ComplianceFinding[]): ComplianceFinding[] {
  return [...findings].sort(
    (a, b) =>
      RESULT_ORDER.indexOf(a.result) - RESULT_ORDER.indexOf(b.result) ||
      compareText(a.resourcePath, b.resourcePath) ||
      compareText(a.pack, b.pack) ||
      compareText(a.ruleId, b.ruleId),
  );
}

/** Counts `findings` by result. */
export function summarizeCompliance(findings: readonly ComplianceFinding[]): ComplianceSummary {
  const count = (test: (f: ComplianceFinding) => boolean) => findings.filter(test).length;
  const errors = count((f) => f.result === "non-compliant" && f.level === "error");
  return {
    total: findings.length,
    compliant: count((f) => f.result === "compliant"),
    nonCompliant: count((f) => f.result === "non-compliant"),
    suppressed: count((f) => f.result === "suppressed"),
    notApplicable: count((f) => f.result === "not-applicable"),
    errors,
    warnings: count((f) => f.result === "non-compliant" && f.level === "warning"),
    passed: errors === 0,
  };
}

/** The JSON report: packs, a summary (overall and per pack) and every finding. No timestamps, so it diffs cleanly. */
export function renderComplianceReportJson(data: ComplianceReportData): string {
  const report = {
    stack: data.stack,
    summary: summarizeCompliance(data.findings),
    packs: data.packs.map((pack) => ({
      ...pack,
      summary: summarizeCompliance(data.findings.filter((f) => f.pack === pack.name)),
    })),
    findings: data.findings.map((f) => ({
      ruleId: f.ruleId,
      pack: f.pack,
      controls: f.controls,
      level: f.level,
      resourcePath: f.resourcePath,
      resourceType: f.resourceType,
      result: f.result,
      detail: f.detail ?? null,
      suppressionReason: f.suppressionReason ?? null,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The Markdown report: a summary table per pack, the findings table and the rules each pack applies. */
export function renderComplianceReportMarkdown(data: ComplianceReportData): string {
  const total = summarizeCompliance(data.findings);
  const lines = [
    `# Compliance report: ${data.stack}`,
    "",
    `Packs: ${data.packs.map((p) => `${p.name} (${p.title})`).join("; ") || "none"}.`,
    `Result: ${total.passed ? "passed" : `failed, ${total.errors} error-level finding(s)`}; ` +
      `${total.warnings} warning(s), ${total.suppressed} suppressed.`,
    "",
    "## Summary",
    "",
    row(["Pack", "Compliant", "Non-compliant (error)", "Non-compliant (warning)", "Suppressed", "Not applicable"]),
    row(["---", "---:", "---:", "---:", "---:", "---:"]),
    ...data.packs.map((pack) => summaryRow(pack.name, summarizeCompliance(data.findings.filter((f) => f.pack === pack.name)))),
    summaryRow("**Total**", total),
    "",
    "## Findings",
    "",
    row(["Result", "Pack", "Rule", "Controls", "Level", "Resource", "Detail", "Suppression reason"]),
    row(["---", "---", "---", "---", "---", "---", "---", "---"]),
    ...data.findings.map((f) =>
      row([f.result, f.pack, f.ruleId, f.controls.join(", "), f.level, code(f.resourcePath), f.detail ?? "", f.suppressionReason ?? ""]),
    ),
    "",
    "## Rules",
    "",
    row(["Pack", "Rule", "Controls", "Level", "Requirement"]),
    row(["---", "---", "---", "---", "---"]),
    ...data.packs.flatMap((pack) => pack.rules.map((r) => row([pack.name, r.ruleId, r.controls.join(", "), r.level, r.description]))),
    "",
  ];
  return lines.join("\n");
}

/** Code-unit order, not the locale's: the report must read the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function summaryRow(name: string, s: ComplianceSummary): string {
  return row([name, s.compliant, s.errors, s.warnings, s.suppressed, s.notApplicable].map(String));
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}

/** A table cell: pipes escaped and line breaks flattened, so a value cannot break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function code(text: string): string {
  return `\`${text}\``;
}
