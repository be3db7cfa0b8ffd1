import { ComplianceFinding, ComplianceReport, ComplianceReportData, complianceByControl, renderComplianceReportMarkdown } from "../../../lib/governance/compliance";
import { renderComplianceReportHtml } from "../../../lib/governance/compliance/report-html";
import { referenceStackFiles } from "../../helpers/reference-app";
import { allElements, parseXhtml } from "../../diagram/xml";

describe("the by-control report of the default prod stack", () => {
  const files = referenceStackFiles("prod", [ComplianceReport.JSON_FILE, ComplianceReport.MARKDOWN_FILE, ComplianceReport.HTML_FILE]);
  const json = JSON.parse(files[ComplianceReport.JSON_FILE]);
  const markdown = files[ComplianceReport.MARKDOWN_FILE];
  const html = files[ComplianceReport.HTML_FILE];
  const doc = parseXhtml(html);
  // Expected controls, computed from the JSON report (which this change leaves as it was).
  const expected: { pack: string; control: string; findings: any[] }[] = json.packs.flatMap((pack: any) => {
    const controls = [...new Set<string>(pack.rules.flatMap((r: any) => r.controls))];
    return controls.map((control) => {
      const rules = pack.rules.filter((r: any) => r.controls.includes(control)).map((r: any) => r.ruleId);
      return { pack: pack.name, control, findings: json.findings.filter((f: any) => f.pack === pack.name && rules.includes(f.ruleId)) };
    });
  });
  const counts = (findings: any[]) =>
    ["compliant", "non-compliant", "suppressed", "not-applicable"].map((r) => findings.filter((f) => f.result === r).length);

  test("covers SOC 2, HIPAA and GDPR with their controls", () => {
    expect(json.packs.map((p: any) => p.name).sort()).toEqual(["GDPR", "HIPAA", "SOC2"]);
    expect(expected.map((e) => `${e.pack} ${e.control}`)).toEqual(expect.arrayContaining(["SOC2 CC6.1", "HIPAA 164.312(b)", "GDPR Art. 32"]));
    expect(expected.every((e) => e.findings.length > 0)).toBe(true);
  });

  test("the Markdown lists every control of every pack, with its counts and every resource that evidences it", () => {
    expect(markdown.indexOf("## By control")).toBeGreaterThan(markdown.indexOf("## Summary"));
    expect(markdown.indexOf("## By control")).toBeLessThan(markdown.indexOf("## Findings"));
    for (const { pack, control, findings } of expected) {
      expect(markdown).toMatch(new RegExp(`^\\| ${pack} \\| ${escapeRegExp(control)} \\| [^|]+ \\| ${counts(findings).join(" \\| ")} \\|$`, "m"));
      const section = markdown.split(`\n### ${pack} ${control}\n`)[1]?.split("\n### ")[0].split("\n## ")[0];
      expect(section).toBeDefined();
      for (const f of findings) expect(section).toContain(`- \`${f.resourcePath}\` (${f.resourceType.replace(/_/g, "\\_")}): `);
      for (const f of findings.filter((x) => x.result === "suppressed")) expect(section).toContain(f.suppressionReason);
      const weakenings = findings.filter((x) => x.result === "compliant" && x.detail?.startsWith("acknowledged weakening"));
      for (const f of weakenings) expect(section).toContain(`- \`${f.resourcePath}\` ${f.ruleId} (weakening): acknowledged weakening`);
    }
  });

  test("the HTML lists the same controls with the same evidence and counts, and parses as XML", () => {
    const sections = allElements(doc).filter((e) => e.localName === "section" && e.hasAttribute("data-control"));
    expect(sections.map((s) => `${s.getAttribute("data-pack")} ${s.getAttribute("data-control")}`)).toEqual(expected.map((e) => `${e.pack} ${e.control}`));
    for (const { pack, control, findings } of expected) {
      const section = sections.find((s) => s.getAttribute("data-pack") === pack && s.getAttribute("data-control") === control)!;
      const rows = Array.from(section.getElementsByTagName("tr")).filter((r) => r.hasAttribute("data-path"));
      expect(rows.map((r) => r.getAttribute("data-path") ?? "").sort()).toEqual(findings.map((f) => f.resourcePath).sort());
    }
    expect(allElements(doc).filter((e) => ["script", "link", "img"].includes(e.localName ?? ""))).toEqual([]);
  });

  test("the archive's trusted-services public endpoint is listed as a weakening with its reason under the storage controls", () => {
    const weakened = json.findings.filter((f: any) => f.pack === "SOC2" && f.ruleId === "StorageAccountHardened" && f.detail?.startsWith("acknowledged weakening"));
    expect(weakened.length).toBeGreaterThan(0);
    const section = allElements(doc).find((e) => e.getAttribute("data-pack") === "SOC2" && e.getAttribute("data-control") === "CC6.1")!;
    const listed = allElements(section).filter((e) => e.localName === "ul" && e.getAttribute("class") === "exceptions").flatMap((ul) => allElements(ul).filter((e) => e.localName === "li"));
    // Also listed under CC6.1: the gateway's Content Safety account, whose missing customer-managed key is a stated suppression.
    expect(listed.map((li) => li.getAttribute("data-path")).filter((p) => !p?.includes("/content-safety/")).sort()).toEqual(weakened.map((f: any) => f.resourcePath).sort());
    const storage = listed.find((li) => !li.getAttribute("data-path")?.includes("/content-safety/"))!;
    expect(storage.textContent).toMatch(/\(weakening\): acknowledged weakening: .*reason: .{10,}/);
  });
});

describe("suppressions and weakenings by control", () => {
  const finding = (overrides: Partial<ComplianceFinding>): ComplianceFinding => ({
    ruleId: "CognitiveLocalAuthDisabled",
    pack: "SOC2",
    controls: ["CC6.1", "CC6.2"],
    level: "error",
    resourcePath: "prod/openai/resource",
    resourceType: "azurerm_cognitive_account",
    result: "compliant",
    ...overrides,
  });
  const reason = `Accepted by <CISO> until 2027 "Q1" & 'reviewed' | see \`ticket\``;
  const data: ComplianceReportData = {
    stack: "prod",
    packs: [
      {
        name: "SOC2",
        title: "SOC 2",
        rules: [
          { ruleId: "CognitiveLocalAuthDisabled", controls: ["CC6.1", "CC6.2"], level: "error", description: "Keys off." },
          { ruleId: "CognitivePrivateEndpoint", controls: ["CC6.1"], level: "error", description: "Private only." },
          { ruleId: "AuditLogRetention", controls: ["CC7.2"], level: "error", description: "Keep logs." },
        ],
      },
    ],
    findings: [
      finding({ ruleId: "CognitivePrivateEndpoint", resourcePath: "prod/openai/other", result: "suppressed", detail: "no endpoint", suppressionReason: reason }),
      finding({}),
    ],
  };

  test("a control counts the findings of every rule that covers it; a control without findings says so", () => {
    const controls = complianceByControl(data);
    expect(controls.map((c) => c.control)).toEqual(["CC6.1", "CC6.2", "CC7.2"]);
    expect(controls[0].summary).toMatchObject({ compliant: 1, suppressed: 1, nonCompliant: 0 });
    expect(controls[0].exceptions).toEqual([expect.objectContaining({ resourcePath: "prod/openai/other", kind: "suppression", reason })]);
    expect(controls[1].summary).toMatchObject({ compliant: 1, suppressed: 0 });
    expect(controls[2].evidence).toEqual([]);
    expect(renderComplianceReportMarkdown(data)).toContain("- none: no resource of the rules' types in the stack");
  });

  test("the reason is escaped in the Markdown and comes back unchanged from the HTML", () => {
    const markdown = renderComplianceReportMarkdown(data);
    const section = markdown.split("\n### SOC2 CC6.1\n")[1].split("\n### ")[0];
    expect(section).toContain("- `prod/openai/other` CognitivePrivateEndpoint (suppression): Accepted by &lt;CISO&gt; until 2027 \"Q1\" &amp; 'reviewed' \\| see \\`ticket\\`");
    expect(section).not.toContain("<CISO>");
    const doc = parseXhtml(renderComplianceReportHtml(data));
    const items = allElements(doc).filter((e) => e.localName === "li" && e.hasAttribute("data-path")).map((e) => e.textContent);
    expect(items).toEqual([`prod/openai/other CognitivePrivateEndpoint (suppression): ${reason}`]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
