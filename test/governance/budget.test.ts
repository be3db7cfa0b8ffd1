import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import { SYNTH_DATE_CONTEXT_KEY } from "../../lib/core/synth-date";
import { MonthlyBudgetProps } from "../../lib/governance";
import { firstOfMonth } from "../../lib/governance/private/dates";
import { budgetIn } from "../helpers/governance";
import { onlyResource, synthJson, testStack, validationErrors } from "../helpers/synth";
import { constructProblems, failed } from "../helpers/problems";

const NOW = new Date("2026-12-01T09:00:00Z");

const budgetJson = (stack: TerraformStack) => onlyResource(synthJson(stack), "azurerm_consumption_budget_resource_group");

function build(overrides: Partial<MonthlyBudgetProps>, stack = testStack()) {
  budgetIn(stack, overrides);
  return stack;
}

describe("MonthlyBudget start date", () => {
  test("defaults to the first of the synth month and ignores later changes of the start date", () => {
    const budget = budgetJson(build({ now: new Date("2027-03-17T12:00:00Z") }));
    expect(budget.time_period).toEqual({ start_date: "2027-03-01T00:00:00Z" });
    expect(budget.lifecycle).toEqual({ ignore_changes: ["time_period[0].start_date"] });
  });

  test("the month is taken in UTC", () => {
    // 2027-01-31 20:30 in New York is 2027-02-01 01:30 UTC.
    expect(budgetJson(build({ now: new Date("2027-01-31T20:30:00-05:00") })).time_period.start_date).toBe("2027-02-01T00:00:00Z");
    expect(firstOfMonth(new Date("2026-12-31T23:59:59Z"))).toBe("2026-12-01");
  });

  test("'now' can come from the cdktf context", () => {
    const stack = new TerraformStack(Testing.app({ context: { [SYNTH_DATE_CONTEXT_KEY]: "2028-06-10" } }), "ctx");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    expect(budgetJson(build({}, stack)).time_period.start_date).toBe("2028-06-01T00:00:00Z");
    expect(validationErrors(stack)).toEqual([]);
  });

  test("the prop wins over the context", () => {
    const stack = new TerraformStack(Testing.app({ context: { [SYNTH_DATE_CONTEXT_KEY]: "2028-06-10" } }), "ctx");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    expect(budgetJson(build({ now: NOW }, stack)).time_period.start_date).toBe("2026-12-01T00:00:00Z");
  });

  test("a context value that is not a date fails", () => {
    const stack = new TerraformStack(Testing.app({ context: { [SYNTH_DATE_CONTEXT_KEY]: "next month" } }), "ctx");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    build({}, stack);
    expect(constructProblems(stack)).toEqual([failed("now", { path: "ctx/budget", value: "Invalid Date", rule: /a valid date/ })]);
  });

  test("an explicit date is kept, with the same ignore_changes", () => {
    const budget = budgetJson(build({ now: NOW, startDate: "2027-02-01" }));
    expect(budget.time_period).toEqual({ start_date: "2027-02-01T00:00:00Z" });
    expect(budget.lifecycle).toEqual({ ignore_changes: ["time_period[0].start_date"] });
  });

  test("an explicit past date stays valid (an existing budget keeps its start)", () => {
    expect(validationErrors(build({ now: NOW, startDate: "2025-01-01" }))).toEqual([]);
  });

  test("accepts exactly 12 months ahead, rejects 13", () => {
    expect(validationErrors(build({ now: NOW, startDate: "2027-12-01" }))).toEqual([]);
    expect(constructProblems(build({ now: NOW, startDate: "2028-01-01" }))).toEqual([failed("startDate", { path: "test/budget", value: "2028-01-01", rule: /at most 12 months after/ })]);
  });

  test.each([
    ["2026-12-15", /first day of a month/],
    ["2026-13-01", /first day of a month/],
    ["2026-00-01", /first day of a month/],
    ["2026-12-01T00:00:00Z", /first day of a month/],
    ["2017-05-01", /2017-06-01 or later/],
  ])("rejects %s", (startDate, rule) => {
    expect(constructProblems(build({ now: NOW, startDate }))).toEqual([failed("startDate", { path: "test/budget", value: startDate, rule })]);
  });

  test("accepts the provider's floor, 2017-06-01", () => {
    expect(validationErrors(build({ now: NOW, startDate: "2017-06-01" }))).toEqual([]);
  });
});

describe("MonthlyBudget contact e-mails (issue 12: no backtracking regex)", () => {
  test("a long address the old pattern backtracked on is refused", () => {
    // Completing is the property (the length guard of isEmailAddress bounds the work, asserted in
    // test/environment/config-schema.test.ts); no elapsed time is asserted.
    const address = `a@${"b.".repeat(50_000)}@`;
    expect(constructProblems(build({ contactEmails: [address] }))).toContainEqual(failed("contactEmails[0]", { value: address, rule: /e-mail address/ }));
  });

  test("the exact problem of a bad address", () => {
    expect(constructProblems(build({ contactEmails: ["team@localhost"] }))).toEqual([
      failed("contactEmails[0]", { path: "test/budget", value: "team@localhost", rule: /an e\-mail address such as/ }),
    ]);
  });
});

test("the budget resource is the construct's default child", () => {
  const budget = budgetIn(testStack());
  expect(budget.node.defaultChild).toBe(budget.resource);
});
