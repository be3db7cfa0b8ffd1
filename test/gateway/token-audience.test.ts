import { validateEnvironmentConfig } from "../../lib";
import { environment, synthEnvironmentFiles } from "../helpers/environment";
import { resourceList } from "../helpers/synth";
import { elements, parsePolicy } from "./policy-xml";

const APP_ID = "3f0c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6";
const prod = environment("prod");

function audiencesAndScope(gateway: typeof prod.gateway) {
  const { files } = synthEnvironmentFiles({ ...prod, gateway }, ["cdk.tf.json", "routing-manifest.json"]);
  const json = JSON.parse(files["cdk.tf.json"]!);
  const doc = parsePolicy(resourceList(json, "azurerm_api_management_api_policy")[0].xml_content);
  return {
    audiences: elements(doc, "audience").map((a) => a.textContent),
    scope: JSON.parse(files["routing-manifest.json"]!).entryPoint.tokenScope,
  };
}

test("by default the gateway accepts Azure OpenAI's audience, the scope callers use today", () => {
  expect(audiencesAndScope(prod.gateway)).toEqual({ audiences: ["https://cognitiveservices.azure.com"], scope: "https://cognitiveservices.azure.com/.default" });
});

test("with tokenAudience the gateway accepts only its own application's audience, and the manifest tells callers its scope", () => {
  expect(audiencesAndScope({ ...prod.gateway!, tokenAudience: APP_ID })).toEqual({ audiences: [APP_ID, `api://${APP_ID}`], scope: `api://${APP_ID}/.default` });
});

test("config: a tokenAudience that is not a GUID, and a content-safety opt-out without a reason, are refused at their paths", () => {
  const paths = (gateway: unknown) => {
    const r = validateEnvironmentConfig({ ...prod, gateway });
    return r.ok ? [] : r.problems.map((p) => p.split(":")[0]);
  };
  expect(paths({ ...prod.gateway, tokenAudience: "api://my-gateway" })).toEqual(["gateway.tokenAudience"]);
  const w = prod.gateway!.workloads[0]!;
  expect(paths({ ...prod.gateway, workloads: [{ ...w, contentSafetyOptOut: { reason: "no" } }] })).toEqual(["gateway.workloads[0].contentSafetyOptOut.reason"]);
  expect(paths({ ...prod.gateway, workloads: [{ ...w, contentSafetyOptOut: { reason: "red-team evaluations on purpose", by: "x" } }] })).toEqual(["gateway.workloads[0].contentSafetyOptOut.by"]);
});
