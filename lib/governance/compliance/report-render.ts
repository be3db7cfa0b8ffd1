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

/** A value in the stack that stands in for something missing (a principal ID whose variable was not set). */
export interface ComplianceReportPlaceholder {
  /** The placeholder value, for example `00000000-0000-0000-0000-000000000001`. */
  readonly value: string;
  /** What it stands for, for example `placeholder for AOAI_DEVELOPERS_GROUP_ID (not set)`. */
  readonly note: string;
  /** Construct paths of the resources that use it. */
  readonly resourcePaths: readonly string[];
}

/** Everything a report file is rendered from. */
export interface ComplianceReportData {
  /** Stack name. */
  readonly stack: string;
  /** The packs applied to the stack. */
  readonly packs: readonly ComplianceReportPack[];
  /** The findings. */
  readonly findings: readonly ComplianceFinding[];
  /**
   * Placeholders the stack uses: the stack cannot be deployed as synthesized while there are any.
   * @default - none
   */
  readonly placeholders?: readonly ComplianceReportPlaceholder[];
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
  /**
   * Compliant findings that rest on an acknowledged weakening with a stated reason (built into a
   * construct, such as the archives' trusted-services endpoint, or declared); each is also counted as compliant.
   */
  readonly weakenings: number;
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
    weakenings: count(restsOnWeakening),
    errors,
    warnings: count((f) => f.result === "non-compliant" && f.level === "warning"),
    passed: errors === 0,
  };
}

/** True for a compliant finding that rests on an acknowledged weakening (its detail says so). */
function restsOnWeakening(finding: ComplianceFinding): boolean {
  return finding.result === "compliant" && (finding.detail?.startsWith(ACKNOWLEDGED_WEAKENING_PREFIX) ?? false);
}

/**
 * The report's one-line result: passed or failed, then everything an auditor must look at even
 * when it passed: warnings, suppressions, accepted weakenings and placeholders.
 */
export function complianceHeadline(data: ComplianceReportData): string {
  const total = summarizeCompliance(data.findings);
  const placeholders = data.placeholders?.length ?? 0;
  return (
    `${total.passed ? "passed" : `failed, ${total.errors} error-level finding(s)`}; ` +
    `${total.warnings} warning(s), ${total.suppressed} suppressed, ${total.weakenings} accepted weakening(s)` +
    (placeholders > 0 ? `; ${placeholders} placeholder(s): not deployable as synthesized` : "") +
    "."
  );
}

/** The JSON report: packs, a summary (overall and per pack) and every finding. No timestamps, so it diffs cleanly. */
export function renderComplianceReportJson(data: ComplianceReportData): string {
  const report = {
    stack: data.stack,
    summary: summarizeCompliance(data.findings),
    placeholders: data.placeholders ?? [],
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
    `Result: ${complianceHeadline(data)}`,
    "",
    ...placeholdersMarkdown(data),
    "## Summary",
    "",
    row(["Pack", "Compliant", "Of which accepted weakenings", "Non-compliant (error)", "Non-compliant (warning)", "Suppressed", "Not applicable"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:"]),
    ...data.packs.map((pack) => summaryRow(pack.name, summarizeCompliance(data.findings.filter((f) => f.pack === pack.name)))),
    summaryRow("**Total**", total),
    "",
    ...byControlMarkdown(data),
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

/** One finding as evidence of a control. */
export interface ComplianceEvidence {
  /** Construct path of the judged resource. */
  readonly resourcePath: string;
  /** Terraform type of the judged resource. */
  readonly resourceType: string;
  /** The rule that judged it. */
  readonly ruleId: string;
  /** The result. */
  readonly result: ComplianceResult;
  /** What the rule found. @default - none */
  readonly detail?: string;
  /** Why a non-compliant finding was accepted (a suppression or a stated weakening). @default - not suppressed */
  readonly suppressionReason?: string;
}

/** One control of one pack: the rules that cover it, the evidence and the result. */
export interface ComplianceControl {
  /** Short pack name, for example `SOC2`. */
  readonly pack: string;
  /** The framework in words. */
  readonly packTitle: string;
  /** The control ID, for example `CC6.1`. */
  readonly control: string;
  /** The pack's rules that evidence the control, in pack order. */
  readonly rules: ComplianceReportPack["rules"];
  /** Counts of the control's findings by result. */
  readonly summary: ComplianceSummary;
  /** Every finding of the control's rules, in report order (non-compliant first). */
  readonly evidence: readonly ComplianceEvidence[];
  /** Every accepted weakening of the control: suppressed findings and compliant ones that acknowledge a weakening. */
  readonly exceptions: readonly ComplianceException[];
}

/** A weakening an auditor should see: a suppression (or an account's security exception), or a weakening a rule accepts with a stated reason. */
export interface ComplianceException extends ComplianceEvidence {
  /** `suppression`: a non-compliant finding accepted by a suppression; `weakening`: a compliant finding whose rule accepted a stated weakening. */
  readonly kind: "suppression" | "weakening";
  /** The reason as stated (for a weakening, the rule's whole detail, which carries the reason). */
  readonly reason: string;
}

/** Prefix of the detail rules give a compliant finding that rests on an acknowledged weakening. */
export const ACKNOWLEDGED_WEAKENING_PREFIX = "acknowledged weakening";

/**
 * The findings grouped by pack and control: every control a pack's rules name, in pack order
 * and then in the order the rules first name them. A finding counts for each control its rule
 * evidences, so one finding can appear under several controls.
 */
export function complianceByControl(data: ComplianceReportData): ComplianceControl[] {
  return data.packs.flatMap((pack) => {
    const controls: string[] = [];
    for (const rule of pack.rules) for (const control of rule.controls) if (!controls.includes(control)) controls.push(control);
    return controls.map((control) => {
      const rules = pack.rules.filter((r) => r.controls.includes(control));
      const findings = data.findings.filter((f) => f.pack === pack.name && rules.some((r) => r.ruleId === f.ruleId));
      const evidence = findings.map((f) => ({
        resourcePath: f.resourcePath,
        resourceType: f.resourceType,
        ruleId: f.ruleId,
        result: f.result,
        detail: f.detail,
        suppressionReason: f.suppressionReason,
      }));
      return {
        pack: pack.name,
        packTitle: pack.title,
        control,
        rules,
        summary: summarizeCompliance(findings),
        evidence,
        exceptions: evidence.flatMap((e): ComplianceException[] =>
          e.result === "suppressed"
            ? [{ ...e, kind: "suppression", reason: e.suppressionReason ?? "" }]
            : e.result === "compliant" && e.detail?.startsWith(ACKNOWLEDGED_WEAKENING_PREFIX)
              ? [{ ...e, kind: "weakening", reason: e.detail }]
              : [],
        ),
      };
    });
  });
}

/** The "Placeholders" section of the Markdown report, when the stack uses any. */
function placeholdersMarkdown(data: ComplianceReportData): string[] {
  if (!data.placeholders?.length) return [];
  return [
    "## Placeholders",
    "",
    "Azure rejects these values at apply; the stack cannot be deployed as synthesized.",
    "",
    ...data.placeholders.map((p) => `- ${code(p.value)}: ${inline(p.note)}, used by ${p.resourcePaths.map(code).join(", ")}`),
    "",
  ];
}

/** The "By control" section of the Markdown report. */
function byControlMarkdown(data: ComplianceReportData): string[] {
  const controls = complianceByControl(data);
  if (controls.length === 0) return [];
  const lines = [
    "## By control",
    "",
    row(["Pack", "Control", "Rules", "Compliant", "Non-compliant", "Suppressed", "Not applicable"]),
    row(["---", "---", "---", "---:", "---:", "---:", "---:"]),
    ...controls.map((c) =>
      row([
        c.pack,
        c.control,
        c.rules.map((r) => r.ruleId).join(", "),
        ...[c.summary.compliant, c.summary.nonCompliant, c.summary.suppressed, c.summary.notApplicable].map(String),
      ]),
    ),
    "",
  ];
  for (const c of controls) {
    lines.push(`### ${inline(c.pack)} ${inline(c.control)}`, "");
    lines.push("Rules:", "", ...c.rules.map((r) => `- ${code(r.ruleId)} (${r.level}): ${inline(r.description)}`), "");
    lines.push("Evidence:", "");
    const byResource = new Map<string, ComplianceEvidence[]>();
    for (const e of c.evidence) byResource.set(e.resourcePath, [...(byResource.get(e.resourcePath) ?? []), e]);
    if (byResource.size === 0) lines.push("- none: no resource of the rules' types in the stack");
    for (const [resourcePath, items] of byResource) {
      lines.push(`- ${code(resourcePath)} (${inline(items[0].resourceType)}): ${items.map((e) => `${e.ruleId} ${e.result}`).join(", ")}`);
    }
    lines.push("", "Weakenings and suppressions:", "");
    if (c.exceptions.length === 0) lines.push("- none");
    for (const e of c.exceptions) lines.push(`- ${code(e.resourcePath)} ${e.ruleId} (${e.kind}): ${inline(e.reason)}`);
    lines.push("");
  }
  return lines;
}

/** Text in running Markdown: HTML characters as entities (GitHub renders inline HTML), Markdown punctuation escaped, lines flattened. */
function inline(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c] as string)
    .replace(/[\\`*_[\]|#]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, " ");
}

/** Code-unit order, not the locale's: the report must read the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function summaryRow(name: string, s: ComplianceSummary): string {
  return row([name, s.compliant, s.weakenings, s.errors, s.warnings, s.suppressed, s.notApplicable].map(String));
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(" | ")} |`;
}

/** A table cell: pipes escaped and line breaks flattened, so a value cannot break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A code span that holds any text: fenced with more backticks than the text has in a row (CommonMark), lines flattened. */
function code(text: string): string {
  const flat = text.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
