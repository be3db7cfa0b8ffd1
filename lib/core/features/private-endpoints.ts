import type { PropKeys } from "../known-props";
import type { LockProps } from "./lock";
import { LOCK_PROP_KEYS } from "./lock-keys";

/**
 * One private endpoint of a resource, the shape of AVM's `private_endpoints` entries in this
 * library's names (`subnet_resource_id` is `subnetId`, `private_dns_zone_resource_ids` is
 * `privateDnsZoneIds`, `network_interface_name` is `customNetworkInterfaceName`, one static
 * address instead of `ip_configurations`). Tags come from `GovernanceTags`, not a prop.
 */
export interface PrivateEndpointProps {
  /**
   * Endpoint name (Azure's private endpoint naming rule, see `NAME_RULES.privateEndpoint`).
   * @default - chosen by the construct that makes the endpoint
   */
  readonly name?: string;
  /** Subnet (resource ID) the endpoint's network interface is placed in. */
  readonly subnetId: string;
  /**
   * Resource group the endpoint is created in.
   * @default - the resource group of the resource the endpoint connects to
   */
  readonly resourceGroupName?: string;
  /**
   * Azure location of the endpoint: the region of the subnet's VNet, which may differ from the resource's.
   * @default - the resource's location
   */
  readonly location?: string;
  /**
   * IDs of the private DNS zones the endpoint registers its address in (a DNS zone group).
   * Required unless `dnsManagedByPolicy` is true.
   * @default - none
   */
  readonly privateDnsZoneIds?: string[];
  /**
   * DNS records are created by Azure Policy (for example built-in c4bc6f10 in a landing zone):
   * the endpoint gets no DNS zone group and Terraform ignores the one Policy adds.
   * @default false
   */
  readonly dnsManagedByPolicy?: boolean;
  /**
   * Name of the DNS zone group (1-80 letters, digits, '-', '_' or '.').
   * @default "default"
   */
  readonly privateDnsZoneGroupName?: string;
  /**
   * Fixed private IPv4 address inside the subnet; Azure reserves the first four and the last
   * address of every subnet, so those are refused. When the subnet's range is known
   * (`subnetAddressPrefix`, or a subnet a RegionNetwork of this stack created) the address must
   * lie inside it; otherwise it must be an RFC 1918 private address.
   * @default - Azure assigns a free address
   */
  readonly privateIpAddress?: string;
  /**
   * Address range (CIDR) of the subnet in `subnetId`, to check `privateIpAddress` against.
   * @default - the range of the RegionNetwork of this stack that created `subnetId`, else unknown
   */
  readonly subnetAddressPrefix?: string;
  /**
   * Name of the endpoint's network interface (1-80 letters, digits, '-', '_' or '.').
   * @default - Azure's generated name (`<endpoint name>.nic.<guid>`)
   */
  readonly customNetworkInterfaceName?: string;
  /**
   * Name of the private service connection (1-80 letters, digits, '-', '_' or '.').
   * @default - `<endpoint name>-connection`
   */
  readonly privateServiceConnectionName?: string;
  /**
   * Protection of the endpoint from deletion (`prevent_destroy`, and by default a CanNotDelete
   * lock on the endpoint). A lock on the resource does not reach its endpoints by itself: they
   * are resources of their own, usually in another resource group.
   * @default - none
   */
  readonly lock?: LockProps;
}

/**
 * The `privateEndpoints` feature prop: private endpoints by a stable key chosen by the caller
 * (`hub`, `spoke-sdc`). The key is part of each endpoint's construct ID, so adding, removing or
 * reordering endpoints never renames another one's Terraform address.
 */
export type PrivateEndpointsProps<T = PrivateEndpointProps> = Readonly<Record<string, T>>;

/** The keys of {@link PrivateEndpointProps}, for checking an entry of `privateEndpoints`. */
export const PRIVATE_ENDPOINT_PROP_KEYS: PropKeys<PrivateEndpointProps> = {
  name: true,
  subnetId: true,
  resourceGroupName: true,
  location: true,
  privateDnsZoneIds: true,
  dnsManagedByPolicy: true,
  privateDnsZoneGroupName: true,
  privateIpAddress: true,
  subnetAddressPrefix: true,
  customNetworkInterfaceName: true,
  privateServiceConnectionName: true,
  lock: LOCK_PROP_KEYS,
};
