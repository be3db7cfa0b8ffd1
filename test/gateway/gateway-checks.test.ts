import { PropChecks, SEED_COST_LIMITS, SEED_PROJECT_LIMITS } from "../../lib";
import { checkGatewayProps } from "../../lib/gateway/gateway-checks";
import type { OpenAiGatewayProps } from "../../lib/gateway/gateway-props";

const account = (location: string) => ({ accountId: `/subscriptions/s/acc-${location}`, accountName: location, location, customSubdomainName: location }) as never;
const workload = (key: string, clientId = "00000000-0000-0000-0000-000000000001") => ({ key, clientId, requestsPerMinute: 10, tokensPerMinute: 1_000 });

const good: OpenAiGatewayProps = {
  name: "aoai-prod-sdc-apim",
  resourceGroupName: "rg",
  location: "swedencentral",
  allowedRegions: ["swedencentral", "francecentral"],
  environment: "prod",
  publisherName: "Platform",
  publisherEmail: "platform@contoso.com",
  backends: [
    { account: account("swedencentral"), priority: 1 },
    { account: account("francecentral"), priority: 2 },
  ],
  network: { subnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/apim" },
  workspace: { workspaceId: "/subscriptions/s/ws", location: "swedencentral" },
  limits: SEED_PROJECT_LIMITS.prod,
  costLimits: SEED_COST_LIMITS,
  models: ["gpt-5.4"],
  workloads: [workload("svc-chatbot-prod")],
};

function failing(props: Partial<OpenAiGatewayProps>) {
  const c = new PropChecks();
  checkGatewayProps(c, { ...good, ...props });
  return c.problems;
}

test("the default shape passes", () => {
  expect(failing({})).toEqual([]);
});

test("a location outside the residency, repeated priorities and workload keys, a short public reason fail on their props", () => {
  expect(failing({ location: "eastus" })).toEqual([expect.objectContaining({ prop: "location", value: "eastus" })]);
  expect(failing({ backends: [{ account: account("swedencentral"), priority: 1 }, { account: account("francecentral"), priority: 1 }] })).toEqual([
    expect.objectContaining({ prop: "backends[].priority", value: [1] }),
  ]);
  expect(failing({ workloads: [workload("svc-a"), workload("svc-a", "00000000-0000-0000-0000-000000000002")] })).toEqual([expect.objectContaining({ prop: "workloads[1].key", value: "svc-a" })]);
  expect(failing({ publicGateway: { reason: "short" } }).map((p) => p.prop)).toEqual(["publicGateway.reason"]);
});

describe("findings of the fuzz run of 10,000 configs (issue 22)", () => {
  test("two workloads on one client ID, also differing only in case, fail: the second one's limits would never apply", () => {
    const upper = "ABCDEF00-0000-0000-0000-000000000001";
    expect(failing({ workloads: [workload("svc-a", upper), workload("svc-b", upper.toLowerCase())] })).toEqual([
      expect.objectContaining({ prop: "workloads[].clientId", value: [upper.toLowerCase()] }),
    ]);
  });

  test("sku Developer with more than one unit fails on capacity; Premium may scale", () => {
    expect(failing({ sku: "Developer", capacity: 2 })).toEqual([expect.objectContaining({ prop: "capacity", value: 2 })]);
    expect(failing({ sku: "Developer", capacity: 1 })).toEqual([]);
    expect(failing({ sku: "Premium", capacity: 2 })).toEqual([]);
  });

  test("a budget below the price of one token fails instead of becoming a quota of one token", () => {
    const cheap = { ...SEED_COST_LIMITS, dailyUsd: 0.000001, monthlyUsd: 0.000001 };
    expect(failing({ costLimits: cheap }).map((p) => [p.prop, p.value])).toEqual([
      ["costLimits.dailyUsd", 0.000001],
      ["costLimits.monthlyUsd", 0.000001],
    ]);
  });

  test("publisherEmail must be an address without an interpolation", () => {
    expect(failing({ publisherEmail: "${var.owner}@contoso.com" }).map((p) => p.prop)).toEqual(["publisherEmail"]);
    expect(failing({ publisherEmail: "not-an-address" }).map((p) => p.prop)).toEqual(["publisherEmail"]);
  });
});
