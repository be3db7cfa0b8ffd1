/**
 * Unknown props are errors for JavaScript callers too: a typo such as `lcok` fails the synth
 * with the construct path and a "did you mean", instead of silently dropping the feature.
 */
import { PropKeys, unknownProps } from "../../lib/core/known-props";
import { closestMatch } from "../../lib/core/suggestion";
import { ResourceNaming } from "../../lib/core/naming";
import { MonthlyBudget } from "../../lib/governance";
import { WorkloadIdentity } from "../../lib/identity";
import { AuditWorkspace } from "../../lib/monitoring";
import { RegionNetwork } from "../../lib/network";
import { OpenAiPlatform } from "../../lib/platform";
import { WORKSPACE_PROPS, monitoringStack } from "../helpers/monitoring";
import { ACCOUNT_DEFAULTS, gpt } from "../helpers/openai";
import { OpenAiAccount } from "../../lib/openai";
import { failedProps, synthJson, testStack } from "../helpers/synth";

/** Props as a JavaScript caller passes them: no excess-property check. */
const untyped = <T>(props: object): T => props as T;

describe("unknownProps", () => {
  interface Sample { readonly lock?: { readonly reason?: string }; readonly name: string }
  const keys: PropKeys<Sample> = { name: true, lock: { reason: true } };

  test("reports each unknown prop with a suggestion and the known ones", () => {
    const found = unknownProps("", { name: "a", lcok: {}, other: 1 }, keys);
    expect(found.map((p) => p.prop)).toEqual(["lcok", "other"]);
    expect(found[0].allowed).toContain('did you mean "lock"?');
    expect(found[1].allowed).not.toContain("did you mean");
  });

  test("checks nested key lists and ignores props set to undefined", () => {
    expect(unknownProps("", { name: "a", lock: { reasn: "x" }, typo: undefined }, keys).map((p) => p.prop)).toEqual(["lock.reasn"]);
  });

  test("the compiler keeps a key list complete", () => {
    // @ts-expect-error: `lock` is missing, so the list would let a prop through unchecked.
    const incomplete: PropKeys<Sample> = { name: true };
    expect(incomplete).toBeDefined();
  });
});

describe("constructs refuse unknown props", () => {
  test("OpenAiAccount (the issue's case): `lcok` and a deployment's `capcity` fail with their paths and suggestions", () => {
    const stack = testStack();
    new OpenAiAccount(stack, "openai", untyped({ ...ACCOUNT_DEFAULTS, lcok: { reason: "prod data" }, deployments: [{ ...gpt("chat"), capcity: 10 }] }));
    expect(failedProps(stack)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "test/openai", prop: "lcok", rule: expect.stringContaining('did you mean "lock"?') }),
        expect.objectContaining({ path: "test/openai/deployment-chat", prop: "capcity", rule: expect.stringContaining('did you mean "capacity"?') }),
      ]),
    );
    expect(() => synthJson(stack)).toThrow(/lcok/);
  });

  test("AuditWorkspace: `lcok` fails the synth with the path and a suggestion", () => {
    const stack = monitoringStack();
    new AuditWorkspace(stack, "ws", untyped({ ...WORKSPACE_PROPS, lcok: { reason: "keeps the audit trail" } }));
    expect(failedProps(stack)).toContainEqual(
      expect.objectContaining({ path: "test/ws", prop: "lcok", rule: expect.stringContaining('did you mean "lock"?') }),
    );
    expect(() => synthJson(stack)).toThrow(/lcok/);
  });

  test("RegionNetwork: a typo inside `lock` fails as `lock.kidn`", () => {
    const stack = testStack();
    new RegionNetwork(stack, "net", untyped({ location: "swedencentral", addressSpace: "10.0.0.0/24", resourceGroupName: "rg", virtualNetworkName: "vnet", subnetName: "pe", lock: { kidn: "lock", reason: "the spoke carries prod traffic" } }));
    expect(failedProps(stack)).toContainEqual(expect.objectContaining({ path: "test/net", prop: "lock.kidn" }));
  });

  test("WorkloadIdentity and MonthlyBudget: each unknown prop is one problem", () => {
    const stack = testStack();
    new WorkloadIdentity(stack, "id", untyped({ name: "chat-prod-sdc-chatbot-id", resourceGroupName: "rg", location: "swedencentral", application: "chatbot", aplication: "x" }));
    new MonthlyBudget(stack, "budget", untyped({ name: "b", resourceGroupId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg", amount: 100, contactEmails: ["a@example.com"], amont: 5 }));
    const unknown = failedProps(stack).filter((p) => p.rule.includes("no prop"));
    expect(unknown.map((p) => [p.path, p.prop])).toEqual([["test/id", "aplication"], ["test/budget", "amont"]]);
    expect(unknown.map((p) => p.rule)).toEqual([expect.stringContaining('"application"'), expect.stringContaining('"amount"')]);
  });

  test("OpenAiPlatform: top-level and nested typos", () => {
    const stack = testStack("platform");
    new OpenAiPlatform(stack, "openai", untyped({
      owner: "ai-platform@contoso.com",
      naming: new ResourceNaming({ workload: "chat", environment: "prod", uniqueSuffix: "ctso" }),
      resourceGroupName: "chat-prod-rg",
      location: "swedencentral",
      residency: "eu",
      regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.10.0.0/24" } }],
      deployments: [{ name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 5 }],
      allowedModels: ["gpt-5.4"],
      capacityCapK: 10,
      deletionProtecton: { accounts: "lock" },
      logging: { workspaceRetentionDay: 365 },
    }));
    const unknown = failedProps(stack).filter((p) => p.path === "platform/openai" && p.rule.includes("no prop"));
    expect(unknown.map((p) => p.prop).sort()).toEqual(["deletionProtecton", "logging.workspaceRetentionDay"]);
  });
});

test("a swap of two neighbouring letters is one edit: `lcok` suggests `lock`", () => {
  expect(closestMatch("lcok", ["lock", "name"])).toBe("lock");
  expect(closestMatch("capcity", ["capacity"])).toBe("capacity");
  expect(closestMatch("zzzz", ["lock"])).toBeUndefined();
});
