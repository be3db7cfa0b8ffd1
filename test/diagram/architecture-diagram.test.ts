import { ArchitectureDiagram, diagramNodeId, principalKey } from "../../lib/diagram";
import { escapeMermaid } from "../../lib/diagram/escape";
import { BUILT_IN_ROLES } from "../../lib/identity/role-catalog";
import { environment, synthEnvironmentFiles } from "../helpers/environment";
import { TerraformJson } from "../helpers/synth";
import { allElements, parseXhtml, withAttribute } from "./xml";

const { stack, files } = synthEnvironmentFiles(environment("prod"), ["cdk.tf.json", ArchitectureDiagram.MARKDOWN_FILE, ArchitectureDiagram.HTML_FILE]);
const diagram = ArchitectureDiagram.of(stack);
const json: TerraformJson = JSON.parse(files["cdk.tf.json"]);
const markdown = files[ArchitectureDiagram.MARKDOWN_FILE];
const html = files[ArchitectureDiagram.HTML_FILE];
const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? "";
const doc = parseXhtml(html);

/** `[logicalId, attributes]` of every resource of a type in the synthesized JSON. */
const entries = (type: string): [string, any][] => Object.entries(json.resource?.[type] ?? {});
/** The Terraform address a `${type.id...}` reference points at. */
const target = (reference: string): string => {
  const match = /^\$\{(?:[a-z_]+\()?([a-z_]+)\.([A-Za-z0-9_-]+)\./.exec(reference);
  if (!match) throw new Error(`not a reference: ${reference}`);
  return `${match[1]}.${match[2]}`;
};
const idOf = (type: string, logicalId: string) => diagramNodeId(`${type}.${logicalId}`);
/** The label of node `id` in the Mermaid chart, or undefined when the chart does not define it. */
const mermaidLabel = (id: string): string | undefined =>
  new RegExp(`^\\s+${id}[\\[({/]+"(.*)"[\\])}/]+$`, "m").exec(mermaid)?.[1];
const htmlBox = (id: string) => doc.getElementById(id);
const edge = (from: string, label: string, to: string, arrow = "-->") => `${from} ${arrow}|"${escapeMermaid(label)}"| ${to}`;

describe("architecture diagram of the default prod stack", () => {
  test("is written beside cdk.tf.json, once per stack", () => {
    expect(ArchitectureDiagram.of(stack)).toBe(diagram);
    // synthEnvironmentFiles read both files from the stack directory, beside cdk.tf.json.
    expect(markdown.length).toBeGreaterThan(0);
    expect(html.length).toBeGreaterThan(0);
    expect(mermaid).toMatch(/^flowchart LR\n/);
  });

  test.each(["azurerm_cognitive_account", "azurerm_private_endpoint", "azurerm_key_vault"])("every %s is a box in both pictures", (type) => {
    const list = entries(type);
    expect(list.length).toBeGreaterThanOrEqual(2);
    for (const [logicalId, attrs] of list) {
      const id = idOf(type, logicalId);
      expect(mermaidLabel(id)).toContain(escapeMermaid(attrs.name));
      expect(htmlBox(id)?.getAttribute("data-address")).toBe(`${type}.${logicalId}`);
      expect(htmlBox(id)?.textContent).toContain(attrs.name);
    }
  });

  test("each account is titled by its kind: OpenAI account, Content Safety account (the gateway's)", () => {
    const titles = entries("azurerm_cognitive_account").map(([logicalId, attrs]) => [attrs.kind, mermaidLabel(idOf("azurerm_cognitive_account", logicalId))?.split("</b>")[0]]);
    expect(titles.length).toBeGreaterThan(0);
    for (const [kind, title] of titles) {
      expect(title).toMatch(kind === "OpenAI" ? /^<b>OpenAI account / : kind === "ContentSafety" ? /^<b>Content Safety account / : /^<b>Foundry resource /);
    }
    expect(titles.map(([kind]) => kind)).toContain("ContentSafety");
  });

  test("each account sits in its region's subgraph", () => {
    for (const [logicalId, attrs] of entries("azurerm_cognitive_account")) {
      const subgraph = new RegExp(`subgraph region_\\d+\\["Region ${attrs.location}"\\]\\n([\\s\\S]*?)\\n  end`).exec(mermaid)?.[1];
      expect(subgraph).toContain(idOf("azurerm_cognitive_account", logicalId));
    }
  });

  test("every archive storage account is drawn with the retention of each category and its write-once container", () => {
    // The accounts' settings archive; the vaults' audit settings go to the workspace only.
    const archives = new Set(entries("azurerm_monitor_diagnostic_setting").filter(([, d]) => d.storage_account_id).map(([, d]) => target(d.storage_account_id)));
    expect(archives.size).toBe(entries("azurerm_cognitive_account").filter(([, a]) => a.kind !== "ContentSafety").length);
    for (const address of archives) {
      const id = diagramNodeId(address);
      const label = mermaidLabel(id) ?? "";
      expect(label).toContain("archive storage");
      expect(htmlBox(id)?.getAttribute("data-address")).toBe(address);
      const policy = entries("azurerm_storage_management_policy").find(([, p]) => target(p.storage_account_id) === address)?.[1];
      for (const rule of policy.rule) {
        expect(label).toContain(` ${rule.actions.base_blob.delete_after_days_since_modification_greater_than} days`);
      }
      expect(label).toContain("Audit: 2190 days");
    }
    for (const [logicalId, attrs] of entries("azurerm_storage_container_immutability_policy")) {
      const id = idOf("azurerm_storage_container_immutability_policy", logicalId);
      expect(mermaidLabel(id)).toContain(`${attrs.immutability_period_in_days} days<br/>${attrs.locked ? "locked" : "unlocked"}`);
      const container = target(attrs.storage_container_resource_manager_id).split(".")[1];
      const account = target(json.resource!.azurerm_storage_container[container].storage_account_id);
      expect(mermaid).toContain(edge(id, "in", diagramNodeId(account), "-.->"));
    }
  });

  test("every role assignment is an arrow from its principal to its scope, labelled with the role name", () => {
    const assignments = entries("azurerm_role_assignment");
    expect(assignments.length).toBeGreaterThanOrEqual(3);
    const roleName = (definitionId: string) =>
      Object.values(BUILT_IN_ROLES).find((r) => definitionId.endsWith(`/roleDefinitions/${r.guid}`))!.displayName;
    for (const [logicalId, attrs] of assignments) {
      const principal = attrs.principal_id.startsWith("${") ? diagramNodeId(target(attrs.principal_id)) : diagramNodeId(principalKey(attrs.principal_id));
      const scope = diagramNodeId(target(attrs.scope));
      const role = roleName(attrs.role_definition_id);
      expect(mermaid).toContain(edge(principal, role, scope));
      expect(markdown).toContain(`azurerm_role_assignment.${logicalId}`);
      const [row] = withAttribute(doc, "data-address", `azurerm_role_assignment.${logicalId}`);
      expect(row?.textContent).toContain(role);
      expect(htmlBox(principal)).toBeTruthy();
      expect(htmlBox(scope)).toBeTruthy();
    }
  });

  test("endpoints link to their accounts, keys encrypt their accounts, diagnostics go to the workspace, the VNets are peered", () => {
    for (const [logicalId, attrs] of entries("azurerm_private_endpoint")) {
      const account = diagramNodeId(target(attrs.private_service_connection.private_connection_resource_id));
      expect(mermaid).toContain(edge(idOf("azurerm_private_endpoint", logicalId), "private link", account));
      expect(mermaid).toContain(edge(idOf("azurerm_private_endpoint", logicalId), "in", diagramNodeId(target(attrs.subnet_id)), "-.->"));
    }
    const cmks = entries("azurerm_cognitive_account_customer_managed_key");
    expect(cmks.length).toBe(entries("azurerm_cognitive_account").filter(([, a]) => a.kind !== "ContentSafety").length);
    for (const [, attrs] of cmks) {
      expect(mermaid).toContain(edge(diagramNodeId(target(attrs.key_vault_key_id)), "encrypts (CMK)", diagramNodeId(target(attrs.cognitive_account_id))));
    }
    for (const [, attrs] of entries("azurerm_monitor_diagnostic_setting")) {
      const from = diagramNodeId(target(attrs.target_resource_id));
      expect(mermaid).toMatch(new RegExp(`${from} -->\\|"diagnostics: [^"]*"\\| ${diagramNodeId(target(attrs.log_analytics_workspace_id))}`));
      if (attrs.storage_account_id) expect(mermaid).toMatch(new RegExp(`${from} -->\\|"archive: [^"]*"\\| ${diagramNodeId(target(attrs.storage_account_id))}`));
    }
    const peered = entries("azurerm_virtual_network_peering").map(([, p]) => diagramNodeId(target(p.remote_virtual_network_id)));
    expect(peered).toHaveLength(2);
    expect(mermaid).toMatch(new RegExp(`(${peered[0]} <-->\\|"peered"\\| ${peered[1]}|${peered[1]} <-->\\|"peered"\\| ${peered[0]})`));
  });

  test("the workspace shows its retention and the DNS zones their VNet links", () => {
    for (const [logicalId, attrs] of entries("azurerm_log_analytics_workspace")) {
      expect(mermaidLabel(idOf("azurerm_log_analytics_workspace", logicalId))).toContain(`retention ${attrs.retention_in_days} days`);
    }
    for (const [, attrs] of entries("azurerm_private_dns_zone_virtual_network_link")) {
      expect(mermaid).toContain(edge(diagramNodeId(target(attrs.private_dns_zone_name)), `VNet link ${attrs.name}`, diagramNodeId(target(attrs.virtual_network_id))));
    }
  });

  test("every arrow of the chart joins two boxes the chart defines", () => {
    const defined = new Set([...mermaid.matchAll(/^\s+(n_[A-Za-z0-9_]+)[[({/]/gm)].map((m) => m[1]));
    const arrows = [...mermaid.matchAll(/^\s+(n_\w+) (?:-->|-\.->|<-->)\|"[^"]*"\| (n_\w+)$/gm)];
    expect(arrows.length).toBeGreaterThan(20);
    for (const [, from, to] of arrows) {
      expect(defined).toContain(from);
      expect(defined).toContain(to);
    }
  });

  test("the HTML page is self-contained: no script, nothing loaded from the network", () => {
    const elements = allElements(doc);
    expect(elements.filter((e) => ["script", "link", "img", "iframe", "object", "embed"].includes(e.localName ?? ""))).toEqual([]);
    for (const e of elements) {
      for (const attribute of ["src", "href"]) {
        const value = e.getAttribute(attribute);
        if (value !== null && value !== "") expect(value).toMatch(/^#/);
      }
    }
    expect(html).not.toMatch(/@import|url\(/);
  });
});
