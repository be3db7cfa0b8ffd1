/**
 * The second apply-time review (docs/evidence/apply-review-2.md): what the staging and prod
 * stacks emit so the plan after an apply is empty, the first apply does not race, and the
 * review's misleading outputs are gone. Each test asserts the synthesized JSON.
 */
import { environment, synthEnvironmentFiles } from "../helpers/environment";
import { referenceStackFiles } from "../helpers/reference-app";
import { resourceList, resources, TerraformJson } from "../helpers/synth";
import { children, elements, only, parsePolicy } from "./policy-xml";

describe.each(["staging", "prod"])("%s stack after the second apply-time review", (name) => {
  const files = referenceStackFiles(name, ["cdk.tf.json"]);
  const json: TerraformJson = JSON.parse(files["cdk.tf.json"]!);
  const azapi = resourceList(json, "azapi_resource");
  const [apiId, api] = Object.entries(resources(json, "azurerm_api_management_api"))[0]!;
  const [serviceId] = Object.keys(resources(json, "azurerm_api_management"));

  test("N2: the logger's credentials are write-only (sensitive_body), not in body; casing of the echoed resourceId is ignored", () => {
    const logger = azapi.find((r) => String(r.type).startsWith("Microsoft.ApiManagement/service/loggers@"))!;
    expect(logger.body.properties.credentials).toBeUndefined();
    expect(logger.sensitive_body).toEqual({
      properties: { credentials: { connectionString: expect.stringMatching(/^\$\{azurerm_application_insights\.[^.]+\.connection_string\}$/), identityClientId: "SystemAssigned" } },
    });
    expect(logger.ignore_casing).toBe(true);
    expect(json.terraform.required_providers.azapi.version).toBe("~> 2.12");
  });

  test("N4: both API diagnostics take their parent from the API resource, so they wait for its import", () => {
    const diagnostics = azapi.filter((r) => String(r.type).startsWith("Microsoft.ApiManagement/service/apis/diagnostics@"));
    expect(diagnostics.map((d) => d.name).sort()).toEqual(["applicationinsights", "azuremonitor"]);
    for (const d of diagnostics) {
      expect(d.parent_id).toBe(`\${azurerm_api_management.${serviceId}.id}/apis/\${azurerm_api_management_api.${apiId}.name}`);
    }
    expect(api.name).toBe("openai");
  });

  test("N3: one private zone for the gateway host, <name>.azure-api.net with an apex A record; no zone for all of azure-api.net", () => {
    const zones = resourceList(json, "azurerm_private_dns_zone").map((z) => z.name);
    expect(zones).not.toContain("azure-api.net");
    const [zoneId, zone] = Object.entries(resources(json, "azurerm_private_dns_zone")).find(([, z]) => String(z.name).endsWith(".azure-api.net"))!;
    expect(zone.name).toBe(`\${azurerm_api_management.${serviceId}.name}.azure-api.net`);
    expect(zoneId).toMatch(/^gateway_private-dns_host-zone_/);
    const records = resourceList(json, "azurerm_private_dns_a_record").filter((r) => r.zone_name === `\${azurerm_private_dns_zone.${zoneId}.name}`);
    expect(records).toHaveLength(1);
    expect(records[0].name).toBe("@");
    expect(records[0].records).toBe(`\${azurerm_api_management.${serviceId}.private_ip_addresses}`);
    const links = resourceList(json, "azurerm_private_dns_zone_virtual_network_link").filter((l) => l.private_dns_zone_name === `\${azurerm_private_dns_zone.${zoneId}.name}`);
    expect(links.length).toBe(name === "prod" ? 2 : 1);
  });

  test("N8: each workload's trace comes before its IP filter and limits; no trace after the choose", () => {
    const policy = parsePolicy(resourceList(json, "azurerm_api_management_api_policy")[0].xml_content);
    const inbound = only(policy, "inbound");
    const choose = children(inbound).find((e) => e.tagName === "choose")!;
    for (const when of children(choose).filter((e) => e.tagName === "when")) {
      const order = children(when).map((e) => e.tagName);
      expect(order[0]).toBe("set-variable");
      expect(order[1]).toBe("trace");
      expect(order.indexOf("trace")).toBeLessThan(order.indexOf("rate-limit-by-key"));
      expect(order.indexOf("trace")).toBeLessThan(order.indexOf("llm-token-limit"));
      if (order.includes("ip-filter")) expect(order.indexOf("trace")).toBeLessThan(order.indexOf("ip-filter"));
      expect(only(when, "trace").getAttribute("source")).toBe("ai-gateway");
    }
    expect(children(inbound).filter((e) => e.tagName === "trace")).toEqual([]);
    expect(elements(inbound, "trace")).toHaveLength(children(choose).filter((e) => e.tagName === "when").length);
  });

  test("N13: circuit-breaker durations in the canonical form (PT1M, not PT60S)", () => {
    for (const b of resourceList(json, "azurerm_api_management_backend")) {
      expect(b.circuit_breaker_rule.trip_duration).toBe("PT1M");
      expect(b.circuit_breaker_rule.failure_condition.interval_duration).toBe("PT1M");
    }
  });

  test("N15: the gateway NSG allows outbound HTTP to the Internet for certificate validation, as Microsoft requires", () => {
    const rules = resourceList(json, "azurerm_network_security_rule").filter((r) => String(r.network_security_group_name).includes("azurerm_network_security_group.gateway_network_nsg"));
    const http = rules.find((r) => r.destination_address_prefix === "Internet")!;
    expect(http).toMatchObject({ direction: "Outbound", access: "Allow", protocol: "Tcp", destination_port_ranges: ["80"], source_address_prefix: "VirtualNetwork" });
    const outbound = rules.filter((r) => r.direction === "Outbound").map((r) => r.priority);
    expect(new Set(outbound).size).toBe(outbound.length);
  });

  test("the failover search names no backend: its query does not change when priorities do (saved searches are replaced on change)", () => {
    const search = resourceList(json, "azurerm_log_analytics_saved_search").find((s) => s.name === "gateway-failovers")!;
    for (const account of resourceList(json, "azurerm_cognitive_account")) {
      expect(search.query).not.toContain(account.custom_subdomain_name);
    }
    expect(search.query).not.toMatch(/openai\.azure\.com/);
    expect(search.query).toContain("dcount(");
  });
});

describe("the failover search is the same whatever the priorities", () => {
  test("swapping the prod regions' priorities leaves every saved search unchanged", () => {
    const prod = environment("prod");
    const swapped = { ...prod, regions: prod.regions.map((r, i, all) => ({ ...r, priority: all[all.length - 1 - i]!.priority })) };
    const queries = (config: typeof prod) => {
      const { files } = synthEnvironmentFiles(config, ["cdk.tf.json"]);
      const json: TerraformJson = JSON.parse(files["cdk.tf.json"]!);
      return Object.fromEntries(resourceList(json, "azurerm_log_analytics_saved_search").map((s) => [s.name, s.query]));
    };
    const before = queries(prod);
    expect(before["gateway-failovers"]).toBeDefined();
    expect(queries(swapped)).toEqual(before);
  });
});

describe.each(["staging", "prod"])("%s gateway: Responses API and token metric dimensions", (name) => {
  const files = referenceStackFiles(name, ["cdk.tf.json"]);
  const json: TerraformJson = JSON.parse(files["cdk.tf.json"]!);
  const [apiId, api] = Object.entries(resources(json, "azurerm_api_management_api"))[0]!;

  test("N10: the inference spec is imported from a pinned commit, not a branch", () => {
    expect(api.import.content_value).toMatch(/^https:\/\/raw\.githubusercontent\.com\/Azure\/azure-rest-api-specs\/[0-9a-f]{40}\/specification\/.+\/inference\.json$/);
    expect(api.import.content_value).not.toContain("/main/");
  });

  test("N10 / issue 26: the Responses API's and the v1 API's operations are on the API, and the token cap covers their paths", () => {
    const operations = resourceList(json, "azurerm_api_management_api_operation");
    expect(operations.map((o) => `${o.method} ${o.url_template}`).sort()).toEqual([
      "DELETE /v1/responses/{response-id}",
      "GET /v1/models",
      "GET /v1/responses/{response-id}",
      "GET /v1/responses/{response-id}/input_items",
      "POST /v1/chat/completions",
      "POST /v1/embeddings",
      "POST /v1/responses",
      "POST /v1/responses/{response-id}/cancel",
    ]);
    for (const o of operations) {
      expect(o.api_name).toBe(`\${azurerm_api_management_api.${apiId}.name}`);
      if (o.url_template.includes("{response-id}")) expect(o.template_parameter).toEqual([{ name: "response-id", type: "string", required: true }]);
    }
    const policy = parsePolicy(resourceList(json, "azurerm_api_management_api_policy")[0].xml_content);
    const caps = elements(policy, "when").map((w) => w.getAttribute("condition") ?? "").filter((c) => c.includes("max_completion_tokens") || c.includes("max_output_tokens"));
    expect(caps.length).toBeGreaterThan(0);
    // The cap's condition (XML-escaped quotes in the attribute) selects every path ending in /responses.
    expect(caps.some((c) => c.includes('EndsWith("/responses")'))).toBe(true);
    // /v1/chat/completions ends in /chat/completions, which the same condition selects.
    expect(caps.some((c) => c.includes('EndsWith("/chat/completions")'))).toBe(true);
  });

  test("N9: Application Insights keeps custom metric dimensions, set before the diagnostic that emits the token metrics", () => {
    const [insightsId] = Object.keys(resources(json, "azurerm_application_insights"));
    const updates = Object.entries(resources(json, "azapi_update_resource")).filter(([, u]) => u.resource_id === `\${azurerm_application_insights.${insightsId}.id}`);
    expect(updates).toHaveLength(1);
    const [updateId, update] = updates[0]!;
    expect(update.type).toBe("Microsoft.Insights/components@2020-02-02");
    expect(update.body).toEqual({ properties: { CustomMetricsOptedInType: "WithDimensions" } });
    expect(update.schema_validation_enabled).toBe(false);
    const diagnostic = resourceList(json, "azapi_resource").find((r) => r.name === "applicationinsights")!;
    expect(diagnostic.depends_on).toContain(`azapi_update_resource.${updateId}`);
  });
});
