// Public API of lib/network. Helpers the constructs share live in ./private and are not exported.

// Private endpoint of an Azure OpenAI account
export { OPENAI_PRIVATE_LINK_SUBRESOURCE, OpenAiPrivateEndpoint, type OpenAiPrivateEndpointProps } from "./private-endpoint";

// Private DNS zones
export {
  type ExistingPrivateDnsZoneIds,
  FOUNDRY_DNS_ZONE_KEYS,
  OPENAI_PRIVATE_DNS_ZONES,
  type OpenAiDnsZoneKey,
  PrivateDnsZones,
  type PrivateDnsZonesProps,
} from "./private-dns-zones";

// Region network (VNet and private-endpoint subnet) and its address ranges
export {
  DEFAULT_PRIVATE_ENDPOINT_SUBNET_PREFIX,
  PRIVATE_ENDPOINT_SUBNET_PREFIX_RULE,
  RegionNetwork,
  type RegionNetworkProps,
  VNET_PREFIX_RULE,
} from "./region-network";
export { checkNoOverlaps, type PrivateRangeRule } from "./address-ranges";

// VNet peering
export { type PeeredVirtualNetwork, peerEveryPair, VnetPeering, type VnetPeeringProps } from "./vnet-peering";

// Network rules of an account's public endpoint
export { MAX_IP_RULE_PREFIX, MIN_IP_RULE_PREFIX, type OpenAiNetworkRules } from "./network-rules";

// Network security perimeter around the accounts
export {
  DEFAULT_PERIMETER_PROFILE_NAME,
  MAX_PERIMETER_NAME_LENGTH,
  NetworkSecurityPerimeter,
  type NetworkSecurityPerimeterProps,
  PERIMETER_ACCESS_MODES,
  PERIMETER_API_VERSION,
  PERIMETER_ID,
  PERIMETER_NAME_PATTERN,
  PERIMETER_OPTIONS_KEYS,
  PERIMETER_TYPE,
  type PerimeterAccessMode,
  type PerimeterMember,
  type PerimeterOptions,
} from "./network-security-perimeter";
