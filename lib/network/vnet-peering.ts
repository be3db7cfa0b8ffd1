import { VirtualNetworkPeering } from "@cdktf/provider-azurerm/lib/virtual-network-peering";
import { Construct } from "constructs";
import { addPropChecks, PropChecks } from "../core/validation";
import { PropKeys } from "../core/known-props";

/** One side of a {@link VnetPeering}. */
export interface PeeredVirtualNetwork {
  /**
   * Stable key of the VNet, typically its location (`swedencentral`): it names the peering
   * resources and their construct IDs, so keep it when anything else changes. 1-30 lower-case
   * letters, digits or `-`.
   */
  readonly key: string;
  /** Name of the VNet (a reference to the `azurerm_virtual_network`'s `name` keeps the order of creation). */
  readonly virtualNetworkName: string;
  /** Resource group of the VNet. */
  readonly resourceGroupName: string;
  /** Azure resource ID of the VNet. */
  readonly virtualNetworkId: string;
}

/** Props of {@link VnetPeering}. */
export interface VnetPeeringProps {
  /** The two VNets to connect; their order does not matter (construct IDs use the keys sorted). */
  readonly networks: readonly [PeeredVirtualNetwork, PeeredVirtualNetwork];
}

const KEY = /^[a-z0-9][a-z0-9-]{0,29}$/;

/** The props VnetPeering accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const VNET_PEERING_PROP_KEYS: PropKeys<VnetPeeringProps> = { networks: true };

/**
 * Connects two VNets both ways with VNet peering (global peering when they are in different
 * regions): one `azurerm_virtual_network_peering` on each side, each allowing access to the other
 * VNet, not forwarding traffic from elsewhere and using no gateway transit. Azure connects the
 * two only when both sides exist. Resources are keyed `<key>-to-<remote key>`, so a third VNet
 * adds peerings without renaming these.
 */
export class VnetPeering extends Construct {
  /** The peerings, by `<local key>-to-<remote key>`. */
  public readonly peerings: Readonly<Record<string, VirtualNetworkPeering>>;

  constructor(scope: Construct, id: string, props: VnetPeeringProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, VNET_PEERING_PROP_KEYS));
    addPropChecks(this, (c) => checkPeeringProps(c, props));
    const [a, b] = [...props.networks].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    const peerings: Record<string, VirtualNetworkPeering> = {};
    for (const [local, remote] of [[a, b], [b, a]] as const) {
      const name = `${local.key}-to-${remote.key}`;
      // Two networks of one key are reported by the checks; the second would collide here.
      if (peerings[name] !== undefined) continue;
      peerings[name] = new VirtualNetworkPeering(this, name, {
        name,
        resourceGroupName: local.resourceGroupName,
        virtualNetworkName: local.virtualNetworkName,
        remoteVirtualNetworkId: remote.virtualNetworkId,
        allowVirtualNetworkAccess: true,
        // Only traffic from inside the peered VNet; no transit through an appliance.
        allowForwardedTraffic: false,
        allowGatewayTransit: false,
        useRemoteGateways: false,
      });
    }
    this.peerings = peerings;
  }
}

/**
 * Every pair of the networks, one {@link VnetPeering} each, keyed `peering-<key>-<key>` with the
 * two keys sorted: adding or reordering networks renames no existing peering.
 */
export function peerEveryPair(scope: Construct, networks: readonly PeeredVirtualNetwork[]): VnetPeering[] {
  const sorted = [...networks].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const pairs: VnetPeering[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      pairs.push(new VnetPeering(scope, `peering-${sorted[i].key}-${sorted[j].key}`, { networks: [sorted[i], sorted[j]] }));
    }
  }
  return pairs;
}

function checkPeeringProps(c: PropChecks, props: VnetPeeringProps): void {
  for (const [i, n] of props.networks.entries()) {
    c.matches(`networks[${i}].key`, n.key, KEY, "1-30 lower-case letters, digits or '-', starting with a letter or digit");
  }
  c.unique("networks[].key", props.networks.map((n) => n.key), "network key");
}
