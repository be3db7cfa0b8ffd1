import { Construct } from "constructs";
import { addPropChecks, PropChecks, PropProblem } from "../../lib/core/validation";
import { checkNoOverlaps } from "../../lib/network";
import { blocksOverlap, firstSubBlock, isPrivateBlock, parseIpv4Address, parseIpv4Block } from "../../lib/network/private/ipv4";
import { testStack } from "../helpers/synth";
import { constructProblems, failed } from "../helpers/problems";

const block = (cidr: string) => {
  const parsed = parseIpv4Block(cidr);
  if (!parsed) throw new Error(`not a block: ${cidr}`);
  return parsed;
};

function overlapProblems(ranges: Record<string, string>): PropProblem[] {
  const c = new PropChecks();
  checkNoOverlaps(c, "regions", ranges);
  return [...c.problems];
}

describe("parseIpv4Block / parseIpv4Address", () => {
  test.each(["10.0.0.0/8", "192.168.1.0/24", "0.0.0.0/0", "10.1.2.3/32"])("parses canonical %j", (cidr) => {
    expect(parseIpv4Block(cidr)).toBeDefined();
  });

  test.each(["10.0.0.1/8", "10.0.0.0/016", "010.0.0.0/8", "10.0/16", "10.0.0.0/33", "10.0.0.0", "::/0", " 10.0.0.0/8"])(
    "rejects %j",
    (cidr) => expect(parseIpv4Block(cidr)).toBeUndefined(),
  );

  test.each(["1.2.3.4", "255.255.255.255"])("parses address %j", (ip) => expect(parseIpv4Address(ip)?.toString()).toBe(ip));
  test.each(["1.2.3", "01.2.3.4", "0x01.2.3.4", "1.2.3.4/32", "1.2.3.256"])("rejects address %j", (ip) => {
    expect(parseIpv4Address(ip)).toBeUndefined();
  });
});

describe("range arithmetic", () => {
  test("blocks overlap when one contains the other, not when they only touch", () => {
    expect(blocksOverlap(block("10.0.0.0/16"), block("10.0.128.0/24"))).toBe(true);
    expect(blocksOverlap(block("10.0.128.0/24"), block("10.0.0.0/16"))).toBe(true);
    expect(blocksOverlap(block("10.0.0.0/24"), block("10.0.1.0/24"))).toBe(false);
    expect(blocksOverlap(block("10.0.0.0/24"), block("10.0.0.0/24"))).toBe(true);
  });

  test("private blocks lie wholly in RFC 1918", () => {
    expect(isPrivateBlock(block("172.16.0.0/12"))).toBe(true);
    expect(isPrivateBlock(block("172.0.0.0/11"))).toBe(false);
    expect(isPrivateBlock(block("172.32.0.0/12"))).toBe(false);
    expect(isPrivateBlock(block("10.0.0.0/7"))).toBe(false);
    expect(isPrivateBlock(block("192.168.255.0/24"))).toBe(true);
    expect(isPrivateBlock(block("100.64.0.0/16"))).toBe(false);
  });

  test("the first sub-block starts at the block's network address", () => {
    expect(firstSubBlock(block("10.20.4.0/22"), 27)?.address.toString()).toBe("10.20.4.0");
    expect(firstSubBlock(block("10.20.4.0/22"), 21)).toBeUndefined();
    expect(firstSubBlock(block("10.20.4.0/22"), 27.5)).toBeUndefined();
  });
});

describe("checkNoOverlaps", () => {
  test("reports each overlapping pair once, naming both keys", () => {
    expect(
      overlapProblems({ swedencentral: "10.20.0.0/16", francecentral: "10.20.8.0/24", westeurope: "10.30.0.0/16", uksouth: "10.30.0.0/16" }),
    ).toEqual([
      failed("regions.swedencentral", { value: "10.20.0.0/16", rule: /overlaps regions\.francecentral \(10\.20\.8\.0\/24\)/ }),
      failed("regions.westeurope", { value: "10.30.0.0/16", rule: /overlaps regions\.uksouth \(10\.30\.0\.0\/16\)/ }),
    ]);
  });

  test("accepts adjacent ranges", () => {
    expect(overlapProblems({ a: "10.20.0.0/24", b: "10.20.1.0/24", c: "10.20.2.0/23" })).toEqual([]);
  });

  test("skips ranges that are not CIDRs (their own checks report them)", () => {
    expect(overlapProblems({ a: "10.20.0.0/24", b: "not a cidr", c: "10.20.0.5/24" })).toEqual([]);
  });

  test("reports through the construct's validation with its path", () => {
    const stack = testStack();
    const env = new Construct(stack, "env");
    addPropChecks(env, (c) => checkNoOverlaps(c, "regions", { a: "192.168.0.0/16", b: "192.168.3.0/24" }));
    expect(constructProblems(stack)).toEqual([failed("regions.a", { path: "test/env", value: "192.168.0.0/16", rule: /overlaps regions\.b/ })]);
  });
});
