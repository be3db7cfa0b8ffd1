// The account's `network_acls` block and the checks of its network rules (not public API).
import type { CognitiveAccountNetworkAcls } from "@cdktf/provider-azurerm/lib/cognitive-account";
import * as ipaddr from "ipaddr.js";
import { isToken, PropChecks } from "../../core/validation";
import { MAX_IP_RULE_PREFIX, MIN_IP_RULE_PREFIX, OpenAiNetworkRules } from "../network-rules";
import { blocksOverlap, blockToString, Ipv4Block, parseIpv4Address, parseIpv4Block } from "./ipv4";
import { checkSubnetId } from "./resource-ids";

/**
 * The `network_acls` block of an account: always `default_action = "Deny"` and an explicit
 * `bypass`, so an account that turns public access on is still closed to everything not listed,
 * and one whose public access is off stays closed if it is ever turned on outside Terraform.
 */
export function networkAclsBlock(rules: OpenAiNetworkRules = {}): CognitiveAccountNetworkAcls {
  const ipRules = rules.ipRules ?? [];
  const subnetIds = rules.subnetIds ?? [];
  return {
    defaultAction: "Deny",
    bypass: rules.trustedAzureServices ? "AzureServices" : "None",
    ipRules: ipRules.length > 0 ? ipRules : undefined,
    virtualNetworkRules: subnetIds.length > 0 ? subnetIds.map((subnetId) => ({ subnetId })) : undefined,
  };
}

/**
 * Checks an account's network rules. `publicNetworkAccess` says whether the account's public
 * endpoint is on: IP and subnet rules act only there, so rules on an account without it are an
 * error rather than a silent no-op.
 */
export function checkNetworkRules(c: PropChecks, rules: OpenAiNetworkRules | undefined, publicNetworkAccess: boolean, prop = "networkRules"): void {
  if (!rules) return;
  const ipRules = rules.ipRules ?? [];
  const subnetIds = rules.subnetIds ?? [];
  ipRules.forEach((rule, i) => checkIpRule(c, `${prop}.ipRules[${i}]`, rule));
  subnetIds.forEach((id, i) => checkSubnetId(c, `${prop}.subnetIds[${i}]`, id));
  c.unique(`${prop}.ipRules`, ipRules, "IP rule");
  // Resource IDs are case-insensitive: two spellings of one subnet are one rule.
  c.unique(`${prop}.subnetIds`, subnetIds, "subnet", { ignoreCase: true });
  c.justification(`${prop}.trustedAzureServices`, rules.trustedAzureServices);
  if (!publicNetworkAccess && (ipRules.length > 0 || subnetIds.length > 0)) {
    c.fail(
      prop,
      { ipRules: rules.ipRules, subnetIds: rules.subnetIds },
      "IP and subnet rules act only on the public endpoint, which is off, so they would have no effect; " +
        "add securityExceptions.publicNetworkAccess with a reason, or remove the rules and use private endpoints",
    );
  }
}

/** Checks one IP rule: a public IPv4 address, or a public IPv4 range within the prefix bounds. */
export function checkIpRule(c: PropChecks, prop: string, rule: string | undefined): void {
  if (rule === undefined || isToken(rule)) return;
  const shape = `a public IPv4 address such as 20.50.1.7 or a range written from its network address such as 20.50.0.0/24 (/${MIN_IP_RULE_PREFIX} to /${MAX_IP_RULE_PREFIX})`;
  if (!rule.includes("/")) {
    const address = parseIpv4Address(rule);
    if (!address) return c.fail(prop, rule, `allowed: ${shape}`);
    const range = address.range();
    if (range !== "unicast") c.fail(prop, rule, `it is a ${range} address; allowed: public addresses only (Azure rejects others in IP rules)`);
    return;
  }
  const block = parseIpv4Block(rule);
  if (!block) return c.fail(prop, rule, `allowed: ${shape}`);
  if (block.prefix < MIN_IP_RULE_PREFIX || block.prefix > MAX_IP_RULE_PREFIX) {
    return c.fail(prop, rule, `allowed: a prefix from /${MIN_IP_RULE_PREFIX} to /${MAX_IP_RULE_PREFIX}; write /31 and /32 as single addresses`);
  }
  const special = firstNonPublic(block);
  if (special) c.fail(prop, rule, `it includes ${special}; allowed: ranges of public addresses only (Azure rejects others in IP rules)`);
}

/** ipaddr.js's special (non-public) IPv4 ranges, flattened: name and block. */
const SPECIAL_BLOCKS: readonly { readonly name: string; readonly block: Ipv4Block }[] = Object.entries(
  // Not in ipaddr.js's type declarations, but the table its own range() reads.
  (ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, [ipaddr.IPv4, number] | [ipaddr.IPv4, number][]> }).SpecialRanges,
).flatMap(([name, ranges]) =>
  (Array.isArray(ranges[0]) ? (ranges as [ipaddr.IPv4, number][]) : [ranges as [ipaddr.IPv4, number]]).map(([address, prefix]) => ({
    name,
    block: { address, prefix },
  })),
);

/** The first non-public part of `block` ("private range 10.0.0.0/8"), or undefined when all is public. */
function firstNonPublic(block: Ipv4Block): string | undefined {
  const hit = SPECIAL_BLOCKS.find((special) => blocksOverlap(block, special.block));
  return hit ? `${hit.name} range ${blockToString(hit.block)}` : undefined;
}
