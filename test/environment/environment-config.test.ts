import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { environment, environmentStack } from "../helpers/environment";
import { validationErrors } from "../helpers/synth";
import { failed, problemsIn } from "../helpers/problems";

const dev = environment("dev");
const errorsFor = (overrides: Partial<EnvironmentConfig>) => validationErrors(environmentStack({ ...dev, ...overrides }));

describe("environment config validation", () => {
  test("the default config is valid", () => {
    expect(errorsFor({})).toEqual([]);
  });

  test("total capacity above the environment's cap fails", () => {
    expect(problemsIn(errorsFor({ capacityCapK: 60 }))).toEqual([failed("deployments", { path: "dev", value: "100K TPM in total", rule: /at most capacityCapK = 60K/ })]);
  });

  test("capacity counts once per region", () => {
    const errors = errorsFor({ regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.99.11.0/24" } }, { location: "francecentral", priority: 2, network: { addressSpace: "10.99.22.0/24" } }] });
    expect(problemsIn(errors)).toEqual([failed("deployments", { value: "200K TPM in total" })]);
  });

  test("a bad environment name fails", () => {
    expect(problemsIn(errorsFor({ name: "Prod_1" }))).toContainEqual(failed("name", { path: "Prod_1", value: "Prod_1" }));
  });

  test("a bad workload name fails", () => {
    expect(problemsIn(errorsFor({ workload: "-x" }))).toContainEqual(failed("workload", { value: "-x" }));
  });

  test("no region fails", () => {
    expect(problemsIn(errorsFor({ regions: [] }))).toEqual(expect.arrayContaining([failed("regions", { path: "dev", value: [], rule: /a non-empty list of regions/ })]));
  });

  test("a region without Azure OpenAI is named in the error", () => {
    expect(problemsIn(errorsFor({ regions: [{ location: "westus2", priority: 1, network: { addressSpace: "10.99.51.0/24" } }] }))).toContainEqual(failed("regions[0].location", { path: "dev", value: "westus2", rule: /a region that offers Azure OpenAI \(.*\); did you mean "westus"\?$/ }));
  });
});

describe("Foundry fields of the environment config (issue 24)", () => {
  const { checkEnvironmentConfig: validateEnvironmentConfig } = jest.requireActual("../../lib/environment/config-schema") as typeof import("../../lib/environment/config-schema");
  const problemsOf = (overrides: Record<string, unknown>) => {
    const result = validateEnvironmentConfig({ ...dev, ...overrides });
    return result.ok ? [] : result.problems;
  };

  test("kind, the decision, projects and an agent subnet are accepted as data", () => {
    expect(problemsOf({ kind: "OpenAI", foundryUpgrade: { decision: "optOut", reason: "Approved as Azure OpenAI only until 2027" }, projects: undefined })).toEqual([]);
    expect(
      problemsOf({
        projects: [{ name: "team-a", displayName: "Team A", description: "Agents", access: ["developers"], workloads: ["chatbot"] }],
        regions: [{ ...dev.regions[0], agentSubnet: { subnetId: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/agents", addressPrefix: "192.168.0.0/24" } }],
      }),
    ).toEqual([]);
  });

  test("wrong shapes fail at the boundary with their path, value and what is allowed", () => {
    const problems = problemsOf({
      kind: "openai",
      foundryUpgrade: "allow",
      projects: [{ name: "-x", team: "a" }],
      regions: [{ ...dev.regions[0], agentSubnet: { subnetId: "agents", addressPrefix: "192.168.0.0/24" } }],
    });
    expect(problemsIn(problems)).toEqual(
      expect.arrayContaining([
        failed("kind", { value: "openai", rule: /AIServices, OpenAI/ }),
        failed("foundryUpgrade", { value: "allow" }),
        failed("projects[0].name", { value: "-x" }),
        failed("projects[0].team"),
        failed("regions[0].agentSubnet.subnetId", { value: "agents" }),
      ]),
    );
  });

  test("kind OpenAI without a decision fails the synth on foundryUpgrade", () => {
    expect(problemsIn(errorsFor({ kind: "OpenAI", projects: undefined }))).toContainEqual(failed("foundryUpgrade", { value: undefined, rule: /a decision for this kind-OpenAI/ }));
  });
});
