import { PropChecks, PropProblem } from "../../lib/core/validation";
import { OpenAiNetworkRules } from "../../lib/network";
import { checkIpRule, checkNetworkRules } from "../../lib/network/private/network-rules";
import { OpenAiAccountProps } from "../../lib/openai";
import { onlyResource, synthJson, testStack } from "../helpers/synth";
import { openAiAccount, subnetId, vnetId } from "./fixtures";
import { constructProblems, failed } from "../helpers/problems";

const PUBLIC = { publicNetworkAccess: { reason: "CI runners outside Azure, see ADR-12" } };

function account(props: Partial<OpenAiAccountProps>) {
  const stack = testStack();
  openAiAccount(stack, props);
  return { stack, acls: () => onlyResource(synthJson(stack), "azurerm_cognitive_account").network_acls, problems: () => constructProblems(stack) };
}

function ipRuleProblems(rule: string): PropProblem[] {
  const c = new PropChecks();
  checkIpRule(c, "ip", rule);
  return [...c.problems];
}

describe("network_acls on the account", () => {
  test("without rules or public access: deny everything, no trusted-service bypass", () => {
    const { acls, problems } = account({});
    expect(acls()).toEqual({ default_action: "Deny", bypass: "None" });
    expect(problems()).toEqual([]);
  });

  test("public access without rules still denies by default", () => {
    const { stack, acls, problems } = account({ securityExceptions: PUBLIC });
    expect(onlyResource(synthJson(stack), "azurerm_cognitive_account").public_network_access_enabled).toBe(true);
    expect(acls()).toEqual({ default_action: "Deny", bypass: "None" });
    expect(problems()).toEqual([]);
  });

  test("IP and subnet rules are emitted with default action Deny", () => {
    const { acls, problems } = account({
      securityExceptions: PUBLIC,
      networkRules: { ipRules: ["52.174.10.7", "198.51.99.0/24", "20.0.0.0/8"], subnetIds: [subnetId("vnet-ci", "snet-runners")] },
    });
    expect(acls()).toEqual({
      default_action: "Deny",
      bypass: "None",
      ip_rules: ["52.174.10.7", "198.51.99.0/24", "20.0.0.0/8"],
      virtual_network_rules: [{ subnet_id: subnetId("vnet-ci", "snet-runners") }],
    });
    expect(problems()).toEqual([]);
  });

  test("trusted Azure services bypass only with a reason", () => {
    const { acls, problems } = account({ networkRules: { trustedAzureServices: { reason: "AI Search indexer reads with its identity" } } });
    expect(acls()).toEqual({ default_action: "Deny", bypass: "AzureServices" });
    expect(problems()).toEqual([]);
  });
});

describe("network rules validation", () => {
  test("IP rules while public access is off are an error pointing to the exception", () => {
    const { problems } = account({ networkRules: { ipRules: ["52.174.10.7"] } });
    expect(problems()).toEqual([failed("networkRules", { path: "test/openai", value: { ipRules: ["52.174.10.7"] }, rule: /securityExceptions\.publicNetworkAccess/ })]);
  });

  test("subnet rules while public access is off are an error too", () => {
    const { problems } = account({ networkRules: { subnetIds: [subnetId()] } });
    expect(problems()).toContainEqual(failed("networkRules", { rule: /securityExceptions\.publicNetworkAccess/ }));
  });

  test("a trusted-services bypass with a short reason fails", () => {
    const { problems } = account({ networkRules: { trustedAzureServices: { reason: "search" } } });
    expect(problems()).toEqual([failed("networkRules.trustedAzureServices.reason", { value: "search", rule: /at least 10 characters/ })]);
  });

  test("a subnet rule that is not a subnet ID fails", () => {
    const { problems } = account({ securityExceptions: PUBLIC, networkRules: { subnetIds: [vnetId()] } });
    expect(problems()).toEqual([failed("networkRules.subnetIds[0]", { rule: /a subnet resource ID/ })]);
  });

  test("duplicate rules fail", () => {
    const rules: OpenAiNetworkRules = { ipRules: ["52.174.10.7", "52.174.10.7"], subnetIds: [subnetId(), subnetId().toUpperCase()] };
    const c = new PropChecks();
    checkNetworkRules(c, rules, true);
    expect(c.problems).toEqual([
      failed("networkRules.ipRules", { value: ["52.174.10.7"], rule: /once/ }),
      failed("networkRules.subnetIds", { value: [subnetId().toUpperCase()], rule: /once, ignoring case/ }),
    ]);
  });

  test("an IP rule problem is reported on the account with its index", () => {
    const { problems } = account({ securityExceptions: PUBLIC, networkRules: { ipRules: ["52.174.10.7", "10.1.2.3"] } });
    expect(problems()).toEqual([failed("networkRules.ipRules[1]", { value: "10.1.2.3", rule: /private address/ })]);
  });
});

describe("checkIpRule", () => {
  test.each(["52.174.10.7", "8.8.8.8", "52.10.0.0/16", "20.0.0.0/8", "198.51.99.0/30", "203.0.114.0/24"])("accepts public %j", (rule) => {
    expect(ipRuleProblems(rule)).toEqual([]);
  });

  test.each([
    ["10.1.2.3", "private"],
    ["192.168.0.1", "private"],
    ["127.0.0.1", "loopback"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.1.1", "carrierGradeNat"],
    ["224.0.0.1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.1", "reserved"],
    ["203.0.113.7", "reserved"],
  ])("rejects non-public address %j (%s)", (rule, range) => {
    expect(ipRuleProblems(rule)).toEqual([failed("ip", { value: rule, rule: new RegExp(`it is a ${range} address`) })]);
  });

  test.each([
    ["10.0.0.0/8", "private range 10.0.0.0/8"],
    ["172.0.0.0/8", "private range 172.16.0.0/12"],
    ["100.0.0.0/8", "carrierGradeNat range 100.64.0.0/10"],
    ["198.0.0.0/8", "reserved range 198.18.0.0/15"],
    ["8.0.0.0/8", undefined],
  ])("checks every part of range %j", (rule, part) => {
    const found = ipRuleProblems(rule);
    if (part === undefined) expect(found).toEqual([]);
    else expect(found).toEqual([failed("ip", { value: rule, rule: new RegExp(`it includes ${part.replace(/\./g, "\\.")}`) })]);
  });

  test.each(["52.174.10.6/31", "52.174.10.7/32", "4.0.0.0/6"])("rejects prefix of %j outside /8-/30", (rule) => {
    expect(ipRuleProblems(rule)).toEqual([failed("ip", { value: rule, rule: /\/8 to \/30/ })]);
  });

  test.each(["52.174.10.7/24", "52.174.10", "2001:db8::1", "52.174.10.07", "host.example.com", "52.174.10.0/024"])("rejects malformed %j", (rule) => {
    expect(ipRuleProblems(rule)).toEqual([failed("ip", { value: rule, rule: /public IPv4 address/ })]);
  });
});
