/**
 * Every example under examples/ synthesizes as written (each is a complete `main.ts` that calls
 * `app.synth()`), and what it exists to show is in its output.
 */
import * as fs from "fs";
import { EXAMPLES, synthExample } from "../helpers/examples";
import { onlyResource, resourceList, resources } from "../helpers/synth";

test("every example folder is covered here", () => {
  expect(fs.readdirSync(EXAMPLES).sort()).toEqual(["foundry", "hub-and-spoke", "lower-level", "managed-hsm", "minimal", "multi-region-cmk", "provisioned-spillover", "quickstart"]);
});

test("quickstart: two EU regions, private and keyless, peered for failover", () => {
  const { prod } = synthExample("quickstart");
  const accounts = resourceList(prod, "azurerm_cognitive_account");
  expect(accounts.map((a) => a.location).sort()).toEqual(["francecentral", "swedencentral"]);
  for (const a of accounts) {
    expect(a.public_network_access_enabled).toBe(false);
    expect(a.local_auth_enabled).toBe(false);
  }
  expect(resourceList(prod, "azurerm_private_endpoint")).toHaveLength(2);
  expect(resourceList(prod, "azurerm_consumption_budget_resource_group")).toHaveLength(1);
  // Failover needs each region's VNet to reach the other's endpoint: peered both ways.
  const peerings = resourceList(prod, "azurerm_virtual_network_peering");
  expect(peerings).toHaveLength(2);
  for (const p of peerings) expect(p.allow_virtual_network_access).toBe(true);
});

test("minimal: one region, one deployment, a VNet of its own", () => {
  const { sandbox } = synthExample("minimal");
  expect(resourceList(sandbox, "azurerm_cognitive_account")).toHaveLength(1);
  expect(resourceList(sandbox, "azurerm_cognitive_deployment")).toHaveLength(1);
  expect(resourceList(sandbox, "azurerm_virtual_network")).toHaveLength(1);
});

test("hub-and-spoke: brings subnets and zones, creates no VNet, zone or link", () => {
  const { staging } = synthExample("hub-and-spoke");
  expect(resourceList(staging, "azurerm_virtual_network")).toHaveLength(0);
  expect(resourceList(staging, "azurerm_private_dns_zone")).toHaveLength(0);
  expect(resourceList(staging, "azurerm_private_dns_zone_virtual_network_link")).toHaveLength(0);
  const endpoints = resourceList(staging, "azurerm_private_endpoint");
  expect(endpoints.map((e) => e.subnet_id).sort()).toEqual([
    expect.stringContaining("/virtualNetworks/spoke-frc-vnet/subnets/private-endpoints"),
    expect.stringContaining("/virtualNetworks/spoke-weu-vnet/subnets/private-endpoints"),
  ]);
  for (const e of endpoints) {
    expect(e.private_dns_zone_group.private_dns_zone_ids).toEqual([
      expect.stringContaining("/privateDnsZones/privatelink.openai.azure.com"),
      expect.stringContaining("/privateDnsZones/privatelink.cognitiveservices.azure.com"),
      expect.stringContaining("/privateDnsZones/privatelink.services.ai.azure.com"),
    ]);
  }
});

test("foundry: a Foundry resource with two projects, private endpoint in three zones, keyless, a customer-managed key", () => {
  const { foundry } = synthExample("foundry");
  const [account] = resourceList(foundry, "azurerm_cognitive_account");
  expect(account).toMatchObject({
    kind: "AIServices",
    project_management_enabled: true,
    public_network_access_enabled: false,
    local_auth_enabled: false,
    outbound_network_access_restricted: true,
  });
  expect(resourceList(foundry, "azurerm_cognitive_account_project").map((p) => p.name).sort()).toEqual(["claims", "support"]);
  expect(resourceList(foundry, "azurerm_cognitive_account_customer_managed_key")).toHaveLength(1);
  const [endpoint] = resourceList(foundry, "azurerm_private_endpoint");
  expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toHaveLength(3);
  // Foundry User on each project for its team and its workload (the teams read the account).
  const onProjects = resourceList(foundry, "azurerm_role_assignment").filter((a) => String(a.scope).startsWith("${azurerm_cognitive_account_project."));
  expect(onProjects.length).toBe(4);
  for (const a of onProjects) expect(a.role_definition_id).toMatch(/53ca6127-db72-4b80-b1b0-d745d6d5456d$/);
});

test("multi-region-cmk: two regions, a key per account, locks, a locked audit archive", () => {
  const { prod } = synthExample("multi-region-cmk");
  expect(resourceList(prod, "azurerm_cognitive_account")).toHaveLength(2);
  expect(resourceList(prod, "azurerm_cognitive_account_customer_managed_key")).toHaveLength(2);
  expect(resourceList(prod, "azurerm_key_vault")).toHaveLength(2);
  expect(resourceList(prod, "azurerm_management_lock").length).toBeGreaterThanOrEqual(3);
  const immutability = resourceList(prod, "azurerm_storage_container_immutability_policy");
  expect(immutability).toHaveLength(2);
  for (const policy of immutability) expect(policy.locked).toBe(true);
});

test("lower-level: an account with two chained deployments and a workload identity granted OpenAI User", () => {
  const stacks = synthExample("lower-level");
  const json = stacks["chat-prod"];
  const deployments = resources(json, "azurerm_cognitive_deployment");
  expect(Object.keys(deployments)).toHaveLength(2);
  // The second deployment waits for the first: Azure refuses parallel operations on one account.
  const [first, second] = Object.entries(deployments).sort(([a], [b]) => (a.includes("batch") ? 1 : b.includes("batch") ? -1 : 0));
  expect(second[1].depends_on).toContain(`azurerm_cognitive_deployment.${first[0]}`);
  const assignments = resourceList(json, "azurerm_role_assignment");
  expect(assignments).toHaveLength(1);
  expect(String(assignments[0].role_definition_id)).toMatch(/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd$/);
});

test("managed-hsm: a Foundry resource encrypted with a rotating key in an existing Managed HSM", () => {
  const json = synthExample("managed-hsm")["agents-prod"];
  const key = onlyResource(json, "azurerm_key_vault_managed_hardware_security_module_key");
  expect(key).toMatchObject({ key_type: "RSA-HSM", key_size: 2048, key_opts: ["wrapKey", "unwrapKey"] });
  expect(key.managed_hsm_id).toMatch(/\/providers\/Microsoft\.KeyVault\/managedHSMs\//);
  expect(onlyResource(json, "azurerm_key_vault_managed_hardware_security_module_key_rotation_policy")).toMatchObject({ time_after_creation: "P90D", expire_after: "P365D" });
  // The HSM is the security team's: not made here.
  expect(resourceList(json, "azurerm_key_vault_managed_hardware_security_module")).toEqual([]);
  const role = onlyResource(json, "azurerm_key_vault_managed_hardware_security_module_role_assignment");
  expect(role.scope).toBe("/keys/agents-prod-sdc-cmk");
  expect(role.role_definition_id).toMatch(/33413926-3206-4cdd-b39a-83574fe37a17$/);
  expect(role.principal_id).toMatch(/^\$\{azurerm_cognitive_account\..*\.identity\[0\]\.principal_id\}$/);
  const [encryption] = resourceList(json, "azapi_update_resource").filter((u) => u.body?.properties?.encryption !== undefined);
  expect(encryption.body.properties.encryption).toMatchObject({ keySource: "Microsoft.KeyVault", keyVaultProperties: { keyName: "agents-prod-sdc-cmk" } });
  expect(encryption.body.properties.encryption.keyVaultProperties.keyVersion).toContain("versioned_id");
  // No Key Vault path: no vault, no access policy, no separate CMK resource.
  expect(resourceList(json, "azurerm_key_vault")).toEqual([]);
  expect(resourceList(json, "azurerm_cognitive_account_customer_managed_key")).toEqual([]);
});

test("provisioned-spillover: a Data Zone PTU deployment spills over to its DataZoneStandard twin; capacity checked at plan", () => {
  const { staging: prod } = synthExample("provisioned-spillover");
  const deployments: Record<string, { id: string; d: any }> = Object.fromEntries(Object.entries(resources(prod, "azurerm_cognitive_deployment")).map(([id, d]) => [d.name, { id, d }]));
  expect(deployments["chat-ptu"].d.sku).toEqual({ name: "DataZoneProvisionedManaged", capacity: 15 });
  expect(deployments["chat-paygo"].d.sku).toEqual({ name: "DataZoneStandard", capacity: 100 });
  const [spillover] = resourceList(prod, "azapi_update_resource").filter((u) => u.type.startsWith("Microsoft.CognitiveServices/accounts/deployments@"));
  expect(spillover.body).toEqual({ properties: { spilloverDeploymentName: "chat-paygo" } });
  expect(spillover.resource_id).toBe(`\${azurerm_cognitive_deployment.${deployments["chat-ptu"].id}.id}`);
  // Capacity proven at plan: a precondition on each deployment, over a modelCapacities read.
  for (const { d } of Object.values(deployments)) expect(d.lifecycle.precondition[0].error_message).toMatch(/^Capacity shortfall in swedencentral for /);
  expect(Object.values(prod.data?.azapi_resource_action ?? {}).map((r: any) => r.action).sort()).toEqual(["modelCapacities", "usages"]);
  expect(prod.output?.capacity_preflight).toBeDefined();
});
