import { BUILT_IN_RULE_IDS, CompliancePack, GdprPack, HipaaPack, Soc2Pack } from "../../../lib/governance/compliance";
import { CONTROL_CROSSWALK, CrosswalkRow, Framework } from "../../../lib/governance/compliance/packs/control-crosswalk";

/** The rule ID of a crosswalk row (a rule made from settings is made with placeholder day counts). */
function idOf(row: CrosswalkRow): string {
  return typeof row.rule === "function" ? row.rule({ auditLogMinimumDays: 1, requestResponseMaximumDays: 1 }).id : row.rule.id;
}

/** A pack's rules as "id level controls", in the pack's order. */
function entriesOf(pack: CompliancePack): string[] {
  return pack.rules.map((r) => `${r.rule.id} ${r.level} ${r.controls.join(", ")}`);
}

/** A framework's column of the crosswalk as "id level controls", in row order. */
function columnOf(framework: Framework): string[] {
  return CONTROL_CROSSWALK.flatMap((row) => {
    const cell = row.cells[framework];
    return cell ? [`${idOf(row)} ${cell.level} ${cell.controls.join(", ")}`] : [];
  });
}

describe("the control crosswalk", () => {
  test.each<[Framework, () => CompliancePack]>([
    ["SOC2", () => new Soc2Pack()],
    ["HIPAA", () => new HipaaPack()],
    ["GDPR", () => new GdprPack()],
  ])("the %s pack's entries are its column, in row order", (framework, makePack) => {
    const pack = makePack();
    expect(pack.name).toBe(framework);
    expect(entriesOf(pack)).toEqual(columnOf(framework));
  });

  test("every built-in rule has one row, and every row is a built-in rule", () => {
    const ids = CONTROL_CROSSWALK.map(idOf);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(BUILT_IN_RULE_IDS);
  });

  test("every row is in at least one framework", () => {
    expect(CONTROL_CROSSWALK.filter((row) => Object.keys(row.cells).length === 0).map(idOf)).toEqual([]);
  });

  // Each pack's order, as it was when each pack file listed its own rules.
  test.each<[string, () => CompliancePack, string[]]>([
    ["SOC2", () => new Soc2Pack(), ["CognitivePublicNetworkAccessDisabled", "CognitiveLocalAuthDisabled", "CognitiveOutboundRestricted", "CognitivePrivateEndpoint", "CognitiveDiagnosticLogs", "AuditLogRetention", "CognitiveCustomerManagedKey", "NoPrivilegedRoleAssignment", "StorageAccountHardened", "KeyVaultHardened", "DeploymentContentFilter", "ApiGatewayPrivateOnly", "ApiGatewayManagedIdentityBackends", "ApiGatewayLimitsEnforced", "ApiGatewayLogsExported", "ApiGatewayContentSafety", "DefenderForAiEnabled", "ContentFilterPromptShields", "CognitiveStoredCompletionsDisabled"]],
    ["HIPAA", () => new HipaaPack(), ["CognitivePublicNetworkAccessDisabled", "CognitiveLocalAuthDisabled", "CognitiveOutboundRestricted", "CognitivePrivateEndpoint", "CognitiveDiagnosticLogs", "AuditLogRetention", "CognitiveCustomerManagedKey", "NoPrivilegedRoleAssignment", "StorageAccountHardened", "KeyVaultHardened", "ApiGatewayPrivateOnly", "ApiGatewayManagedIdentityBackends", "ApiGatewayLimitsEnforced", "ApiGatewayLogsExported", "ApiGatewayContentSafety", "DefenderForAiEnabled", "ContentFilterPromptShields", "CognitiveStoredCompletionsDisabled"]],
    ["GDPR", () => new GdprPack(), ["CognitivePublicNetworkAccessDisabled", "CognitiveLocalAuthDisabled", "CognitiveOutboundRestricted", "CognitivePrivateEndpoint", "CognitiveDiagnosticLogs", "RequestResponseRetentionLimit", "CognitiveCustomerManagedKey", "NoPrivilegedRoleAssignment", "DataResidencyRespected", "StorageAccountHardened", "KeyVaultHardened", "ApiGatewayPrivateOnly", "ApiGatewayManagedIdentityBackends", "ApiGatewayLimitsEnforced", "ApiGatewayLogsExported", "ApiGatewayContentSafety", "DefenderForAiEnabled", "ContentFilterPromptShields", "CognitiveStoredCompletionsDisabled"]],
  ])("the %s pack keeps its rule order", (_, makePack, ids) => {
    expect(makePack().rules.map((r) => r.rule.id)).toEqual(ids);
  });
});
