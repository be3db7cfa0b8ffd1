import { isToken, PropChecks } from "../core/validation";
import { parseIpv4Block, parseIpv4Address } from "../network/private/ipv4";
import { checkSubnetId } from "../network/private/resource-ids";

/**
 * The subnet Foundry Agent Service injects its client into (`network_injection`, scenario
 * `agent`). The landing zone makes it: delegated to `Microsoft.App/environments`, used by this
 * account only, in the account's region. The library checks what it can see at synth: the ID,
 * and the range against the rules of azurerm 4.55 and Microsoft Learn (docs/evidence/foundry.md).
 */
export interface AgentSubnet {
  /** Azure resource ID of the subnet. */
  readonly subnetId: string;
  /**
   * The subnet's address range (CIDR), checked against Microsoft's rules: inside
   * 172.16.0.0/12 or 192.168.0.0/16, and at least a /27 (a /24 is recommended).
   */
  readonly addressPrefix: string;
}

/** The ranges an agent subnet may use: azurerm 4.55 says "172.* or 192.*", Learn the private ones. */
export const AGENT_SUBNET_RANGES: readonly string[] = Object.freeze(["172.16.0.0/12", "192.168.0.0/16"]);

/** Smallest agent subnet Microsoft accepts (Learn: "the minimized size of your subnet should be /27"). */
export const AGENT_SUBNET_MAX_PREFIX = 27;

/** The delegation the agent subnet must carry (Learn, Foundry Agent Service virtual networks). */
export const AGENT_SUBNET_DELEGATION = "Microsoft.App/environments";

/** Reports an agent subnet whose ID or range breaks Microsoft's rules. */
export function checkAgentSubnet(c: PropChecks, prop: string, subnet: AgentSubnet): void {
  checkSubnetId(c, `${prop}.subnetId`, subnet.subnetId);
  const prefix = subnet.addressPrefix;
  if (prefix === undefined || isToken(prefix)) {
    if (prefix === undefined) c.fail(`${prop}.addressPrefix`, prefix, "allowed: the subnet's range (CIDR), so it can be checked at synth");
    return;
  }
  const block = typeof prefix === "string" ? parseIpv4Block(prefix) : undefined;
  if (!block) return c.fail(`${prop}.addressPrefix`, prefix, "allowed: an IPv4 CIDR block written from its network address, such as 192.168.0.0/24");
  const inside = AGENT_SUBNET_RANGES.some((range) => {
    const [address, bits] = range.split("/");
    return block.prefix >= Number(bits) && block.address.match(parseIpv4Address(address)!, Number(bits));
  });
  if (!inside) {
    c.fail(`${prop}.addressPrefix`, prefix, `allowed: a range inside ${AGENT_SUBNET_RANGES.join(" or ")} (Foundry Agent Service refuses other agent subnets)`);
  }
  if (block.prefix > AGENT_SUBNET_MAX_PREFIX) {
    c.fail(`${prop}.addressPrefix`, prefix, `allowed: a /${AGENT_SUBNET_MAX_PREFIX} or larger (a /24 is recommended; the subnet is delegated to ${AGENT_SUBNET_DELEGATION})`);
  }
}
