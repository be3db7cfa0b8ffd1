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

  test("filters are in Azure's order: category by category, Prompt then Completion, then the shields", () => {
    expect(resource.content_filter.map((f: any) => `${f.name}/${f.source}`)).toEqual([
      "Hate/Prompt", "Hate/Completion", "Sexual/Prompt", "Sexual/Completion",
      "Selfharm/Prompt", "Selfharm/Completion", "Violence/Prompt", "Violence/Completion",
      "Jailbreak/Prompt", "Indirect Attack/Prompt", "Protected Material Text/Completion", "Protected Material Code/Completion",
    ]);
  });

  test("every shield is on and blocking", () => {
    const shields = resource.content_filter.slice(8);
    expect(shields).toHaveLength(4);
    for (const f of shields) expect(f).toMatchObject({ filter_enabled: true, block_enabled: true });
  });

  test("only the shields' severities, which Azure drops, are ignored; nothing else in content_filter", () => {
    expect(resource.content_filter.findIndex((f: any) => f.name === "Jailbreak")).toBe(8);
    expect(resource.lifecycle).toEqual({ ignore_changes: [8, 9, 10, 11].map((i) => `content_filter[${i}].severity_threshold`) });
    // The provider requires a value from Low/Medium/High even where Azure ignores it.
    expect(resource.content_filter[8]).toEqual({ name: "Jailbreak", filter_enabled: true, block_enabled: true, severity_threshold: "High", source: "Prompt" });
    for (const f of resource.content_filter.slice(0, 8)) expect(f.severity_threshold).toBe("Medium");
  });
});

describe("ContentFilter options", () => {
  test("without any shield there is no filter whose severity Azure drops, and no ignore_changes", () => {
    const { resource } = policy({ blockJailbreak: false, blockIndirectAttacks: false, blockProtectedMaterial: false });
    expect(resource.content_filter.map((f: any) => f.name)).not.toContain("Jailbreak");
    expect(resource.content_filter).toHaveLength(8);
    expect(resource.lifecycle).toBeUndefined();
  });

  test("a shield left out moves the ignored indices with the list", () => {
    const { resource } = policy({ blockJailbreak: false });
    expect(resource.content_filter.slice(8).map((f: any) => f.name)).toEqual(["Indirect Attack", "Protected Material Text", "Protected Material Code"]);
    expect(resource.lifecycle).toEqual({ ignore_changes: [8, 9, 10].map((i) => `content_filter[${i}].severity_threshold`) });
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
