import { Aspects, TerraformStack, Testing } from "cdktf";
import {
  AuditLogRetention,
  CompliancePack,
  GdprPack,
  HipaaPack,
  RequestResponseRetentionLimit,
  Soc2Pack,
} from "../../../lib/governance/compliance";
import { synthProblems, testApp, testStack, validationErrors } from "../../helpers/synth";
import { compliantComposition, secureAccount } from "./fixtures";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";

/** Rules that judge the AI gateway, which the compliant composition does not have. */
const GATEWAY_RULE_IDS = ["ApiGatewayPrivateOnly", "ApiGatewayManagedIdentityBackends", "ApiGatewayLimitsEnforced", "ApiGatewayLogsExported", "ApiGatewayContentSafety"];

/** rule ID -> "level controls" of a pack, for exact comparison. */
function mapping(pack: CompliancePack): Record<string, string> {
  return Object.fromEntries(pack.rules.map((r) => [r.rule.id, `${r.level} ${r.controls.join(", ")}`]));
}

describe("control mappings", () => {
  test("SOC 2 maps rules to CC6.1, CC6.2, CC6.3, CC6.7, CC7.2, CC8.1, CC9.1, A1.1", () => {
    expect(mapping(new Soc2Pack())).toEqual({
      CognitivePublicNetworkAccessDisabled: "error CC6.1",
      CognitiveLocalAuthDisabled: "error CC6.1, CC6.2",
      CognitiveOutboundRestricted: "warning CC6.1",
      CognitivePrivateEndpoint: "error CC6.1",
      CognitiveDiagnosticLogs: "error CC7.2",
      AuditLogRetention: "error CC7.2",
      CognitiveCustomerManagedKey: "warning CC6.1",
      NoPrivilegedRoleAssignment: "error CC6.3, CC8.1",
      StorageAccountHardened: "error CC6.1",
      KeyVaultHardened: "error CC6.1, CC9.1",
      DeploymentContentFilter: "error CC8.1",
      ApiGatewayPrivateOnly: "error CC6.1, CC6.7",
      ApiGatewayManagedIdentityBackends: "error CC6.1, CC6.2",
      ApiGatewayLimitsEnforced: "warning CC6.1, A1.1",
      ApiGatewayLogsExported: "error CC7.2",
      ApiGatewayContentSafety: "warning CC6.8",
      DefenderForAiEnabled: "warning CC7.1, CC7.2",
      ContentFilterPromptShields: "warning CC6.8, PI1.3",
      CognitiveStoredCompletionsDisabled: "warning C1.1, P4.1",
    });
  });

  test("HIPAA maps every rule as an error to 164.312(a)(1), (b), (d) and (e)(1), and gateway content safety to 164.308(a)(5)(ii)(B)", () => {
    expect(mapping(new HipaaPack())).toEqual({
      CognitivePublicNetworkAccessDisabled: "error 164.312(a)(1), 164.312(e)(1)",
      CognitiveLocalAuthDisabled: "error 164.312(a)(1)",
      CognitiveOutboundRestricted: "error 164.312(e)(1)",
      CognitivePrivateEndpoint: "error 164.312(a)(1), 164.312(e)(1)",
      CognitiveDiagnosticLogs: "error 164.312(b)",
      AuditLogRetention: "error 164.312(b)",
      CognitiveCustomerManagedKey: "error 164.312(a)(1)",
      NoPrivilegedRoleAssignment: "error 164.312(a)(1)",
      StorageAccountHardened: "error 164.312(a)(1), 164.312(e)(1)",
      KeyVaultHardened: "error 164.312(a)(1)",
      ApiGatewayPrivateOnly: "error 164.312(a)(1), 164.312(e)(1)",
      ApiGatewayManagedIdentityBackends: "error 164.312(a)(1), 164.312(d)",
      ApiGatewayLimitsEnforced: "error 164.312(a)(1), 164.312(d)",
      ApiGatewayLogsExported: "error 164.312(b)",
      ApiGatewayContentSafety: "error 164.308(a)(5)(ii)(B)",
      DefenderForAiEnabled: "warning 164.308(a)(1)(ii)(D), 164.308(a)(6)(ii)",
      ContentFilterPromptShields: "warning 164.312(c)(1)",
      CognitiveStoredCompletionsDisabled: "warning 164.502(b)",
    });
  });

  test("GDPR maps rules to Art. 5(1)(e), Art. 32 and Art. 44", () => {
    expect(mapping(new GdprPack())).toEqual({
      CognitivePublicNetworkAccessDisabled: "error Art. 32",
      CognitiveLocalAuthDisabled: "error Art. 32",
      CognitiveOutboundRestricted: "warning Art. 32",
      CognitivePrivateEndpoint: "error Art. 32",
      CognitiveDiagnosticLogs: "warning Art. 32",
      RequestResponseRetentionLimit: "error Art. 5(1)(e)",
      CognitiveCustomerManagedKey: "warning Art. 32",
      NoPrivilegedRoleAssignment: "error Art. 32",
      DataResidencyRespected: "error Art. 44",
      StorageAccountHardened: "error Art. 32",
      KeyVaultHardened: "error Art. 32",
      ApiGatewayPrivateOnly: "error Art. 32",
      ApiGatewayManagedIdentityBackends: "error Art. 32",
      ApiGatewayLimitsEnforced: "warning Art. 32",
      ApiGatewayLogsExported: "warning Art. 32",
      ApiGatewayContentSafety: "warning Art. 32",
      DefenderForAiEnabled: "warning Art. 32",
      ContentFilterPromptShields: "warning Art. 32",
      CognitiveStoredCompletionsDisabled: "warning Art. 5(1)(c), Art. 25",
    });
  });

  const ruleOf = <T>(pack: CompliancePack, type: new (...args: any[]) => T): T =>
    pack.rules.map((r) => r.rule).find((r): r is T & typeof r => r instanceof type)!;

  test("retention thresholds: SOC 2 audit >= 365 days, HIPAA audit >= 2190 days, GDPR prompts <= 90 days", () => {
    expect(ruleOf(new Soc2Pack(), AuditLogRetention).minimumDays).toBe(365);
    expect(ruleOf(new HipaaPack(), AuditLogRetention).minimumDays).toBe(2190);
    expect(ruleOf(new GdprPack(), RequestResponseRetentionLimit).maximumDays).toBe(90);
    expect(ruleOf(new GdprPack({ requestResponseMaximumDays: 30 }), RequestResponseRetentionLimit).maximumDays).toBe(30);
  });
});

describe("pack options", () => {
  test.each([
    [() => new Soc2Pack({ auditLogMinimumDays: 90 }), /Soc2Pack\.auditLogMinimumDays: 90 is not allowed; allowed: a whole number from 365 to 4383 days/],
    [() => new HipaaPack({ auditLogMinimumDays: 365 }), /HipaaPack\.auditLogMinimumDays: 365 is not allowed; allowed: a whole number from 2190 to 4383 days/],
    [() => new GdprPack({ requestResponseMaximumDays: 0 }), /GdprPack\.requestResponseMaximumDays: 0 is not allowed/],
  ])("an out-of-range option fails the synth (%#)", (makePack, message) => {
    const stack = testStack();
    secureAccount(stack);
    Aspects.of(stack).add(makePack());
    Testing.synth(stack); // runs the aspects, which attach the pack's checks
    expect(validationErrors(stack)).toEqual([expect.stringMatching(message)]);
  });
});

describe("findings", () => {
  test("a compliant composition has no non-compliant finding in any pack", () => {
    const stack = testStack();
    compliantComposition(stack);
    const packs = [new Soc2Pack(), new HipaaPack(), new GdprPack()];
    packs.forEach((p) => Aspects.of(stack).add(p));
    Testing.synth(stack, true);
    for (const pack of packs) {
      const findings = pack.findingsFor(stack);
      expect(findings.filter((f) => f.result === "non-compliant")).toEqual([]);
      // every rule judged something, so the composition exercises the whole pack (but the gateway
      // rules, which judge an azurerm_api_management: gateway-rules.test.ts)
      expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(pack.rules.map((r) => r.rule.id).filter((id) => !GATEWAY_RULE_IDS.includes(id))));
    }
    expect(packs[1].findingsFor(stack)).toContainEqual(
      expect.objectContaining({
        ruleId: "AuditLogRetention",
        pack: "HIPAA",
        controls: ["164.312(b)"],
        resourcePath: "test/openai/resource",
        resourceType: "azurerm_cognitive_account",
        result: "compliant",
        detail: "Log Analytics workspace test/workspace: 2190 days (AzureDiagnostics table total_retention_in_days)",
      }),
    );
    expect(packs[2].findingsFor(stack)).toContainEqual(
      expect.objectContaining({ ruleId: "DataResidencyRespected", resourcePath: "test/openai/deployment-gpt-4-1/resource", result: "compliant" }),
    );
  });

  test("resources of other types get no finding from a rule", () => {
    const stack = testStack();
    secureAccount(stack);
    const pack = new Soc2Pack();
    Aspects.of(stack).add(pack);
    Testing.synth(stack);
    expect(new Set(pack.findingsFor(stack).map((f) => f.resourceType))).toEqual(new Set(["azurerm_cognitive_account"]));
  });

  test("a pack added below the stack judges only that scope", () => {
    const stack = testStack();
    const { account } = compliantComposition(stack);
    const pack = new Soc2Pack();
    Aspects.of(account).add(pack);
    Testing.synth(stack);
    expect(pack.findingsFor(stack).every((f) => f.resourcePath.startsWith("test/openai/"))).toBe(true);
    expect(pack.findingsFor(stack).length).toBeGreaterThan(0);
  });

  test("one pack added to two stacks keeps each stack's findings apart", () => {
    const app = Testing.app();
    const stacks = ["eu", "us"].map((id) => {
      const stack = new TerraformStack(app, id);
      secureAccount(stack);
      return stack;
    });
    const pack = new Soc2Pack();
    stacks.forEach((stack) => Aspects.of(stack).add(pack)); // cdktf only invokes aspects from the stack down
    stacks.forEach((stack) => Testing.synth(stack));
    expect(stacks.map((stack) => new Set(pack.findingsFor(stack).map((f) => f.resourcePath)))).toEqual([
      new Set(["eu/account"]),
      new Set(["us/account"]),
    ]);
  });

  test("judging twice (a second synth) adds no duplicate finding or annotation", () => {
    const stack = testStack();
    const account = secureAccount(stack, "account", { localAuthEnabled: true });
    const pack = new Soc2Pack();
    Aspects.of(stack).add(pack);
    Testing.synth(stack);
    const first = pack.findingsFor(stack);
    Testing.synth(stack);
    expect(pack.findingsFor(stack)).toEqual(first);
    const errors = account.node.metadata.filter((m) => m.type === "@cdktf/error");
    const errorFindings = first.filter((f) => f.result === "non-compliant" && f.level === "error");
    expect(errorFindings.length).toBeGreaterThan(0);
    expect(errors).toHaveLength(errorFindings.length);
    expect(errors.filter((m) => String(m.data).includes("CognitiveLocalAuthDisabled"))).toHaveLength(1);
  });
});

describe("synth", () => {
  function insecureApp() {
    const app = testApp();
    const stack = new TerraformStack(app, "prod");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    const { account } = compliantComposition(stack);
    account.resource.addOverride("local_auth_enabled", true); // an escape hatch around the secure default
    return { app, stack };
  }

  test("an error-level finding fails the synth with the rule, the controls and the fix", () => {
    const { app, stack } = insecureApp();
    Aspects.of(stack).add(new Soc2Pack());
    Aspects.of(stack).add(new HipaaPack());
    expect(synthProblems(app)).toEqual([
      "[prod/openai/resource] SOC2 CognitiveLocalAuthDisabled (controls CC6.1, CC6.2): local_auth_enabled is true (required: false): " +
        "API keys bypass Entra ID, RBAC and its audit trail. Fix: Set local_auth_enabled = false and grant callers a role such as " +
        'Cognitive Services OpenAI User. To accept the risk instead: ComplianceSuppressions.add(construct, [{ ruleId: "CognitiveLocalAuthDisabled", reason }]).',
      expect.stringMatching(/^\[prod\/openai\/resource\] HIPAA CognitiveLocalAuthDisabled \(controls 164\.312\(a\)\(1\)\): local_auth_enabled is true/),
    ]);
  });

  test("a warning-level finding is annotated but does not fail the synth", () => {
    const app = testApp();
    const stack = new TerraformStack(app, "prod");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    const { account } = compliantComposition(stack);
    account.resource.addOverride("outbound_network_access_restricted", false);
    Aspects.of(stack).add(new Soc2Pack());
    expect(() => app.synth()).not.toThrow();
    const warnings = account.resource.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/^SOC2 CognitiveOutboundRestricted \(controls CC6\.1\): outbound_network_access_restricted is false/)]);
  });
});
