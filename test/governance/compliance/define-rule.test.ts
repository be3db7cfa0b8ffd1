/**
 * A rule is data plus one function (`defineRule`), named by its file as cdk-nag's are, and the
 * built-in rule list is read off the rules module: no second list to forget.
 */
import * as fs from "fs";
import * as path from "path";
import { TerraformResource } from "cdktf";
import { BUILT_IN_RULE_IDS, compliant, defineRule, nonCompliant, RuleClass } from "../../../lib/governance/compliance";
import { isRuleClass } from "../../../lib/governance/compliance/define-rule";
import * as library from "../../../lib";
import * as rules from "../../../lib/governance/compliance/rules";
import { testStack } from "../../helpers/synth";
import { judge, secureAccount } from "./fixtures";

const RULES_DIR = path.join(__dirname, "../../../lib/governance/compliance/rules");
const RULE_FILES = fs
  .readdirSync(RULES_DIR)
  .filter((file) => file.endsWith(".ts") && file !== "index.ts")
  .map((file) => path.basename(file, ".ts"))
  .sort();

describe("the built-in rules", () => {
  test.each(RULE_FILES)("%s.ts defines one rule whose ID is its file name", (name) => {
    const exports = require(path.join(RULES_DIR, name)) as Record<string, unknown>;
    const defined = Object.entries(exports).filter(([, value]) => isRuleClass(value));
    expect(defined.map(([exported]) => exported)).toEqual([name]);
    const ruleClass = exports[name] as { ID: string; name: string };
    expect(ruleClass.ID).toBe(name);
    expect(ruleClass.name).toBe(name);
  });

  test("rules/index.ts exports every rule file, and BUILT_IN_RULE_IDS is exactly those rules", () => {
    const exported = Object.values(rules).flatMap((value) => (isRuleClass(value) ? [value.ID] : []));
    expect([...exported].sort()).toEqual(RULE_FILES);
    expect([...BUILT_IN_RULE_IDS]).toEqual(RULE_FILES);
  });

  test("every built-in rule has a description, a fix, resource types and an ID that constructs to the same id", () => {
    for (const value of Object.values(rules)) {
      if (!isRuleClass(value)) continue;
      // The rules with required options take a number of days.
      const rule = new (value as unknown as RuleClass<object>)({ minimumDays: 1, maximumDays: 1 });
      expect(rule.id).toBe(value.ID);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.fix.length).toBeGreaterThan(20);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
    }
  });
});

describe("fix texts", () => {
  // The library's constructs (exported classes that are not rules): a fix names the one that makes the resource compliant.
  const constructs = Object.entries(library)
    .filter(([name, value]) => typeof value === "function" && /^[A-Z]/.test(name) && !isRuleClass(value) && value.prototype !== undefined)
    .map(([name]) => name);

  test.each(BUILT_IN_RULE_IDS.map((id) => [id]))("%s: the fix names a construct of the library, not only azurerm arguments", (id) => {
    const value = (rules as Record<string, unknown>)[id];
    const rule = new (value as RuleClass<object>)({ minimumDays: 1, maximumDays: 1 });
    expect(constructs.filter((name) => new RegExp(`\\b${name}\\b`).test(rule.fix))).not.toEqual([]);
    expect(rule.fix).not.toMatch(/^Set [a-z]+_[a-z_]+ =/);
  });
});

describe("defineRule", () => {
  interface LimitOptions {
    readonly limit: number;
  }
  const LimitRule = defineRule<LimitOptions>({
    id: "LimitRule",
    description: ({ limit }) => `At most ${limit}.`,
    fix: ({ limit }) => `Stay at or below ${limit}.`,
    resourceTypes: ["azurerm_cognitive_account"],
    acknowledgedBy: ["localAuth"],
    evaluate: (resource: TerraformResource, _context, { limit }) => (resource.node.id.length <= limit ? compliant() : nonCompliant(`${resource.node.id} is long`)),
  });

  test("the options are the rule's read-only properties and reach description, fix and evaluate", () => {
    const rule = new LimitRule({ limit: 3 });
    expect(rule).toBeInstanceOf(LimitRule);
    expect(rule.limit).toBe(3);
    expect({ id: rule.id, description: rule.description, fix: rule.fix, acknowledgedBy: rule.acknowledgedBy }).toEqual({
      id: "LimitRule",
      description: "At most 3.",
      fix: "Stay at or below 3.",
      acknowledgedBy: ["localAuth"],
    });
    const stack = testStack();
    expect(judge(rule, secureAccount(stack, "acc")).outcome).toBe("compliant");
    expect(judge(new LimitRule({ limit: 2 }), secureAccount(stack, "account"))).toEqual({ outcome: "non-compliant", detail: "account is long" });
    expect(() => {
      (rule as { limit: number }).limit = 9;
    }).toThrow(TypeError);
  });

  test("an option named like a rule field does not replace the field", () => {
    const rule = new LimitRule({ limit: 1, id: "Other", fix: "Other fix.", evaluate: () => compliant() } as LimitOptions);
    expect([rule.id, rule.fix]).toEqual(["LimitRule", "Stay at or below 1."]);
    expect(judge(rule, secureAccount(testStack(), "account")).outcome).toBe("non-compliant");
  });

  test("a rule without options is constructed without arguments; its ID is the class's", () => {
    const Plain = defineRule({ id: "Plain", description: "Plain holds.", fix: "Nothing to do.", resourceTypes: ["x"], evaluate: () => compliant() });
    expect(new Plain().id).toBe(Plain.ID);
    expect(Plain.name).toBe("Plain");
    expect(isRuleClass(Plain)).toBe(true);
    expect(isRuleClass(class Plain {})).toBe(false);
  });
});
