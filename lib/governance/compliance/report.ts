import { ISynthesisSession, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { addStackArtifact } from "../../core/stack-artifact";
import { placeholderValue } from "../../core/placeholder-values";
import { RuleContext } from "./context";
import { ComplianceFinding } from "./finding";
import { renderComplianceReportHtml } from "./report-html";
import {
  ComplianceReportData,
  ComplianceReportPack,
  ComplianceReportPlaceholder,
  renderComplianceReportJson,
  renderComplianceReportMarkdown,
  sortComplianceFindings,
} from "./report-render";

/**
 * The compliance report of one stack: the findings of every pack applied to it, written at
 * synthesis beside the stack's Terraform JSON as `compliance-report.json`,
 * `compliance-report.md` and `compliance-report.html` (`<outdir>/stacks/<stack>/`); the
 * Markdown and HTML files also group the findings by control. Packs create it when they first visit
 * the stack and push their findings into it ({@link record}); the report knows nothing of packs.
 * GuardedApp publishes the whole stack directory, so the report travels with it.
 */
export class ComplianceReport extends Construct {
  /** File name of the JSON report. */
  public static readonly JSON_FILE = "compliance-report.json";
  /** File name of the Markdown report. */
  public static readonly MARKDOWN_FILE = "compliance-report.md";
  /** File name of the self-contained HTML report. */
  public static readonly HTML_FILE = "compliance-report.html";
  private static readonly ID = "compliance-report";

  /** The report of `stack`, created on first use. */
  public static of(stack: TerraformStack): ComplianceReport {
    const existing = stack.node.tryFindChild(ComplianceReport.ID);
    return existing instanceof ComplianceReport ? existing : new ComplianceReport(stack);
  }

  private readonly stack: TerraformStack;
  private readonly packList: ComplianceReportPack[] = [];
  private readonly findingsByPack = new Map<string, Map<string, ComplianceFinding>>();
  /** The data of the synthesis under way: the three files render the same. */
  private synthesized?: { session: ISynthesisSession; data: ComplianceReportData };

  private constructor(stack: TerraformStack) {
    super(stack, ComplianceReport.ID);
    this.stack = stack;
    // One custom-synthesis hook per construct (cdktf defines it as a fixed property), so each
    // file gets its own child. Rendering happens at synthesis, after the aspects have judged.
    addStackArtifact(new Construct(this, "json"), ComplianceReport.JSON_FILE, (s) => renderComplianceReportJson(this.dataAt(s)));
    addStackArtifact(new Construct(this, "markdown"), ComplianceReport.MARKDOWN_FILE, (s) => renderComplianceReportMarkdown(this.dataAt(s)));
    addStackArtifact(new Construct(this, "html"), ComplianceReport.HTML_FILE, (s) => renderComplianceReportHtml(this.dataAt(s)));
  }

  /**
   * Records `findings` of `pack` (known by its name): the first call lists the pack in the
   * report, later calls update its description. A finding of the same pack, resource and rule
   * replaces the earlier one, so judging again (a second synth) adds no duplicate.
   */
  public record(pack: ComplianceReportPack, findings: readonly ComplianceFinding[] = []): void {
    let recorded = this.findingsByPack.get(pack.name);
    if (recorded) {
      this.packList[this.packList.findIndex((p) => p.name === pack.name)] = pack;
    } else {
      this.packList.push(pack);
      this.findingsByPack.set(pack.name, (recorded = new Map()));
    }
    for (const finding of findings) recorded.set(`${finding.resourcePath}\u0000${finding.ruleId}`, finding);
  }

  /** The packs applied to the stack, as the report describes them, in the order they first recorded. */
  public get packs(): readonly ComplianceReportPack[] {
    return this.packList;
  }

  /** Every finding of every pack on the stack, non-compliant first. */
  public get findings(): ComplianceFinding[] {
    return sortComplianceFindings(this.packList.flatMap((pack) => [...(this.findingsByPack.get(pack.name)?.values() ?? [])]));
  }

  /** What the report files are rendered from. */
  public data(): ComplianceReportData {
    return this.dataFrom(RuleContext.of(this.stack));
  }

  /** The data for the synthesis `session`, read once from the stack's shared resolved view. */
  private dataAt(session: ISynthesisSession): ComplianceReportData {
    if (this.synthesized?.session !== session) this.synthesized = { session, data: this.dataFrom(RuleContext.forSynthesis(this.stack, session)) };
    return this.synthesized.data;
  }

  private dataFrom(context: RuleContext): ComplianceReportData {
    return { stack: this.stack.node.id, packs: this.packList, findings: this.findings, placeholders: this.placeholders(context) };
  }

  /** Placeholder principals of the stack's role assignments (registered by lib/identity's principal helpers). */
  private placeholders(context: RuleContext): ComplianceReportPlaceholder[] {
    const byValue = new Map<string, { note: string; resourcePaths: string[] }>();
    for (const assignment of context.resourcesOfType("azurerm_role_assignment")) {
      const principalId = context.attributes(assignment).principal_id;
      const note = typeof principalId === "string" ? placeholderValue(principalId)?.note : undefined;
      if (!note) continue;
      const entry = byValue.get(principalId as string) ?? { note, resourcePaths: [] };
      entry.resourcePaths.push(assignment.node.path);
      byValue.set(principalId as string, entry);
    }
    return [...byValue].map(([value, entry]) => ({ value, ...entry }));
  }
}
