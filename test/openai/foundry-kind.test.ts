import { AzapiUpdateResource } from "../../lib/core/azapi";
import {
  FOUNDRY_AUTO_UPGRADE_TYPE,
  OpenAiAccount,
  OpenAiAccountProps,
  STORED_COMPLETIONS_TYPE,
} from "../../lib/openai";
import { openAiAccount } from "../helpers/openai";
import { failedProps, onlyResource, resourceList, resources, synthJson, testStack } from "../helpers/synth";

function account(props: Partial<OpenAiAccountProps> = {}) {
  const stack = testStack();
  const construct = openAiAccount(stack, props);
  return { stack, construct, json: () => synthJson(stack) };
}

const AGENT_SUBNET_ID = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-agents/subnets/agents";

describe("account kind", () => {
  test("a Foundry resource keeps every secure default of an OpenAI account", () => {
    const resource = onlyResource(account().json(), "azurerm_cognitive_account");
    expect(resource).toMatchObject({
      kind: "AIServices",
      project_management_enabled: true,
      public_network_access_enabled: false,
      local_auth_enabled: false,
      outbound_network_access_restricted: true,
      identity: { type: "SystemAssigned" },
      custom_subdomain_name: "aoai-test-sdc-oai",
    });
    expect(resource.network_injection).toBeUndefined();
    // Nothing is ignored: the kind and project management are the config's.
    expect(resource.lifecycle).toBeUndefined();
  });

  test("projectManagement: false leaves projects off on a Foundry resource", () => {
    expect(onlyResource(account({ projectManagement: false }).json(), "azurerm_cognitive_account").project_management_enabled).toBe(false);
  });

  test("the construct exposes its kind, and an imported account is OpenAI unless told", () => {
    const { stack, construct } = account();
    expect(construct.kind).toBe("AIServices");
    const id = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/legacy";
    expect(OpenAiAccount.fromAccountId(stack, "legacy", id, { location: "swedencentral" }).kind).toBe("OpenAI");
    expect(OpenAiAccount.fromAccountId(stack, "foundry", id, { location: "swedencentral", kind: "AIServices" }).kind).toBe("AIServices");
  });

  test("an unknown kind fails with the allowed kinds", () => {
    const { stack } = account({ kind: "TextAnalytics" as never });
    expect(failedProps(stack).map((p) => p.prop)).toContain("kind");
  });
});

describe("kind OpenAI needs an upgrade decision", () => {
  test("without one the synth fails on foundryUpgrade, naming both choices", () => {
    const { stack } = account({ kind: "OpenAI" });
    const problem = failedProps(stack).find((p) => p.prop === "foundryUpgrade");
    expect(problem).toBeDefined();
    expect(problem!.value).toBeUndefined();
    expect(problem!.rule).toContain('decision: "allow"');
    expect(problem!.rule).toContain('decision: "optOut"');
  });

  test("allow: kind and project management are kept out of the diff, nothing else is ignored or emitted", () => {
    const { stack, json } = account({ kind: "OpenAI", foundryUpgrade: { decision: "allow" } });
    expect(failedProps(stack)).toEqual([]);
    const synthesized = json();
    const resource = onlyResource(synthesized, "azurerm_cognitive_account");
    expect(resource.kind).toBe("OpenAI");
    expect(resource.project_management_enabled).toBeUndefined();
    expect(resource.lifecycle.ignore_changes).toEqual(["kind", "project_management_enabled"]);
    // No opt-out update: only the one that disables stored completions.
    expect(resourceList(synthesized, AzapiUpdateResource.tfResourceType).map((u) => u.type)).toEqual([STORED_COMPLETIONS_TYPE]);
  });

  test("allow keeps customer_managed_key ignored and prevent_destroy from the lock", () => {
    const { json } = account({
      kind: "OpenAI",
      foundryUpgrade: { decision: "allow" },
      lock: { reason: "production account, keep it" },
      customerManagedKey: {
        keyVaultId: "/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/kv",
        keyUriWithVersion: "https://kv.vault.azure.net/keys/k/0123456789abcdef",
      },
    });
    const lifecycle = onlyResource(json(), "azurerm_cognitive_account").lifecycle;
    expect(lifecycle.prevent_destroy).toBe(true);
    expect([...lifecycle.ignore_changes].sort()).toEqual(["customer_managed_key", "kind", "project_management_enabled"]);
  });

  test("optOut: foundryAutoUpgrade.mode Disabled through azapi on the preview API, first in the account's chain", () => {
    const { stack, json } = account({
      kind: "OpenAI",
      foundryUpgrade: { decision: "optOut", reason: "Validated as Azure OpenAI only; Foundry review due 2027-Q2" },
      deployments: [{ name: "chat", model: "gpt-4.1", version: "2025-04-14", sku: "DataZoneStandard", capacity: 10 }],
    });
    expect(failedProps(stack)).toEqual([]);
    const synthesized = json();
    const update = resourceList(synthesized, AzapiUpdateResource.tfResourceType).find((u) => u.type === FOUNDRY_AUTO_UPGRADE_TYPE);
    expect(FOUNDRY_AUTO_UPGRADE_TYPE).toBe("Microsoft.CognitiveServices/accounts@2026-01-15-preview");
    expect(update.type).toBe(FOUNDRY_AUTO_UPGRADE_TYPE);
    expect(update.resource_id).toMatch(/^\$\{azurerm_cognitive_account\.[^.]+\.id\}$/);
    expect(update.body).toEqual({ properties: { foundryAutoUpgrade: { mode: "Disabled" } } });
    // The opt-out writes the account: the next operation (stored completions off) waits for it, and the deployment for that (409 otherwise).
    const updates = resources(synthesized, AzapiUpdateResource.tfResourceType);
    const [optOutName] = Object.entries(updates).find(([, u]) => u.type === FOUNDRY_AUTO_UPGRADE_TYPE)!;
    const stored = Object.values(updates).find((u) => u.type !== FOUNDRY_AUTO_UPGRADE_TYPE)!;
    expect(stored.depends_on).toEqual([`azapi_update_resource.${optOutName}`]);
    const deployment = onlyResource(synthesized, "azurerm_cognitive_deployment");
    expect(deployment.depends_on).toEqual([expect.stringMatching(/^azapi_update_resource\./)]);
    // No ignore_changes: a later change of kind is drift the plan shows.
    expect(onlyResource(synthesized, "azurerm_cognitive_account").lifecycle).toBeUndefined();
  });

  test("optOut needs a reason of at least 10 characters", () => {
    const { stack } = account({ kind: "OpenAI", foundryUpgrade: { decision: "optOut", reason: "no" } });
    expect(failedProps(stack).map((p) => p.prop)).toContain("foundryUpgrade.reason");
  });

  test("a decision on a Foundry resource, an unknown decision, and Foundry-only settings on OpenAI fail", () => {
    expect(failedProps(account({ foundryUpgrade: { decision: "allow" } }).stack).map((p) => p.prop)).toContain("foundryUpgrade");
    expect(failedProps(account({ kind: "OpenAI", foundryUpgrade: { decision: "later" } as never }).stack).map((p) => p.prop)).toContain(
      "foundryUpgrade.decision",
    );
    const openAi = failedProps(
      account({
        kind: "OpenAI",
        foundryUpgrade: { decision: "allow" },
        projectManagement: true,
        agentSubnet: { subnetId: AGENT_SUBNET_ID, addressPrefix: "192.168.0.0/24" },
      }).stack,
    ).map((p) => p.prop);
    expect(openAi).toEqual(expect.arrayContaining(["projectManagement", "agentSubnet"]));
  });
});

describe("agent subnet (network injection)", () => {
  test("a valid subnet becomes network_injection with scenario agent", () => {
    const { stack, json } = account({ agentSubnet: { subnetId: AGENT_SUBNET_ID, addressPrefix: "192.168.0.0/24" } });
    expect(failedProps(stack)).toEqual([]);
    expect(onlyResource(json(), "azurerm_cognitive_account").network_injection).toEqual({ scenario: "agent", subnet_id: AGENT_SUBNET_ID });
  });

  test.each([
    ["10.40.0.0/24", "outside 172.16.0.0/12 and 192.168.0.0/16"],
    ["172.32.0.0/24", "just outside 172.16.0.0/12"],
    ["192.168.0.0/28", "smaller than a /27"],
    ["192.168.0.1/24", "not a network address"],
  ])("%s is refused (%s)", (addressPrefix) => {
    const { stack } = account({ agentSubnet: { subnetId: AGENT_SUBNET_ID, addressPrefix } });
    expect(failedProps(stack).filter((p) => p.prop === "agentSubnet.addressPrefix").map((p) => p.value)).toEqual([addressPrefix]);
  });

  test("172.16.0.0/12 members and a /27 are accepted", () => {
    for (const addressPrefix of ["172.16.4.0/24", "172.31.255.224/27"]) {
      expect(failedProps(account({ agentSubnet: { subnetId: AGENT_SUBNET_ID, addressPrefix } }).stack)).toEqual([]);
    }
  });

  test("a subnet ID that is not one fails", () => {
    const { stack } = account({ agentSubnet: { subnetId: "agents", addressPrefix: "192.168.0.0/24" } });
    expect(failedProps(stack).map((p) => p.prop)).toContain("agentSubnet.subnetId");
  });
});
