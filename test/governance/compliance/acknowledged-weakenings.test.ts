import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { acknowledgedWeakenings, acknowledgeWeakening } from "../../../lib/core/justification";
import { WEAKENING_KEYS } from "../../../lib/core/weakening-keys";
import {
  CompliancePack,
  ComplianceRule,
  ComplianceSuppressions,
  GdprPack,
  HipaaPack,
  nonCompliant,
  Soc2Pack,
  StorageAccountHardened,
} from "../../../lib/governance/compliance";
import { RbacAssignment } from "../../../lib/identity/role-assignment";
import { AuditWorkspace } from "../../../lib/monitoring/audit-workspace";
import { RetentionArchive } from "../../../lib/monitoring/retention-archive";
import { testStack } from "../../helpers/synth";
import { hardenedStorage, judge, libraryAccount, secureAccount } from "./fixtures";

const REASON = "accepted by the CISO until 2027-06, risk RA-31";

/** A rule that is always broken, acknowledged by `keys`. */
function brokenRule(id: string, acknowledgedBy?: readonly string[]): ComplianceRule {
  return {
    id,
    description: `${id} always fails.`,
    fix: "None.",
    resourceTypes: ["azurerm_cognitive_account"],
    acknowledgedBy,
    evaluate: () => nonCompliant("always broken"),
  };
}

/** result (and suppression reason) per rule ID, of the findings of `pack` on `stack`. */
function results(stack: TerraformStack, pack: CompliancePack): Record<string, string> {
  Aspects.of(stack).add(pack);
  Testing.synth(stack);
  return Object.fromEntries(
    pack.findingsFor(stack).map((f) => [f.ruleId, f.suppressionReason ? `${f.result}: ${f.suppressionReason}` : f.result]),
  );
}

describe("a weakening recorded with acknowledgeWeakening on any construct", () => {
  test("suppresses exactly the rules whose acknowledgedBy names its key, with `<prop>: <reason>`", () => {
    const stack = testStack();
    const team = new Construct(stack, "team");
    acknowledgeWeakening(team, "teamKey", "team.exceptions.teamKey", { reason: REASON });
    secureAccount(team);
    const pack = new CompliancePack({
      name: "TEAM",
      title: "Team rules",
      rules: [
        brokenRule("NamesTheKey", ["teamKey"]),
        brokenRule("NamesTheKeyAmongOthers", ["otherKey", "teamKey"]),
        brokenRule("NamesAnotherKey", ["otherKey"]),
        brokenRule("NamesNoKey", []),
        brokenRule("DeclaresNothing"),
      ].map((rule) => ({ rule, controls: ["T-1"], level: "error" as const })),
    });
    expect(results(stack, pack)).toEqual({
      NamesTheKey: `suppressed: team.exceptions.teamKey: ${REASON}`,
      NamesTheKeyAmongOthers: `suppressed: team.exceptions.teamKey: ${REASON}`,
      NamesAnotherKey: "non-compliant",
      NamesNoKey: "non-compliant",
      DeclaresNothing: "non-compliant",
    });
  });

  test.each([
    [WEAKENING_KEYS.publicNetworkAccess, "CognitivePublicNetworkAccessDisabled"],
    [WEAKENING_KEYS.localAuth, "CognitiveLocalAuthDisabled"],
    [WEAKENING_KEYS.unrestrictedOutbound, "CognitiveOutboundRestricted"],
  ])("on a plain Construct, %s suppresses %s and no other built-in rule", (key, ruleId) => {
    const stack = testStack();
    const scope = new Construct(stack, "scope");
    acknowledgeWeakening(scope, key, `exceptions.${key}`, { reason: REASON });
    secureAccount(scope, "account", { publicNetworkAccessEnabled: true, localAuthEnabled: true, outboundNetworkAccessRestricted: false });
    const broken = ["CognitivePublicNetworkAccessDisabled", "CognitiveLocalAuthDisabled", "CognitiveOutboundRestricted"];
    const found = results(stack, new Soc2Pack());
    expect(Object.fromEntries(broken.map((id) => [id, found[id]]))).toEqual(
      Object.fromEntries(broken.map((id) => [id, id === ruleId ? `suppressed: exceptions.${key}: ${REASON}` : "non-compliant"])),
    );
    // Every other finding is as without the weakening: nothing else is suppressed.
    expect(Object.entries(found).filter(([id, r]) => id !== ruleId && r.startsWith("suppressed"))).toEqual([]);
  });

  test("each built-in rule names the keys that acknowledge it, and only those", () => {
    const rules = new Map(
      [new Soc2Pack(), new HipaaPack(), new GdprPack()].flatMap((pack) => pack.rules.map((r) => [r.rule.id, r.rule] as const)),
    );
    expect(Object.fromEntries([...rules].map(([id, rule]) => [id, [...(rule.acknowledgedBy ?? [])]]))).toEqual({
      CognitivePublicNetworkAccessDisabled: ["publicNetworkAccess"],
      CognitiveLocalAuthDisabled: ["localAuth"],
      CognitiveOutboundRestricted: ["unrestrictedOutbound"],
      CognitivePrivateEndpoint: [],
      CognitiveDiagnosticLogs: [],
      AuditLogRetention: [],
      CognitiveCustomerManagedKey: [],
      NoPrivilegedRoleAssignment: ["privilegedRole"],
      StorageAccountHardened: ["storageSharedKeyAccess"],
      KeyVaultHardened: [],
      DeploymentContentFilter: ["contentFilterOverride"],
      RequestResponseRetentionLimit: [],
      DataResidencyRespected: [],
      ApiGatewayPrivateOnly: ["gatewayPublicNetwork"],
      ApiGatewayManagedIdentityBackends: [],
      ApiGatewayLimitsEnforced: [],
      ApiGatewayLogsExported: [],
      ApiGatewayContentSafety: ["gatewayContentSafetyOptOut"],
      DefenderForAiEnabled: ["defenderForAiCentral"],
      ContentFilterPromptShields: [],
      CognitiveStoredCompletionsDisabled: ["storedCompletions"],
    });
    const keys = Object.values(WEAKENING_KEYS) as string[];
    for (const rule of rules.values()) for (const key of rule.acknowledgedBy ?? []) expect(keys).toContain(key);
  });

  test("a weakening with a short reason is not recorded and suppresses nothing", () => {
    const stack = testStack();
    const scope = new Construct(stack, "scope");
    acknowledgeWeakening(scope, WEAKENING_KEYS.localAuth, "exceptions.localAuth", { reason: "legacy" });
    secureAccount(scope, "account", { localAuthEnabled: true });
    expect(acknowledgedWeakenings(scope)).toEqual([]);
    expect(results(stack, new Soc2Pack()).CognitiveLocalAuthDisabled).toBe("non-compliant");
  });

  test("a weakening on a sibling does not apply", () => {
    const stack = testStack();
    const sibling = new Construct(stack, "sibling");
    acknowledgeWeakening(sibling, WEAKENING_KEYS.localAuth, "exceptions.localAuth", { reason: REASON });
    secureAccount(stack, "account", { localAuthEnabled: true });
    expect(results(stack, new Soc2Pack()).CognitiveLocalAuthDisabled).toBe("non-compliant");
  });

  test("the nearest scope wins; on one scope an explicit suppression comes before a weakening", () => {
    const stack = testStack();
    const outer = new Construct(stack, "outer");
    const inner = new Construct(outer, "inner");
    ComplianceSuppressions.add(outer, [{ ruleId: "CognitiveLocalAuthDisabled", reason: "outer suppression, ticket SEC-1" }]);
    acknowledgeWeakening(inner, WEAKENING_KEYS.localAuth, "inner.localAuth", { reason: REASON });
    secureAccount(inner, "account", { localAuthEnabled: true });
    const same = new Construct(stack, "same");
    acknowledgeWeakening(same, WEAKENING_KEYS.localAuth, "same.localAuth", { reason: REASON });
    ComplianceSuppressions.add(same, [{ ruleId: "CognitiveLocalAuthDisabled", reason: "explicit suppression, ticket SEC-2" }]);
    secureAccount(same, "account", { localAuthEnabled: true });
    const pack = new Soc2Pack();
    Aspects.of(stack).add(pack);
    Testing.synth(stack);
    const reasons = Object.fromEntries(
      pack.findingsFor(stack).filter((f) => f.ruleId === "CognitiveLocalAuthDisabled").map((f) => [f.resourcePath, f.suppressionReason]),
    );
    expect(reasons).toEqual({
      "test/outer/inner/account": `inner.localAuth: ${REASON}`,
      "test/same/account": "explicit suppression, ticket SEC-2",
    });
  });
});

describe("storage weakenings", () => {
  function firewalled(scope: Construct, ipRules: string[] = []) {
    return hardenedStorage(scope, "archive", {
      publicNetworkAccessEnabled: true,
      networkRules: { defaultAction: "Deny", bypass: ["AzureServices"], ipRules, virtualNetworkSubnetIds: [] },
    });
  }

  test("storageTrustedServicesEndpoint on a scope lets a Deny-firewalled public endpoint pass, reason in the detail", () => {
    const stack = testStack();
    const scope = new Construct(stack, "scope");
    acknowledgeWeakening(scope, WEAKENING_KEYS.storageTrustedServicesEndpoint, "endpoint", { reason: REASON });
    const judgement = judge(new StorageAccountHardened(), firewalled(scope));
    expect(judgement).toEqual({ outcome: "compliant", detail: expect.stringMatching(new RegExp(`^acknowledged weakening: .*reason: ${REASON}$`)) });
  });

  test("without it the public endpoint is a break; with it, a firewall that lets an IP in is still a break (not suppressed)", () => {
    const stack = testStack();
    expect(judge(new StorageAccountHardened(), firewalled(stack)).outcome).toBe("non-compliant");
    const scope = new Construct(stack, "scope");
    acknowledgeWeakening(scope, WEAKENING_KEYS.storageTrustedServicesEndpoint, "endpoint", { reason: REASON });
    firewalled(scope, ["203.0.113.7"]);
    expect(results(stack, new Soc2Pack()).StorageAccountHardened).toBe("non-compliant");
  });
});

describe("the constructs record their weakenings", () => {
  const archiveStack = () => {
    const stack = new TerraformStack(Testing.app(), "test");
    new AzurermProvider(stack, "azurerm", { features: [{ storage: [{ dataPlaneAvailable: false }] }] });
    return stack;
  };
  const monitoringProps = { resourceGroupName: "rg", location: "swedencentral", environment: "dev", owner: "team" };

  test("a RetentionArchive's sharedKeyAccess suppresses StorageAccountHardened without a second suppression", () => {
    const stack = archiveStack();
    new RetentionArchive(stack, "archive", {
      ...monitoringProps,
      name: "aoaitestsdcauditst",
      securityExceptions: { sharedKeyAccess: { reason: "legacy SIEM reads with a SAS until Q3" } },
    } as any);
    const pack = new Soc2Pack();
    Aspects.of(stack).add(pack);
    Testing.synth(stack);
    expect(pack.findingsFor(stack)).toContainEqual(
      expect.objectContaining({
        ruleId: "StorageAccountHardened",
        resourcePath: "test/archive/account",
        result: "suppressed",
        detail: "shared_access_key_enabled is true (required: false)",
        suppressionReason: "securityExceptions.sharedKeyAccess: legacy SIEM reads with a SAS until Q3",
      }),
    );
  });

  test("keys and props per construct", () => {
    const stack = archiveStack();
    const reason = { reason: REASON };
    const keys = (c: Construct) => acknowledgedWeakenings(c).map((w) => `${w.key} ${w.prop}`).sort();
    const account = libraryAccount(stack, "openai", {
      name: "aoai-weak",
      resourceGroupName: "rg",
      location: "swedencentral",
      securityExceptions: { publicNetworkAccess: reason, localAuth: reason, unrestrictedOutbound: reason },
      deployments: [{ name: "gpt", model: "gpt-4.1", version: "2025-04-14", sku: "DataZoneStandard", capacity: 10, raiPolicyName: "Microsoft.Nil", contentFilterOverride: reason }],
    });
    expect(keys(account)).toEqual([
      "localAuth securityExceptions.localAuth",
      "publicNetworkAccess securityExceptions.publicNetworkAccess",
      "unrestrictedOutbound securityExceptions.unrestrictedOutbound",
    ]);
    const deployment = account.node.findAll().find((c) => c !== account && acknowledgedWeakenings(c).length > 0)!;
    expect(keys(deployment)).toEqual(["contentFilterOverride contentFilterOverride"]);
    const assignment = new RbacAssignment(stack, "owner", {
      scope: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg",
      principalId: "11111111-2222-3333-4444-555555555555",
      principalType: "Group",
      role: "Owner",
      privileged: reason,
    });
    expect(keys(assignment)).toEqual(["privilegedRole privileged"]);
    const archive = new RetentionArchive(stack, "archive", { ...monitoringProps, name: "aoaitestsdcauditst", securityExceptions: { sharedKeyAccess: reason } } as any);
    expect(keys(archive)).toEqual([
      "storageSharedKeyAccess securityExceptions.sharedKeyAccess",
      "storageTrustedServicesEndpoint securityExceptions.publicNetworkAccess",
    ]);
    const workspace = new AuditWorkspace(stack, "workspace", {
      ...monitoringProps,
      name: "aoai-test-sdc-log",
      dailyCap: { gb: 5, reason: REASON },
      securityExceptions: { localAuth: reason, resourceContextAccess: reason, internetIngestion: reason },
    } as any);
    expect(keys(workspace)).toEqual([
      "workspaceDailyCap dailyCap",
      "workspaceInternetIngestion securityExceptions.internetIngestion",
      "workspaceLocalAuth securityExceptions.localAuth",
      "workspaceResourceContextAccess securityExceptions.resourceContextAccess",
    ]);
    // Secure defaults record nothing but the archive's always-on trusted-services endpoint.
    const plain = new RetentionArchive(stack, "plain", { ...monitoringProps, name: "aoaitestsdcplainst" } as any);
    expect(keys(plain)).toEqual(["storageTrustedServicesEndpoint securityExceptions.publicNetworkAccess"]);
    expect(keys(new AuditWorkspace(stack, "quiet", { ...monitoringProps, name: "aoai-test-sdc-log2" } as any))).toEqual([]);
  });
});
