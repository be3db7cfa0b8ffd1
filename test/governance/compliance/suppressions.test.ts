import * as fs from "fs";
import * as path from "path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Aspects, TerraformResource, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { RbacAssignment } from "../../../lib";
import {
  CompliancePack,
  ComplianceSuppressions,
  compliant,
  nonCompliant,
  Soc2Pack,
} from "../../../lib/governance/compliance";
import { synthProblems, tempOutdir, testApp, testStack, validationErrors } from "../../helpers/synth";
import { compliantComposition, libraryAccount, secureAccount } from "./fixtures";
import { constructProblems, failed, problemsIn } from "../../helpers/problems";

function soc2Findings(stack: TerraformStack) {
  const pack = new Soc2Pack();
  Aspects.of(stack).add(pack);
  Testing.synth(stack);
  return pack.findingsFor(stack);
}

describe("ComplianceSuppressions", () => {
  test("a suppression on a parent covers its children: suppressed with the reason, not an error", () => {
    const stack = testStack();
    const team = new Construct(stack, "team");
    const account = secureAccount(team, "account", { localAuthEnabled: true });
    ComplianceSuppressions.add(team, [{ ruleId: "CognitiveLocalAuthDisabled", reason: "vendor tool needs keys until 2027-03, risk RA-17" }]);
    expect(soc2Findings(stack)).toContainEqual(
      expect.objectContaining({
        ruleId: "CognitiveLocalAuthDisabled",
        resourcePath: "test/team/account",
        result: "suppressed",
        detail: expect.stringContaining("local_auth_enabled is true"),
        suppressionReason: "vendor tool needs keys until 2027-03, risk RA-17",
      }),
    );
    expect(account.node.metadata.filter((m) => String(m.data).includes("CognitiveLocalAuthDisabled"))).toEqual([]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("a suppression with a reason under 10 characters fails the synth and suppresses nothing", () => {
    const stack = testStack();
    const account = secureAccount(stack, "account", { localAuthEnabled: true });
    ComplianceSuppressions.add(account, [{ ruleId: "CognitiveLocalAuthDisabled", reason: "legacy" }]);
    expect(constructProblems(stack)).toEqual([failed("complianceSuppressions[CognitiveLocalAuthDisabled].reason", { path: "test/account", value: "legacy", rule: /at least 10 characters/ })]);
    expect(soc2Findings(stack)).toContainEqual(expect.objectContaining({ ruleId: "CognitiveLocalAuthDisabled", result: "non-compliant" }));
  });

  test("through GuardedApp, a short suppression reason fails the synth", () => {
    const app = testApp();
    const stack = new TerraformStack(app, "prod");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    const { account } = compliantComposition(stack);
    account.resource.addOverride("local_auth_enabled", true);
    ComplianceSuppressions.add(account, [{ ruleId: "CognitiveLocalAuthDisabled", reason: "temp" }]);
    Aspects.of(stack).add(new Soc2Pack());
    expect(problemsIn(synthProblems(app))).toContainEqual(failed("complianceSuppressions[CognitiveLocalAuthDisabled].reason", { path: "prod/openai", value: "temp" }));
  });

  test("a suppression naming an unknown rule fails the synth", () => {
    const stack = testStack();
    ComplianceSuppressions.add(secureAccount(stack), [{ ruleId: "CognitiveLocalAuthDisable", reason: "a typo must not pass silently" }]);
    expect(constructProblems(stack)).toEqual([failed("complianceSuppressions.ruleId", { value: "CognitiveLocalAuthDisable", rule: /a rule ID/ })]);
  });

  test("a suppression on a sibling, or of another rule, does not apply", () => {
    const stack = testStack();
    secureAccount(stack, "insecure", { localAuthEnabled: true });
    const sibling = secureAccount(stack, "sibling");
    ComplianceSuppressions.add(sibling, [{ ruleId: "CognitiveLocalAuthDisabled", reason: "only meant for the sibling account" }]);
    const insecure = secureAccount(stack, "other", { localAuthEnabled: true });
    ComplianceSuppressions.add(insecure, [{ ruleId: "CognitivePrivateEndpoint", reason: "reached through the hub, see ADR-4" }]);
    const local = soc2Findings(stack).filter((f) => f.ruleId === "CognitiveLocalAuthDisabled");
    expect(Object.fromEntries(local.map((f) => [f.resourcePath, f.result]))).toEqual({
      "test/insecure": "non-compliant",
      "test/sibling": "compliant",
      "test/other": "non-compliant",
    });
  });

  test("an OpenAiAccount security exception counts as a suppression with its reason", () => {
    const stack = testStack();
    libraryAccount(stack, "openai", {
      name: "aoai-exception",
      resourceGroupName: "rg",
      location: "swedencentral",
      securityExceptions: { publicNetworkAccess: { reason: "CI runners outside the VNet, see ADR-12" } },
    });
    expect(soc2Findings(stack)).toContainEqual(
      expect.objectContaining({
        ruleId: "CognitivePublicNetworkAccessDisabled",
        result: "suppressed",
        suppressionReason: "securityExceptions.publicNetworkAccess: CI runners outside the VNet, see ADR-12",
      }),
    );
  });

  test("a custom rule in a custom pack can be suppressed by its ID", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    const rule = {
      id: "TeamOwnerTag",
      description: "Every account has an owner tag.",
      fix: "Tag the account with owner.",
      resourceTypes: ["azurerm_cognitive_account"],
      evaluate: (r: TerraformResource) => (r.node.id === "never" ? compliant() : nonCompliant("no owner tag")),
    };
    const pack = new CompliancePack({ name: "TEAM", title: "Team rules", rules: [{ rule, controls: ["T-1"], level: "error" }] });
    ComplianceSuppressions.add(account, [{ ruleId: "TeamOwnerTag", reason: "owner is tracked in the CMDB instead" }]);
    Aspects.of(stack).add(pack);
    Testing.synth(stack);
    expect(validationErrors(stack)).toEqual([]);
    expect(pack.findingsFor(stack)).toEqual([expect.objectContaining({ ruleId: "TeamOwnerTag", result: "suppressed", controls: ["T-1"] })]);
  });

  test("the suppressed finding and its reason appear in the written report, and the synth passes", () => {
    const outdir = tempOutdir();
    const app = testApp(outdir);
    const stack = new TerraformStack(app, "prod");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    const { storage } = compliantComposition(stack);
    storage.addOverride("shared_access_key_enabled", true);
    ComplianceSuppressions.add(storage, [{ ruleId: "StorageAccountHardened", reason: "Azure Monitor export needs keys, ticket SEC-123" }]);
    Aspects.of(stack).add(new Soc2Pack());
    app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(outdir, "stacks/prod/compliance-report.json"), "utf8"));
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: "StorageAccountHardened",
        pack: "SOC2",
        controls: ["CC6.1"],
        resourcePath: "prod/archive",
        result: "suppressed",
        detail: "shared_access_key_enabled is true (required: false)",
        suppressionReason: "Azure Monitor export needs keys, ticket SEC-123",
      }),
    );
    const markdown = fs.readFileSync(path.join(outdir, "stacks/prod/compliance-report.md"), "utf8");
    expect(markdown).toContain(
      "| suppressed | SOC2 | StorageAccountHardened | CC6.1 | error | `prod/archive` | shared_access_key_enabled is true (required: false) | Azure Monitor export needs keys, ticket SEC-123 |",
    );
  });

  test("without the suppression the same stack fails", () => {
    const app = testApp();
    const stack = new TerraformStack(app, "prod");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    compliantComposition(stack).storage.addOverride("shared_access_key_enabled", true);
    Aspects.of(stack).add(new Soc2Pack());
    expect(synthProblems(app)).toEqual([expect.stringMatching(/^\[prod\/archive\] SOC2 StorageAccountHardened \(controls CC6\.1\)/)]);
  });
});

describe("privileged role assignments", () => {
  const principal = "11111111-2222-3333-4444-555555555555";

  test("an Owner assignment with privileged: { reason } is suppressed with that reason", () => {
    const stack = testStack();
    new RbacAssignment(stack, "break-glass", {
      scope: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg",
      principalId: principal,
      principalType: "Group",
      role: "Owner",
      privileged: { reason: "break-glass group, reviewed quarterly (ADR-7)" },
    });
    expect(soc2Findings(stack)).toContainEqual(
      expect.objectContaining({
        ruleId: "NoPrivilegedRoleAssignment",
        result: "suppressed",
        suppressionReason: "privileged: break-glass group, reviewed quarterly (ADR-7)",
      }),
    );
  });

  test("an Owner assignment made with a raw azurerm_role_assignment and no reason is an error", () => {
    const stack = testStack();
    new RoleAssignment(stack, "raw", {
      scope: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg",
      principalId: principal,
      roleDefinitionId: "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    });
    expect(soc2Findings(stack)).toContainEqual(
      expect.objectContaining({ ruleId: "NoPrivilegedRoleAssignment", result: "non-compliant" }),
    );
  });
});
