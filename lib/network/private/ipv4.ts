// IPv4 parsing and range arithmetic for the network constructs (not public API).
import * as ipaddr from "ipaddr.js";
import { isToken, PropChecks } from "../../core/validation";

/** A parsed IPv4 CIDR block. */
export interface Ipv4Block {
  /** The network address. */
  readonly address: ipaddr.IPv4;
  /** The prefix length. */
  readonly prefix: number;
}

// Dotted decimal without leading zeros and a prefix without leading zeros: ipaddr.js alone
// also accepts forms such as "10.0.0.0/016" that Azure would store differently.
const CIDR_SHAPE = /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}\/(0|[1-9]\d?)$/;
const ADDRESS_SHAPE = /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/;

/** The block `cidr` names, or undefined when it is not a canonical IPv4 CIDR (network address, no host bits). */
export function parseIpv4Block(cidr: string): Ipv4Block | undefined {
  if (!CIDR_SHAPE.test(cidr) || !ipaddr.IPv4.isValidCIDRFourPartDecimal(cidr)) return undefined;
  const [address, prefix] = ipaddr.IPv4.parseCIDR(cidr);
  if (ipaddr.IPv4.networkAddressFromCIDR(cidr).toString() !== address.toString()) return undefined;
  return { address, prefix };
}

/** The address `value` names, or undefined when it is not a dotted-decimal IPv4 address. */
export function parseIpv4Address(value: string): ipaddr.IPv4 | undefined {
  if (!ADDRESS_SHAPE.test(value) || !ipaddr.IPv4.isValidFourPartDecimal(value)) return undefined;
  return ipaddr.IPv4.parse(value);
}

/** The CIDR notation of a block. */
export function blockToString(block: Ipv4Block): string {
  return `${block.address.toString()}/${block.prefix}`;
}

/** True when two blocks share at least one address (CIDR blocks either nest or are disjoint). */
export function blocksOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.address.match(b.address, Math.min(a.prefix, b.prefix));
}

/** True when every address of `block` lies in one of the RFC 1918 private ranges. */
export function isPrivateBlock(block: Ipv4Block): boolean {
  // The private ranges are /8, /12 and /16, so a block is inside one exactly when both its
  // first and last address are (it cannot straddle two of them without covering public space).
  const last = ipaddr.IPv4.broadcastAddressFromCIDR(blockToString(block));
  return block.address.range() === "private" && last.range() === "private";
}

/**
 * The first block of length `prefix` inside `block` (for example the first /27 of 10.1.0.0/24
 * is 10.1.0.0/27), or undefined when `prefix` is shorter than the block's own prefix.
 */
export function firstSubBlock(block: Ipv4Block, prefix: number): Ipv4Block | undefined {
  if (!Number.isInteger(prefix) || prefix < block.prefix || prefix > 32) return undefined;
  const address = ipaddr.IPv4.networkAddressFromCIDR(`${block.address.toString()}/${prefix}`);
  return { address, prefix };
}

/**
 * Checks that `cidr` is a canonical IPv4 CIDR inside the RFC 1918 private ranges with a prefix
 * in the rule's bounds, and returns the block when it is.
 */
export function checkPrivateCidr(c: PropChecks, prop: string, cidr: string | undefined, rule: { readonly minPrefix: number; readonly maxPrefix: number }): Ipv4Block | undefined {
  if (cidr === undefined || isToken(cidr)) return undefined;
  const block = parseIpv4Block(cidr);
  const bounds = `a prefix from /${rule.minPrefix} to /${rule.maxPrefix}`;
  if (!block) {
    c.fail(prop, cidr, `allowed: an IPv4 CIDR block written from its network address, such as 10.20.0.0/24, with ${bounds}`);
    return undefined;
  }
  let ok = true;
  if (!isPrivateBlock(block)) {
    c.fail(prop, cidr, "allowed: a range inside the RFC 1918 private ranges 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16");
    ok = false;
  }
  if (block.prefix < rule.minPrefix || block.prefix > rule.maxPrefix) {
    c.fail(prop, cidr, `allowed: ${bounds}`);
    ok = false;
  }
  return ok ? block : undefined;
}

/**
 * Why `address` cannot be a fixed address in the subnet `block`, or undefined: outside the
 * subnet, or one of the five addresses Azure reserves in every subnet (the network address,
 * the first three host addresses for the gateway and Azure DNS, and the broadcast address;
 * Microsoft Learn, "Virtual network FAQ", "Are there any restrictions on using IP addresses
 * within these subnets?").
 */
export function subnetAddressProblem(address: ipaddr.IPv4, block: Ipv4Block): string | undefined {
  const cidr = blockToString(block);
  if (!address.match(block.address, block.prefix)) return `allowed: an address inside the endpoint subnet ${cidr}`;
  const broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(cidr);
  // The first four addresses of a subnet are exactly those sharing its first 30 bits.
  const firstFour = block.prefix <= 30 && address.match(block.address, 30);
  if (firstFour || address.toString() === broadcast.toString()) {
    const first = reservedRange(block);
    return `allowed: an address of ${cidr} other than the five Azure reserves (${first}, ${broadcast.toString()})`;
  }
  return undefined;
}

function reservedRange(block: Ipv4Block): string {
  // The first four as a range: the network address to the broadcast address of its /30.
  const lastOfFour = ipaddr.IPv4.broadcastAddressFromCIDR(`${block.address.toString()}/30`);
  return `${block.address.toString()}-${lastOfFour.toString()}`;
}
