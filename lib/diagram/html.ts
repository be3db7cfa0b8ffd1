import { escapeHtml } from "./escape";
import { KIND_STYLE } from "./mermaid";
import { ArchitectureModel, DiagramEdge, DiagramNode } from "./model";

/**
 * A self-contained page of the model: no script and nothing fetched from the network, only
 * HTML and an inline style sheet, so it opens offline and passes a strict content policy. Each
 * region is a column of boxes, shared resources follow, then who holds which role where and
 * every connection. The markup is well-formed XML (XHTML syntax), so XML tools can read it.
 */
export function renderArchitectureHtml(model: ArchitectureModel): string {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const shared = model.nodes.filter((n) => n.region === undefined);
  const roles = model.edges.filter((e) => e.kind === "role");
  const h = escapeHtml;
  const name = (id: string) => {
    const node = byId.get(id);
    return node ? `<a href="#${h(id)}">${h(node.title)}</a>` : h(id);
  };
  const card = (node: DiagramNode) => {
    const outgoing = model.edges.filter((e) => e.from === node.id || (e.bidirectional && e.to === node.id));
    return [
      `<div class="node k-${node.kind}" id="${h(node.id)}" data-address="${h(node.key)}">`,
      `<div class="kind">${h(KIND_STYLE[node.kind].label)}</div>`,
      `<div class="title">${h(node.title)}</div>`,
      ...node.lines.map((line) => `<div class="line">${h(line)}</div>`),
      outgoing.length === 0
        ? ""
        : `<ul class="out">${outgoing
            .map((e) => `<li>${e.bidirectional ? "&#8596;" : "&#8594;"} ${h(e.label)}: ${name(e.from === node.id ? e.to : e.from)}</li>`)
            .join("")}</ul>`,
      `</div>`,
    ].join("");
  };
  const section = (title: string, nodes: readonly DiagramNode[]) =>
    `<section class="group"><h2>${h(title)}</h2>${nodes.map(card).join("\n")}</section>`;
  const edgeRow = (e: DiagramEdge) =>
    `<tr data-address="${h(e.addresses.join(" "))}"><td>${name(e.from)}</td><td>${e.bidirectional ? "&#8596;" : "&#8594;"} ${h(e.label)}</td><td>${name(e.to)}</td><td><code>${h(e.addresses.join(", "))}</code></td></tr>`;
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>
<title>${h(`Architecture: ${model.stack}`)}</title>
<style>
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #111827; background: #f9fafb; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 0 0 8px; } h3 { font-size: 15px; margin: 24px 0 8px; }
.note { color: #4b5563; margin: 0 0 16px; }
.layout { display: flex; gap: 16px; align-items: flex-start; flex-wrap: wrap; }
.group { background: #ffffff; border: 2px solid #9ca3af; border-radius: 10px; padding: 12px; flex: 1 1 300px; min-width: 280px; }
.node { border: 2px solid; border-radius: 8px; padding: 6px 8px; margin: 0 0 8px; }
.kind { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #374151; }
.title { font-weight: 600; word-break: break-all; }
.line { font-size: 13px; word-break: break-word; }
.out { margin: 4px 0 0; padding-left: 16px; font-size: 12px; color: #374151; }
.out a, td a { color: #1d4ed8; }
table { border-collapse: collapse; background: #ffffff; width: 100%; font-size: 13px; }
th, td { border: 1px solid #d1d5db; padding: 4px 6px; text-align: left; vertical-align: top; }
code { font-size: 11px; word-break: break-all; }
.legend span { display: inline-block; border: 2px solid; border-radius: 6px; padding: 0 6px; margin: 0 4px 4px 0; font-size: 12px; }
${Object.entries(KIND_STYLE)
  .map(([kind, s]) => `.k-${kind} { background: ${s.fill}; border-color: ${s.stroke}; }`)
  .join("\n")}
</style>
</head>
<body>
<h1>${h(`Architecture: ${model.stack}`)}</h1>
<p class="note">Generated at synthesis from the stack's Terraform resources; arrows are listed under each box and in the tables below.</p>
<p class="legend">${Object.entries(KIND_STYLE)
    .filter(([kind]) => model.nodes.some((n) => n.kind === kind))
    .map(([kind, s]) => `<span class="k-${kind}">${h(s.label)}</span>`)
    .join("")}</p>
<div class="layout">
${model.regions.map((region) => section(`Region ${region}`, model.nodes.filter((n) => n.region === region))).join("\n")}
${shared.length > 0 ? section("Shared", shared) : ""}
</div>
<h3>Access</h3>
<table><thead><tr><th>Principal</th><th>Role</th><th>Scope</th><th>Terraform address</th></tr></thead><tbody>
${roles
  .flatMap((e) => e.addresses.map((a) => `<tr data-address="${h(a)}"><td>${name(e.from)}</td><td>${h(e.label)}</td><td>${name(e.to)}</td><td><code>${h(a)}</code></td></tr>`))
  .join("\n")}
</tbody></table>
<h3>Connections</h3>
<table><thead><tr><th>From</th><th>Meaning</th><th>To</th><th>Drawn from</th></tr></thead><tbody>
${model.edges.map(edgeRow).join("\n")}
</tbody></table>
</body>
</html>
`;
}
