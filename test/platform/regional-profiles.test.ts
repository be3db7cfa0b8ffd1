import { REGIONAL_PROFILES } from "../../stacks/regional-profiles";
import { environmentStack, synthEnvironment } from "../helpers/environment";
import { onlyResource, resourceList, validationErrors } from "../helpers/synth";
import { failed, problemsIn } from "../helpers/problems";

describe.each(Object.entries(REGIONAL_PROFILES))("regional profile %s", (_, profile) => {
  test("synthesizes with no residency problem", () => {
    expect(validationErrors(environmentStack(profile))).toEqual([]);
  });

  test("places the account in its region and tags the residency", () => {
    const account = onlyResource(synthEnvironment(profile), "azurerm_cognitive_account");
    expect(account.location).toBe(profile.regions[0].location);
    expect(account.tags["data-residency"]).toBe(profile.residency);
  });

  test("its deployments keep processing inside the residency", () => {
    for (const d of resourceList(synthEnvironment(profile), "azurerm_cognitive_deployment")) {
      expect(d.sku.name).not.toMatch(/^Global/);
    }
  });

  test("moving it to a Global SKU fails the synth", () => {
    const violating = { ...profile, deployments: profile.deployments.map((d) => ({ ...d, sku: "GlobalStandard" as const })) };
    expect(validationErrors(environmentStack(violating)).join("\n")).toMatch(/GlobalStandard processes data in any Azure region worldwide/);
  });
});

test("the Australian profile rejects a data-zone SKU (APAC has no data zone)", () => {
  const au = REGIONAL_PROFILES.australia;
  const violating = { ...au, deployments: au.deployments.map((d) => ({ ...d, sku: "DataZoneStandard" as const })) };
  expect(validationErrors(environmentStack(violating)).join("\n")).toMatch(/DataZoneStandard needs a data zone, and australiaeast is in none/);
});

test("the US healthcare profile rejects a European region", () => {
  const us = REGIONAL_PROFILES.ushealth;
  expect(problemsIn(validationErrors(environmentStack({ ...us, regions: [{ location: "westeurope", priority: 1, network: { addressSpace: "10.70.0.0/24" } }] })))).toContainEqual(
    failed("regions[0].location", { path: "ushealth", value: "westeurope", rule: /inside residency "us"/ }),
  );
});
