import { referenceStackFiles } from "../helpers/reference-app";
import { resourceList, resources, TerraformJson } from "../helpers/synth";
import { children, Document, elements, Element, only, parsePolicy } from "./policy-xml";
import { ROLE_GUIDS } from "../helpers/roles";

const OPENAI_USER = ROLE_GUIDS.OpenAiUser;

interface Case {
  readonly name: "staging" | "prod";
  readonly limits: { rpm: number; tpm: number };
  readonly workloads: { key: string; identity: string; rpm: number; tpm: number; ranges: [string, string][] }[];
}

const CASES: Case[] = [
  {
    name: "staging",
    limits: { rpm: 2_000, tpm: 500_000 },
    workloads: [
      { key: "svc-cicd-staging", identity: "workload-cicd", rpm: 200, tpm: 100_000, ranges: [["192.168.1.100", "192.168.1.100"]] },
      { key: "svc-eval-runner", identity: "workload-eval", rpm: 1_000, tpm: 500_000, ranges: [["10.0.5.0", "10.0.5.255"]] },
    ],
  },
  {
    name: "prod",
    limits: { rpm: 10_000, tpm: 2_000_000 },
    workloads: [
      { key: "svc-chatbot-prod", identity: "workload-chatbot", rpm: 5_000, tpm: 1_000_000, ranges: [["10.0.1.0", "10.0.1.255"], ["10.0.2.0", "10.0.2.255"]] },
    ],
  },
];

const ref = (type: string, id: string, attr = "id") => `\${${type}.${id}.${attr}}`;
const idOf = (json: TerraformJson, type: string, pick: (r: any) => boolean) => Object.entries(resources(json, type)).find(([, r]) => pick(r))![0];

describe.each(CASES)("$name stack with the AI gateway", ({ name, limits, workloads }) => {
  const files = referenceStackFiles(name, ["cdk.tf.json", "routing-manifest.json"]);
  const json: TerraformJson = JSON.parse(files["cdk.tf.json"]!);
  const manifest = JSON.parse(files["routing-manifest.json"]!);
  const [serviceId, service] = Object.entries(resources(json, "azurerm_api_management"))[0]!;
  const accounts = Object.fromEntries(Object.entries(resources(json, "azurerm_cognitive_account")).filter(([, a]) => a.kind !== "ContentSafety"));
  const policyXml: string = resourceList(json, "azurerm_api_management_api_policy")[0].xml_content;
  const doc: Document = parsePolicy(policyXml);
  const inbound = only(doc, "inbound");

  test("one gateway: internal VNet only, Premium or Developer, a system identity, TLS 1.2+, in a residency region", () => {
    expect(resourceList(json, "azurerm_api_management")).toHaveLength(1);
    expect(service.virtual_network_type).toBe("Internal");
    expect(service.virtual_network_configuration.subnet_id).toMatch(/^\$\{azurerm_subnet\.gateway_network_subnet_/);
    expect(service.sku_name).toBe(name === "prod" ? "Premium_1" : "Developer_1");
    expect(service.identity).toEqual({ type: "SystemAssigned" });
    expect(service.security).toEqual({
      backend_ssl30_enabled: false, backend_tls10_enabled: false, backend_tls11_enabled: false,
      frontend_ssl30_enabled: false, frontend_tls10_enabled: false, frontend_tls11_enabled: false, triple_des_ciphers_enabled: false,
    });
    expect(service.location).toBe("swedencentral");
  });

  test("one backend per account, each with a circuit breaker on 429 and 5xx that honours Retry-After", () => {
    const backends = resourceList(json, "azurerm_api_management_backend");
    expect(backends).toHaveLength(Object.keys(accounts).length);
    const hosts = backends.map((b) => /^https:\/\/([^.]+)\.openai\.azure\.com\/openai$/.exec(b.url)?.[1]).sort();
    expect(hosts).toEqual(Object.values(accounts).map((a: any) => a.custom_subdomain_name).sort());
    for (const b of backends) {
      const rule = b.circuit_breaker_rule;
      expect(rule.accept_retry_after_enabled).toBe(true);
      expect(rule.trip_duration).toBe("PT1M");
      expect(rule.failure_condition.interval_duration).toBe("PT1M");
      expect(rule.failure_condition.status_code_range).toEqual([{ min: 429, max: 429 }, { min: 500, max: 599 }]);
      expect(rule.failure_condition.count).toBe(3);
      expect(b.credentials).toBeUndefined();
    }
  });

  test("failover follows the routing manifest's priorities, which name the gateway as the entry point", () => {
    const order = manifest.regions.map((r: any) => r.endpoint.replace(/^https:\/\//, "").replace(/\.openai\.azure\.com\/$/, ""));
    const backendHost = (id: string) => /^https:\/\/([^.]+)\./.exec(resources(json, "azurerm_api_management_backend")[id].url)![1];
    const pools = resourceList(json, "azapi_resource").filter((r) => String(r.type).startsWith("Microsoft.ApiManagement/service/backends@") && r.body.properties.type === "Pool");
    const target = only(doc, "set-backend-service").getAttribute("backend-id");
    if (order.length > 1) {
      expect(pools).toHaveLength(1);
      const pool = pools[0];
      expect(pool.body.properties.type).toBe("Pool");
      const services = [...pool.body.properties.pool.services].sort((a: any, b: any) => a.priority - b.priority);
      expect(services.map((s: any) => backendHost(/azurerm_api_management_backend\.([^.]+)\.id/.exec(s.id)![1]))).toEqual(order);
      expect(services.map((s: any) => s.priority)).toEqual(manifest.regions.map((r: any) => r.priority));
      expect(target).toBe(pool.name);
      expect(only(doc, "retry").getAttribute("count")).toBe(String(order.length - 1));
    } else {
      expect(pools).toEqual([]);
      expect(target).toBe(resourceList(json, "azurerm_api_management_backend")[0].name);
    }
    expect(manifest.entryPoint).toEqual({
      type: "ai-gateway",
      endpoint: `https://${service.name}.azure-api.net/openai`,
      location: "swedencentral",
      tokenScope: "https://cognitiveservices.azure.com/.default",
      network: "internal",
    });
  });

  test("the gateway authenticates to every account with its managed identity, granted OpenAI User and nothing more", () => {
    expect(only(doc, "authentication-managed-identity").getAttribute("resource")).toBe("https://cognitiveservices.azure.com");
    const mine = resourceList(json, "azurerm_role_assignment").filter((a) => a.principal_id === ref("azurerm_api_management", serviceId, "identity[0].principal_id"));
    // The Content Safety account's grant is asserted in content-safety.test.ts.
    const onAccounts = mine.filter((a) => String(a.scope).startsWith("${azurerm_cognitive_account.") && !String(a.scope).includes("content-safety"));
    expect(onAccounts.map((a) => a.scope).sort()).toEqual(Object.keys(accounts).map((id) => ref("azurerm_cognitive_account", id)).sort());
    for (const a of onAccounts) expect(a.role_definition_id).toMatch(new RegExp(`${OPENAI_USER}$`));
    expect(mine.length).toBe(onAccounts.length + 2); // + Monitoring Metrics Publisher on Application Insights, Cognitive Services User on Content Safety
  });

  test("no subscription key and no account key anywhere", () => {
    expect(resources(json, "azurerm_api_management_subscription")).toEqual({});
    expect(resources(json, "azurerm_api_management_named_value")).toEqual({});
    for (const api of resourceList(json, "azurerm_api_management_api")) expect(api.subscription_required).toBe(false);
    for (const p of resourceList(json, "azurerm_api_management_product")) expect(p.subscription_required).toBe(false);
    for (const a of Object.values(accounts)) expect((a as any).local_auth_enabled).toBe(false);
    for (const l of resourceList(json, "azurerm_api_management_logger")) expect(l).toBeUndefined();
    const ai = resourceList(json, "azurerm_application_insights");
    expect(ai.map((a) => a.local_authentication_disabled)).toEqual([true]);
    const logger = resourceList(json, "azapi_resource").find((r) => String(r.type).startsWith("Microsoft.ApiManagement/service/loggers@"))!;
    expect(logger.sensitive_body.properties.credentials.identityClientId).toBe("SystemAssigned");
    expect(logger.sensitive_body.properties.credentials.instrumentationKey).toBeUndefined();
    const text = files["cdk.tf.json"]!;
    expect(text).not.toMatch(/primary_access_key|secondary_access_key|subscription-key|Ocp-Apim-Subscription-Key|instrumentation_key|list_keys/i);
    // No policy sets a key header towards the accounts ("api-key") or reads a subscription key.
    for (const header of elements(doc, "set-header")) expect(header.getAttribute("name")?.toLowerCase()).not.toMatch(/api-key|subscription/);
  });

  test("callers need an Entra token from one of the registered workloads, for the Azure OpenAI audience", () => {
    const validate = only(doc, "validate-azure-ad-token");
    expect(validate.getAttribute("tenant-id")).toMatch(/^\$\{data\.azurerm_client_config\./);
    const ids = elements(validate, "application-id").map((e) => e.textContent);
    expect(ids.sort()).toEqual(workloads.map((w) => `\${azurerm_user_assigned_identity.${idOf(json, "azurerm_user_assigned_identity", (r) => r.name.includes(`-${w.identity.replace("workload-", "")}-id`))}.client_id}`).sort());
    expect(elements(validate, "audience").map((e) => e.textContent)).toEqual(["https://cognitiveservices.azure.com"]);
  });

  test("each workload gets its seed limits and IP allowlist, matched on its client ID; others get 403", () => {
    const choose = children(inbound).find((e) => e.tagName === "choose")!;
    const whens = children(choose).filter((e) => e.tagName === "when");
    expect(whens).toHaveLength(workloads.length);
    for (const w of workloads) {
      const when = whens.find((e) => elements(e, "set-variable").some((v) => v.getAttribute("value") === w.key))!;
      expect(when.getAttribute("condition")).toContain(".client_id}");
      const ranges = children(only(when, "ip-filter")).map((a) => (a.tagName === "address" ? [a.textContent, a.textContent] : [a.getAttribute("from"), a.getAttribute("to")]));
      expect(ranges).toEqual(w.ranges);
      const rate = only(when, "rate-limit-by-key");
      expect([rate.getAttribute("calls"), rate.getAttribute("renewal-period"), rate.getAttribute("counter-key")]).toEqual([String(w.rpm), "60", `workload-${w.key}`]);
      const tokens = only(when, "llm-token-limit");
      expect([tokens.getAttribute("tokens-per-minute"), tokens.getAttribute("counter-key")]).toEqual([String(w.tpm), `workload-${w.key}`]);
    }
    expect(only(only(choose, "otherwise"), "set-status").getAttribute("code")).toBe("403");
  });

  test("the environment's limits (the seed's project table), its budget as token quotas and the per-request cap", () => {
    const top = children(inbound);
    const rate = top.find((e) => e.tagName === "rate-limit-by-key")!;
    expect([rate.getAttribute("calls"), rate.getAttribute("counter-key")]).toEqual([String(limits.rpm), `environment-${name}`]);
    const [perMinute, daily] = top.filter((e) => e.tagName === "llm-token-limit");
    const usd = name === "prod" ? { day: 1_000, month: 20_000 } : { day: 100, month: 2_000 };
    expect(perMinute!.getAttribute("tokens-per-minute")).toBe(String(limits.tpm));
    expect(perMinute!.getAttribute("token-quota-period")).toBe("Monthly");
    expect(Number(perMinute!.getAttribute("token-quota"))).toBe(Math.floor((usd.month / 0.015) * 1000));
    expect(daily!.getAttribute("token-quota-period")).toBe("Daily");
    expect(Number(daily!.getAttribute("token-quota"))).toBe(Math.floor((usd.day / 0.015) * 1000));
    const caps = elements(inbound, "when").map((w) => w.getAttribute("condition") ?? "").filter((c) => c.includes("max_completion_tokens"));
    expect(caps.some((c) => c.includes("(long)value > 4000"))).toBe(true);
    const product = resourceList(json, "azurerm_api_management_product")[0];
    expect(product.product_id).toBe(name);
    expect(product.description).toContain(`${limits.rpm} requests and ${limits.tpm} tokens per minute`);
    expect(resourceList(json, "azurerm_api_management_product_api")).toHaveLength(1);
  });

  test("token metrics per workload, deployment and region go to Application Insights in the environment's workspace", () => {
    // The provider-neutral policies only: an azure-openai-* one would leave non-OpenAI models uncounted.
    expect(elements(doc, "*").map((e) => e.tagName).filter((t) => t.startsWith("azure-openai-"))).toEqual([]);
    const metric = only(doc, "llm-emit-token-metric");
    expect(elements(metric, "dimension").map((d) => d.getAttribute("name"))).toEqual(["Workload", "Deployment", "Region", "Environment"]);
    const [workspaceId] = Object.keys(resources(json, "azurerm_log_analytics_workspace"));
    expect(resourceList(json, "azurerm_application_insights")[0].workspace_id).toBe(ref("azurerm_log_analytics_workspace", workspaceId!));
    const diagnostic = resourceList(json, "azapi_resource").find((r) => r.name === "applicationinsights")!;
    expect(diagnostic.body.properties.metrics).toBe(true);
  });

  test("gateway and LLM logs go to the audit workspace and the region's archive, kept like Audit and usage, write-once like Audit", () => {
    const setting = resourceList(json, "azurerm_monitor_diagnostic_setting").find((s) => s.target_resource_id === ref("azurerm_api_management", serviceId))!;
    expect(setting.enabled_log.map((l: any) => l.category)).toEqual(["GatewayLogs", "GatewayLlmLogs"]);
    expect(setting.log_analytics_workspace_id).toMatch(/^\$\{azurerm_log_analytics_workspace\./);
    const archiveId = /azurerm_storage_account\.([^.]+)\.id/.exec(setting.storage_account_id)![1]!;
    expect(resources(json, "azurerm_storage_account")[archiveId].location).toBe("swedencentral");
    const policy = resourceList(json, "azurerm_storage_management_policy").find((p) => p.storage_account_id === setting.storage_account_id)!;
    const days = Object.fromEntries(policy.rule.map((r: any) => [r.filters.prefix_match[0], r.actions.base_blob.delete_after_days_since_modification_greater_than]));
    expect(days["insights-logs-gatewaylogs/"]).toBe(days["insights-logs-audit/"]);
    expect(days["insights-logs-gatewayllmlogs/"]).toBe(days["insights-logs-azureopenairequestusage/"]);
    const worm = resourceList(json, "azurerm_storage_container_immutability_policy");
    const gatewayWorm = worm.filter((w) => String(w.storage_container_resource_manager_id).includes("gatewaylogs"));
    const auditWorm = worm.find((w) => String(w.storage_container_resource_manager_id).includes("swedencentral-archive_insights-logs-audit"))!;
    expect(gatewayWorm).toHaveLength(1);
    expect([gatewayWorm[0].immutability_period_in_days, gatewayWorm[0].locked]).toEqual([auditWorm.immutability_period_in_days, auditWorm.locked]);
    const llm = resourceList(json, "azapi_resource").find((r) => r.name === "azuremonitor")!;
    expect(llm.body.properties.largeLanguageModel).toEqual({ logs: "enabled" });
  });

  test("saved searches for tokens per workload per day, throttled calls per workload and failovers", () => {
    const names = resourceList(json, "azurerm_log_analytics_saved_search").map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["gateway-tokens-per-workload-daily", "gateway-throttled-per-workload", "gateway-failovers"]));
  });

  test("the seeds' DLP blocklist on every account, attached to its content filter for prompts and completions", () => {
    const lists = resourceList(json, "azurerm_cognitive_account_rai_blocklist");
    expect(lists.map((l) => l.cognitive_account_id).sort()).toEqual(Object.keys(accounts).map((id) => ref("azurerm_cognitive_account", id)).sort());
    const items = resourceList(json, "azapi_resource").filter((r) => String(r.type).startsWith("Microsoft.CognitiveServices/accounts/raiBlocklists/raiBlocklistItems@"));
    expect(items).toHaveLength(6 * lists.length);
    expect([...new Set(items.map((i) => i.name))].sort()).toEqual(["api-key", "credit-card", "email", "iban", "phone", "ssn"]);
    for (const i of items) expect(i.body.properties.isRegex).toBe(true);
    const attachments = resourceList(json, "azapi_update_resource").filter((a) => String(a.type).startsWith("Microsoft.CognitiveServices/accounts/raiPolicies@"));
    expect(attachments.map((a) => a.resource_id).sort()).toEqual(Object.keys(resources(json, "azurerm_cognitive_account_rai_policy")).map((id) => ref("azurerm_cognitive_account_rai_policy", id)).sort());
    for (const a of attachments) expect(a.body.properties.customBlocklists.map((b: any) => `${b.source}:${b.blocking}`)).toEqual(["Prompt:true", "Completion:true"]);
  });
});

describe("environments without a gateway", () => {
  test.each(["sandbox", "dev"])("%s has no gateway, no blocklist and no azure-api.net zone", (name) => {
    const files = referenceStackFiles(name, ["cdk.tf.json"]);
    const json: TerraformJson = JSON.parse(files["cdk.tf.json"]!);
    expect(resources(json, "azurerm_api_management")).toEqual({});
    expect(resources(json, "azurerm_cognitive_account_rai_blocklist")).toEqual({});
  });
});

export type { Element };
