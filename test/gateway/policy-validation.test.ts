import * as policyModule from "../../lib/gateway/policy/gateway-policy";
import { COGNITIVE_SERVICES_RESOURCE } from "../../lib/core/cognitive-services";
import { GatewayPolicies, SynthValidationError } from "../../lib";
import { failedProps, testApp } from "../helpers/synth";
import { gatewayIn, GATEWAY_PROPS } from "./gateway-fixture";
import { OpenAiGateway } from "../../lib/gateway/openai-gateway";
import { TerraformStack } from "cdktf";

afterEach(() => jest.restoreAllMocks());

test("input the checks refuse is reported on its prop, and no policy is built from it", () => {
  const build = jest.spyOn(policyModule, "gatewayPolicyXml");
  const { stack, gateway } = gatewayIn({ costLimits: { ...GATEWAY_PROPS.costLimits, maxTokensPerRequest: 0 } });
  expect(failedProps(stack).map((p) => p.prop)).toEqual(["costLimits.maxTokensPerRequest"]);
  expect(build).not.toHaveBeenCalled();
  expect(gateway.policyXml).toBe("");
});

test("the synth of a gateway with refused input fails: the stand-in is never written", () => {
  const app = testApp();
  const stack = new TerraformStack(app, "s");
  new OpenAiGateway(stack, "gateway", { ...GATEWAY_PROPS, workloads: [{ ...GATEWAY_PROPS.workloads[0]!, ipAllowlist: ["10.0.0.1/8"] }] });
  expect(() => app.synth()).toThrow(SynthValidationError);
  expect(failedProps(stack).map((p) => p.prop)).toEqual(["workloads[0].ipAllowlist[0]"]);
});

test("a builder error on accepted input surfaces; it is not turned into a policy that enforces nothing", () => {
  jest.spyOn(policyModule, "gatewayPolicyXml").mockImplementation(() => {
    throw new Error("builder bug");
  });
  expect(() => gatewayIn()).toThrow("builder bug");
});

test("the Entra resource of Azure OpenAI has one home (lib/core), re-exported where it was", () => {
  expect(GatewayPolicies.COGNITIVE_SERVICES_RESOURCE).toBe(COGNITIVE_SERVICES_RESOURCE);
  expect(gatewayIn().gateway.entryPoint.tokenScope).toBe(`${COGNITIVE_SERVICES_RESOURCE}/.default`);
});
