import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { environment, environmentStack } from "../helpers/environment";
import { validationErrors } from "../helpers/synth";
import {  } from "../helpers/problems";

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

describe("Foundry fields of the environment config (issue 24)", () => {
  const { validateEnvironmentConfig } = jest.requireActual("../../lib/environment/config-schema") as typeof import("../../lib/environment/config-schema");
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
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^kind: "openai" is not allowed; allowed: one of AIServices, OpenAI/),
        expect.stringMatching(/^foundryUpgrade: "allow" is not allowed; allowed: \{ decision: "allow" \} or \{ decision: "optOut", reason \}/),
        expect.stringMatching(/^projects\[0\]\.name: "-x" is not allowed/),
        expect.stringMatching(/^projects\[0\]\.team: .*is not allowed/),
        expect.stringMatching(/^regions\[0\]\.agentSubnet\.subnetId: "agents" is not allowed/),
      ]),
    );
  });

  test("kind OpenAI without a decision fails the synth on foundryUpgrade", () => {
    expect(errorsFor({ kind: "OpenAI", projects: undefined }).join("\n")).toMatch(/foundryUpgrade: \(missing\) is not allowed; allowed: a decision for this kind-OpenAI account/);
  });
});
