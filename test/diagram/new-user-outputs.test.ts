/**
 * Issue 22: what a new user reads stays truthful. Placeholders are visible in the warnings, the
 * compliance report and the diagram; tokens print as words, not `${...}`; gateway workloads are
 * drawn connected to the gateway; built-in weakenings count in the report's headline.
 */
import * as fs from "fs";
import * as path from "path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { VirtualNetwork } from "@cdktf/provider-azurerm/lib/virtual-network";
import { TerraformStack } from "cdktf";
import { extractArchitecture } from "../../lib/diagram/extract";
import { readableValue } from "../../lib/diagram/labels";
import { OpenAiEnvironmentStack } from "../../lib/environment/openai-environment-stack";
import { isPlaceholderPrincipalId } from "../../lib/identity/principal";
import { environment } from "../helpers/environment";
import { tempOutdir, testApp } from "../helpers/synth";

describe("the reference prod environment (placeholders, weakenings, the gateway)", () => {
  const config = environment("prod");
  const outdir = tempOutdir();
  const app = testApp(outdir);
  const stack = new OpenAiEnvironmentStack(app, config);
  app.synth();
  const read = (file: string) => fs.readFileSync(path.join(outdir, "stacks", stack.node.id, file), "utf8");
  // Without the AOAI_*_GROUP_ID variables (as in the tests), the access entries hold placeholders.
  const placeholders = [...new Set((config.access ?? []).map((a) => a.principalId).filter(isPlaceholderPrincipalId))];

  test("the config under test has placeholders (else this suite proves nothing)", () => {
    expect(placeholders.length).toBeGreaterThan(0);
  });

  test("the synth warns once about the stack's placeholders, naming each with its variable", () => {
    const warnings = app.warnings.filter((w) => w.message.startsWith("placeholder value(s)"));
    expect(warnings).toEqual([{ path: stack.node.path, message: expect.any(String) }]);
    for (const id of placeholders) expect(warnings[0].message).toMatch(new RegExp(`${id} \\(placeholder for AOAI_[A-Z_]+_GROUP_ID \\(not set\\)\\)`));
    expect(warnings[0].message).toContain("AOAI_REQUIRE_PRINCIPALS=1");
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    expect(manifest.stacks[stack.node.id].annotations).toContainEqual(expect.objectContaining({ level: "@cdktf/warn", message: warnings[0].message }));
  });

  test("the compliance report lists the placeholders with their variables and says the stack is not deployable", () => {
    const report = JSON.parse(read("compliance-report.json"));
    expect(report.placeholders.map((p: { value: string }) => p.value).sort()).toEqual([...placeholders].sort());
    for (const p of report.placeholders) {
      expect(p.note).toMatch(/^placeholder for AOAI_[A-Z_]+_GROUP_ID \(not set\)$/);
      expect(p.resourcePaths.length).toBeGreaterThan(0);
    }
    expect(read("compliance-report.md")).toMatch(/^Result: passed; .*; \d+ placeholder\(s\): not deployable as synthesized\.$/m);
  });

  test("the archives' built-in trusted-services weakening counts in the headline, not as a silent 'compliant'", () => {
    const report = JSON.parse(read("compliance-report.json"));
    const weakened = report.findings.filter((f: { result: string; detail: string | null }) => f.result === "compliant" && f.detail?.startsWith("acknowledged weakening"));
    expect(weakened.length).toBeGreaterThan(0);
    expect(report.summary.weakenings).toBe(weakened.length);
    expect(read("compliance-report.md")).toContain(`, ${weakened.length} accepted weakening(s)`);
    expect(read("compliance-report.html")).toContain(`, ${weakened.length} accepted weakening(s)`);
  });

  test("the diagram marks each placeholder principal as one", () => {
    const principals = extractArchitecture(stack).nodes.filter((n) => n.kind === "principal");
    for (const id of placeholders) {
      const node = principals.find((n) => n.key === `principal:${id}`);
      expect(node?.title).toMatch(/\(PLACEHOLDER\)$/);
      expect(node?.lines).toContainEqual(expect.stringMatching(/^placeholder for AOAI_[A-Z_]+_GROUP_ID \(not set\): Azure rejects it at apply$/));
    }
    expect(read("architecture.md")).toContain("(PLACEHOLDER)");
  });

  test("each gateway workload identity is drawn calling the gateway that admits it", () => {
    const model = extractArchitecture(stack);
    const gateways = model.nodes.filter((n) => n.kind === "gateway");
    const identities = model.nodes.filter((n) => n.kind === "identity");
    expect(gateways).toHaveLength(1);
    expect(identities.length).toBeGreaterThan(0);
    for (const identity of identities) {
      expect(model.edges).toContainEqual(expect.objectContaining({ from: identity.id, to: gateways[0].id, kind: "admission" }));
    }
  });
});

describe("tokens in the diagram", () => {
  test("expressions read as words", () => {
    expect(readableValue("${data.terraform_remote_state.cross-stack-reference-input-hub.outputs.cross-stack-output-azurerm_subnetpe_id}")).toBe(
      "(from stack hub)",
    );
    expect(readableValue("${azurerm_resource_group.rg.location}")).toBe("(set at apply: location of azurerm_resource_group.rg)");
    expect(readableValue("${var.region}")).toBe("(variable region, set at apply)");
    expect(readableValue('/subscriptions/${lookup({a = "b"}, "a")}/x')).toBe("/subscriptions/(set at apply)/x");
    expect(readableValue("swedencentral")).toBe("swedencentral");
  });

  test("a token-valued location and a cross-stack subnet print no ${...} anywhere in the model", () => {
    const app = testApp();
    const hub = new TerraformStack(app, "hub");
    new AzurermProvider(hub, "azurerm", { features: [{}] });
    const hubGroup = new ResourceGroup(hub, "rg", { name: "hub-rg", location: "swedencentral" });
    const spoke = new TerraformStack(app, "spoke");
    new AzurermProvider(spoke, "azurerm", { features: [{}] });
    const group = new ResourceGroup(spoke, "rg", { name: "rg", location: "swedencentral" });
    new VirtualNetwork(spoke, "vnet", { name: hubGroup.name, resourceGroupName: "rg", location: group.location, addressSpace: ["10.0.0.0/24"] });
    app.synth();
    const model = extractArchitecture(spoke);
    const printed = JSON.stringify({ regions: model.regions, nodes: model.nodes.map((n) => [n.title, n.lines, n.region]) });
    expect(printed).not.toContain("${");
    expect(model.regions).toEqual(["(set at apply: location of azurerm_resource_group.rg)"]);
    expect(model.nodes.map((n) => n.title)).toContain("VNet (from stack hub)");
  });
});
