import { environment, synthEnvironment } from "../helpers/environment";
import { configProblemPaths } from "../helpers/problems";
import { resourceList } from "../helpers/synth";

const staging = environment("staging");

/** The azapi resources of one type prefix (`Microsoft.Network/networkSecurityPerimeters...`). */
function azapiOfType(json: ReturnType<typeof synthEnvironment>, type: string): any[] {
  return resourceList(json, "azapi_resource").filter((r) => String(r.type).split("@")[0] === type);
}

describe("networkSecurityPerimeter in the environment config", () => {
  test("off by default: no perimeter resources", () => {
    expect(azapiOfType(synthEnvironment(staging), "Microsoft.Network/networkSecurityPerimeters")).toEqual([]);
  });

  test("{} creates one perimeter and associates every account in Learning mode", () => {
    const json = synthEnvironment({ ...staging, networkSecurityPerimeter: {} });
    expect(azapiOfType(json, "Microsoft.Network/networkSecurityPerimeters")).toHaveLength(1);
    const associations = azapiOfType(json, "Microsoft.Network/networkSecurityPerimeters/resourceAssociations");
    const accounts = resourceList(json, "azurerm_cognitive_account").filter((a) => a.kind !== "ContentSafety");
    expect(associations).toHaveLength(accounts.length);
    for (const a of associations) expect(a.body.properties.accessMode).toBe("Learning");
  });

  test("a misspelt key or an unknown mode is a config problem with its path", () => {
    expect(configProblemPaths({ ...staging, networkSecurityPerimeter: { acessMode: "Learning" } })).toEqual([expect.stringMatching(/^networkSecurityPerimeter/)]);
    expect(configProblemPaths({ ...staging, networkSecurityPerimeter: { accessMode: "Audit" } })).toEqual(["networkSecurityPerimeter.accessMode"]);
  });
});
