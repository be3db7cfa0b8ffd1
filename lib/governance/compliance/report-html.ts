import { ComplianceResult } from "./finding";
import { complianceByControl, complianceHeadline, ComplianceReportData, ComplianceSummary, summarizeCompliance } from "./report-render";

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML content or an attribute value: `& < > " '` become entities. */
function h(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const RESULT_CLASS: Readonly<Record<ComplianceResult, string>> = {
  compliant: "ok",
  "non-compliant": "bad",
  suppressed: "sup",
  "not-applicable": "na",
};

/**
 * The HTML report: one self-contained page (inline style sheet, no script, nothing fetched from
 * the network) with the summary per pack, then per pack and control the rules that cover it,
 * the resources that are its evidence, the counts and every suppression or weakening with its
 * reason, then every finding. The markup is well-formed XML (XHTML syntax).
 */
export function renderComplianceReportHtml(data: ComplianceReportData): string {
  const total = summarizeCompliance(data.findings);
  const controls = complianceByControl(data);
  const counts = (s: ComplianceSummary) =>
    [s.compliant, s.nonCompliant, s.suppressed, s.notApplicable].map((n, i) => `<td class="num${n > 0 ? ` ${["ok", "bad", "sup", "na"][i]}` : ""}">${n}</td>`).join("");
  const withWeakenings = (s: ComplianceSummary) => `${counts(s)}<td class="num${s.weakenings > 0 ? " sup" : ""}">${s.weakenings}</td>`;
  const result = (r: ComplianceResult) => `<span class="r ${RESULT_CLASS[r]}">${h(r)}</span>`;
  const controlId = (pack: string, control: string) => `control-${pack}-${control}`.replace(/[^A-Za-z0-9_-]+/g, "_");
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>
<title>${h(`Compliance report: ${data.stack}`)}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #111827; background: #f9fafb; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; } h3 { font-size: 15px; margin: 0 0 6px; }
table { border-collapse: collapse; background: #ffffff; font-size: 13px; margin: 0 0 12px; }
th, td { border: 1px solid #d1d5db; padding: 4px 6px; text-align: left; vertical-align: top; }
td.num { text-align: right; }
code { font-size: 12px; word-break: break-all; }
.control { background: #ffffff; border: 1px solid #d1d5db; border-left: 6px solid #16a34a; border-radius: 6px; padding: 10px 12px; margin: 0 0 12px; }
.control.has-bad { border-left-color: #dc2626; } .control.has-sup { border-left-color: #d97706; }
.r { border-radius: 4px; padding: 0 5px; font-size: 12px; white-space: nowrap; }
.ok { background: #dcfce7; } .bad { background: #fee2e2; } .sup { background: #fef3c7; } .na { background: #f3f4f6; }
.passed { color: #15803d; font-weight: 600; } .failed { color: #b91c1c; font-weight: 600; }
</style>
</head>
<body>
<h1>${h(`Compliance report: ${data.stack}`)}</h1>
<p>Packs: ${h(data.packs.map((p) => `${p.name} (${p.title})`).join("; ") || "none")}.</p>
<p>Result: <span class="${total.passed ? "passed" : "failed"}">${h(complianceHeadline(data))}</span></p>
${
  data.placeholders?.length
    ? `<h2>Placeholders</h2>
<p>Azure rejects these values at apply; the stack cannot be deployed as synthesized.</p>
<ul class="placeholders">${data.placeholders.map((p) => `<li><code>${h(p.value)}</code>: ${h(p.note)}, used by ${p.resourcePaths.map((r) => `<code>${h(r)}</code>`).join(", ")}</li>`).join("")}</ul>`
    : ""
}
<h2>Summary</h2>
<table><thead><tr><th>Pack</th><th>Compliant</th><th>Non-compliant</th><th>Suppressed</th><th>Not applicable</th><th>Accepted weakenings (of compliant)</th></tr></thead><tbody>
${data.packs.map((p) => `<tr><td>${h(p.name)}</td>${withWeakenings(summarizeCompliance(data.findings.filter((f) => f.pack === p.name)))}</tr>`).join("\n")}
<tr><th>Total</th>${withWeakenings(total)}</tr>
</tbody></table>
<h2>By control</h2>
<table><thead><tr><th>Pack</th><th>Control</th><th>Rules</th><th>Compliant</th><th>Non-compliant</th><th>Suppressed</th><th>Not applicable</th></tr></thead><tbody>
${controls
  .map(
    (c) =>
      `<tr><td>${h(c.pack)}</td><td><a href="#${h(controlId(c.pack, c.control))}">${h(c.control)}</a></td><td>${h(c.rules.map((r) => r.ruleId).join(", "))}</td>${counts(c.summary)}</tr>`,
  )
  .join("\n")}
</tbody></table>
${controls
  .map((c) => {
    const state = c.summary.nonCompliant > 0 ? " has-bad" : c.summary.suppressed > 0 || c.summary.weakenings > 0 ? " has-sup" : "";
    return `<section class="control${state}" id="${h(controlId(c.pack, c.control))}" data-pack="${h(c.pack)}" data-control="${h(c.control)}">
<h3>${h(`${c.pack} ${c.control}`)} <small>${h(c.packTitle)}</small></h3>
<p>Rules:</p>
<ul class="rules">${c.rules.map((r) => `<li><code>${h(r.ruleId)}</code> (${h(r.level)}): ${h(r.description)}</li>`).join("")}</ul>
<table><thead><tr><th>Resource (evidence)</th><th>Type</th><th>Rule</th><th>Result</th><th>Detail</th></tr></thead><tbody>
${c.evidence.map((e) => `<tr data-path="${h(e.resourcePath)}"><td><code>${h(e.resourcePath)}</code></td><td>${h(e.resourceType)}</td><td>${h(e.ruleId)}</td><td>${result(e.result)}</td><td>${h(e.detail ?? "")}</td></tr>`).join("\n") || `<tr><td colspan="5">No resource of the rules' types in the stack.</td></tr>`}
</tbody></table>
<p><strong>Weakenings and suppressions:</strong> ${c.exceptions.length === 0 ? "none." : ""}</p>
${c.exceptions.length === 0 ? "" : `<ul class="exceptions">${c.exceptions.map((e) => `<li data-path="${h(e.resourcePath)}"><code>${h(e.resourcePath)}</code> ${h(e.ruleId)} (${h(e.kind)}): ${h(e.reason)}</li>`).join("")}</ul>`}
</section>`;
  })
  .join("\n")}
<h2>Findings</h2>
<table><thead><tr><th>Result</th><th>Pack</th><th>Rule</th><th>Controls</th><th>Level</th><th>Resource</th><th>Detail</th><th>Suppression reason</th></tr></thead><tbody>
${data.findings
  .map(
    (f) =>
      `<tr><td>${result(f.result)}</td><td>${h(f.pack)}</td><td>${h(f.ruleId)}</td><td>${h(f.controls.join(", "))}</td><td>${h(f.level)}</td><td><code>${h(f.resourcePath)}</code></td><td>${h(f.detail ?? "")}</td><td>${h(f.suppressionReason ?? "")}</td></tr>`,
  )
  .join("\n")}
</tbody></table>
</body>
</html>
`;
}
