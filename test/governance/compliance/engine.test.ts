import * as fs from "fs";
import * as path from "path";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Aspects, TerraformResource, TerraformStack, Testing } from "cdktf";
import { BUILT_IN_ROLES } from "../../../lib/identity/role-catalog";
import { NO_FILTER_POLICY } from "../../../lib/openai/deployment-options";
import {
  CompliancePack,
  ComplianceFinding,
  ComplianceReport,
  ComplianceSuppressions,
  compliant,
  DeploymentContentFilter,
  NoPrivilegedRoleAssignment,
  nonCompliant,
  renderComplianceReportJson,
} from "../../../lib/governance/compliance";
import { knownRuleIds } from "../../../lib/governance/compliance/rule-registry";
import { testStack, validationErrors } from "../../helpers/synth";
import { deployment, judge, secureAccount } from "./fixtures";
import { constructProblems, failed } from "../../helpers/problems";

const LIB = path.join(__dirname, "../../../lib");
const COMPLIANCE = path.join(LIB, "governance/compliance");

describe("the custom-rule registry is per app", () => {
  const teamPack = () =>
    new CompliancePack({
      name: "TEAM",
      title: "Team rules",
      rules: [
        {
          rule: {
            id: "TeamOnlyRule",
            description: "Always broken.",
            fix: "None.",
            resourceTypes: ["azurerm_cognitive_account"],
            evaluate: (r: TerraformResource) => (r.node.id === "never" ? compliant() : nonCompliant("broken")),
          },
          controls: ["T-1"],
          level: "error",
        },
      ],
    });

  test("a pack registers its rule IDs in the app of the stack it visits, not in another app", () => {
    const first = testStack("first");
    const second = testStack("second");
    const pack = teamPack();
    expect(knownRuleIds(first)).not.toContain("TeamOnlyRule"); // constructing a pack registers nothing
    secureAccount(first);
    Aspects.of(first).add(pack);
    Testing.synth(first);
    expect(knownRuleIds(first)).toContain("TeamOnlyRule");
    expect(knownRuleIds(second)).not.toContain("TeamOnlyRule");
    expect(knownRuleIds(second)).toContain("CognitiveLocalAuthDisabled");
  });

  test("a suppression of another app's custom rule fails; in the pack's own app it suppresses", () => {
    const own = testStack("own");
    const ownAccount = secureAccount(own);
    ComplianceSuppressions.add(ownAccount, [{ ruleId: "TeamOnlyRule", reason: "owner is tracked in the CMDB instead" }]);
    const pack = teamPack();
    Aspects.of(own).add(pack);
    Testing.synth(own);
    expect(validationErrors(own)).toEqual([]);
    expect(pack.findingsFor(own)).toEqual([expect.objectContaining({ result: "suppressed" })]);

    const other = testStack("other");
    ComplianceSuppressions.add(secureAccount(other), [{ ruleId: "TeamOnlyRule", reason: "owner is tracked in the CMDB instead" }]);
    Testing.synth(other);
    expect(constructProblems(other)).toEqual([failed("complianceSuppressions.ruleId", { value: "TeamOnlyRule", rule: /a rule ID/ })]);
  });
});

describe("NoPrivilegedRoleAssignment follows the role catalog", () => {
  const roleId = (guid: string) => `/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
  const assignment = (role: { roleDefinitionId?: string; roleDefinitionName?: string }) =>
    new RoleAssignment(testStack(), "assignment", { scope: "/subscriptions/s", principalId: "p", principalType: "Group", ...role });

  test.each(Object.entries(BUILT_IN_ROLES))("%s: a break exactly when the catalog flags it privileged", (_key, role) => {
    const rule = new NoPrivilegedRoleAssignment();
    const expected = role.privileged ? "non-compliant" : "compliant";
    expect(judge(rule, assignment({ roleDefinitionId: roleId(role.guid) })).outcome).toBe(expected);
    expect(judge(rule, assignment({ roleDefinitionName: role.displayName })).outcome).toBe(expected);
  });

  test("the rule's list and description are the catalog's privileged roles", () => {
    const privileged = Object.values(BUILT_IN_ROLES).filter((r) => r.privileged);
    expect(NoPrivilegedRoleAssignment.PRIVILEGED_ROLES).toEqual(Object.fromEntries(privileged.map((r) => [r.guid, r.displayName])));
    expect(new NoPrivilegedRoleAssignment().description).toBe(
      "No azurerm_role_assignment grants Owner, Contributor, User Access Administrator, Cognitive Services Contributor, Foundry Project Manager, Foundry Account Owner or API Management Service Operator Role.",
    );
  });

  test("flipping a catalog flag flips the rule (a catalog where Reader is privileged and Owner is not)", () => {
    jest.isolateModules(() => {
      jest.doMock("../../../lib/identity/role-catalog", () => {
        const actual = jest.requireActual("../../../lib/identity/role-catalog");
        return {
          ...actual,
          BUILT_IN_ROLES: {
            ...actual.BUILT_IN_ROLES,
            Owner: { ...actual.BUILT_IN_ROLES.Owner, privileged: false },
            Reader: { ...actual.BUILT_IN_ROLES.Reader, privileged: true },
          },
        };
      });
      const isolated = require("../../../lib/governance/compliance/rules/NoPrivilegedRoleAssignment");
      const { RuleContext } = require("../../../lib/governance/compliance/context");
      const rule = new isolated.NoPrivilegedRoleAssignment();
      const verdict = (guid: string) => {
        const resource = assignment({ roleDefinitionId: roleId(guid) });
        return rule.evaluate(resource, new RuleContext(TerraformStack.of(resource))).outcome;
      };
      expect(verdict(BUILT_IN_ROLES.Reader.guid)).toBe("non-compliant");
      expect(verdict(BUILT_IN_ROLES.Owner.guid)).toBe("compliant");
      expect(rule.description).toBe(
        "No azurerm_role_assignment grants Reader, Contributor, User Access Administrator, Cognitive Services Contributor, Foundry Project Manager, Foundry Account Owner or API Management Service Operator Role.",
      );
    });
  });
});

test("DeploymentContentFilter knows the openai module's no-filter policy", () => {
  const stack = testStack();
  const account = secureAccount(stack);
  const resource = deployment(stack, account.id, "Standard");
  resource.raiPolicyName = NO_FILTER_POLICY;
  expect(judge(new DeploymentContentFilter(), resource)).toEqual({
    outcome: "non-compliant",
    detail: `rai_policy_name is ${JSON.stringify(NO_FILTER_POLICY)}: no content filtering`,
  });
});

describe("the report receives findings one way", () => {
  const summary = (name: string) => ({
    name,
    title: `${name} rules`,
    rules: [{ ruleId: "R", controls: ["C-1"], level: "error" as const, description: "R holds." }],
  });
  const finding = (pack: string, result: ComplianceFinding["result"], resourcePath = "test/a"): ComplianceFinding => ({
    ruleId: "R",
    pack,
    controls: ["C-1"],
    level: "error",
    resourcePath,
    resourceType: "azurerm_cognitive_account",
    result,
  });

  test("record lists a pack once and replaces a finding of the same pack, resource and rule", () => {
    const report = ComplianceReport.of(testStack());
    report.record(summary("A"));
    report.record(summary("A"), [finding("A", "non-compliant"), finding("A", "compliant", "test/b")]);
    report.record(summary("B"), [finding("B", "compliant")]);
    report.record(summary("A"), [finding("A", "suppressed")]);
    expect(report.packs.map((p) => p.name)).toEqual(["A", "B"]);
    expect(report.findings.map((f) => `${f.pack} ${f.resourcePath} ${f.result}`)).toEqual([
      "A test/a suppressed",
      "B test/a compliant",
      "A test/b compliant",
    ]);
    expect(JSON.parse(renderComplianceReportJson(report.data())).packs.map((p: { name: string }) => p.name)).toEqual(["A", "B"]);
  });

  test("a pack pushes its description and findings into the stack's report", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    const pack = new CompliancePack({
      name: "ONE",
      title: "One rule",
      rules: [{ rule: new DeploymentContentFilter(), controls: ["X"], level: "warning" }],
    });
    const other = new CompliancePack({
      name: "TWO",
      title: "Another",
      rules: [{ rule: new NoPrivilegedRoleAssignment(), controls: ["Y"], level: "error" }],
    });
    deployment(stack, account.id, "Standard");
    Aspects.of(stack).add(pack);
    Aspects.of(stack).add(other);
    Testing.synth(stack);
    Testing.synth(stack);
    const report = ComplianceReport.of(stack);
    expect(report.packs).toEqual([
      { name: "ONE", title: "One rule", rules: [{ ruleId: "DeploymentContentFilter", controls: ["X"], level: "warning", description: new DeploymentContentFilter().description }] },
      { name: "TWO", title: "Another", rules: [{ ruleId: "NoPrivilegedRoleAssignment", controls: ["Y"], level: "error", description: new NoPrivilegedRoleAssignment().description }] },
    ]);
    expect(report.findings).toEqual(pack.findingsFor(stack));
  });
});

describe("the engine's imports", () => {
  /** Relative imports of a TypeScript file, resolved to absolute paths without extension. */
  function importsOf(file: string): string[] {
    const source = fs.readFileSync(file, "utf8");
    const specifiers = [...source.matchAll(/(?:from|import|require)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
    return specifiers
      .filter((s) => s.startsWith("."))
      .map((s) => {
        const resolved = path.resolve(path.dirname(file), s);
        return fs.existsSync(`${resolved}.ts`) ? `${resolved}.ts` : path.join(resolved, "index.ts");
      });
  }
  function closure(start: readonly string[]): Set<string> {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file) || !fs.existsSync(file)) continue;
      seen.add(file);
      queue.push(...importsOf(file));
    }
    return seen;
  }
  function filesUnder(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
    );
  }
  const rel = (file: string) => path.relative(LIB, file);

  test("the report files do not import the pack, directly or through another file", () => {
    const reached = [...closure([path.join(COMPLIANCE, "report.ts")])].map(rel);
    expect(reached).toContain("governance/compliance/report-render.ts");
    expect(reached).not.toContain("governance/compliance/pack.ts");
  });

  test("compliance reaches only core and construct-free catalogs (no openai, identity construct, monitoring, network, platform)", () => {
    const allowed = (file: string) =>
      file.startsWith("governance/compliance/") || file.startsWith("core/") || file.startsWith("regions/") || file === "identity/role-catalog.ts";
    const reached = [...closure(filesUnder(COMPLIANCE))].map(rel);
    expect(reached).toContain("identity/role-catalog.ts");
    expect(reached.filter((file) => !allowed(file))).toEqual([]);
  });

  test("the account-exceptions bridge is gone and no compliance file tests instanceof a library construct", () => {
    expect(fs.existsSync(path.join(COMPLIANCE, "account-exceptions.ts"))).toBe(false);
    const offenders = filesUnder(COMPLIANCE).filter((file) =>
      /instanceof\s+(OpenAiAccount|ModelDeployment|RbacAssignment|RetentionArchive|AuditWorkspace)\b/.test(fs.readFileSync(file, "utf8")),
    );
    expect(offenders.map(rel)).toEqual([]);
  });
});
