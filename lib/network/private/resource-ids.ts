import { Fn } from "cdktf";
import { isToken, PropChecks } from "../../core/validation";

// Azure resource IDs are case-insensitive, so every pattern carries the `i` flag.
const GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const RESOURCE_GROUP = "[-\\w.()]{0,89}[-\\w()]";
const VNET_NAME = "[a-z0-9][-\\w.]{0,62}\\w";
const SUBNET_NAME = "[a-z0-9](?:[-\\w.]{0,78}\\w)?";
const ZONE_NAME = "(?:[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}";
const NETWORK_PROVIDER = `/subscriptions/${GUID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft\\.Network`;

/** An Azure virtual network resource ID. */
export const VIRTUAL_NETWORK_ID = new RegExp(`^${NETWORK_PROVIDER}/virtualNetworks/${VNET_NAME}$`, "i");

/** An Azure subnet resource ID. */
export const SUBNET_ID = new RegExp(`^${NETWORK_PROVIDER}/virtualNetworks/${VNET_NAME}/subnets/${SUBNET_NAME}$`, "i");

/** An Azure private DNS zone resource ID; group 1 is the zone name. */
export const PRIVATE_DNS_ZONE_ID = new RegExp(`^${NETWORK_PROVIDER}/privateDnsZones/(${ZONE_NAME})$`, "i");

const SUBNET_ID_RULE =
  "a subnet resource ID: /subscriptions/<subscription guid>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>";
const VIRTUAL_NETWORK_ID_RULE =
  "a virtual network resource ID: /subscriptions/<subscription guid>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<vnet>";
const ZONE_ID_RULE =
  "a private DNS zone resource ID: /subscriptions/<subscription guid>/resourceGroups/<group>/providers/Microsoft.Network/privateDnsZones/<zone>";

/** Checks that `value` is a subnet resource ID (tokens are left to Terraform). */
export function checkSubnetId(c: PropChecks, prop: string, value: string | undefined): void {
  c.matches(prop, value, SUBNET_ID, SUBNET_ID_RULE);
}

/** Checks that `value` is a virtual network resource ID (tokens are left to Terraform). */
export function checkVirtualNetworkId(c: PropChecks, prop: string, value: string | undefined): void {
  c.matches(prop, value, VIRTUAL_NETWORK_ID, VIRTUAL_NETWORK_ID_RULE);
}

/**
 * Checks that `value` is a private DNS zone resource ID whose zone name starts with `zonePrefix`
 * (a prefix, not the full name, so sovereign-cloud zones such as `privatelink.openai.azure.us` pass).
 */
export function checkPrivateDnsZoneId(c: PropChecks, prop: string, value: string | undefined, zonePrefix: string): void {
  if (value === undefined || isToken(value)) return;
  const match = PRIVATE_DNS_ZONE_ID.exec(value);
  if (!match) return c.fail(prop, value, `allowed: ${ZONE_ID_RULE}`);
  if (!match[1].toLowerCase().startsWith(zonePrefix)) {
    c.fail(prop, value, `allowed: the ID of a zone named ${zonePrefix}<cloud suffix>, such as ${zonePrefix}azure.com`);
  }
}

/**
 * The virtual network ID a subnet ID belongs to. For a Terraform reference the same cut is
 * made at apply time with Terraform functions.
 */
export function virtualNetworkIdOfSubnet(subnetId: string): string {
  if (isToken(subnetId)) {
    // "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/x"
    // splits into 11 parts (the first empty); the VNet ID is the first 9 joined again.
    return Fn.join("/", Fn.slice(Fn.split("/", subnetId), 0, 9));
  }
  return subnetId.replace(/\/subnets\/[^/]+$/i, "");
}
