import { ContentFilter, ContentFilterProps } from "../../lib/openai";
import { openAiAccount } from "../helpers/openai";
import { onlyResource, synthJson, testStack, validationErrors } from "../helpers/synth";

function policy(props: Partial<ContentFilterProps> = {}) {
  const stack = testStack();
  const account = openAiAccount(stack, { name: "aoai-t", resourceGroupName: "rg" });
  new ContentFilter(stack, "cf", { account, ...props });
  return { stack, resource: onlyResource(synthJson(stack), "azurerm_cognitive_account_rai_policy") };
}

describe("ContentFilter names and order as Azure echoes them (PutRaiPolicy.json / GetRaiPolicy.json, 2025-06-01)", () => {
  const { resource } = policy();

  test("harm categories use Azure's spelling, Selfharm, never SelfHarm", () => {
    const names = resource.content_filter.map((f: any) => f.name);
    expect(names).toContain("Selfharm");
    expect(names).not.toContain("SelfHarm");
  });

  test("filters are in Azure's order: category by category, Prompt then Completion, then Jailbreak", () => {
    expect(resource.content_filter.map((f: any) => `${f.name}/${f.source}`)).toEqual([
      "Hate/Prompt", "Hate/Completion", "Sexual/Prompt", "Sexual/Completion",
      "Selfharm/Prompt", "Selfharm/Completion", "Violence/Prompt", "Violence/Completion", "Jailbreak/Prompt",
    ]);
  });

  test("only the Jailbreak filter's severity, which Azure drops, is ignored; nothing else in content_filter", () => {
    const index = resource.content_filter.findIndex((f: any) => f.name === "Jailbreak");
    expect(index).toBe(8);
    expect(resource.lifecycle).toEqual({ ignore_changes: [`content_filter[${index}].severity_threshold`] });
    // The provider requires a value from Low/Medium/High even where Azure ignores it.
    expect(resource.content_filter[index]).toEqual({ name: "Jailbreak", filter_enabled: true, block_enabled: true, severity_threshold: "High", source: "Prompt" });
  });
});

describe("ContentFilter options", () => {
  test("without jailbreak blocking there is no filter whose severity Azure drops, and no ignore_changes", () => {
    const { resource } = policy({ blockJailbreak: false });
    expect(resource.content_filter.map((f: any) => f.name)).not.toContain("Jailbreak");
    expect(resource.lifecycle).toBeUndefined();
  });

  test("categoryThresholds.Selfharm sets both Selfharm filters", () => {
    const { resource } = policy({ categoryThresholds: { Selfharm: "Low" } });
    expect(resource.content_filter.filter((f: any) => f.name === "Selfharm").map((f: any) => f.severity_threshold)).toEqual(["Low", "Low"]);
  });

  test("the old key SelfHarm is still accepted and means Selfharm", () => {
    const { stack, resource } = policy({ categoryThresholds: { SelfHarm: "High" } });
    expect(validationErrors(stack)).toEqual([]);
    expect(resource.content_filter.filter((f: any) => f.name === "Selfharm").map((f: any) => f.severity_threshold)).toEqual(["High", "High"]);
  });
});
