/**
 * Issue 23 item 2: each rule between fields is one function, called by the config boundary with
 * config paths and by the construct with its prop names. The same input gives the same value
 * and the same rule at both boundaries; only the name differs.
 */
import { EnvironmentConfig, OpenAiPlatform, OpenAiPlatformProps, PropChecks, PropProblem, ResourceNaming, validateEnvironmentConfig } from "../../lib";
import { checkGatewayProps } from "../../lib/gateway/gateway-checks";
import type { OpenAiGatewayProps } from "../../lib/gateway/gateway-props";
import { environment } from "../helpers/environment";
import { failedProps, testStack } from "../helpers/synth";

const dev = environment("dev");

/** The config boundary's problem at `path` (its text form `path: value is not allowed; rule`). */
function configProblem(config: EnvironmentConfig, path: string): string | undefined {
  const result = validateEnvironmentConfig(config);
  return result.ok ? undefined : result.problems.find((p) => p.startsWith(`${path}: `));
}

/** The platform built from the config's values, and the problems of its props. */
function platformProblems(config: EnvironmentConfig): PropProblem[] {
  const stack = testStack("platform");
  const props: OpenAiPlatformProps = {
    owner: config.owner,
    naming: new ResourceNaming({ workload: config.workload, environment: config.name }),
    resourceGroupName: "rg",
    location: config.location,
    residency: config.residency,
    regions: config.regions,
    deployments: config.deployments,
    capacityCapK: config.capacityCapK,
    allowedModels: config.allowedModels,
  };
  new OpenAiPlatform(stack, "openai", props);
  return failedProps(stack);
}

/** Both boundaries report `value` with the same rule: at `configPath` and at the prop `prop`. */
function expectSameProblem(config: EnvironmentConfig, configPath: string, prop: string, value: unknown): void {
  const found = platformProblems(config).find((p) => p.prop === prop);
  expect(found).toEqual(expect.objectContaining({ prop, value }));
  expect(configProblem(config, configPath)).toBe(`${configPath}: ${JSON.stringify(value)} is not allowed; ${found!.rule}`);
}

describe("the platform's rules at the config boundary", () => {
  test("a repeated region priority: regions[1].priority in both", () => {
    const second = { location: "francecentral", priority: dev.regions[0]!.priority, network: { addressSpace: "10.31.0.0/24" } };
    expectSameProblem({ ...dev, regions: [dev.regions[0]!, second] }, "regions[1].priority", "regions[1].priority", second.priority);
  });

  test("a priority out of range", () => {
    expectSameProblem({ ...dev, regions: [{ ...dev.regions[0]!, priority: 101 }] }, "regions[0].priority", "regions[0].priority", 101);
  });

  test("a model outside the allowlist: deployments[0].model in the config, deployments[<name>].model on the platform", () => {
    const config = { ...dev, allowedModels: ["gpt-4.1"] };
    expectSameProblem(config, "deployments[0].model", `deployments[${dev.deployments[0]!.name}].model`, dev.deployments[0]!.model);
  });

  test("capacity over the cap: deployments, with the total", () => {
    const config = { ...dev, capacityCapK: 1 };
    const total = dev.deployments.reduce((sum, d) => sum + d.capacity, 0) * dev.regions.length;
    expectSameProblem(config, "deployments", "deployments", `${total}K TPM in total`);
  });

  test("a region outside the residency: regions[0].location in the config, regions[<location>] on the platform", () => {
    const config = { ...dev, location: "westeurope", regions: [{ ...dev.regions[0]!, location: "eastus" }] };
    expectSameProblem(config, "regions[0].location", "regions[eastus]", "eastus");
  });
});

describe("the gateway's rules at the config boundary", () => {
  const prod = environment("prod");
  const gateway = prod.gateway!;
  const workload = gateway.workloads[0]!;

  /** The gateway props of the same values, as far as the rules read them. */
  function gatewayProblems(over: Partial<OpenAiGatewayProps>): readonly PropProblem[] {
    const c = new PropChecks();
    const props = {
      name: "aoai-prod-sdc-apim",
      resourceGroupName: "rg",
      location: "swedencentral",
      environment: "prod",
      publisherEmail: gateway.publisherEmail,
      backends: [{ account: { accountId: "/subscriptions/s/a", accountName: "a", location: "swedencentral", customSubdomainName: "a" } as never, priority: 1 }],
      network: { subnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/apim" },
      workspace: { workspaceId: "/subscriptions/s/ws", location: "swedencentral" },
      limits: gateway.limits,
      costLimits: gateway.costLimits,
      models: ["gpt-5.4"],
      workloads: [{ key: workload.key, clientId: "00000000-0000-0000-0000-000000000001", requestsPerMinute: workload.requestsPerMinute, tokensPerMinute: workload.tokensPerMinute }],
      ...over,
    } as OpenAiGatewayProps;
    checkGatewayProps(c, props);
    return c.problems;
  }

  function expectSame(configGateway: object, over: Partial<OpenAiGatewayProps>, prop: string, value: unknown): void {
    const found = gatewayProblems(over).find((p) => p.prop === prop);
    expect(found).toEqual(expect.objectContaining({ prop, value }));
    const text = configProblem({ ...prod, gateway: { ...gateway, ...configGateway } as never }, `gateway.${prop}`);
    // The gateway rules name other fields in their text too: gateway.<path> in the config.
    expect(text).toBe(`gateway.${prop}: ${JSON.stringify(value)} is not allowed; ${found!.rule.replace(/(costLimits|limits)\./g, "gateway.$1.")}`);
  }

  test("a workload asking more than the environment's limit", () => {
    const rpm = gateway.limits.requestsPerMinute + 1;
    expectSame({ workloads: [{ ...workload, requestsPerMinute: rpm }] }, { workloads: [{ key: workload.key, clientId: "00000000-0000-0000-0000-000000000001", requestsPerMinute: rpm, tokensPerMinute: 1 }] }, "workloads[0].requestsPerMinute", rpm);
  });

  test("a daily budget above the monthly one", () => {
    const costLimits = { ...gateway.costLimits, dailyUsd: gateway.costLimits.monthlyUsd + 1 };
    expectSame({ costLimits }, { costLimits }, "costLimits.dailyUsd", costLimits.dailyUsd);
  });

  test("capacity and circuit-breaker ranges", () => {
    expectSame({ sku: "Premium", capacity: 13 }, { sku: "Premium", capacity: 13 }, "capacity", 13);
    expectSame({ circuitBreaker: { tripSeconds: 0 } }, { circuitBreaker: { tripSeconds: 0 } }, "circuitBreaker.tripSeconds", 0);
  });
});
