import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import {
  checkModelAllowlist,
  ContentFilter,
  CustomerManagedKey,
  MonthlyBudget,
  OpenAiAccount,
  OpenAiPolicyAssignments,
  PropChecks,
  ResourceLocks,
} from "../../lib";
import { onlyResource, synthJson, testStack, validationErrors } from "../helpers/synth";

const account = (stack: ReturnType<typeof testStack>) =>
  new OpenAiAccount(stack, "openai", { name: "aoai-t", resourceGroupName: "rg", location: "swedencentral", environment: "prod", owner: "team" });

describe("MonthlyBudget validation", () => {
  const budget = (overrides: Partial<ConstructorParameters<typeof MonthlyBudget>[2]>) => {
    const stack = testStack();
    new MonthlyBudget(stack, "budget", { name: "b", resourceGroupId: "/subscriptions/x/resourceGroups/rg", amount: 100, startDate: "2026-12-01", contactEmails: ["a@contoso.com"], ...overrides });
    return validationErrors(stack);
  };
  test("accepts a valid budget", () => expect(budget({})).toEqual([]));
  test("rejects a non-positive amount", () => expect(budget({ amount: 0 })).toEqual([expect.stringMatching(/amount: 0 is not allowed; allowed: a positive amount/)]));
  test("rejects a start date that is not the first of a month", () => expect(budget({ startDate: "2026-12-15" })).toEqual([expect.stringMatching(/startDate: "2026-12-15" is not allowed/)]));
  test("rejects a bad email", () => expect(budget({ contactEmails: ["finops"] })).toEqual([expect.stringMatching(/contactEmails\[0\]: "finops" is not allowed/)]));
  test("rejects no contact at all", () => expect(budget({ contactEmails: [] })).toEqual([expect.stringMatching(/contactEmails: \[\] is not allowed/)]));
});

describe("CustomerManagedKey validation", () => {
  const cmk = (overrides: Partial<ConstructorParameters<typeof CustomerManagedKey>[2]>) => {
    const stack = testStack();
    new CustomerManagedKey(stack, "cmk", { account: account(stack), keyVaultName: "aoaitkv", resourceGroupName: "rg", environment: "prod", owner: "team", dataResidency: "eu", ...overrides });
    return validationErrors(stack).filter((e) => e.startsWith("[test/cmk]"));
  };
  test("accepts the defaults", () => expect(cmk({})).toEqual([]));
  test("rejects an expiry not longer than the rotation", () =>
    expect(cmk({ rotation: { rotateAfter: "P90D", expireAfter: "P60D" } })).toEqual([expect.stringMatching(/rotation\.expireAfter: "P60D" is not allowed; allowed: longer than rotation\.rotateAfter/)]));
  test("rejects a non-day duration", () => expect(cmk({ rotation: { rotateAfter: "3 months" } }).join("\n")).toMatch(/rotation\.rotateAfter: "3 months" is not allowed/));
  test("rejects a bad vault name", () => expect(cmk({ keyVaultName: "kv--bad" })).toEqual([expect.stringMatching(/keyVaultName: "kv--bad" is not allowed/)]));
  test("rejects soft delete outside 7-90 days", () => expect(cmk({ softDeleteRetentionDays: 5 })).toEqual([expect.stringMatching(/softDeleteRetentionDays: 5 is not allowed/)]));
});

describe("ResourceLocks", () => {
  test("locks CanNotDelete with the reason and sets prevent_destroy", () => {
    const stack = testStack();
    const rg = new ResourceGroup(stack, "rg", { name: "rg", location: "swedencentral" });
    new ResourceLocks(stack, "locks", { resources: { rg: { resource: rg, reason: "holds the audit trail" } } });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({ lock_level: "CanNotDelete", notes: "holds the audit trail", scope: "${azurerm_resource_group.rg.id}" });
    expect(onlyResource(json, "azurerm_resource_group").lifecycle).toEqual({ prevent_destroy: true });
  });
  test("a short reason fails", () => {
    const stack = testStack();
    const rg = new ResourceGroup(stack, "rg", { name: "rg", location: "swedencentral" });
    new ResourceLocks(stack, "locks", { resources: { rg: { resource: rg, reason: "keep" } } });
    expect(validationErrors(stack)).toEqual([expect.stringMatching(/resources\.rg\.reason: "keep" is not allowed/)]);
  });
});

describe("OpenAiPolicyAssignments", () => {
  test("a prefix that makes a name longer than 64 characters fails", () => {
    const stack = testStack();
    new OpenAiPolicyAssignments(stack, "p", { resourceGroupId: "/x", namePrefix: "x".repeat(60), enforcement: "deny" });
    expect(validationErrors(stack).join("\n")).toMatch(/namePrefix: .* is not allowed; allowed: a prefix short enough/);
  });
  test("an unknown enforcement fails", () => {
    const stack = testStack();
    new OpenAiPolicyAssignments(stack, "p", { resourceGroupId: "/x", namePrefix: "aoai-dev", enforcement: "block" as any });
    expect(validationErrors(stack)).toEqual([expect.stringMatching(/enforcement: "block" is not allowed; allowed: audit, deny/)]);
  });
});

describe("ContentFilter", () => {
  test("an unknown threshold or category fails", () => {
    const stack = testStack();
    new ContentFilter(stack, "cf", { account: account(stack), severityThreshold: "Strict" as any, categoryThresholds: { Gore: "Low" } as any });
    const errors = validationErrors(stack).join("\n");
    expect(errors).toMatch(/severityThreshold: "Strict" is not allowed; allowed: Low, Medium, High/);
    expect(errors).toMatch(/categoryThresholds: "Gore" is not allowed; allowed: Hate, Sexual, Selfharm, Violence/);
  });
  test("per-category thresholds override the default", () => {
    const stack = testStack();
    new ContentFilter(stack, "cf", { account: account(stack), categoryThresholds: { Violence: "Low" } });
    const filters = onlyResource(synthJson(stack), "azurerm_cognitive_account_rai_policy").content_filter;
    expect(filters.filter((f: any) => f.name === "Violence").map((f: any) => f.severity_threshold)).toEqual(["Low", "Low"]);
    expect(filters.filter((f: any) => f.name === "Hate").map((f: any) => f.severity_threshold)).toEqual(["Medium", "Medium"]);
  });
});

test("checkModelAllowlist names each deployment outside the list", () => {
  const c = new PropChecks();
  checkModelAllowlist(c, [{ name: "a", model: "gpt-4.1" }, { name: "b", model: "gpt-3.5-turbo" }], ["gpt-4.1"]);
  expect(c.messages).toEqual(['deployments[b].model: "gpt-3.5-turbo" is not allowed; allowed models in this environment: gpt-4.1']);
});
