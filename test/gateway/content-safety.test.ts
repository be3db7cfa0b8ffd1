import { Testing, TerraformStack } from "cdktf";
import { PropChecks } from "../../lib";
import { acknowledgedWeakenings } from "../../lib/core/justification";
import { checkGatewayProps } from "../../lib/gateway/gateway-checks";
import type { OpenAiGatewayProps } from "../../lib/gateway/gateway-props";
import { OpenAiGateway } from "../../lib/gateway/openai-gateway";
import { referenceStackFiles } from "../helpers/reference-app";
import { resourceList, resources, TerraformJson } from "../helpers/synth";
import { GATEWAY_PROPS } from "./gateway-fixture";
import { children, elements, only, parsePolicy } from "./policy-xml";
import { ROLE_GUIDS } from "../helpers/roles";

const COGNITIVE_SERVICES_USER = ROLE_GUIDS.CognitiveServicesUser;

describe.each(["staging", "prod"] as const)("%s: content safety at the gateway", (name) => {
  const files = referenceStackFiles(name, ["cdk.tf.json"]);
  const json: TerraformJson = JSON.parse(files["cdk.tf.json"]!);
  const [csId, cs] = Object.entries(resources(json, "azurerm_cognitive_account")).find(([, a]) => a.kind === "ContentSafety")!;
  const csRef = `\${azurerm_cognitive_account.${csId}.id}`;
  const doc = parsePolicy(resourceList(json, "azurerm_api_management_api_policy")[0].xml_content);

  test("a Content Safety account, private and keyless, with a custom subdomain", () => {
    expect(cs.public_network_access_enabled).toBe(false);
    expect(cs.local_auth_enabled).toBe(false);
    expect(cs.custom_subdomain_name).toBe(cs.name);
    expect(cs.network_acls).toEqual({ default_action: "Deny" });
    expect(cs.location).toBe("swedencentral");
  });

  test("a private endpoint in the gateway region's endpoint subnet, registered in the cognitiveservices zone", () => {
    const pe = resourceList(json, "azurerm_private_endpoint").find((p) => p.private_service_connection.private_connection_resource_id === csRef)!;
    expect(pe.private_service_connection.subresource_names).toEqual(["account"]);
    const zones = resources(json, "azurerm_private_dns_zone");
    const [zoneId] = Object.entries(zones).find(([, z]) => z.name === "privatelink.cognitiveservices.azure.com")!;
    expect(pe.private_dns_zone_group.private_dns_zone_ids).toEqual([`\${azurerm_private_dns_zone.${zoneId}.id}`]);
  });

  test("the gateway's identity is Cognitive Services User on the account; logs go to the workspace; locked as the gateway is", () => {
    const [serviceId] = Object.keys(resources(json, "azurerm_api_management"));
    const grant = resourceList(json, "azurerm_role_assignment").find((r) => r.scope === csRef)!;
    expect(grant.role_definition_id).toContain(COGNITIVE_SERVICES_USER);
    expect(grant.principal_id).toBe(`\${azurerm_api_management.${serviceId}.identity[0].principal_id}`);
    const diag = resourceList(json, "azurerm_monitor_diagnostic_setting").find((d) => d.target_resource_id === csRef)!;
    expect(diag.enabled_log).toEqual([{ category_group: "allLogs" }]);
    expect(diag.log_analytics_workspace_id).toMatch(/^\$\{azurerm_log_analytics_workspace\./);
    const locked = resourceList(json, "azurerm_management_lock").some((l) => l.scope === csRef);
    expect(locked).toBe(name === "prod");
  });

  test("a backend that authenticates with the gateway's managed identity, and llm-content-safety with prompt shields on every prompt", () => {
    const backend = resourceList(json, "azapi_resource").find((r) => r.name === "content-safety")!;
    expect(backend.type).toMatch(/^Microsoft\.ApiManagement\/service\/backends@/);
    expect(backend.body.properties.url).toBe(`https://${cs.name}.cognitiveservices.azure.com`);
    expect(backend.body.properties.credentials).toEqual({ managedIdentity: { resource: "https://cognitiveservices.azure.com" } });
    const check = only(doc, "llm-content-safety");
    expect(check.getAttribute("backend-id")).toBe("content-safety");
    expect(check.getAttribute("shield-prompt")).toBe("true");
    expect(elements(check, "category").map((c) => [c.getAttribute("name"), c.getAttribute("threshold")])).toEqual(
      ["Hate", "SelfHarm", "Sexual", "Violence"].map((n) => [n, "4"]),
    );
    // Unconditional (no workload opted out): a direct child of inbound, after the token limits.
    const order = children(only(doc, "inbound")).map((e) => e.tagName);
    expect(order).toContain("llm-content-safety");
    expect(order.lastIndexOf("llm-token-limit")).toBeLessThan(order.indexOf("llm-content-safety"));
    expect(order.indexOf("llm-content-safety")).toBeLessThan(order.indexOf("set-backend-service"));
  });
});

describe("per-workload opt-out", () => {
  const workload = (key: string, clientId: string) => ({ key, clientId, requestsPerMinute: 10, tokensPerMinute: 1_000 });
  const props: OpenAiGatewayProps = {
    ...GATEWAY_PROPS,
    contentSafety: { name: "aoai-test-cs", subnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe" },
    workloads: [
      workload("svc-a", "00000000-0000-0000-0000-000000000001"),
      { ...workload("svc-eval", "00000000-0000-0000-0000-000000000002"), contentSafetyOptOut: { reason: "Red-team evaluation sends attack prompts on purpose" } },
    ],
  };

  test("the check runs for every workload but the one that opted out, which is recorded as a weakening", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const gateway = new OpenAiGateway(stack, "gateway", props);
    const doc = parsePolicy(gateway.policyXml);
    const check = only(doc, "llm-content-safety");
    const when = check.parentNode as unknown as Element;
    expect(when.tagName).toBe("when");
    expect(when.getAttribute("condition")).toBe(`@(!new[] { "svc-eval" }.Contains((string)context.Variables["workload"]))`);
    expect(acknowledgedWeakenings(gateway)).toEqual([
      { key: "gatewayContentSafetyOptOut", prop: "workloads.svc-eval.contentSafetyOptOut", reason: "Red-team evaluation sends attack prompts on purpose" },
    ]);
  });

  test("an opt-out without a real reason fails on its prop", () => {
    const c = new PropChecks();
    checkGatewayProps(c, { ...props, workloads: [{ ...props.workloads[0]!, contentSafetyOptOut: { reason: "no" } }] });
    expect(c.problems.map((p) => p.prop)).toEqual(["workloads[0].contentSafetyOptOut.reason"]);
  });
});
