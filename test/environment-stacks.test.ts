import { ENVIRONMENTS } from "../stacks/environments";
import { environment, synthEnvironment } from "./helpers/environment";
import { PRIVILEGED_ROLE_GUIDS, ROLE_GUIDS, roleGuidOf } from "./helpers/roles";
import { resourceList, resources } from "./helpers/synth";
import { Match, TerraformTemplate } from "./helpers/template";
import { AZURERM_VERSION } from "./helpers/toolchain";

const ref = (type: string, id: string, attribute = "id") => `\${${type}.${id}.${attribute}}`;

/** The seed's per-project TPM table, in thousands of tokens per minute. */
const SEED_CAPACITY_K: Record<string, number> = { sandbox: 50, dev: 100, staging: 500, prod: 2000 };

test("the app has exactly the dev, staging, prod and sandbox environments", () => {
  expect(ENVIRONMENTS.map((e) => e.name).sort()).toEqual(["dev", "prod", "sandbox", "staging"]);
});

describe.each(ENVIRONMENTS.map((e) => e.name))("%s stack", (name) => {
  const config = environment(name);
  const json = synthEnvironment(config);
  // The OpenAI/Foundry accounts; the gateway's Content Safety account is tested in test/gateway/content-safety.test.ts.
  const openAiAccounts: Record<string, any> = Object.fromEntries(Object.entries(resources(json, "azurerm_cognitive_account")).filter(([, a]) => a.kind !== "ContentSafety"));
  const accounts = Object.values(openAiAccounts);
  const deployments = resources(json, "azurerm_cognitive_deployment");

  test("has one account per configured region", () => {
    expect(accounts.map((a) => a.location).sort()).toEqual(config.regions.map((r) => r.location).sort());
  });

  test("every account is private, keyless and outbound-restricted", () => {
    for (const account of accounts) {
      expect(account).toMatchObject({
        // Sandbox and dev are Foundry resources; staging and prod stay OpenAI (docs/FOUNDRY.md).
        kind: config.kind ?? "AIServices",
        sku_name: "S0",
        public_network_access_enabled: false,
        local_auth_enabled: false,
        outbound_network_access_restricted: true,
        identity: { type: "SystemAssigned" },
      });
    }
  });

  test("every account has a valid custom subdomain equal to its name", () => {
    for (const account of accounts) {
      expect(account.custom_subdomain_name).toBe(account.name);
      expect(account.custom_subdomain_name).toMatch(/^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/);
    }
  });

  test("every resource carries environment, owner and residency tags", () => {
    for (const type of ["azurerm_resource_group", "azurerm_cognitive_account"]) {
      for (const r of resourceList(json, type)) {
        expect(r.tags).toMatchObject({ environment: name, owner: config.owner, "data-residency": config.residency as string });
      }
    }
  });

  test("deploys the seed's capacity for the environment", () => {
    const total = Object.values(deployments).reduce((sum, d) => sum + d.sku.capacity, 0);
    expect(total).toBe(SEED_CAPACITY_K[name]);
  });

  test("orders every operation on an account: content filter, deployments one by one, projects, key, endpoint", () => {
    const filters = resources(json, "azurerm_cognitive_account_rai_policy");
    const projects = resources(json, "azurerm_cognitive_account_project");
    const endpoints = resources(json, "azurerm_private_endpoint");
    const keys = resources(json, "azurerm_cognitive_account_customer_managed_key");
    const updates = resources(json, "azapi_update_resource");
    for (const [accountId] of Object.entries(openAiAccounts)) {
      const accountRef = ref("azurerm_cognitive_account", accountId);
      const of = (all: Record<string, any>, type: string, attribute: string) =>
        Object.entries(all).filter(([, r]) => r[attribute] === accountRef).map(([id, r]) => ({ address: `${type}.${id}`, r }));
      // The account's own azapi writes first (Foundry upgrade opt-out, stored completions off), in creation order.
      const accountUpdates = of(updates, "azapi_update_resource", "resource_id").sort((a, b) => (a.r.body.properties.storedCompletionsDisabled ? 1 : 0) - (b.r.body.properties.storedCompletionsDisabled ? 1 : 0));
      expect(accountUpdates.filter((u) => u.r.body.properties.storedCompletionsDisabled === true)).toHaveLength(1);
      const chain = [
        ...accountUpdates,
        ...of(filters, "azurerm_cognitive_account_rai_policy", "cognitive_account_id"),
        ...config.deployments.map((d) => of(deployments, "azurerm_cognitive_deployment", "cognitive_account_id").find((x) => x.r.name === d.name)!),
        ...(config.projects ?? []).map((p) => of(projects, "azurerm_cognitive_account_project", "cognitive_account_id").find((x) => x.r.name === p.name)!),
        ...of(keys, "azurerm_cognitive_account_customer_managed_key", "cognitive_account_id"),
        ...Object.entries(endpoints)
          .filter(([, e]) => e.private_service_connection.private_connection_resource_id === accountRef)
          .map(([id, r]) => ({ address: `azurerm_private_endpoint.${id}`, r })),
      ];
      expect(chain.length).toBe(accountUpdates.length + 1 + config.deployments.length + (config.projects ?? []).length + 1 + (config.customerManagedKeys ? 1 : 0));
      expect(chain[0].r.depends_on).toBeUndefined();
      for (let i = 1; i < chain.length; i++) expect(chain[i].r.depends_on).toContain(chain[i - 1].address);
    }
  });

  test("issue 28: stored completions off on every account; the subscription's Defender for AI plan only in prod, which owns it", () => {
    const updates = resourceList(json, "azapi_update_resource").filter((u) => u.body.properties.storedCompletionsDisabled === true);
    expect(updates).toHaveLength(accounts.length);
    expect(updates.every((u) => u.type === "Microsoft.CognitiveServices/accounts@2025-09-01")).toBe(true);
    const plans = resourceList(json, "azurerm_security_center_subscription_pricing");
    expect(plans).toEqual(name === "prod" ? [{ resource_type: "AI", tier: "Standard" }] : []);
  });

  test("every deployment uses the account's content filter, which blocks every harm category", () => {
    const filters = resources(json, "azurerm_cognitive_account_rai_policy");
    expect(Object.keys(filters)).toHaveLength(accounts.length);
    for (const d of Object.values(deployments)) expect(d.rai_policy_name).toMatch(/^\$\{azurerm_cognitive_account_rai_policy\..*\.name\}$/);
    for (const filter of Object.values(filters)) {
      expect(filter.base_policy_name).toBe("Microsoft.Default");
      const shields = ["Jailbreak", "Indirect Attack", "Protected Material Text", "Protected Material Code"];
      const harm = filter.content_filter.filter((f: any) => !shields.includes(f.name));
      expect(harm).toHaveLength(8);
      for (const f of harm) expect(f).toMatchObject({ filter_enabled: true, block_enabled: true, severity_threshold: name === "prod" ? "Low" : "Medium" });
      expect(filter.content_filter).toContainEqual(expect.objectContaining({ name: "Jailbreak", block_enabled: true, source: "Prompt" }));
      // Prompt shields for document attacks and protected material, on and blocking (issue 28).
      for (const shield of shields) expect(filter.content_filter).toContainEqual(expect.objectContaining({ name: shield, filter_enabled: true, block_enabled: true }));
    }
  });

  test("every account has exactly one private endpoint: subresource account, auto-approved, openai zone in its zone group", () => {
    const endpoints = resourceList(json, "azurerm_private_endpoint");
    const zones = resources(json, "azurerm_private_dns_zone");
    const openAiZone = Object.entries(zones).find(([, z]) => z.name === "privatelink.openai.azure.com");
    expect(openAiZone).toBeDefined();
    for (const [id] of Object.entries(openAiAccounts)) {
      const mine = endpoints.filter((e) => e.private_service_connection.private_connection_resource_id === ref("azurerm_cognitive_account", id));
      expect(mine).toHaveLength(1);
      expect(mine[0].private_service_connection).toMatchObject({ subresource_names: ["account"], is_manual_connection: false });
      expect(mine[0].private_dns_zone_group.private_dns_zone_ids).toContain(ref("azurerm_private_dns_zone", openAiZone![0]));
    }
  });

  test("each endpoint waits for the last deployment of its account (azurerm#31712)", () => {
    // The Content Safety account has no deployments: its endpoint has nothing to wait for.
    for (const endpoint of resourceList(json, "azurerm_private_endpoint").filter((e) => !String(e.private_service_connection.private_connection_resource_id).includes("content-safety"))) {
      const accountRef = endpoint.private_service_connection.private_connection_resource_id;
      const ofAccount = Object.entries(deployments).filter(([, d]) => d.cognitive_account_id === accountRef);
      const dependedOn = new Set(ofAccount.flatMap(([, d]) => d.depends_on ?? []));
      const last = ofAccount.filter(([id]) => !dependedOn.has(`azurerm_cognitive_deployment.${id}`));
      expect(last).toHaveLength(1);
      // Directly, or through the customer-managed key that is chained after the deployments.
      expect(dependencyClosure(json, endpoint)).toContain(`azurerm_cognitive_deployment.${last[0][0]}`);
    }
  });

  test("private DNS zones are linked to every created VNet with registration off", () => {
    const all = resourceList(json, "azurerm_private_dns_zone_virtual_network_link");
    // The AI gateway's azure-api.net zone has links of its own (test/gateway).
    const links = all.filter((l) => !String(l.private_dns_zone_name).includes("gateway_private-dns"));
    const vnets = Object.keys(resources(json, "azurerm_virtual_network"));
    // A Foundry resource answers on three names (openai, cognitiveservices, services.ai); OpenAI on two.
    expect(links).toHaveLength(vnets.length * ((config.kind ?? "AIServices") === "AIServices" ? 3 : 2));
    for (const link of all) expect(link.registration_enabled).toBe(false);
    for (const link of links) expect(link.registration_enabled).toBe(false);
  });

  test("every account exports Audit, RequestResponse, Trace, RequestUsage and AllMetrics to the workspace and its region's archive", () => {
    const settings = resourceList(json, "azurerm_monitor_diagnostic_setting");
    const [workspaceId] = Object.keys(resources(json, "azurerm_log_analytics_workspace"));
    const archives = resources(json, "azurerm_storage_account");
    for (const [id, account] of Object.entries(openAiAccounts)) {
      const mine = settings.filter((s) => s.target_resource_id === ref("azurerm_cognitive_account", id));
      expect(mine).toHaveLength(1);
      expect(mine[0].enabled_log.map((l: any) => l.category)).toEqual(["Audit", "RequestResponse", "Trace", "AzureOpenAIRequestUsage"]);
      expect(mine[0].enabled_metric).toEqual([{ category: "AllMetrics" }]);
      expect(mine[0].log_analytics_workspace_id).toBe(ref("azurerm_log_analytics_workspace", workspaceId));
      const archiveId = Object.keys(archives).find((a) => mine[0].storage_account_id === ref("azurerm_storage_account", a));
      expect(archives[archiveId!].location).toBe(account.location);
    }
  });

  test("never emits retention_policy or the deprecated metric block", () => {
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/"retention_policy"/);
    for (const setting of resourceList(json, "azurerm_monitor_diagnostic_setting")) {
      expect(setting.metric).toBeUndefined();
      expect(setting.log).toBeUndefined();
    }
  });

  test("archives delete each category after its configured age", () => {
    const configured = config.logging!.archive!.days!;
    for (const policy of resourceList(json, "azurerm_storage_management_policy")) {
      const days = Object.fromEntries(
        policy.rule
          // The AI gateway's categories are added to its region's archive (test/gateway).
          .filter((r: any) => !String(r.filters.prefix_match[0]).startsWith("insights-logs-gateway"))
          .map((r: any) => [r.filters.prefix_match[0], r.actions.base_blob.delete_after_days_since_modification_greater_than]),
      );
      expect(days).toEqual({
        "insights-logs-audit/": configured.Audit,
        "insights-logs-requestresponse/": configured.RequestResponse,
        "insights-logs-trace/": configured.Trace,
        "insights-logs-azureopenairequestusage/": configured.AzureOpenAIRequestUsage,
        "insights-metrics-pt1m/": configured.metrics,
      });
      for (const rule of policy.rule) expect(rule.filters.blob_types).toEqual(["appendBlob"]);
    }
  });

  test("the workspace keeps logs as configured", () => {
    const [workspace] = resourceList(json, "azurerm_log_analytics_workspace");
    expect(workspace.retention_in_days).toBe(config.logging!.workspaceRetentionDays);
    expect(workspace.location).toBe(config.regions[0].location);
  });

  test("no role assignment grants a privileged role", () => {
    for (const assignment of resourceList(json, "azurerm_role_assignment")) {
      expect(PRIVILEGED_ROLE_GUIDS).not.toContain(roleGuidOf(assignment));
      expect(assignment.role_definition_id).toMatch(/^\$\{data\.azurerm_subscription\.current\.id\}\/providers\/Microsoft\.Authorization\/roleDefinitions\//);
      expect(assignment.name).toMatch(/^\$\{uuidv5\("url", /);
    }
  });

  test("carries the access matrix and the workload grants", () => {
    const assignments = resourceList(json, "azurerm_role_assignment");
    const has = (principal: string, guid: string) => assignments.filter((a) => a.principal_id === principal && roleGuidOf(a) === guid).length;
    const accounts = config.regions.length;
    // Security and audit read the accounts and the workspace everywhere.
    expect(has("00000000-0000-0000-0000-000000000003", ROLE_GUIDS.Reader)).toBe(accounts);
    expect(has("00000000-0000-0000-0000-000000000003", ROLE_GUIDS.LogAnalyticsReader)).toBe(1);
    if (name === "prod") {
      // No person holds more than read access in prod; the chatbot identity calls the models.
      const people = assignments.filter((a) => a.principal_type !== "ServicePrincipal");
      // The accounts' own identities read their customer-managed keys through vault access
      // policies (Microsoft's requirement for Azure OpenAI CMK), not role assignments.
      expect(assignments.filter((a) => String(a.principal_id).includes("azurerm_cognitive_account.") && String(a.principal_id).includes(".identity[0].principal_id"))).toEqual([]);
      const policies = resourceList(json, "azurerm_key_vault_access_policy");
      expect(policies).toHaveLength(accounts);
      for (const p of policies) {
        expect(p.object_id).toMatch(/^\$\{azurerm_cognitive_account\.[^.]+\.identity\[0\]\.principal_id\}$/);
        expect([...p.key_permissions].sort()).toEqual(["Get", "UnwrapKey", "WrapKey"]);
      }
      expect(people.map(roleGuidOf).sort()).toEqual([ROLE_GUIDS.LogAnalyticsReader, ROLE_GUIDS.Reader, ROLE_GUIDS.Reader]);
    } else {
      expect(has("00000000-0000-0000-0000-000000000001", ROLE_GUIDS.OpenAiUser)).toBe(accounts);
      expect(has("00000000-0000-0000-0000-000000000002", ROLE_GUIDS.OpenAiContributor)).toBe(accounts);
    }
    // A workload behind the gateway holds no role on the accounts: the gateway is its only way in.
    const behindGateway = new Set((config.gateway?.workloads ?? []).map((w) => w.identity));
    const direct = (config.workloads ?? []).filter((w) => !behindGateway.has(w.key));
    const workloads = assignments.filter((a) => String(a.principal_id).includes("azurerm_user_assigned_identity."));
    expect(workloads).toHaveLength(direct.length * accounts);
    for (const w of workloads) expect(roleGuidOf(w)).toBe(ROLE_GUIDS.OpenAiUser);
    for (const key of behindGateway) {
      expect(workloads.filter((a) => String(a.principal_id).includes(`azurerm_user_assigned_identity.workload-${key}_`))).toEqual([]);
    }
    if (config.gateway) expect(behindGateway.size).toBeGreaterThan(0);
  });

  test("keeps state in a relative local state file", () => {
    expect(json.terraform.backend).toEqual({ local: { path: `terraform.${name}.tfstate` } });
  });

  test("pins the azurerm provider the bindings were built for", () => {
    expect(json.terraform.required_providers.azurerm.version).toBe(AZURERM_VERSION);
  });

});

// What the whole-stack snapshot used to pin, as properties derived from the config: the resource
// inventory and the hardening of the supporting resources no construct-level test sees wired
// into the real stacks. The addresses are pinned by test/addresses, the CDK Terrain output by
// test/cdktn/toolchain-comparison.test.ts.
describe.each(ENVIRONMENTS.map((e) => e.name))("%s stack: inventory and supporting resources", (name) => {
  const config = environment(name);
  const template = TerraformTemplate.fromJson(synthEnvironment(config));
  const regions = config.regions.length;
  const gateway = config.gateway ? 1 : 0;
  const cmk = config.customerManagedKeys ? regions : 0;
  const alerting = (config.logging?.alertEmails ?? []).length > 0;
  const foundry = (config.kind ?? "AIServices") === "AIServices";

  test.each<[string, (c: typeof config) => number]>([
    // One account per region, plus the gateway's Content Safety account.
    ["azurerm_cognitive_account", () => regions + gateway],
    ["azurerm_cognitive_deployment", (c) => c.deployments.length * regions],
    ["azurerm_cognitive_account_rai_policy", () => regions],
    ["azurerm_cognitive_account_project", (c) => (c.projects ?? []).length * regions],
    ["azurerm_private_endpoint", () => regions + gateway],
    ["azurerm_virtual_network", () => regions],
    ["azurerm_subnet", () => regions + gateway],
    ["azurerm_storage_account", () => regions],
    ["azurerm_storage_management_policy", () => regions],
    // Five archive containers per region (four log categories and metrics); the gateway adds two.
    ["azurerm_storage_container", () => 5 * regions + 2 * gateway],
    ["azurerm_key_vault", () => cmk],
    ["azurerm_key_vault_access_policy", () => cmk],
    ["azurerm_cognitive_account_customer_managed_key", () => cmk],
    ["azurerm_log_analytics_workspace", () => 1],
    ["azurerm_resource_group", () => 1],
    ["azurerm_consumption_budget_resource_group", (c) => (c.budget ? 1 : 0)],
    ["azurerm_user_assigned_identity", (c) => (c.workloads ?? []).length],
    ["azurerm_monitor_action_group", () => (alerting ? 1 : 0)],
    // Availability and throttling, per OpenAI account.
    ["azurerm_monitor_metric_alert", () => (alerting ? 2 * regions : 0)],
    ["azurerm_network_security_group", () => gateway],
    ["azurerm_subnet_network_security_group_association", () => gateway],
    ["azurerm_api_management", () => gateway],
    ["azurerm_application_insights", () => gateway],
    ["azurerm_management_lock", (c) => (c.deletionProtection ? c.regions.length * (2 + (c.customerManagedKeys ? 1 : 0)) + 1 + 2 * gateway : 0)],
  ])("%s: as many as the config asks for", (type, expected) => {
    template.resourceCountIs(type, expected(config));
  });

  test("private DNS: the account's names (three for Foundry, two for OpenAI) and the gateway's zone", () => {
    template.resourceCountIs("azurerm_private_dns_zone", (foundry ? 3 : 2) + gateway);
    for (const zone of ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"]) template.hasResourceProperties("azurerm_private_dns_zone", { name: zone });
    if (foundry) template.hasResourceProperties("azurerm_private_dns_zone", { name: "privatelink.services.ai.azure.com" });
  });

  test("archives: no shared keys, no public blobs, TLS 1.2, firewall closed but to trusted Azure services, private containers", () => {
    template.allResources("azurerm_storage_account", {
      shared_access_key_enabled: false,
      allow_nested_items_to_be_public: false,
      min_tls_version: "TLS1_2",
      https_traffic_only_enabled: true,
      default_to_oauth_authentication: true,
      infrastructure_encryption_enabled: true,
      cross_tenant_replication_enabled: false,
      local_user_enabled: false,
      network_rules: Match.exact({ bypass: ["AzureServices"], default_action: "Deny", ip_rules: [], virtual_network_subnet_ids: [] }),
    });
    template.allResources("azurerm_storage_container", { container_access_type: "private" });
  });

  test("the Audit archive container is write-once as configured, locked only where the config locks it", () => {
    const audit = config.logging?.archive?.immutability?.Audit;
    const containers = template.findResources("azurerm_storage_container");
    const containerName = (policy: any) => containers[/^\$\{azurerm_storage_container\.([^.]+)\.id\}$/.exec(policy.storage_container_resource_manager_id)![1]].name;
    const policies = Object.values(template.findResources("azurerm_storage_container_immutability_policy")).filter((p) => containerName(p) === "insights-logs-audit");
    expect(policies).toHaveLength(audit ? regions : 0);
    for (const policy of policies) {
      expect(policy).toEqual(Match.objectLike({ immutability_period_in_days: audit!.periodDays, protected_append_writes_enabled: true }));
      expect(policy.locked ?? false).toBe(audit!.locked ?? false);
    }
  });

  test("the workspace takes Entra ID only and no ingestion from the internet", () => {
    template.allResources("azurerm_log_analytics_workspace", {
      local_authentication_enabled: false,
      internet_ingestion_enabled: false,
      allow_resource_only_permissions: false,
    });
  });

  test("key vaults for customer-managed keys: premium, purge-protected, closed to the network", () => {
    if (!cmk) return template.resourceCountIs("azurerm_key_vault", 0);
    template.allResources("azurerm_key_vault", {
      sku_name: "premium",
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
      network_acls: { default_action: "Deny" },
    });
  });

  test("the gateway's Application Insights takes Entra ID only and writes to the environment's workspace", () => {
    if (!gateway) return template.resourceCountIs("azurerm_application_insights", 0);
    template.allResources("azurerm_application_insights", {
      local_authentication_disabled: true,
      workspace_id: Match.stringLikeRegexp(/^\$\{azurerm_log_analytics_workspace\.[^.]+\.id\}$/),
    });
  });

  test("the gateway subnet's NSG allows only what API Management needs, from named service tags", () => {
    if (!gateway) return template.resourceCountIs("azurerm_network_security_rule", 0);
    template.allResources("azurerm_network_security_rule", { access: "Allow", source_address_prefix: Match.not("*"), destination_address_prefix: Match.not("*") });
    template.noResourceMatches("azurerm_network_security_rule", { direction: "Inbound", source_address_prefix: "Internet" });
  });

  test("the budget notifies the FinOps contacts at 50, 80 and 100 % actual and 100 % forecast", () => {
    if (!config.budget) return;
    const notification = (threshold: number, threshold_type: string) => ({ threshold, threshold_type, enabled: true, contact_emails: [...config.budget!.contactEmails] });
    template.hasResourceProperties("azurerm_consumption_budget_resource_group", {
      amount: config.budget.amount,
      notification: [notification(50, "Actual"), notification(80, "Actual"), notification(100, "Actual"), notification(100, "Forecasted")],
    });
  });

  test("alerts go to the configured on-call addresses", () => {
    if (!alerting) return;
    template.hasResourceProperties("azurerm_monitor_action_group", {
      email_receiver: config.logging!.alertEmails!.map((e) => ({ name: e.name, email_address: e.address, use_common_alert_schema: true })),
    });
  });

  test("the azurerm provider reaches storage with Entra ID and keeps off the storage data plane (no shared keys)", () => {
    expect(template.json.provider?.azurerm).toEqual([
      Match.objectLike({ storage_use_azuread: true, features: [{ storage: [{ data_plane_available: false }] }] }),
    ]);
  });

  test("the resource group sits in the configured location", () => {
    template.hasResourceProperties("azurerm_resource_group", { location: config.location });
  });
});

/** Every address `resource` depends on, directly or through the resources it depends on. */
function dependencyClosure(json: any, resource: { depends_on?: string[] }): Set<string> {
  const seen = new Set<string>();
  const pending = [...(resource.depends_on ?? [])];
  while (pending.length > 0) {
    const address = pending.pop()!;
    if (seen.has(address)) continue;
    seen.add(address);
    const [type, name] = address.split(".");
    pending.push(...(json.resource?.[type]?.[name]?.depends_on ?? []));
  }
  return seen;
}
