import { Testing, TerraformStack } from "cdktf";
import { PropChecks } from "../../lib";
import { deploymentRoutes, GatewayBackendTarget } from "../../lib/gateway/backends";
import { checkGatewayProps } from "../../lib/gateway/gateway-checks";
import type { OpenAiGatewayProps } from "../../lib/gateway/gateway-props";
import { OpenAiGateway } from "../../lib/gateway/openai-gateway";
import { GATEWAY_PROPS, target } from "./gateway-fixture";
import { children, elements, only, parsePolicy } from "./policy-xml";

const props = (backends: GatewayBackendTarget[]): OpenAiGatewayProps => ({ ...GATEWAY_PROPS, backends });

test("a deployment only some accounts serve goes to the first of them by priority; the rest go to the pool", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const gateway = new OpenAiGateway(stack, "gateway", props([
    target("swedencentral", 1, ["gpt-5-4", "mistral-large"]),
    target("francecentral", 2, ["gpt-5-4", "llama-4", "mistral-large-2"]),
    target("germanywestcentral", 3, ["gpt-5-4", "llama-4"]),
  ]));
  const doc = parsePolicy(gateway.policyXml);
  const inbound = only(doc, "inbound");
  const deployment = children(inbound).find((e) => e.tagName === "set-variable" && e.getAttribute("name") === "deployment")!;
  expect(deployment.getAttribute("value")).toContain(`MatchedParameters["deployment-id"]`);
  expect(deployment.getAttribute("value")).toContain(`body?["model"]`);
  const route = children(inbound).filter((e) => e.tagName === "choose").pop()!;
  const whens = elements(route, "when").map((w) => [/Equals\("([^"]+)"/.exec(w.getAttribute("condition")!)![1], only(w, "set-backend-service").getAttribute("backend-id")]);
  expect(whens).toEqual([
    ["llama-4", "openai-francecentral"],
    ["mistral-large", "openai-swedencentral"],
    ["mistral-large-2", "openai-francecentral"],
  ]);
  expect(only(only(route, "otherwise"), "set-backend-service").getAttribute("backend-id")).toBe("openai-pool");
});

test("accounts that serve the same deployments (the reference app) get no routing: one set-backend-service to the pool", () => {
  expect(deploymentRoutes([target("a", 1, ["x"]), target("b", 2, ["x"])])).toEqual([]);
  expect(deploymentRoutes([target("a", 1), target("b", 2)])).toEqual([]);
  const stack = new TerraformStack(Testing.app(), "s");
  const gateway = new OpenAiGateway(stack, "gateway", props([target("swedencentral", 1, ["x"]), target("francecentral", 2, ["x"])]));
  const doc = parsePolicy(gateway.policyXml);
  expect(elements(doc, "set-backend-service").map((e) => e.getAttribute("backend-id"))).toEqual(["openai-pool"]);
});

test("a deployment name that could break the policy expression fails on its prop", () => {
  const c = new PropChecks();
  checkGatewayProps(c, props([target("swedencentral", 1, ['x"); evil("']), target("francecentral", 2, [])]));
  expect(c.problems.map((p) => p.prop)).toEqual(["backends[0].deployments[0]"]);
});
