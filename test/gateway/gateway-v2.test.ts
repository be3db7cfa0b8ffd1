import { GATEWAY_CAPACITY, GatewaySku } from "../../lib/gateway/gateway-sku";
import { GATEWAY_INTEGRATION_DELEGATION, GATEWAY_NSG_RULES } from "../../lib/gateway/gateway-network";
import { APIM_PRIVATE_LINK_SUBRESOURCE, APIM_PRIVATE_LINK_ZONE, APIM_SERVICE_TYPE } from "../../lib/gateway/gateway-private-endpoint";
import type { OpenAiGatewayProps } from "../../lib/gateway/gateway-props";
import { failedProps, onlyResource, resourceList, resources, synthJson } from "../helpers/synth";
import { gatewayIn } from "./gateway-fixture";

const ENDPOINT_SUBNET = "/subscriptions/00000000-0000-0000-0000-0000000000ab/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/endpoints";
const INTEGRATION = { virtualNetworkName: "v", virtualNetworkResourceGroupName: "rg-net", subnetPrefix: "10.10.0.64/27" };
const VNETS = { hub: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub" };

/** A private StandardV2 gateway: integration subnet created, inbound endpoint, zone linked to the hub. */
const V2: Partial<OpenAiGatewayProps> = {
  sku: "StandardV2",
  network: INTEGRATION,
  inboundPrivateEndpoint: { subnetId: ENDPOINT_SUBNET },
  privateDnsVirtualNetworkIds: VNETS,
};

function synthV2(props: Partial<OpenAiGatewayProps> = {}) {
  const { stack, gateway } = gatewayIn({ ...V2, ...props });
  return { stack, gateway, json: synthJson(stack) };
}

const failing = (props: Partial<OpenAiGatewayProps>) => failedProps(gatewayIn(props).stack);

describe("a StandardV2/PremiumV2 gateway is private without VNet injection (issue 26 item 5)", () => {
  test("the service integrates outbound with the subnet and is created with public access on, which it then never switches back", () => {
    const { json } = synthV2();
    const service = onlyResource(json, "azurerm_api_management");
    expect(service.sku_name).toBe("StandardV2_1");
    expect(service.virtual_network_type).toBe("External");
    expect(service.virtual_network_configuration.subnet_id).toMatch(/azurerm_subnet\..*\.id/);
    expect(service.public_network_access_enabled).toBe(true);
    expect(service.lifecycle.ignore_changes).toEqual(["public_network_access_enabled"]);
  });

  test("the integration subnet is delegated to Microsoft.Web/serverFarms and its NSG has no rules of its own", () => {
    const { json } = synthV2();
    const subnet = onlyResource(json, "azurerm_subnet");
    expect(subnet.address_prefixes).toEqual([INTEGRATION.subnetPrefix]);
    expect(subnet.delegation).toEqual([
      { name: "apim-outbound", service_delegation: { name: "Microsoft.Web/serverFarms", actions: ["Microsoft.Network/virtualNetworks/subnets/action"] } },
    ]);
    expect(GATEWAY_INTEGRATION_DELEGATION.service).toBe("Microsoft.Web/serverFarms");
    expect(resourceList(json, "azurerm_network_security_rule")).toEqual([]);
    expect(onlyResource(json, "azurerm_subnet_network_security_group_association").network_security_group_id).toMatch(/azurerm_network_security_group\./);
  });

  test("the inbound endpoint connects to the service's Gateway subresource, auto-approved, registered in privatelink.azure-api.net linked to the given VNets", () => {
    const { json } = synthV2();
    const endpoint = onlyResource(json, "azurerm_private_endpoint");
    expect(endpoint.subnet_id).toBe(ENDPOINT_SUBNET);
    expect(endpoint.private_service_connection.subresource_names).toEqual([APIM_PRIVATE_LINK_SUBRESOURCE]);
    expect(APIM_PRIVATE_LINK_SUBRESOURCE).toBe("Gateway");
    expect(endpoint.private_service_connection.is_manual_connection).toBe(false);
    expect(endpoint.private_service_connection.private_connection_resource_id).toMatch(/azurerm_api_management\..*\.id/);
    const zone = onlyResource(json, "azurerm_private_dns_zone");
    expect(zone.name).toBe("privatelink.azure-api.net");
    expect(APIM_PRIVATE_LINK_ZONE).toBe(zone.name);
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toEqual([expect.stringMatching(/azurerm_private_dns_zone\..*\.id/)]);
    expect(onlyResource(json, "azurerm_private_dns_zone_virtual_network_link").virtual_network_id).toBe(VNETS.hub);
    // The internal-mode host zone (<name>.azure-api.net with the service's private IPs) is not made:
    // a v2 service has no private IP of its own; the endpoint's address is the private one.
    expect(resourceList(json, "azurerm_private_dns_a_record")).toEqual([]);
  });

  test("one apply ends private: after the endpoint and everything else the gateway writes, an azapi update sets publicNetworkAccess Disabled", () => {
    const { json } = synthV2();
    const update = Object.entries(resources(json, "azapi_update_resource")).find(([, u]) => u.type === APIM_SERVICE_TYPE);
    expect(update).toBeDefined();
    const [, off] = update!;
    expect(off.type).toBe("Microsoft.ApiManagement/service@2024-05-01");
    expect(off.resource_id).toMatch(/azurerm_api_management\..*\.id/);
    expect(off.body).toEqual({ properties: { publicNetworkAccess: "Disabled" } });
    expect(off.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^azurerm_private_endpoint\./), expect.stringMatching(/^azurerm_api_management_api_policy\./)]));
    expect(off.schema_validation_enabled).toBeUndefined();
  });

  test("an existing privatelink.azure-api.net zone is used instead of creating one", () => {
    const zoneId = "/subscriptions/00000000-0000-0000-0000-0000000000ab/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.azure-api.net";
    const { json } = synthV2({ inboundPrivateEndpoint: { subnetId: ENDPOINT_SUBNET, privateDnsZoneId: zoneId } });
    expect(resourceList(json, "azurerm_private_dns_zone")).toEqual([]);
    expect(onlyResource(json, "azurerm_private_endpoint").private_dns_zone_group.private_dns_zone_ids).toEqual([zoneId]);
  });

  test("PremiumV2 with a brought integration subnet scales to 30 units", () => {
    const subnetId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/apim-int";
    const { json, stack } = synthV2({ sku: "PremiumV2", capacity: 30, network: { subnetId } });
    expect(failedProps(stack)).toEqual([]);
    const service = onlyResource(json, "azurerm_api_management");
    expect(service.sku_name).toBe("PremiumV2_30");
    expect(service.virtual_network_configuration.subnet_id).toBe(subnetId);
    expect(resourceList(json, "azurerm_subnet")).toEqual([]);
  });

  test("a public v2 gateway, with its reason, keeps public access and makes no endpoint and no switch", () => {
    const { json, gateway } = synthV2({ inboundPrivateEndpoint: undefined, securityExceptions: { publicNetworkAccess: { reason: "Partner integration test tenant, no private network yet" } } });
    const service = onlyResource(json, "azurerm_api_management");
    expect(service.public_network_access_enabled).toBe(true);
    expect(service.lifecycle).toBeUndefined();
    expect(service.virtual_network_type).toBe("External");
    expect(resourceList(json, "azurerm_private_endpoint")).toEqual([]);
    expect(Object.values(resources(json, "azapi_update_resource")).filter((u) => u.type === APIM_SERVICE_TYPE)).toEqual([]);
    expect(gateway.entryPoint.network).toBe("public");
  });

  test("a private v2 gateway's entry point is internal (reachable only from the private network)", () => {
    expect(synthV2().gateway.entryPoint.network).toBe("internal");
  });
});

describe("Developer and Premium keep internal mode unchanged", () => {
  test.each<GatewaySku>(["Developer", "Premium"])("%s: Internal, API Management's NSG rules, no endpoint, no switch, no lifecycle", (sku) => {
    const { stack } = gatewayIn({ sku, network: INTEGRATION, privateDnsVirtualNetworkIds: VNETS });
    const json = synthJson(stack);
    const service = onlyResource(json, "azurerm_api_management");
    expect(service.virtual_network_type).toBe("Internal");
    expect(service.lifecycle).toBeUndefined();
    expect(onlyResource(json, "azurerm_subnet").delegation).toBeUndefined();
    expect(resourceList(json, "azurerm_network_security_rule")).toHaveLength(GATEWAY_NSG_RULES.length);
    expect(resourceList(json, "azurerm_private_endpoint")).toEqual([]);
    expect(onlyResource(json, "azurerm_private_dns_zone").name).toMatch(/\.azure-api\.net$/);
  });
});

describe("the tier's rules, as data", () => {
  test("a private v2 gateway without its endpoint subnet fails on inboundPrivateEndpoint; without the integration subnet on network", () => {
    expect(failing({ ...V2, inboundPrivateEndpoint: undefined }).map((p) => p.prop)).toEqual(["inboundPrivateEndpoint"]);
    expect(failing({ ...V2, network: undefined }).map((p) => p.prop)).toEqual(["network"]);
  });

  test("an inbound endpoint on Developer or Premium fails: they are private in internal mode", () => {
    for (const sku of ["Developer", "Premium"] as const) {
      expect(failing({ sku, inboundPrivateEndpoint: { subnetId: ENDPOINT_SUBNET } })).toEqual([expect.objectContaining({ prop: "inboundPrivateEndpoint" })]);
    }
  });

  test.each(Object.entries(GATEWAY_CAPACITY).filter(([sku]) => sku.endsWith("V2")))("%s takes %o scale units, no more, no fewer", (sku, range) => {
    const v2 = { ...V2, sku: sku as GatewaySku };
    expect(failing({ ...v2, capacity: range.max })).toEqual([]);
    expect(failing({ ...v2, capacity: range.min })).toEqual([]);
    expect(failing({ ...v2, capacity: range.max + 1 })).toEqual([expect.objectContaining({ prop: "capacity", value: range.max + 1 })]);
    expect(failing({ ...v2, capacity: 0 })).toEqual([expect.objectContaining({ prop: "capacity", value: 0 })]);
  });

  test("the v2 ranges are azurerm's: StandardV2 1-10, PremiumV2 1-30", () => {
    expect(GATEWAY_CAPACITY.StandardV2).toEqual({ min: 1, max: 10 });
    expect(GATEWAY_CAPACITY.PremiumV2).toEqual({ min: 1, max: 30 });
  });

  test("a malformed endpoint subnet or zone ID fails on its prop", () => {
    expect(failing({ ...V2, inboundPrivateEndpoint: { subnetId: "endpoints" } }).map((p) => p.prop)).toEqual(["inboundPrivateEndpoint.subnetId"]);
    const otherZone = "/subscriptions/00000000-0000-0000-0000-0000000000ab/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com";
    expect(failing({ ...V2, inboundPrivateEndpoint: { subnetId: ENDPOINT_SUBNET, privateDnsZoneId: otherZone } }).map((p) => p.prop)).toEqual([
      "inboundPrivateEndpoint.privateDnsZoneId",
    ]);
  });

  test("the endpoint in the (delegated) integration subnet fails on inboundPrivateEndpoint.subnetId", () => {
    expect(failing({ ...V2, network: { subnetId: ENDPOINT_SUBNET.toUpperCase() } }).map((p) => p.prop)).toEqual(["inboundPrivateEndpoint.subnetId"]);
  });

  test("a public v2 gateway needs neither endpoint nor subnet, and then has no VNet at all", () => {
    const { stack } = gatewayIn({ sku: "StandardV2", network: undefined, securityExceptions: { publicNetworkAccess: { reason: "Partner integration test tenant, no private network yet" } } });
    expect(failedProps(stack)).toEqual([]);
    const service = onlyResource(synthJson(stack), "azurerm_api_management");
    expect(service.virtual_network_type).toBe("None");
    expect(service.virtual_network_configuration).toBeUndefined();
  });

  test("an unknown key under inboundPrivateEndpoint fails", () => {
    expect(failing({ ...V2, inboundPrivateEndpoint: { subnetId: ENDPOINT_SUBNET, zone: "x" } as never }).map((p) => p.prop)).toEqual([
      expect.stringContaining("inboundPrivateEndpoint.zone"),
    ]);
  });
});
