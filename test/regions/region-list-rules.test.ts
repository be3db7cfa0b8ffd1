import { locationResidencyProblems, regionPriorityProblems, RESIDENCY_POLICIES, skuResidencyProblems, uniqueRegionProblems } from "../../lib/regions";

const at = (i: number) => `regions[${i}]`;

describe("region list rules", () => {
  test("a repeated location or priority is reported where it repeats, naming the first", () => {
    const regions = [
      { location: "swedencentral", priority: 1 },
      { location: "francecentral", priority: 1 },
      { location: "swedencentral", priority: 2 },
    ];
    expect(uniqueRegionProblems(regions, at)).toEqual([
      { prop: "regions[1].priority", value: 1, rule: "allowed: a different priority for each region (regions[0] has it)" },
      { prop: "regions[2].location", value: "swedencentral", rule: "allowed: each location once (regions[0] has it)" },
    ]);
  });

  test("priorities outside 1-100 are the range rule's problem, not repeats", () => {
    const regions = [{ priority: 0 }, { priority: 0 }, { priority: 1.5 }, { priority: 100 }];
    expect(regionPriorityProblems(regions, at).map((p) => [p.prop, p.value])).toEqual([
      ["regions[0].priority", 0],
      ["regions[1].priority", 0],
      ["regions[2].priority", 1.5],
    ]);
    expect(uniqueRegionProblems(regions, at)).toEqual([]);
  });

  test("a field left out (reported by the caller already) is not checked", () => {
    expect(uniqueRegionProblems([{ location: "swedencentral" }, { location: undefined }, {}], at)).toEqual([]);
  });
});

describe("residency rules", () => {
  const eu = RESIDENCY_POLICIES.eu;

  test("a location outside the policy, with the caller's name and reason", () => {
    expect(locationResidencyProblems(eu, [{ prop: "location", location: "eastus", because: "the resource group lives there" }, { prop: "x", location: "swedencentral" }])).toEqual([
      { prop: "location", value: "eastus", rule: expect.stringMatching(/^allowed: a location inside residency "eu" \(.*swedencentral.*\); the resource group lives there$/) },
    ]);
  });

  test("a SKU outside the policy is reported once per deployment, at its first location", () => {
    const found = skuResidencyProblems(eu, ["swedencentral", "francecentral"], [{ name: "chat", sku: "GlobalStandard" }, { name: "ok", sku: "Standard" }], (_, i) => `deployments[${i}].sku`);
    expect(found).toEqual([{ prop: "deployments[0].sku", value: "GlobalStandard", rule: expect.stringContaining("processes data in any Azure region worldwide") }]);
  });
});
