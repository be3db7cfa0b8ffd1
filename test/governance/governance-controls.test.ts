import { PropChecks } from "../../lib/core/validation";
import { checkModelAllowlist } from "../../lib/governance";
import { ContentFilter } from "../../lib/openai/content-filter";
import { budgetIn, policyAssignmentsIn } from "../helpers/governance";
import { openAiAccount } from "../helpers/openai";
import { onlyResource, resourceList, synthJson, testStack, validationErrors } from "../helpers/synth";
import { constructProblems, failed, problemsIn } from "../helpers/problems";

const account = (stack: ReturnType<typeof testStack>) => openAiAccount(stack);

describe("MonthlyBudget validation", () => {
  const budget = (overrides: Parameters<typeof budgetIn>[1]) => {
    const stack = testStack();
    budgetIn(stack, { startDate: "2026-12-01", ...overrides });
    return validationErrors(stack);
  };
  test("accepts a valid budget", () => expect(budget({})).toEqual([]));
  test("rejects a non-positive amount", () => expect(problemsIn(budget({ amount: 0 }))).toEqual([failed("amount", { value: 0, rule: /a positive amount/ })]));
  test("rejects a start date that is not the first of a month", () => expect(problemsIn(budget({ startDate: "2026-12-15" }))).toEqual([failed("startDate", { value: "2026-12-15" })]));
  test("rejects a bad email", () => expect(problemsIn(budget({ contactEmails: ["finops"] }))).toEqual([failed("contactEmails[0]", { value: "finops" })]));
  test("rejects no contact at all", () => expect(problemsIn(budget({ contactEmails: [] }))).toEqual([failed("contactEmails", { value: [] })]));
});

describe("OpenAiPolicyAssignments", () => {
  test("a prefix that makes a name longer than 64 characters fails", () => {
    const stack = testStack();
    policyAssignmentsIn(stack, { namePrefix: "x".repeat(60), enforcement: "deny" });
    expect(constructProblems(stack)).toContainEqual(failed("namePrefix", { rule: /a prefix short enough/ }));
  });
  test("an unknown enforcement fails", () => {
    const stack = testStack();
    policyAssignmentsIn(stack, { enforcement: "block" as any });
    expect(constructProblems(stack)).toEqual([failed("enforcement", { value: "block", rule: /audit, deny/ })]);
  });
});

describe("OpenAiPolicyAssignments effects", () => {
  test("deny uses the policy's deny effect where it has one, audit otherwise", () => {
    const stack = testStack();
    policyAssignmentsIn(stack, { enforcement: "deny" });
    const effects = Object.fromEntries(
      resourceList(synthJson(stack), "azurerm_resource_group_policy_assignment").map((a) => [a.name, JSON.parse(a.parameters).effect.value]),
    );
    expect(effects["aoai-dev-no-local-auth"]).toBe("Deny");
    expect(effects["aoai-dev-private-link"]).toBe("Audit");
    expect(effects["aoai-dev-cmk"]).toBe("Audit");
  });
});

describe("ContentFilter", () => {
  test("an unknown threshold or category fails", () => {
    const stack = testStack();
    new ContentFilter(stack, "cf", { account: account(stack), severityThreshold: "Strict" as any, categoryThresholds: { Gore: "Low" } as any });
    const errors = constructProblems(stack);
    expect(errors).toContainEqual(failed("severityThreshold", { value: "Strict", rule: /Low, Medium, High/ }));
    expect(errors).toContainEqual(failed("categoryThresholds", { value: "Gore", rule: /Hate, Sexual, Selfharm, Violence/ }));
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
  expect(c.problems).toEqual([failed("deployments[b].model", { value: "gpt-3.5-turbo" })]);
});
