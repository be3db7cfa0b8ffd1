import { escapeMarkdownCell, escapeMermaid } from "./escape";
import { ArchitectureModel, DiagramEdge, DiagramNode, DiagramNodeKind } from "./model";

/** Colours per kind, shared with the HTML page so both pictures read the same. */
export const KIND_STYLE: Readonly<Record<DiagramNodeKind, { readonly fill: string; readonly stroke: string; readonly label: string }>> = {
  gateway: { fill: "#fee2e2", stroke: "#b91c1c", label: "AI gateway" },
  account: { fill: "#dbeafe", stroke: "#1d4ed8", label: "OpenAI account" },
  deployment: { fill: "#e0e7ff", stroke: "#4338ca", label: "Model deployment" },
  contentFilter: { fill: "#fce7f3", stroke: "#be185d", label: "Content filter" },
  privateEndpoint: { fill: "#dcfce7", stroke: "#15803d", label: "Private endpoint" },
  virtualNetwork: { fill: "#ecfccb", stroke: "#4d7c0f", label: "Virtual network" },
  subnet: { fill: "#f0fdf4", stroke: "#4d7c0f", label: "Subnet" },
  broughtSubnet: { fill: "#f5f5f4", stroke: "#57534e", label: "Brought subnet" },
  archive: { fill: "#fef3c7", stroke: "#b45309", label: "Archive storage" },
  writeOnceContainer: { fill: "#fde68a", stroke: "#92400e", label: "Write-once container" },
  keyVault: { fill: "#ede9fe", stroke: "#6d28d9", label: "Key vault" },
  key: { fill: "#f5f3ff", stroke: "#6d28d9", label: "Key" },
  dnsZone: { fill: "#cffafe", stroke: "#0e7490", label: "Private DNS zone" },
  workspace: { fill: "#ffedd5", stroke: "#c2410c", label: "Audit workspace" },
  identity: { fill: "#f1f5f9", stroke: "#334155", label: "Workload identity" },
  principal: { fill: "#fafafa", stroke: "#334155", label: "Person or group" },
  other: { fill: "#ffffff", stroke: "#6b7280", label: "Other" },
};

/** The Mermaid `flowchart` of the model: a subgraph per region, one for shared resources, then the arrows. */
export function renderMermaid(model: ArchitectureModel): string {
  const lines = ["flowchart LR"];
  model.regions.forEach((region, index) => {
    lines.push(`  subgraph region_${index}["${escapeMermaid(`Region ${region}`)}"]`, "    direction TB");
    for (const node of model.nodes.filter((n) => n.region === region)) lines.push(`    ${nodeLine(node)}`);
    lines.push("  end");
  });
  const shared = model.nodes.filter((n) => n.region === undefined);
  if (shared.length > 0) {
    lines.push(`  subgraph shared["Shared"]`, "    direction TB");
    for (const node of shared) lines.push(`    ${nodeLine(node)}`);
    lines.push("  end");
  }
  for (const edge of model.edges) lines.push(`  ${edgeLine(edge)}`);
  for (const [kind, style] of Object.entries(KIND_STYLE)) {
    const ids = model.nodes.filter((n) => n.kind === kind).map((n) => n.id);
    if (ids.length === 0) continue;
    lines.push(`  classDef ${kind} fill:${style.fill},stroke:${style.stroke},color:#111827`, `  class ${ids.join(",")} ${kind}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The Markdown file: the Mermaid chart (GitHub renders it), then the boxes and the access table in words. */
export function renderArchitectureMarkdown(model: ArchitectureModel): string {
  const titles = new Map(model.nodes.map((n) => [n.id, n.title]));
  const roles = model.edges.filter((e) => e.kind === "role");
  return [
    `# Architecture: ${model.stack}`,
    "",
    "Generated at synthesis from the stack's Terraform resources. How to read it: docs/DIAGRAMS.md.",
    "",
    "```mermaid",
    renderMermaid(model).trimEnd(),
    "```",
    "",
    "## Access",
    "",
    "| Principal | Role | Scope | Terraform address |",
    "| --- | --- | --- | --- |",
    ...roles.flatMap((e) =>
      e.addresses.map((a) => `| ${cell(titles.get(e.from) ?? e.from)} | ${cell(e.label)} | ${cell(titles.get(e.to) ?? e.to)} | ${cell(a)} |`),
    ),
    "",
    "## Boxes",
    "",
    "| Node | Region | What | Terraform address or key | Construct path |",
    "| --- | --- | --- | --- | --- |",
    ...model.nodes.map((n) => `| ${cell(n.id)} | ${cell(n.region ?? "shared")} | ${cell([n.title, ...n.lines].join("; "))} | ${cell(n.key)} | ${cell(n.path ?? "")} |`),
    "",
  ].join("\n");
}

function nodeLine(node: DiagramNode): string {
  const label = [`<b>${escapeMermaid(node.title)}</b>`, ...node.lines.map(escapeMermaid)].join("<br/>");
  const [open, close] = SHAPES[node.kind] ?? ["[", "]"];
  return `${node.id}${open}"${label}"${close}`;
}

const SHAPES: Partial<Record<DiagramNodeKind, [string, string]>> = {
  archive: ["[(", ")]"],
  workspace: ["[(", ")]"],
  principal: ["([", "])"],
  identity: ["([", "])"],
  key: ["[/", "/]"],
  dnsZone: ["{{", "}}"],
};

function edgeLine(edge: DiagramEdge): string {
  const arrow = edge.bidirectional ? "<-->" : edge.kind === "placement" ? "-.->" : "-->";
  return `${edge.from} ${arrow}|"${escapeMermaid(edge.label)}"| ${edge.to}`;
}

function cell(text: string): string {
  return escapeMarkdownCell(text);
}
