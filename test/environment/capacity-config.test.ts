import { checkEnvironmentConfig as validateEnvironmentConfig } from "../../lib/environment/config-schema";
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { environment } from "../helpers/environment";

const dev = environment("dev");
const failingPaths = (overrides: Partial<Record<keyof EnvironmentConfig, unknown>>): string[] => {
  const result = validateEnvironmentConfig({ ...dev, allowedModels: [...dev.allowedModels, "gpt-4.1"], ...overrides });
  return result.ok ? [] : result.problems.map((p) => p.split(":")[0]);
};
const deployment = (extra: object) => ({ name: "chat", model: "gpt-4.1", version: "2025-04-14", sku: "DataZoneProvisionedManaged", capacity: 15, ...extra });

describe("capacity settings in the environment config", () => {
  test.each(["error", "warning", "off", undefined])("capacityCheck %p is accepted", (mode) => {
    expect(failingPaths({ capacityCheck: mode })).toEqual([]);
  });

  test.each(["Error", "warn", 1])("capacityCheck %p is refused at its path", (mode) => {
    expect(failingPaths({ capacityCheck: mode })).toEqual(["capacityCheck"]);
  });

  test("a PTU capacity off the model's minimum or increment is refused at the deployment's capacity", () => {
    expect(failingPaths({ deployments: [deployment({ capacity: 10 }), deployment({ name: "bb", capacity: 16 }), deployment({ name: "cc", capacity: 20 })] })).toEqual([
      "deployments[0].capacity",
      "deployments[1].capacity",
    ]);
  });

  test("spilloverDeploymentName is a known deployment key and must be a deployment name", () => {
    expect(failingPaths({ deployments: [deployment({ spilloverDeploymentName: "paygo" })] })).toEqual([]);
    expect(failingPaths({ deployments: [deployment({ spilloverDeploymentName: "-bad name" })] })).toEqual(["deployments[0].spilloverDeploymentName"]);
  });
});
