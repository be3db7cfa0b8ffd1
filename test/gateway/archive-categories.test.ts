import { RetentionArchive } from "../../lib/monitoring/retention-archive";
import { environment, environmentStack } from "../helpers/environment";
import { resourceList, synthJson } from "../helpers/synth";

// The gateway's log categories join the archive through addCategory: the archive keeps the one
// management policy and its rules; the gateway no longer rebuilds them.
describe("the gateway archives its categories through the archive", () => {
  const stack = environmentStack(environment("prod"));
  const gatewayLocation = environment("prod").gateway!.location ?? stack.platform.regions[0]!.region.location;
  const archive = stack.platform.regions.find((r) => r.region.location === gatewayLocation)!.archive as RetentionArchive;
  const json = synthJson(stack);

  test("only the gateway region's archive takes categories", () => {
    expect(stack.platform.regions.filter((r) => (r.archive as RetentionArchive).addedCategories.length > 0).map((r) => r.region.location)).toEqual([gatewayLocation]);
  });

  test("the home archive took both gateway categories, each following the record it belongs with", () => {
    expect(archive.addedCategories.map((c) => [c.category, c.retentionFrom])).toEqual([
      ["GatewayLogs", "Audit"],
      ["GatewayLlmLogs", "AzureOpenAIRequestUsage"],
    ]);
    expect(archive.addedCategories[0]!.deleteAfterDays).toBe(archive.retentionDays.Audit);
  });

  test("one rule per category in the archive's one policy, and the gateway's containers keep their addresses", () => {
    const policies = resourceList(json, "azurerm_storage_management_policy").filter((p) => p.storage_account_id.includes(archive.resource.friendlyUniqueId));
    expect(policies).toHaveLength(1);
    const names = policies[0].rule.map((r: { name: string }) => r.name);
    expect(names.filter((n: string) => n === "deleteGatewayLogs")).toHaveLength(1);
    expect(names.filter((n: string) => n === "deleteGatewayLlmLogs")).toHaveLength(1);
    for (const added of archive.addedCategories) expect(added.container.node.path).toMatch(/\/gateway\/logging\/archive-insights-logs-/);
  });
});
