import { environment, synthEnvironment } from "../helpers/environment";
import { resources } from "../helpers/synth";
import { EnvironmentConfig } from "../../lib/environment/environment-config";

// The platform alone: the gateway in front of it has its own tests (test/gateway).
const prod = { ...environment("prod"), gateway: undefined };

function workspaces(config: EnvironmentConfig) {
  return Object.entries(resources(synthEnvironment(config), "azurerm_log_analytics_workspace")).map(([address, w]: [string, any]) => ({
    address,
    name: w.name,
    location: w.location,
  }));
}

describe("audit workspace location", () => {
  const swapped: EnvironmentConfig = { ...prod, regions: prod.regions.map((r, i) => ({ ...r, priority: prod.regions.length - i })) };

  test("the swapped config really makes another region priority 1", () => {
    const first = (c: EnvironmentConfig) => [...c.regions].sort((a, b) => a.priority - b.priority)[0].location;
    expect(first(swapped)).not.toBe(first(prod));
  });

  test("lives in the environment's resource group location", () => {
    expect(workspaces(prod)).toEqual([expect.objectContaining({ location: prod.location })]);
  });

  test("swapping region priorities changes neither its address, nor its name, nor its location", () => {
    expect(workspaces(swapped)).toEqual(workspaces(prod));
  });

  test("logging.workspaceLocation still overrides the default", () => {
    const other = prod.regions.find((r) => r.location !== prod.location)!.location;
    const [moved] = workspaces({ ...prod, logging: { ...prod.logging, workspaceLocation: other } });
    expect(moved.location).toBe(other);
    expect(moved.address).toBe(workspaces(prod)[0].address);
  });
});
