
/** A subscription GUID for resource IDs in tests. */
export const SUB = "00000000-1111-2222-3333-444444444444";

/** A subnet resource ID. */
export const subnetId = (vnet = "vnet-spoke", subnet = "snet-pe", rg = "rg-net") =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${subnet}`;

/** A virtual network resource ID. */
export const vnetId = (vnet = "vnet-hub", rg = "rg-net") =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${vnet}`;

/** A private DNS zone resource ID. */
export const zoneId = (zone: string, rg = "rg-dns") =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/privateDnsZones/${zone}`;

// The account builders live in test/helpers/openai.ts; re-exported for the network tests.
export { gpt, openAiAccount } from "../helpers/openai";

/** The Terraform address of a resource, as it appears in `depends_on`. */
export const address = (r: { terraformResourceType: string; friendlyUniqueId: string }) => `${r.terraformResourceType}.${r.friendlyUniqueId}`;
