import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { environment, environmentStack } from "../helpers/environment";
import { validationErrors } from "../helpers/synth";

const dev = environment("dev");
const errorsFor = (overrides: Partial<EnvironmentConfig>) => validationErrors(environmentStack({ ...dev, ...overrides }));

describe("environment config validation", () => {
  test("the default config is valid", () => {
    expect(errorsFor({})).toEqual([]);
  });

  test("total capacity above the environment's cap fails", () => {
    expect(errorsFor({ capacityCapK: 60 })).toEqual([
      '[dev] deployments: "100K TPM in total" is not allowed; allowed: at most capacityCapK = 60K TPM',
    ]);
  });

  test("capacity counts once per region", () => {
    const errors = errorsFor({ regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.99.11.0/24" } }, { location: "francecentral", priority: 2, network: { addressSpace: "10.99.22.0/24" } }] });
    expect(errors).toEqual([expect.stringContaining('"200K TPM in total" is not allowed')]);
  });

  test("a bad environment name fails", () => {
    expect(errorsFor({ name: "Prod_1" }).join("\n")).toMatch(/\[Prod_1\] name: "Prod_1" is not allowed/);
  });

  test("a bad workload name fails", () => {
    expect(errorsFor({ workload: "-x" }).join("\n")).toMatch(/workload: "-x" is not allowed/);
  });

  test("no region fails", () => {
    expect(errorsFor({ regions: [] })).toEqual(expect.arrayContaining([expect.stringMatching(/^\[dev\] regions: \[\] is not allowed; allowed: a non-empty list of regions$/)]));
  });

  test("a region without Azure OpenAI is named in the error", () => {
    expect(errorsFor({ regions: [{ location: "westus2", priority: 1, network: { addressSpace: "10.99.51.0/24" } }] }).join("\n")).toMatch(/^\[dev\] regions\[0\]\.location: "westus2" is not allowed; allowed: a region that offers Azure OpenAI \(.*\); did you mean "westus"\?$/);
  });
});
