import { TerraformOutput } from "cdktf";
import { OPENAI_PRIVATE_DNS_ZONES, PrivateDnsZones, PrivateDnsZonesProps } from "../../lib/network";
import { resourceList, resources, synthJson, testStack, validationErrors } from "../helpers/synth";
import { vnetId, zoneId } from "./fixtures";
import { constructProblems, failed } from "../helpers/problems";

function zones(props: PrivateDnsZonesProps) {
  const stack = testStack();
  const construct = new PrivateDnsZones(stack, "dns", props);
  return { stack, construct };
}

const created: PrivateDnsZonesProps = {
  resourceGroupName: "rg-dns",
  virtualNetworks: { hub: vnetId("vnet-hub"), swedencentral: vnetId("vnet-sdc") },
};

describe("PrivateDnsZones creating zones", () => {
  const { stack, construct } = zones(created);
  const json = synthJson(stack);

  test("creates the openai and cognitiveservices zones, not the AI services one", () => {
    expect(resourceList(json, "azurerm_private_dns_zone").map((z) => z.name).sort()).toEqual([
      "privatelink.cognitiveservices.azure.com",
      "privatelink.openai.azure.com",
    ]);
    expect(resourceList(json, "azurerm_private_dns_zone").every((z) => z.resource_group_name === "rg-dns")).toBe(true);
  });

  test("links every zone to every VNet with registration off", () => {
    const links = resourceList(json, "azurerm_private_dns_zone_virtual_network_link");
    expect(links).toHaveLength(4);
    for (const link of links) expect(link.registration_enabled).toBe(false);
    expect(links.map((l) => l.virtual_network_id).sort()).toEqual(
      [vnetId("vnet-hub"), vnetId("vnet-hub"), vnetId("vnet-sdc"), vnetId("vnet-sdc")],
    );
    expect(links.map((l) => l.name).sort()).toEqual(
      ["cognitiveservices-hub", "cognitiveservices-swedencentral", "openai-hub", "openai-swedencentral"],
    );
  });

  test("keys links by VNet key so adding a VNet keeps existing addresses", () => {
    const ids = Object.keys(resources(json, "azurerm_private_dns_zone_virtual_network_link"));
    expect(ids.some((id) => id.includes("openai-link-hub"))).toBe(true);
    expect(Object.keys(construct.links).sort()).toEqual(
      ["cognitiveServices/hub", "cognitiveServices/swedencentral", "openAi/hub", "openAi/swedencentral"],
    );
  });

  test("exposes the zone IDs, the openai one first", () => {
    const fresh = zones(created);
    expect(fresh.construct.zoneIds).toHaveLength(2);
    expect(fresh.construct.zoneIds[0]).toBe(fresh.construct.openAiZoneId);
    new TerraformOutput(fresh.stack, "openai-zone", { value: fresh.construct.openAiZoneId });
    const out = synthJson(fresh.stack);
    const [logicalId] = Object.entries(resources(out, "azurerm_private_dns_zone"))
      .find(([, z]) => z.name === "privatelink.openai.azure.com")!;
    expect(out.output?.["openai-zone"].value).toBe(`\${azurerm_private_dns_zone.${logicalId}.id}`);
  });

  test("has no validation problems", () => {
    expect(validationErrors(stack)).toEqual([]);
  });
});

describe("PrivateDnsZones options", () => {
  test("adds the AI services zone when asked", () => {
    const { stack } = zones({ ...created, includeAiServicesZone: true });
    expect(resourceList(synthJson(stack), "azurerm_private_dns_zone").map((z) => z.name)).toContain(OPENAI_PRIVATE_DNS_ZONES.aiServices);
  });

  test("linkVirtualNetwork links a VNet added later", () => {
    const { stack, construct } = zones({ resourceGroupName: "rg-dns" });
    construct.linkVirtualNetwork("westeurope", vnetId("vnet-weu"));
    const links = resourceList(synthJson(stack), "azurerm_private_dns_zone_virtual_network_link");
    expect(links.map((l) => l.name).sort()).toEqual(["cognitiveservices-westeurope", "openai-westeurope"]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("existing zones: creates nothing and passes the IDs through", () => {
    const openAi = zoneId("privatelink.openai.azure.com");
    const cognitiveServices = zoneId("privatelink.cognitiveservices.azure.com");
    const { stack, construct } = zones({ existingZoneIds: { openAi, cognitiveServices } });
    const json = synthJson(stack);
    expect(resources(json, "azurerm_private_dns_zone")).toEqual({});
    expect(resources(json, "azurerm_private_dns_zone_virtual_network_link")).toEqual({});
    expect(construct.openAiZoneId).toBe(openAi);
    expect(construct.zoneIds).toEqual([openAi, cognitiveServices]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("existing zones of a sovereign cloud are accepted", () => {
    const { stack } = zones({ existingZoneIds: { openAi: zoneId("privatelink.openai.azure.us") } });
    expect(validationErrors(stack)).toEqual([]);
  });
});

describe("PrivateDnsZones validation", () => {
  test("rejects a missing resource group when creating zones", () => {
    const { stack } = zones({ virtualNetworks: { hub: vnetId() } });
    expect(constructProblems(stack)).toEqual([failed("resourceGroupName", { path: "test/dns", value: undefined })]);
  });

  test("rejects a resource group name that breaks Azure's rule", () => {
    const { stack } = zones({ ...created, resourceGroupName: "rg-ends-with-dot." });
    expect(constructProblems(stack)).toContainEqual(failed("resourceGroupName", { value: "rg-ends-with-dot.", rule: /1-90/ }));
  });

  test("rejects creating zones linked to no VNet", () => {
    const { stack } = zones({ resourceGroupName: "rg-dns" });
    expect(constructProblems(stack)).toContainEqual(failed("virtualNetworks", { value: undefined, rule: /at least one VNet/ }));
  });

  test("rejects a VNet ID that is not one", () => {
    const bad = `/subscriptions/${"0".repeat(8)}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v`;
    const { stack } = zones({ resourceGroupName: "rg-dns", virtualNetworks: { hub: bad } });
    expect(constructProblems(stack)).toEqual([failed("virtualNetworks.hub", { rule: /a virtual network resource ID/ })]);
  });

  test("rejects a subnet ID given as a VNet ID", () => {
    const { stack } = zones({ resourceGroupName: "rg-dns", virtualNetworks: { hub: `${vnetId()}/subnets/snet` } });
    expect(constructProblems(stack)).toContainEqual(failed("virtualNetworks.hub", { rule: /a virtual network resource ID/ }));
  });

  test("rejects a VNet key that cannot name a link", () => {
    const { stack } = zones({ resourceGroupName: "rg-dns", virtualNetworks: { "hub vnet!": vnetId() } });
    expect(constructProblems(stack)).toContainEqual(failed("virtualNetworks.hub vnet!", { value: "hub vnet!", rule: /a key of 1-42/ }));
  });

  test("rejects linking the same VNet key twice", () => {
    const { stack, construct } = zones(created);
    construct.linkVirtualNetwork("hub", vnetId("other"));
    expect(constructProblems(stack)).toContainEqual(failed("virtualNetworks", { value: ["hub"], rule: /each VNet key once/ }));
  });

  test("rejects existing zone IDs combined with creation props", () => {
    const { stack } = zones({ existingZoneIds: { openAi: zoneId("privatelink.openai.azure.com") }, resourceGroupName: "rg-dns" });
    expect(constructProblems(stack)).toContainEqual(failed("existingZoneIds", { rule: /either existing zone IDs or/ }));
  });

  test("rejects linking a VNet to existing zones", () => {
    const { stack, construct } = zones({ existingZoneIds: { openAi: zoneId("privatelink.openai.azure.com") } });
    construct.linkVirtualNetwork("hub", vnetId());
    expect(constructProblems(stack)).toContainEqual(failed("existingZoneIds", { rule: /or virtualNetworks/ }));
  });

  test("rejects an existing openai zone ID that names another zone", () => {
    const { stack } = zones({ existingZoneIds: { openAi: zoneId("privatelink.blob.core.windows.net") } });
    expect(constructProblems(stack)).toEqual([failed("existingZoneIds.openAi", { rule: /the ID of a zone/ })]);
  });

  test("rejects an existing zone ID that is not a private DNS zone ID", () => {
    const { stack } = zones({
      existingZoneIds: { openAi: zoneId("privatelink.openai.azure.com"), cognitiveServices: "privatelink.cognitiveservices.azure.com" },
    });
    expect(constructProblems(stack)).toEqual([
      failed("existingZoneIds.cognitiveServices", { value: "privatelink.cognitiveservices.azure.com", rule: /a private DNS zone resource/ }),
    ]);
  });

  test("rejects existing zones without the openai zone", () => {
    const { stack } = zones({ existingZoneIds: { cognitiveServices: zoneId("privatelink.cognitiveservices.azure.com") } as any });
    expect(constructProblems(stack)).toContainEqual(failed("existingZoneIds.openAi", { value: undefined }));
  });
});
