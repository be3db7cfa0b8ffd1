import { TerraformStack } from "cdktf";
import { AccountPrivateEndpointOptions, OpenAiAccountProps } from "../../lib/openai";
import { failedProps, resources, synthJson, testStack } from "../helpers/synth";
import { address, openAiAccount, subnetId, zoneId } from "../network/fixtures";

const OPENAI_ZONE = zoneId("privatelink.openai.azure.com");
const COGNITIVE_ZONE = zoneId("privatelink.cognitiveservices.azure.com");
const AI_SERVICES_ZONE = zoneId("privatelink.services.ai.azure.com");
const FOUNDRY_ZONES = [OPENAI_ZONE, COGNITIVE_ZONE, AI_SERVICES_ZONE];

const HUB_SUBNET = subnetId("vnet-hub", "snet-pe");
const SPOKE_SUBNET = subnetId("vnet-spoke", "snet-pe", "rg-spoke");

const LOCK = { reason: "production account: deletion needs a change ticket" };

function accountWith(props: Partial<OpenAiAccountProps>, stack: TerraformStack = testStack()) {
  const account = openAiAccount(stack, props);
  return { stack, account };
}

/** The synthesized endpoints, by endpoint name. */
function endpointsByName(stack: TerraformStack): Record<string, any> {
  return Object.fromEntries(Object.values(resources(synthJson(stack), "azurerm_private_endpoint")).map((pe: any) => [pe.name, pe]));
}

describe("OpenAiAccount privateEndpoints", () => {
  const { stack, account } = accountWith({
    lock: LOCK,
    privateEndpoints: {
      hub: { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES, privateIpAddress: "10.20.0.10", subnetAddressPrefix: "10.20.0.0/27" },
      spoke: { name: "pe-spoke-chat", subnetId: SPOKE_SUBNET, dnsManagedByPolicy: true, location: "germanywestcentral", resourceGroupName: "rg-spoke", lock: false },
    },
  });
  const json = synthJson(stack);
  const endpoints = Object.values(resources(json, "azurerm_private_endpoint"));
  const byName = Object.fromEntries(endpoints.map((pe: any) => [pe.name, pe]));
  const hub = byName["pe-aoai-test-sdc-oai-hub"];
  const spoke = byName["pe-spoke-chat"];

  test("makes one endpoint per key, exposed by key", () => {
    expect(endpoints).toHaveLength(2);
    expect(Object.keys(account.privateEndpoints).sort()).toEqual(["hub", "spoke"]);
    expect(account.privateEndpoints.hub.node.id).toBe("private-endpoint-hub");
  });

  test("each connects privately to the account's `account` subresource, without manual approval", () => {
    for (const pe of [hub, spoke]) {
      expect(pe.private_service_connection.private_connection_resource_id).toBe(`\${${address(account.resource)}.id}`);
      expect(pe.private_service_connection.subresource_names).toEqual(["account"]);
      expect(pe.private_service_connection.is_manual_connection).toBe(false);
    }
  });

  test("the account keeps its public network access off", () => {
    const [cognitive] = Object.values(resources(json, "azurerm_cognitive_account")) as any[];
    expect(cognitive.public_network_access_enabled).toBe(false);
    expect(cognitive.local_auth_enabled).toBe(false);
  });

  test("is placed in its subnet; resource group and location default to the account's", () => {
    expect(hub.subnet_id).toBe(HUB_SUBNET);
    expect(hub.resource_group_name).toBe("rg-test");
    expect(hub.location).toBe("swedencentral");
    expect(spoke.subnet_id).toBe(SPOKE_SUBNET);
    expect(spoke.resource_group_name).toBe("rg-spoke");
    expect(spoke.location).toBe("germanywestcentral");
  });

  test("registers in the zone group, or leaves DNS to Azure Policy", () => {
    expect(hub.private_dns_zone_group).toEqual({ name: "default", private_dns_zone_ids: FOUNDRY_ZONES });
    expect(spoke.private_dns_zone_group).toBeUndefined();
    expect(spoke.lifecycle.ignore_changes).toEqual(["private_dns_zone_group"]);
  });

  test("a static IP becomes the ip_configuration of the account member", () => {
    expect(hub.ip_configuration).toEqual([
      { name: "pe-aoai-test-sdc-oai-hub-ip", private_ip_address: "10.20.0.10", subresource_name: "account", member_name: "default" },
    ]);
    expect(spoke.ip_configuration).toBeUndefined();
    expect(account.privateEndpoints.hub.privateIpAddress).toBe("10.20.0.10");
  });

  test("the account's lock reaches its endpoints (AVM), unless an entry turns it off", () => {
    const locks = Object.values(resources(json, "azurerm_management_lock")) as any[];
    const endpointLocks = locks.filter((l) => l.scope.includes("azurerm_private_endpoint"));
    expect(endpointLocks).toHaveLength(1);
    expect(endpointLocks[0]).toMatchObject({
      name: "do-not-delete-private-endpoint-hub",
      scope: `\${${address(account.privateEndpoints.hub.resource)}.id}`,
      lock_level: "CanNotDelete",
      notes: LOCK.reason,
    });
    expect(hub.lifecycle.prevent_destroy).toBe(true);
    expect(spoke.lifecycle.prevent_destroy).toBeUndefined();
    expect(account.privateEndpoints.spoke.lock).toBeUndefined();
  });

  test("the endpoints join the account's operation chain, one after another", () => {
    const hubAddress = address(account.privateEndpoints.hub.resource);
    expect(spoke.depends_on).toEqual([hubAddress]);
    // Before them in the chain: the update that turns stored completions off (it writes the account).
    expect(hub.depends_on).toEqual([address(account.storedCompletionsOff!)]);
  });

  test("has no validation problems", () => {
    expect(failedProps(stack)).toEqual([]);
  });
});

describe("OpenAiAccount privateEndpoints: what else they take", () => {
  test("connection, zone group and NIC names, and an explicit lock of the entry", () => {
    const { stack } = accountWith({
      privateEndpoints: {
        hub: {
          subnetId: HUB_SUBNET,
          privateDnsZoneIds: FOUNDRY_ZONES,
          privateServiceConnectionName: "psc-hub",
          privateDnsZoneGroupName: "hub-zones",
          customNetworkInterfaceName: "nic-pe-hub",
          lock: { reason: "hub endpoint: removal breaks every caller", protection: "preventDestroy" },
        },
      },
    });
    const pe = endpointsByName(stack)["pe-aoai-test-sdc-oai-hub"];
    expect(pe.private_service_connection.name).toBe("psc-hub");
    expect(pe.private_dns_zone_group.name).toBe("hub-zones");
    expect(pe.custom_network_interface_name).toBe("nic-pe-hub");
    expect(pe.lifecycle.prevent_destroy).toBe(true);
    expect(Object.keys(resources(synthJson(stack), "azurerm_management_lock"))).toHaveLength(0);
    expect(failedProps(stack)).toEqual([]);
  });

  test("addPrivateEndpoint shares the prop's path", () => {
    const { stack, account } = accountWith({});
    const made = account.addPrivateEndpoint("later", { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES });
    expect(account.privateEndpoints.later).toBe(made);
    expect(Object.keys(endpointsByName(stack))).toEqual(["pe-aoai-test-sdc-oai-later"]);
    expect(failedProps(stack)).toEqual([]);
  });

  test("adding an endpoint renames none of the others", () => {
    const one = accountWith({ privateEndpoints: { hub: { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES } } });
    const two = accountWith({
      privateEndpoints: {
        a: { subnetId: SPOKE_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES },
        hub: { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES },
      },
    });
    expect(Object.keys(resources(synthJson(two.stack), "azurerm_private_endpoint"))).toEqual(
      expect.arrayContaining(Object.keys(resources(synthJson(one.stack), "azurerm_private_endpoint"))),
    );
  });

  test("without privateEndpoints the account makes none (the platform makes its own)", () => {
    const { stack, account } = accountWith({});
    expect(resources(synthJson(stack), "azurerm_private_endpoint")).toEqual({});
    expect(account.privateEndpoints).toEqual({});
  });

  test("a publicNetworkAccess exception and private endpoints go together", () => {
    const { stack } = accountWith({
      securityExceptions: { publicNetworkAccess: { reason: "partner calls from a fixed IP range, ADR-12" } },
      networkRules: { ipRules: ["52.100.10.0/24"] },
      privateEndpoints: { hub: { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES } },
    });
    expect(Object.keys(endpointsByName(stack))).toHaveLength(1);
    const [cognitive] = Object.values(resources(synthJson(stack), "azurerm_cognitive_account")) as any[];
    expect(cognitive.public_network_access_enabled).toBe(true);
    expect(failedProps(stack)).toEqual([]);
  });
});

describe("OpenAiAccount privateEndpoints: problems as data", () => {
  const problemsOf = (privateEndpoints: Record<string, AccountPrivateEndpointOptions>, props: Partial<OpenAiAccountProps> = {}) =>
    failedProps(accountWith({ ...props, privateEndpoints }).stack).map(({ path, prop, value }) => ({ path: path.split("/").slice(-1)[0], prop, value }));

  test("a subnet ID that is not a subnet resource ID", () => {
    const bad = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v";
    expect(problemsOf({ hub: { subnetId: bad, privateDnsZoneIds: FOUNDRY_ZONES } })).toEqual([{ path: "private-endpoint-hub", prop: "subnetId", value: bad }]);
  });

  test("an entry without a subnet (JavaScript callers)", () => {
    const entry = { privateDnsZoneIds: FOUNDRY_ZONES } as unknown as AccountPrivateEndpointOptions;
    expect(problemsOf({ hub: entry })).toEqual([{ path: "private-endpoint-hub", prop: "subnetId", value: undefined }]);
  });

  test("no DNS zones and no policy DNS", () => {
    expect(problemsOf({ hub: { subnetId: HUB_SUBNET } })).toEqual([{ path: "private-endpoint-hub", prop: "privateDnsZoneIds", value: undefined }]);
  });

  test("a Foundry account (kind AIServices) needs the three zones; a kind-OpenAI account the openai zone", () => {
    expect(problemsOf({ hub: { subnetId: HUB_SUBNET, privateDnsZoneIds: [OPENAI_ZONE] } })).toEqual([
      { path: "private-endpoint-hub", prop: "privateDnsZoneIds", value: [OPENAI_ZONE] },
    ]);
    expect(problemsOf({ hub: { subnetId: HUB_SUBNET, privateDnsZoneIds: [OPENAI_ZONE] } }, { kind: "OpenAI", foundryUpgrade: { decision: "allow" } })).toEqual([]);
  });

  test("two endpoints with one name, ignoring case", () => {
    expect(
      problemsOf({
        a: { name: "pe-chat", subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES },
        b: { name: "PE-Chat", subnetId: SPOKE_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES },
      }),
    ).toEqual([{ path: "openai", prop: "privateEndpoints.b.name", value: "PE-Chat" }]);
  });

  test("one static address for two endpoints in one subnet", () => {
    expect(
      problemsOf({
        a: { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES, privateIpAddress: "10.20.0.10" },
        b: { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES, privateIpAddress: "10.20.0.10" },
        c: { subnetId: SPOKE_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES, privateIpAddress: "10.20.0.10" },
      }),
    ).toEqual([{ path: "openai", prop: "privateEndpoints.b.privateIpAddress", value: "10.20.0.10" }]);
  });

  test("a key that cannot be a construct ID", () => {
    expect(problemsOf({ "hub/sdc": { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES } })).toContainEqual({ path: "openai", prop: "privateEndpoints", value: "hub/sdc" });
  });

  test("a key added twice", () => {
    const { stack, account } = accountWith({ privateEndpoints: { hub: { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES } } });
    const again = account.addPrivateEndpoint("hub", { subnetId: SPOKE_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES });
    expect(again).toBe(account.privateEndpoints.hub);
    expect(failedProps(stack).map(({ prop, value }) => ({ prop, value }))).toEqual([{ prop: "privateEndpoints", value: "hub" }]);
  });

  test("an unknown prop in an entry, and a misspelt lock field", () => {
    const entry = { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES, subnetID: HUB_SUBNET, lock: { reason: "kept for the audit period", protecton: "lock" } };
    expect(problemsOf({ hub: entry as AccountPrivateEndpointOptions }).map((p) => p.prop).sort()).toEqual(["lock.protecton", "subnetID"]);
  });

  test("connection and zone group names that break Azure's private link name rule", () => {
    const entry = { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES, privateServiceConnectionName: "-psc", privateDnsZoneGroupName: "zones." };
    expect(problemsOf({ hub: entry })).toEqual([
      { path: "private-endpoint-hub", prop: "privateServiceConnectionName", value: "-psc" },
      { path: "private-endpoint-hub", prop: "privateDnsZoneGroupName", value: "zones." },
    ]);
  });

  test("a name from the account name that breaks the private endpoint rule", () => {
    const longName = "a".repeat(60);
    const problems = problemsOf({ hub: { subnetId: HUB_SUBNET, privateDnsZoneIds: FOUNDRY_ZONES } }, { name: longName });
    expect(problems).toEqual([{ path: "private-endpoint-hub", prop: "name", value: `pe-${longName}-hub` }]);
  });
});
