import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { VirtualNetwork } from "@cdktf/provider-azurerm/lib/virtual-network";
import { TerraformStack } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { applyLock, LockProps } from "../core/features/lock";
import { addPropChecks, isToken, PropChecks } from "../core/validation";
import { PrivateRangeRule } from "./address-ranges";
import { blockToString, checkPrivateCidr, firstSubBlock, Ipv4Block, parseIpv4Block } from "./private/ipv4";
import { checkLocationName } from "./private/location";
import { checkSubnetId, virtualNetworkIdOfSubnet } from "./private/resource-ids";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";
import { PropKeys } from "../core/known-props";

/** Prefix bounds of a VNet the stack creates: /16 (65,536 addresses) to /29 (Azure's smallest subnet). */
export const VNET_PREFIX_RULE: PrivateRangeRule = { minPrefix: 16, maxPrefix: 29 };
/** Prefix bounds of the private-endpoint subnet: /22 (1,019 endpoints) to /29 (3 endpoints). */
export const PRIVATE_ENDPOINT_SUBNET_PREFIX_RULE: PrivateRangeRule = { minPrefix: 22, maxPrefix: 29 };
/** Default private-endpoint subnet size: /27, 27 usable addresses after Azure's 5 reserved ones. */
export const DEFAULT_PRIVATE_ENDPOINT_SUBNET_PREFIX = 27;

/**
 * Props of {@link RegionNetwork}: either bring an existing subnet (`subnetId`), or let the stack
 * create a VNet and a private-endpoint subnet from `addressSpace`.
 */
export interface RegionNetworkProps {
  /** Azure location of the network, for example `swedencentral`. */
  readonly location: string;
  /**
   * Existing subnet (resource ID) for the region's private endpoints; nothing is created.
   * @default - a VNet and subnet are created from `addressSpace`
   */
  readonly subnetId?: string;
  /**
   * Address range of the VNet to create: an IPv4 CIDR inside the RFC 1918 private ranges, /16 to
   * /29. Ranges of one environment must not overlap (see `checkNoOverlaps`).
   * @default - none; required unless `subnetId` is given
   */
  readonly addressSpace?: string;
  /**
   * Prefix length of the private-endpoint subnet, which takes the first block of that size in
   * `addressSpace` (/22 to /29, and not shorter than the VNet's prefix).
   * @default 27
   */
  readonly privateEndpointSubnetPrefix?: number;
  /** Resource group of the created VNet. @default - none; required with `addressSpace` */
  readonly resourceGroupName?: string;
  /** Name of the created VNet. @default - none; required with `addressSpace` */
  readonly virtualNetworkName?: string;
  /** Name of the created private-endpoint subnet. @default - none; required with `addressSpace` */
  readonly subnetName?: string;
  /**
   * Protection of the created VNet from deletion (only with `addressSpace`). The lock is
   * inherited by the subnet and the VNet's peerings: removing a region's network or a peering
   * then needs the lock removed first. Private endpoints in the subnet are resources of their
   * own and stay replaceable.
   * @default - none
   */
  readonly lock?: LockProps;
}

/** The props RegionNetwork accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const REGION_NETWORK_PROP_KEYS: PropKeys<RegionNetworkProps> = { location: true, subnetId: true, addressSpace: true, privateEndpointSubnetPrefix: true, resourceGroupName: true, virtualNetworkName: true, subnetName: true, lock: LOCK_PROP_KEYS };

/**
 * The network of one region that its private endpoints go in: an existing subnet, or a new VNet
 * with a private-endpoint subnet whose NSGs and route tables apply to the endpoints and which has
 * no default outbound internet access.
 */
export class RegionNetwork extends Construct {
  /**
   * The CIDR of the private-endpoint subnet a RegionNetwork in the stack of `scope` created
   * with the ID `subnetId` (the same reference string), or undefined when no RegionNetwork of
   * that stack created it (a brought subnet).
   */
  public static subnetRangeOf(scope: IConstruct, subnetId: string): string | undefined {
    return createdSubnets.get(TerraformStack.of(scope))?.get(subnetId);
  }

  /** Subnet (resource ID) for the region's private endpoints. */
  public readonly subnetId: string;
  /** VNet (resource ID) the subnet belongs to: the one to link the private DNS zones to. */
  public readonly virtualNetworkId: string;
  /** The created VNet, when the stack creates one. */
  public readonly virtualNetwork?: VirtualNetwork;
  /** The created subnet, when the stack creates one. */
  public readonly subnet?: Subnet;
  /** CIDR of the created private-endpoint subnet (known at synth), when the stack creates one. */
  public readonly privateEndpointSubnetRange?: string;

  constructor(scope: Construct, id: string, props: RegionNetworkProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, REGION_NETWORK_PROP_KEYS));
    addPropChecks(this, (c) => checkNetworkProps(c, props));

    if (props.subnetId !== undefined || props.addressSpace === undefined) {
      this.subnetId = props.subnetId ?? "";
      this.virtualNetworkId = virtualNetworkIdOfSubnet(this.subnetId);
      return;
    }
    const vnetBlock = isToken(props.addressSpace) ? undefined : parseIpv4Block(props.addressSpace);
    const subnetBlock = vnetBlock && firstSubBlock(vnetBlock, props.privateEndpointSubnetPrefix ?? DEFAULT_PRIVATE_ENDPOINT_SUBNET_PREFIX);
    // An invalid range fails validation; the placeholder only keeps construction from throwing.
    this.privateEndpointSubnetRange = subnetBlock ? blockToString(subnetBlock) : props.addressSpace;

    this.virtualNetwork = new VirtualNetwork(this, "vnet", {
      name: props.virtualNetworkName ?? "",
      resourceGroupName: props.resourceGroupName ?? "",
      location: props.location,
      addressSpace: [props.addressSpace],
    });
    this.node.defaultChild = this.virtualNetwork;
    applyLock(this, this.virtualNetwork, props.lock);
    this.subnet = new Subnet(this, "private-endpoints", {
      name: props.subnetName ?? "",
      resourceGroupName: props.resourceGroupName ?? "",
      virtualNetworkName: this.virtualNetwork.name,
      addressPrefixes: [this.privateEndpointSubnetRange],
      // "Enabled": NSGs and route tables (UDRs) apply to the private endpoints in the subnet.
      privateEndpointNetworkPolicies: "Enabled",
      // No implicit public outbound IP for anything placed in the subnet.
      defaultOutboundAccessEnabled: false,
    });
    this.subnetId = this.subnet.id;
    this.virtualNetworkId = this.virtualNetwork.id;
    if (subnetBlock) {
      const stack = TerraformStack.of(this);
      if (!createdSubnets.has(stack)) createdSubnets.set(stack, new Map());
      createdSubnets.get(stack)!.set(this.subnetId, this.privateEndpointSubnetRange);
    }
  }
}

const createdSubnets = new WeakMap<TerraformStack, Map<string, string>>();

function checkNetworkProps(c: PropChecks, props: RegionNetworkProps): void {
  checkLocationName(c, "location", props.location);
  const createOnly = (["privateEndpointSubnetPrefix", "resourceGroupName", "virtualNetworkName", "subnetName", "lock"] as const)
    .filter((p) => props[p] !== undefined);

  if (props.subnetId !== undefined) {
    if (props.addressSpace !== undefined) {
      c.fail("addressSpace", props.addressSpace, "allowed: either subnetId (bring a subnet) or addressSpace (create a VNet), not both");
    } else if (createOnly.length > 0) {
      c.fail(createOnly[0], props[createOnly[0]], `allowed: only with addressSpace; ${createOnly.join(", ")} have no effect with subnetId`);
    }
    checkSubnetId(c, "subnetId", props.subnetId);
    return;
  }
  if (props.addressSpace === undefined) {
    c.fail("subnetId", undefined, "allowed: either subnetId (an existing subnet) or addressSpace (a CIDR to create a VNet from)");
    return;
  }

  const vnetBlock = checkPrivateCidr(c, "addressSpace", props.addressSpace, VNET_PREFIX_RULE);
  checkSubnetPrefix(c, props.privateEndpointSubnetPrefix, vnetBlock);
  for (const [prop, kind] of [["resourceGroupName", "resourceGroup"], ["virtualNetworkName", "virtualNetwork"], ["subnetName", "subnet"]] as const) {
    c.required(prop, props[prop], "a name (required with addressSpace)");
    c.name(prop, kind, props[prop]);
  }
}

function checkSubnetPrefix(c: PropChecks, prefix: number | undefined, vnetBlock: Ipv4Block | undefined): void {
  const rule = PRIVATE_ENDPOINT_SUBNET_PREFIX_RULE;
  if (prefix === undefined || isToken(prefix)) return;
  if (!Number.isInteger(prefix) || prefix < rule.minPrefix || prefix > rule.maxPrefix) {
    c.integerInRange("privateEndpointSubnetPrefix", prefix, rule.minPrefix, rule.maxPrefix);
  } else if (vnetBlock && prefix < vnetBlock.prefix) {
    c.fail("privateEndpointSubnetPrefix", prefix,
      `allowed: a prefix of at least /${vnetBlock.prefix}, so the subnet fits in addressSpace ${blockToString(vnetBlock)}`);
  }
}
