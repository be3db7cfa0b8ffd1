import { validateEnvironmentConfig } from "../../lib";
import { environment } from "../helpers/environment";

const prod = environment("prod");
const problems = (gateway: unknown, extra: object = {}) => {
  const result = validateEnvironmentConfig({ ...prod, ...extra, gateway });
  return result.ok ? [] : result.problems;
};

describe("gateway config checks", () => {
  test("the default prod gateway is valid", () => {
    expect(problems(prod.gateway)).toEqual([]);
  });

  test("a subnet outside the region's range or over the endpoint subnet is refused with its path", () => {
    expect(problems({ ...prod.gateway, subnetPrefix: "10.20.0.64/27" })).toEqual([
      'gateway.subnetPrefix: "10.20.0.64/27" is not allowed; allowed: a range inside 10.10.0.0/24, the address space of region swedencentral',
    ]);
    expect(problems({ ...prod.gateway, subnetPrefix: "10.10.0.0/27" })[0]).toMatch(/^gateway\.subnetPrefix: "10\.10\.0\.0\/27" is not allowed; allowed: a range that does not overlap the private-endpoint subnet 10\.10\.0\.0\/27/);
  });

  test("a workload naming no identity, or asking more than the environment allows, is refused", () => {
    const w = prod.gateway!.workloads[0]!;
    expect(problems({ ...prod.gateway, workloads: [{ ...w, identity: "chatbott" }] })[0]).toMatch(/^gateway\.workloads\[0\]\.identity: "chatbott" is not allowed; allowed: the key of one of the environment's workloads \(chatbot\)/);
    expect(problems({ ...prod.gateway, workloads: [{ ...w, tokensPerMinute: 3_000_000 }] })).toEqual([
      "gateway.workloads[0].tokensPerMinute: 3000000 is not allowed; allowed: at most gateway.limits.tokensPerMinute = 2000000",
    ]);
    expect(problems({ ...prod.gateway, workloads: [{ ...w, clientId: "00000000-0000-0000-0000-000000000009" }] })[0]).toMatch(/exactly one of identity/);
  });

  test("shapes: unknown keys, a bad SKU, a bad allowlist entry and a missing field are each named", () => {
    const all = problems({ ...prod.gateway, sku: "Standard", limitz: 1, workloads: [{ ...prod.gateway!.workloads[0]!, ipAllowlist: ["10.0.1.1/24"] }], publisherEmail: undefined });
    expect(all.some((p) => p.startsWith('gateway.sku: "Standard" is not allowed; allowed: one of Developer, Premium'))).toBe(true);
    expect(all.some((p) => p.startsWith("gateway") && p.includes("limitz"))).toBe(true);
    expect(all.some((p) => p.startsWith('gateway.workloads[0].ipAllowlist[0]: "10.0.1.1/24" is not allowed'))).toBe(true);
    expect(all.some((p) => p.startsWith("gateway.publisherEmail: (missing) is not allowed"))).toBe(true);
  });

  test("a model without a price cannot be budgeted", () => {
    const deployments = [{ ...prod.deployments[0]!, model: "gpt-9" }];
    expect(problems(prod.gateway, { deployments, allowedModels: ["gpt-9"] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^deployments\[0\]\.model: "gpt-9" is not allowed; allowed with a gateway: a model in the gateway's price table/)]),
    );
  });
});
