import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { ArchitectureModel, diagramNodeId, principalKey } from "../../lib/diagram";
import { escapeHtml, escapeMermaid } from "../../lib/diagram/escape";
import { extractArchitecture } from "../../lib/diagram/extract";
import { renderArchitectureHtml } from "../../lib/diagram/html";
import { renderArchitectureMarkdown, renderMermaid } from "../../lib/diagram/mermaid";
import { testStack } from "../helpers/synth";
import { parseXhtml } from "./xml";

const NASTY = `a "quoted" <b>bold</b> & 'single' [x] (y) {z} |pipe| #35; \`tick\` back\\slash`;

const model: ArchitectureModel = {
  stack: `stack ${NASTY}`,
  regions: [`region ${NASTY}`],
  nodes: [
    { id: diagramNodeId("a.one"), key: `a.one ${NASTY}`, kind: "account", title: `title ${NASTY}`, lines: [`line ${NASTY}`], region: `region ${NASTY}` },
    { id: diagramNodeId("b.two"), key: "b.two", kind: "principal", title: "two", lines: [] },
  ],
  edges: [{ from: diagramNodeId("b.two"), to: diagramNodeId("a.one"), label: `role ${NASTY}`, kind: "role", bidirectional: false, addresses: [`addr ${NASTY}`] }],
};

describe("escaping", () => {
  test("a Mermaid label keeps no character Mermaid reads, and # is escaped first", () => {
    const escaped = escapeMermaid(NASTY);
    expect(escaped).not.toMatch(/["<>[\](){}|`\\&]/);
    expect(escaped).toContain("#quot;quoted#quot;");
    expect(escaped).toContain("#lt;b#gt;");
    expect(escaped).toContain("#35;35;"); // the literal "#35;" is not left to be read as an entity
    expect(escapeMermaid("two\nlines")).toBe("two lines");
  });

  test("HTML text escapes & < > \" '", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  test("the Mermaid chart quotes every label and leaks no raw quote, bracket or tag from the text", () => {
    const chart = renderMermaid(model);
    const nodeLine = chart.split("\n").find((l) => l.trim().startsWith(diagramNodeId("a.one")))!;
    const label = /^\s+\w+\["(.*)"\]$/.exec(nodeLine)?.[1];
    expect(label).toBeDefined();
    // Only the renderer's own <b> and <br/> may remain as markup.
    expect(label!.replace(/<\/?b>|<br\/>/g, "")).not.toMatch(/["<>[\](){}|`\\]/);
    expect(chart).toContain(`subgraph region_0["Region region ${escapeMermaid(NASTY)}"]`);
    expect(chart).toContain(`${diagramNodeId("b.two")} -->|"role ${escapeMermaid(NASTY)}"| ${diagramNodeId("a.one")}`);
  });

  test("the Markdown tables escape the text", () => {
    const md = renderArchitectureMarkdown(model).split("```").slice(2).join("");
    expect(md).not.toContain("<b>");
    expect(md).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(md).toContain("\\|pipe\\|");
  });

  test("the HTML page parses as XML and gives the text back unchanged", () => {
    const doc = parseXhtml(renderArchitectureHtml(model));
    const box = doc.getElementById(diagramNodeId("a.one"))!;
    expect(box.getAttribute("data-address")).toBe(`a.one ${NASTY}`);
    const texts = Array.from(box.getElementsByTagName("div")).map((d) => d.textContent);
    expect(texts).toContain(`title ${NASTY}`);
    expect(texts).toContain(`line ${NASTY}`);
    expect(doc.getElementsByTagName("title")[0].textContent).toBe(`Architecture: stack ${NASTY}`);
    expect(doc.getElementsByTagName("b")).toHaveLength(0);
  });

  test("a page with a stray tag fails the strict parse (the check can fail)", () => {
    expect(() => parseXhtml(renderArchitectureHtml(model).replace("<body>", "<body><div>"))).toThrow();
  });
});

describe("extraction", () => {
  test("a brought subnet and a principal given by object ID are drawn as boxes outside the stack's resources", () => {
    const stack = testStack("brought");
    const subnetId = "/subscriptions/s/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub-vnet/subnets/pe-snet";
    new PrivateEndpoint(stack, "endpoint", {
      name: "pe",
      location: "swedencentral",
      resourceGroupName: "rg",
      subnetId,
      privateServiceConnection: { name: "c", isManualConnection: false, privateConnectionResourceId: "/subscriptions/s/x/accounts/acct", subresourceNames: ["account"] },
    });
    new RoleAssignment(stack, "grant", {
      principalId: "11111111-2222-3333-4444-555555555555",
      principalType: "User",
      roleDefinitionName: "Reader",
      scope: "/subscriptions/s/resourceGroups/rg",
    });
    const extracted = extractArchitecture(stack);
    const brought = extracted.nodes.find((n) => n.kind === "broughtSubnet");
    expect(brought).toMatchObject({ title: "brought subnet subnets/pe-snet", region: "swedencentral" });
    const principal = extracted.nodes.find((n) => n.id === diagramNodeId(principalKey("11111111-2222-3333-4444-555555555555")));
    expect(principal?.kind).toBe("principal");
    expect(extracted.edges).toContainEqual(expect.objectContaining({ from: principal!.id, label: "Reader", kind: "role" }));
  });
});
