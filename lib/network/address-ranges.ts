import { isToken, PropChecks } from "../core/validation";
import { blocksOverlap, Ipv4Block, parseIpv4Block } from "./private/ipv4";

/** Rules for an address range a stack creates a network from. */
export interface PrivateRangeRule {
  /** Shortest prefix allowed (largest range). */
  readonly minPrefix: number;
  /** Longest prefix allowed (smallest range). */
  readonly maxPrefix: number;
}

/**
 * Reports every pair of overlapping ranges in `ranges` (key -> CIDR), for example the VNet
 * ranges of all regions of one environment: peered or hub-connected networks must not overlap.
 * Each problem names `<prop>.<key>` of both ranges. Ranges that are tokens or not valid CIDRs
 * are skipped (their own checks report them).
 */
export function checkNoOverlaps(c: PropChecks, prop: string, ranges: Readonly<Record<string, string>>): void {
  const blocks = Object.entries(ranges)
    .filter(([, cidr]) => !isToken(cidr))
    .map(([key, cidr]) => ({ key, cidr, block: parseIpv4Block(cidr) }))
    .filter((e): e is { key: string; cidr: string; block: Ipv4Block } => e.block !== undefined);
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      const a = blocks[i];
      const b = blocks[j];
      if (blocksOverlap(a.block, b.block)) {
        c.fail(`${prop}.${a.key}`, a.cidr, `it overlaps ${prop}.${b.key} (${b.cidr}); allowed: ranges that do not overlap within an environment`);
      }
    }
  }
}
