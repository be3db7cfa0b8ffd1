import { environment, synthEnvironment } from "../helpers/environment";
import { resources, TerraformJson } from "../helpers/synth";
import { EnvironmentConfig } from "../../lib/environment/environment-config";

// The platform alone: the gateway in front of it has its own tests (test/gateway).
const prod = { ...environment("prod"), gateway: undefined };

/** The logical id a `${type.id.attr}` reference points to, when it is one of `type`. */
function referenced(expression: unknown, type: string): string | undefined {
  const match = typeof expression === "string" ? new RegExp(`^\\$\\{${type}\\.([^.]+)\\.[a-z_]+\\}$`).exec(expression) : null;
  return match?.[1];
}

/**
 * Pairs (VNet created by the platform, account endpoint) that cannot talk: the endpoint's subnet
 * is neither in that VNet nor in a VNet peered with it both ways with VNet access allowed.
 */
function unreachable(json: TerraformJson): string[] {
  const vnets = Object.keys(resources(json, "azurerm_virtual_network"));
  const subnets = resources(json, "azurerm_subnet");
  const vnetOfSubnet = (subnetId: string) => referenced(subnets[subnetId]?.virtual_network_name, "azurerm_virtual_network");
  const peered = new Set(
    Object.values(resources(json, "azurerm_virtual_network_peering"))
      .filter((p: any) => p.allow_virtual_network_access === true)
      .map((p: any) => `${referenced(p.virtual_network_name, "azurerm_virtual_network")}->${referenced(p.remote_virtual_network_id, "azurerm_virtual_network")}`),
  );
  const endpoints = Object.entries(resources(json, "azurerm_private_endpoint")).filter(([, e]: [string, any]) =>
    referenced(e.private_service_connection?.private_connection_resource_id, "azurerm_cognitive_account"),
  );
  expect(endpoints.length).toBeGreaterThan(0);
  const missing: string[] = [];
  for (const vnet of vnets) {
    for (const [endpointId, endpoint] of endpoints as [string, any][]) {
      const subnet = referenced(endpoint.subnet_id, "azurerm_subnet");
      const target = subnet && vnetOfSubnet(subnet);
      if (!target) {
        missing.push(`${vnet} -> ${endpointId} (endpoint subnet not created by the stack)`);
        continue;
      }
      const reaches = target === vnet || (peered.has(`${vnet}->${target}`) && peered.has(`${target}->${vnet}`));
      if (!reaches) missing.push(`${vnet} -> ${endpointId}`);
    }
  }
  return missing;
}

describe("prod failover connectivity", () => {
  const json = synthEnvironment(prod);

  test("prod creates one VNet per region and one account endpoint per region", () => {
    expect(Object.keys(resources(json, "azurerm_virtual_network"))).toHaveLength(prod.regions.length);
    expect(prod.regions.length).toBeGreaterThanOrEqual(2);
  });

  test("every VNet the platform creates reaches every account's private endpoint subnet", () => {
    expect(unreachable(json)).toEqual([]);
  });

  test("the check fails without the peerings: each VNet then misses the other region's endpoint", () => {
    const withoutPeering: TerraformJson = { ...json, resource: { ...json.resource } };
    delete withoutPeering.resource!.azurerm_virtual_network_peering;
    expect(unreachable(withoutPeering)).toHaveLength(prod.regions.length * (prod.regions.length - 1));
  });

  test("the peerings allow VNet access, forward nothing and use no gateway, named by location pair", () => {
    const peerings = resources(json, "azurerm_virtual_network_peering");
    expect(Object.values(peerings).map((p: any) => p.name).sort()).toEqual(["francecentral-to-swedencentral", "swedencentral-to-francecentral"]);
    for (const p of Object.values(peerings) as any[]) {
      expect(p).toMatchObject({ allow_virtual_network_access: true, allow_forwarded_traffic: false, allow_gateway_transit: false, use_remote_gateways: false });
      expect(referenced(p.virtual_network_name, "azurerm_virtual_network")).not.toEqual(referenced(p.remote_virtual_network_id, "azurerm_virtual_network"));
    }
  });
});

describe("peering addresses", () => {
  const addressesOf = (config: EnvironmentConfig) => Object.keys(resources(synthEnvironment(config), "azurerm_virtual_network_peering")).sort();
  const third = { location: "germanywestcentral", priority: 3, network: { addressSpace: "10.99.33.0/24" } } as const;
  const threeRegions: EnvironmentConfig = { ...prod, capacityCapK: 10_000, regions: [...prod.regions, third] };

  test("a third region adds two pairs and renames none of the existing peerings", () => {
    const before = addressesOf({ ...prod, capacityCapK: 10_000 });
    const after = addressesOf(threeRegions);
    expect(before).toHaveLength(2);
    expect(after).toHaveLength(6);
    for (const address of before) expect(after).toContain(address);
    expect(unreachable(synthEnvironment(threeRegions))).toEqual([]);
  });

  test("swapping priorities renames no peering", () => {
    const swapped: EnvironmentConfig = { ...prod, regions: prod.regions.map((r, i) => ({ ...r, priority: prod.regions.length - i })) };
    expect(addressesOf(swapped)).toEqual(addressesOf(prod));
  });

  test("one region creates no peering", () => {
    expect(addressesOf({ ...prod, regions: [prod.regions[0]], capacityCapK: 10_000 })).toEqual([]);
  });

  test("brought subnets create no VNet and no peering: connectivity is the landing zone's", () => {
    const subnet = (vnet: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/pe`;
    const zone = (name: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/${name}`;
    const brought: EnvironmentConfig = {
      ...prod,
      privateDns: { existingZoneIds: { openAi: zone("privatelink.openai.azure.com"), cognitiveServices: zone("privatelink.cognitiveservices.azure.com") } },
      regions: [
        { location: "swedencentral", priority: 1, network: { subnetId: subnet("spoke-sdc") } },
        { location: "francecentral", priority: 2, network: { subnetId: subnet("spoke-frc") } },
      ],
    };
    const json = synthEnvironment(brought);
    expect(resources(json, "azurerm_virtual_network")).toEqual({});
    expect(resources(json, "azurerm_virtual_network_peering")).toEqual({});
  });
});
