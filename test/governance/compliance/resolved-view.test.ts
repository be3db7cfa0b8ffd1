import * as fs from "fs";
import * as path from "path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Aspects, TerraformResource, TerraformStack } from "cdktf";
import { ArchitectureDiagram } from "../../../lib/diagram";
import { RuleContext, Soc2Pack } from "../../../lib/governance/compliance";
import { tempOutdir, testApp } from "../../helpers/synth";
import { compliantComposition } from "./fixtures";

/**
 * The compliance packs, the compliance report and the architecture diagram read one resolved
 * view of each stack per synthesis: each resource is resolved by the library at most once.
 */
function composedApp({ pack = true } = {}, outdir = tempOutdir()) {
  const app = testApp(outdir);
  const stack = new TerraformStack(app, "prod");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  const composition = compliantComposition(stack);
  if (pack) Aspects.of(stack).add(new Soc2Pack());
  ArchitectureDiagram.of(stack);
  return { app, stack, composition, outdir };
}

/** How often the library resolved each resource's configuration during `run`, by node path. */
function resolutionsDuring(run: () => void): Map<string, number> {
  const counts = new Map<string, number>();
  const toTerraform = jest.spyOn(TerraformResource.prototype, "toTerraform");
  const resolve = jest.spyOn(RuleContext.prototype, "resolve");
  try {
    run();
    // A resource's configuration reaches RuleContext.resolve as the value its toTerraform returned.
    const byResult = new Map<unknown, string>();
    toTerraform.mock.results.forEach((result, i) => byResult.set(result.value, (toTerraform.mock.contexts[i] as TerraformResource).node.path));
    for (const [value] of resolve.mock.calls) {
      const resourcePath = byResult.get(value);
      if (resourcePath) counts.set(resourcePath, (counts.get(resourcePath) ?? 0) + 1);
    }
  } finally {
    toTerraform.mockRestore();
    resolve.mockRestore();
  }
  return counts;
}

describe("one resolved view per stack and synthesis", () => {
  test("packs, report and both diagram pages resolve each resource at most once", () => {
    const { app } = composedApp();
    const counts = resolutionsDuring(() => app.synth());
    // The packs judged resources and the diagram drew them: the view was used at all.
    expect(counts.size).toBeGreaterThan(3);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
  });

  test.each([true, false])("a second synthesis in the same tick reads the tree as it stands then (packs: %s)", (pack) => {
    const { app, stack, composition, outdir } = composedApp({ pack });
    const page = () => fs.readFileSync(path.join(outdir, "stacks", stack.node.id, ArchitectureDiagram.MARKDOWN_FILE), "utf8");
    app.synth();
    expect(page()).toContain("kv-compliant");
    composition.vault.name = "kv-renamed";
    app.synth();
    expect(page()).toContain("kv-renamed");
    expect(page()).not.toContain("kv-compliant");
  });
});
