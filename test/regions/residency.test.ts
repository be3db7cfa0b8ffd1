import {
  checkResidency,
  builtInRole,
  checkResidencyDefinition,
  findRegion,
  findResidencyPolicy,
  DEPLOYMENT_SKUS,
  OPENAI_REGIONS,
  PropChecks,
  PropProblem,
  Residency,
  RESIDENCY_POLICIES,
  resolveResidency,
  ResidencySubject,
} from "../../lib";
import { findModelLifecycle } from "../../lib/openai/model-lifecycle";
import { skuResidencyProblem, skusWithinResidency } from "../../lib/regions";
import { failed } from "../helpers/problems";

/** The residency problems of `subject`, as data (their wording is in test/core/message-catalogue.md). */
function problems(residency: Residency, subject: ResidencySubject): readonly PropProblem[] {
  const c = new PropChecks();
  checkResidencyDefinition(c, residency);
  checkResidency(c, resolveResidency(residency), subject);
  return c.problems;
}

const dz = (sku: string) => [{ name: "chat", sku: sku as any }];

describe("region catalog", () => {
  test("lists every Azure OpenAI region of AZURE-FACTS with its data zone", () => {
    expect(Object.keys(OPENAI_REGIONS)).toHaveLength(28);
    expect(RESIDENCY_POLICIES.eu.allowedRegions).toEqual(
      expect.arrayContaining(["francecentral", "germanywestcentral", "italynorth", "polandcentral", "spaincentral", "swedencentral", "westeurope"]),
    );
    expect(RESIDENCY_POLICIES.eu.allowedRegions).toHaveLength(7);
    expect(RESIDENCY_POLICIES.us.allowedRegions).toHaveLength(7);
  });

  test("Norway, Switzerland and the UK are in Europe but outside the EU data zone", () => {
    for (const r of ["norwayeast", "switzerlandnorth", "switzerlandwest", "uksouth"]) {
      expect(OPENAI_REGIONS[r]).toMatchObject({ geography: "Europe", dataZone: undefined });
      expect(RESIDENCY_POLICIES.eu.allowedRegions).not.toContain(r);
    }
  });

  test("region codes are unique (they go into resource names)", () => {
    const codes = Object.values(OPENAI_REGIONS).map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("residency eu", () => {
  test("accepts EU regions with regional and EU data-zone SKUs", () => {
    expect(problems("eu", { regions: ["swedencentral", "francecentral"], deployments: [...dz("DataZoneStandard"), { name: "p", sku: "ProvisionedManaged" }] })).toEqual([]);
  });

  test("rejects a region outside the EU data zone, naming it and the allowed ones", () => {
    expect(problems("eu", { regions: ["uksouth"], deployments: dz("Standard") })).toEqual([failed("regions[uksouth]", { value: "uksouth" })]);
  });

  test.each(["GlobalStandard", "GlobalProvisionedManaged", "GlobalBatch"])("rejects %s (worldwide processing)", (sku) => {
    expect(problems("eu", { regions: ["swedencentral"], deployments: dz(sku) })).toEqual([
      failed("deployments[chat].sku", { value: sku, rule: new RegExp(`${sku} processes data in any Azure region worldwide`) }),
    ]);
  });

  test("rejects a log destination outside the policy", () => {
    expect(problems("eu", { regions: ["swedencentral"], deployments: dz("Standard"), logDestinations: { workspace: "eastus" } })).toEqual([failed("workspace.location", { value: "eastus" })]);
  });
});

describe("residency us", () => {
  test("rejects EU data-zone processing and accepts the US data zone", () => {
    expect(problems("us", { regions: ["eastus2"], deployments: dz("DataZoneStandard") })).toEqual([]);
    expect(problems("us", { regions: ["westeurope"], deployments: dz("DataZoneStandard") })).toEqual([
      failed("regions[westeurope]", { value: "westeurope", rule: /inside residency "us"/ }),
      failed("deployments[chat].sku", { value: "DataZoneStandard", rule: /DataZoneStandard in westeurope processes data anywhere in the EU data zone/ }),
    ]);
  });
});

describe("residency apac", () => {
  test("allows only regional SKUs, since APAC has no data zone", () => {
    expect(problems("apac", { regions: ["australiaeast"], deployments: dz("Standard") })).toEqual([]);
    expect(problems("apac", { regions: ["australiaeast"], deployments: dz("DataZoneStandard") })).toEqual([
      failed("deployments[chat].sku", { value: "DataZoneStandard", rule: /DataZoneStandard needs a data zone, and australiaeast is in none/ }),
    ]);
    expect(problems("apac", { regions: ["japaneast"], deployments: dz("GlobalStandard") })).toHaveLength(1);
  });

  test("rejects a European region", () => {
    expect(problems("apac", { regions: ["westeurope"], deployments: dz("Standard") })).toEqual([failed("regions[westeurope]", { value: "westeurope" })]);
  });
});

describe("residency global", () => {
  test("accepts every SKU in regions with a data zone", () => {
    const deployments = DEPLOYMENT_SKUS.map((sku) => ({ name: sku, sku }));
    expect(problems("global", { regions: ["eastus", "westeurope"], deployments })).toEqual([]);
  });

  test("still rejects DataZone* where the region has no data zone (Azure offers none there)", () => {
    expect(problems("global", { regions: ["japaneast"], deployments: dz("DataZoneStandard") })).toEqual([
      failed("deployments[chat].sku", { value: "DataZoneStandard", rule: /DataZoneStandard needs a data zone, and japaneast is in none/ }),
    ]);
    expect(problems("global", { regions: ["japaneast"], deployments: dz("GlobalStandard") })).toEqual([]);
  });
});

describe("custom residency", () => {
  const nordics: Residency = { name: "nordics", regions: ["swedencentral", "norwayeast"] };

  test("accepts its own regions with regional SKUs", () => {
    expect(problems(nordics, { regions: ["swedencentral", "norwayeast"], deployments: dz("Standard") })).toEqual([]);
  });

  test("rejects DataZone* unless the policy names that data zone", () => {
    expect(problems(nordics, { regions: ["swedencentral"], deployments: dz("DataZoneStandard") })).toHaveLength(1);
    expect(problems({ ...nordics, dataZone: "EU" }, { regions: ["swedencentral"], deployments: dz("DataZoneStandard") })).toEqual([]);
  });

  test("rejects regions outside its list", () => {
    expect(problems(nordics, { regions: ["westeurope"], deployments: dz("Standard") })).toEqual([failed("regions[westeurope]", { value: "westeurope" })]);
  });

  test("rejects an unknown region or an empty list in the definition", () => {
    expect(problems({ name: "x1", regions: ["atlantis"] }, { regions: [], deployments: [] })).toEqual([failed("residency.regions", { value: "atlantis" })]);
    expect(problems({ name: "x1", regions: [] }, { regions: [], deployments: [] })).toEqual([failed("residency.regions", { value: [] })]);
  });

  test("rejects an unknown built-in policy name", () => {
    const c = new PropChecks();
    checkResidencyDefinition(c, "mars" as any);
    expect(c.problems).toEqual([failed("residency", { value: "mars", rule: /eu, us, apac, global/ })]);
  });
});

describe("table lookups keyed by user input (issue 12: Object.prototype names)", () => {
  test.each(["constructor", "valueOf", "__proto__", "toString", "hasOwnProperty"])("%s is not a region, a residency or a role", (name) => {
    expect(findRegion(name)).toBeUndefined();
    expect(findResidencyPolicy(name)).toBeUndefined();
    expect(builtInRole(name)).toBeUndefined();
    expect(() => problems(name as Residency, { regions: ["swedencentral"], deployments: dz("Standard") })).not.toThrow();
  });

  test("an Object.prototype name as residency gets the normal problem, and allows no region", () => {
    expect(problems("constructor" as Residency, { regions: ["swedencentral"], deployments: [] })).toEqual([failed("residency", { value: "constructor", rule: /eu, us, apac, global/ }), failed("regions[swedencentral]", { value: "swedencentral" })]);
  });

  test("an Object.prototype name as a custom residency's region is an unknown region", () => {
    expect(problems({ name: "nordics", regions: ["valueOf"] }, { regions: [], deployments: [] })).toContainEqual(failed("residency.regions", { value: "valueOf", rule: /regions that offer Azure OpenAI/ }));
  });
});

describe("residency for Foundry Models sold directly by Azure (non-OpenAI)", () => {
  const llama = findModelLifecycle("Llama-3.3-70B-Instruct", "9");
  const mistral = findModelLifecycle("Mistral-Large-3", "1");

  function checked(residency: Residency, subject: ResidencySubject) {
    const c = new PropChecks();
    checkResidency(c, resolveResidency(residency), subject);
    return c.problems;
  }

  test("eu refuses a GlobalStandard Meta model, naming the model and that no SKU it is offered on fits", () => {
    const found = checked("eu", {
      regions: ["swedencentral"],
      deployments: [{ name: "llama", sku: "GlobalStandard", model: "Llama-3.3-70B-Instruct", offeredSkus: llama?.skus }],
    });
    expect(found).toEqual([{ prop: "deployments[llama].sku", value: "GlobalStandard", rule: expect.stringContaining("Llama-3.3-70B-Instruct on GlobalStandard") }]);
    expect(found[0].rule).toContain("offered only on GlobalStandard, GlobalProvisionedManaged, so it cannot be deployed in swedencentral under residency \"eu\"");
  });

  test("eu accepts a Mistral model on DataZoneStandard in an EU region", () => {
    expect(mistral?.skuRegions?.DataZoneStandard).toContain("swedencentral");
    expect(checked("eu", { regions: ["swedencentral"], deployments: [{ name: "mistral", sku: "DataZoneStandard", model: "Mistral-Large-3" }] })).toEqual([]);
  });

  test("eu refuses a Global SKU of a model offered on other SKUs too, without saying it cannot be deployed", () => {
    const found = checked("eu", {
      regions: ["swedencentral"],
      deployments: [{ name: "r", sku: "GlobalStandard", model: "some-model", offeredSkus: ["GlobalStandard", "DataZoneStandard"] }],
    });
    expect(found).toEqual([expect.objectContaining({ prop: "deployments[r].sku", value: "GlobalStandard" })]);
    expect(found[0].rule).not.toContain("cannot be deployed");
  });

  test("global allows the Meta model on GlobalStandard", () => {
    expect(checked("global", { regions: ["eastus2"], deployments: [{ name: "llama", sku: "GlobalStandard", model: "Llama-3.3-70B-Instruct", offeredSkus: llama?.skus }] })).toEqual([]);
  });

  test("skusWithinResidency lists the offered SKUs that keep data inside the policy", () => {
    expect(skusWithinResidency(RESIDENCY_POLICIES.eu, ["GlobalStandard", "GlobalProvisionedManaged"], "swedencentral")).toEqual([]);
    expect(skusWithinResidency(RESIDENCY_POLICIES.eu, ["GlobalStandard", "DataZoneStandard"], "swedencentral")).toEqual(["DataZoneStandard"]);
    expect(skusWithinResidency(RESIDENCY_POLICIES.eu, ["DataZoneStandard"], "uksouth")).toEqual([]);
    expect(skusWithinResidency(RESIDENCY_POLICIES.global, ["GlobalStandard"], "eastus")).toEqual(["GlobalStandard"]);
  });

  test("skuResidencyProblem names the model when given, and only the SKU otherwise", () => {
    expect(skuResidencyProblem(RESIDENCY_POLICIES.eu, "GlobalStandard", "swedencentral", "grok-4")).toMatch(/^grok-4 on GlobalStandard processes data/);
    expect(skuResidencyProblem(RESIDENCY_POLICIES.eu, "GlobalStandard", "swedencentral")).toMatch(/^GlobalStandard processes data/);
  });
});
