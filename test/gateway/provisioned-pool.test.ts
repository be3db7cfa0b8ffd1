import { provisionedPreferences, routesWithPreferences } from "../../lib/gateway/backends";
import { Testing } from "cdktf";
import { environment, environmentStack } from "../helpers/environment";
import { failedProps, resourceList, synthJson } from "../helpers/synth";
import { children, elements, only, parsePolicy } from "./policy-xml";
import { gatewayIn, target } from "./gateway-fixture";

const pools = (json: ReturnType<typeof synthJson>) => resourceList(json, "azapi_resource").filter((r) => r.type?.startsWith("Microsoft.ApiManagement/service/backends@") && r.body?.properties?.type === "Pool");
const backendRef = (location: string) => new RegExp(`azurerm_api_management_backend\\.gateway_backends_${location}_[0-9A-F]+\\.id`);

describe("a deployment provisioned on some accounts and standard on others", () => {
  const backends = [
    target("swedencentral", 1, ["chat"]),
    target("francecentral", 2, ["chat"], ["chat"]),
    target("germanywestcentral", 3, ["chat"]),
  ];

  test("gets a pool that sends to the provisioned account first and spills to the standard ones in manifest order", () => {
    const { stack } = gatewayIn({ backends });
    const json = synthJson(stack);
    const ptu = pools(json).find((p) => p.name === "openai-ptu-chat")!;
    const services = ptu.body.properties.pool.services;
    expect(services.map((s: any) => s.priority)).toEqual([1, 2, 3]);
    expect(services[0].id).toMatch(backendRef("francecentral"));
    expect(services[1].id).toMatch(backendRef("swedencentral"));
    expect(services[2].id).toMatch(backendRef("germanywestcentral"));
    // The main pool keeps the manifest's order for everything else.
    const main = pools(json).find((p) => p.name === "openai-pool")!;
    expect(main.body.properties.pool.services[0].id).toMatch(backendRef("swedencentral"));
    expect(failedProps(stack)).toEqual([]);
  });

  test("the policy routes that deployment to its pool, everything else to the main pool", () => {
    const { gateway } = gatewayIn({ backends });
    const inbound = only(parsePolicy(gateway.policyXml), "inbound");
    const route = children(inbound).filter((e) => e.tagName === "choose").pop()!;
    const whens = elements(route, "when").map((w) => [/Equals\("([^"]+)"/.exec(w.getAttribute("condition")!)![1], only(w, "set-backend-service").getAttribute("backend-id")]);
    expect(whens).toEqual([["chat", "openai-ptu-chat"]]);
    expect(only(only(route, "otherwise"), "set-backend-service").getAttribute("backend-id")).toBe("openai-pool");
  });

  test("preferProvisioned: false keeps the manifest's order: no extra pool, no route", () => {
    const { stack, gateway } = gatewayIn({ backends, preferProvisioned: false });
    expect(pools(synthJson(stack)).map((p) => p.name)).toEqual(["openai-pool"]);
    expect(elements(parsePolicy(gateway.policyXml), "set-backend-service").map((e) => e.getAttribute("backend-id"))).toEqual(["openai-pool"]);
  });
});

describe("when there is nothing to prefer", () => {
  test("provisioned on every account (the reference app's uniform deployments): no pool of its own", () => {
    expect(provisionedPreferences([target("a", 1, ["x"], ["x"]), target("b", 2, ["x"], ["x"])])).toEqual([]);
  });

  test("the provisioned account is already first in the manifest and every account serves it: the main pool does it", () => {
    expect(provisionedPreferences([target("a", 1, ["x"], ["x"]), target("b", 2, ["x"])])).toEqual([]);
  });

  test("served by some accounts only, provisioned first: a pool adds the spill the single-backend route lacked", () => {
    const targets = [target("a", 1, ["x"], ["x"]), target("b", 2, ["x"]), target("c", 3, ["y"])];
    expect(provisionedPreferences(targets).map((p) => [p.deployment, p.order.map((t) => t.account.location)])).toEqual([["x", ["a", "b"]]]);
    expect(routesWithPreferences(targets, provisionedPreferences(targets))).toEqual([
      { deployment: "x", backendId: "openai-ptu-x" },
      { deployment: "y", backendId: "openai-c" },
    ]);
  });
});

test("a provisioned deployment the account does not list, or a name the policy cannot hold, fails on its prop", () => {
  const { stack } = gatewayIn({ backends: [target("swedencentral", 1, ["chat"], ["chat-ptu", 'x"); evil("']), target("francecentral", 2, ["chat"])] });
  expect(failedProps(stack).map((p) => p.prop)).toEqual([
    "backends[0].provisionedDeployments[0]",
    "backends[0].provisionedDeployments[1]",
    "backends[0].provisionedDeployments[1]",
  ]);
});

test("an environment deploys the same deployments in every region: a PTU deployment there keeps one pool", () => {
  const prod = environment("prod");
  const first = prod.deployments[0]!;
  const config = { ...prod, deployments: [...prod.deployments, { ...first, name: "chat-ptu", sku: "DataZoneProvisionedManaged" as const, capacity: 100 }] };
  // Synthesized without the checks: this asserts the pools, not the PTU sizing of the config.
  const json = JSON.parse(Testing.synth(environmentStack(config)));
  const backend = resourceList(json, "azapi_resource").filter((r) => r.name === "openai-pool" || String(r.name).startsWith("openai-ptu-"));
  expect(backend.map((p) => p.name)).toEqual(["openai-pool"]);
  expect(JSON.stringify(json)).toContain("chat-ptu");
});
