import * as fs from "fs";
import * as path from "path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Aspects, TerraformStack, Testing } from "cdktf";
import {
  ACKNOWLEDGED_WEAKENING_PREFIX,
  ComplianceFinding,
  complianceHeadline,
  ComplianceReport,
  GdprPack,
  HipaaPack,
  renderComplianceReportJson,
  renderComplianceReportMarkdown,
  Soc2Pack,
  summarizeCompliance,
} from "../../../lib/governance/compliance";
import { synthProblems, tempOutdir, testApp, testStack } from "../../helpers/synth";
import { compliantComposition, secureAccount } from "./fixtures";

function stackIn(app: ReturnType<typeof testApp>, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  return stack;
}

const finding = (overrides: Partial<ComplianceFinding>): ComplianceFinding => ({
  ruleId: "CognitiveLocalAuthDisabled",
  pack: "SOC2",
  controls: ["CC6.1"],
  level: "error",
  resourcePath: "prod/openai/resource",
  resourceType: "azurerm_cognitive_account",
  result: "compliant",
  ...overrides,
});

describe("report files", () => {
  const outdir = tempOutdir();
  const app = testApp(outdir);
  const prod = stackIn(app, "prod");
  compliantComposition(prod);
  [new Soc2Pack(), new HipaaPack(), new GdprPack()].forEach((pack) => Aspects.of(prod).add(pack));
  const dev = stackIn(app, "dev");
  compliantComposition(dev, "dev");
  Aspects.of(dev).add(new GdprPack());
  const plain = stackIn(app, "plain");
  secureAccount(plain);
  app.synth();
  const read = (stack: string, file: string) => fs.readFileSync(path.join(outdir, "stacks", stack, file), "utf8");

  test("are written beside each stack's Terraform JSON", () => {
    for (const stack of ["prod", "dev"]) {
      expect(fs.readdirSync(path.join(outdir, "stacks", stack)).sort()).toEqual(
        ["cdk.tf.json", "compliance-report.html", "compliance-report.json", "compliance-report.md"],
      );
    }
  });

  test("a stack without packs gets no report", () => {
    expect(fs.readdirSync(path.join(outdir, "stacks/plain"))).toEqual(["cdk.tf.json"]);
  });

  test("the JSON parses and carries the packs, a summary and every finding", () => {
    const report = JSON.parse(read("prod", "compliance-report.json"));
    expect(report.stack).toBe("prod");
    expect(report.packs.map((p: { name: string }) => p.name)).toEqual(["SOC2", "HIPAA", "GDPR"]);
    expect(report.summary).toMatchObject({ nonCompliant: 0, errors: 0, warnings: 0, suppressed: 0, passed: true });
    expect(report.summary.total).toBe(report.findings.length);
    expect(report.summary.compliant + report.summary.notApplicable).toBe(report.findings.length);
    expect(report.findings).toContainEqual({
      ruleId: "RequestResponseRetentionLimit",
      pack: "GDPR",
      controls: ["Art. 5(1)(e)"],
      level: "error",
      resourcePath: "prod/openai/resource",
      resourceType: "azurerm_cognitive_account",
      result: "compliant",
      detail: "storage account prod/archive: insights-logs-requestresponse/ deleted after 30 days (rule \"delete-insightslogsrequestresponse\" of prod/lifecycle)",
      suppressionReason: null,
    });
  });

  test("not-applicable findings say why", () => {
    const report = JSON.parse(read("dev", "compliance-report.json"));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: "CognitiveCustomerManagedKey", result: "not-applicable", detail: 'not production (environment tag "dev")' }),
    );
  });

  test("the Markdown has a summary table per pack and a findings table", () => {
    const markdown = read("prod", "compliance-report.md");
    expect(markdown).toMatch(/^# Compliance report: prod\n/);
    expect(markdown).toContain("| Pack | Compliant | Of which accepted weakenings | Non-compliant (error) | Non-compliant (warning) | Suppressed | Not applicable |");
    expect(markdown).toMatch(/\| HIPAA \| \d+ \| \d+ \| 0 \| 0 \| 0 \| \d+ \|/);
    expect(markdown).toContain("| Result | Pack | Rule | Controls | Level | Resource | Detail | Suppression reason |");
    expect(markdown).toContain("| compliant | HIPAA | AuditLogRetention | 164.312(b) | error | `prod/openai/resource` |");
    expect(markdown).toContain("| GDPR | DataResidencyRespected | Art. 44 | error |");
  });
});

test("a failing stack writes no report (GuardedApp writes nothing)", () => {
  const outdir = tempOutdir();
  const app = testApp(outdir);
  const stack = stackIn(app, "prod");
  secureAccount(stack, "account", { publicNetworkAccessEnabled: true });
  Aspects.of(stack).add(new Soc2Pack());
  expect(synthProblems(app)).toContainEqual(expect.stringMatching(/^\[prod\/account\] SOC2 CognitivePublicNetworkAccessDisabled/));
  expect(fs.readdirSync(outdir)).toEqual([]);
});

test("the in-memory report lists non-compliant findings first", () => {
  const stack = testStack();
  secureAccount(stack, "account", { localAuthEnabled: true });
  Aspects.of(stack).add(new Soc2Pack());
  Testing.synth(stack);
  const results = ComplianceReport.of(stack).findings.map((f) => f.result);
  expect(results[0]).toBe("non-compliant");
  expect(results.indexOf("compliant")).toBeGreaterThan(results.lastIndexOf("non-compliant"));
});

describe("summarizeCompliance and renderComplianceReportMarkdown", () => {
  test("an unsuppressed error fails the summary; warnings and suppressions do not", () => {
    expect(summarizeCompliance([finding({ result: "non-compliant", level: "warning" }), finding({ result: "suppressed" })])).toEqual({
      total: 2,
      compliant: 0,
      nonCompliant: 1,
      suppressed: 1,
      notApplicable: 0,
      errors: 0,
      warnings: 1,
      weakenings: 0,
      passed: true,
    });
    expect(summarizeCompliance([finding({ result: "non-compliant" })])).toMatchObject({ errors: 1, passed: false });
  });

  test("a compliant finding that rests on an acknowledged weakening is counted in the headline (issue 22)", () => {
    const weakened = finding({ result: "compliant", detail: `${ACKNOWLEDGED_WEAKENING_PREFIX} securityExceptions.publicNetworkAccess: trusted services` });
    const data = { stack: "s", packs: [], findings: [weakened, finding({ result: "compliant" })] };
    expect(summarizeCompliance(data.findings)).toMatchObject({ compliant: 2, weakenings: 1, suppressed: 0 });
    expect(complianceHeadline(data)).toBe("passed; 0 warning(s), 0 suppressed, 1 accepted weakening(s).");
    expect(renderComplianceReportMarkdown(data)).toContain("Result: passed; 0 warning(s), 0 suppressed, 1 accepted weakening(s).");
    expect(JSON.parse(renderComplianceReportJson(data)).summary.weakenings).toBe(1);
  });

  test("placeholders are named in the headline and listed (issue 22)", () => {
    const data = {
      stack: "s",
      packs: [],
      findings: [],
      placeholders: [{ value: "00000000-0000-0000-0000-000000000001", note: "placeholder for AOAI_X (not set)", resourcePaths: ["s/grant"] }],
    };
    expect(complianceHeadline(data)).toBe("passed; 0 warning(s), 0 suppressed, 0 accepted weakening(s); 1 placeholder(s): not deployable as synthesized.");
    expect(renderComplianceReportMarkdown(data)).toContain("- `00000000-0000-0000-0000-000000000001`: placeholder for AOAI\\_X (not set), used by `s/grant`");
    expect(JSON.parse(renderComplianceReportJson(data)).placeholders).toEqual(data.placeholders);
  });

  test("cells cannot break the table", () => {
    const markdown = renderComplianceReportMarkdown({
      stack: "s",
      packs: [],
      findings: [finding({ result: "suppressed", suppressionReason: "a | b\nc d e f g" })],
    });
    expect(markdown).toContain("| a \\| b c d e f g |");
  });
});
