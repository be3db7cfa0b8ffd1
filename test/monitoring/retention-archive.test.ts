import { ResourceNaming } from "../../lib/core/naming";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { TerraformStack } from "cdktf";
import { RuleContext } from "../../lib/governance/compliance/context";
import { StorageAccountHardened } from "../../lib/governance/compliance/rules/StorageAccountHardened";
import { RetentionArchive } from "../../lib/monitoring";
import { ARCHIVE_PUBLIC_ENDPOINT_REASON } from "../../lib/monitoring/retention-archive";
import { ARCHIVE_PROPS, archiveIn, monitoringStack, warningsOf } from "../helpers/monitoring";
import { onlyResource, resourceList, resources, synthJson, testStack, validationErrors } from "../helpers/synth";
import { constructProblems, failed, FoundProblem } from "../helpers/problems";

function archive(props: Parameters<typeof archiveIn>[1] = {}) {
  const stack = monitoringStack();
  const construct = archiveIn(stack, props);
  return { stack, construct, json: synthJson(stack) };
}

/** Lifecycle deletion age per container prefix. */
function deletionDays(json: ReturnType<typeof synthJson>): Record<string, number> {
  const policy = onlyResource(json, "azurerm_storage_management_policy");
  return Object.fromEntries(
    policy.rule.map((r: any) => [r.filters.prefix_match.join(), r.actions.base_blob.delete_after_days_since_modification_greater_than]),
  );
}

describe("RetentionArchive storage hardening", () => {
  const { stack, construct, json } = archive();
  const account = onlyResource(json, "azurerm_storage_account");

  test("is a Standard StorageV2 account (Premium is not a valid destination) with in-region redundancy", () => {
    expect(account.account_kind).toBe("StorageV2");
    expect(account.account_tier).toBe("Standard");
    expect(account.account_replication_type).toBe("LRS");
  });

  test("requires TLS 1.2 and HTTPS, and allows no public blobs", () => {
    expect(account.min_tls_version).toBe("TLS1_2");
    expect(account.https_traffic_only_enabled).toBe(true);
    expect(account.allow_nested_items_to_be_public).toBe(false);
  });

  test("keeps the public endpoint on but lets only trusted Azure services (Azure Monitor) through", () => {
    // Azure Monitor's trusted-service exception is part of the public endpoint's firewall.
    expect(account.public_network_access_enabled).toBe(true);
    expect(account.network_rules).toEqual({ default_action: "Deny", bypass: ["AzureServices"], ip_rules: [], virtual_network_subnet_ids: [] });
    expect(account.network_rules.private_link_access).toBeUndefined();
  });

  test("accepts Entra ID only: shared keys and local users off", () => {
    expect(account.shared_access_key_enabled).toBe(false);
    expect(account.default_to_oauth_authentication).toBe(true);
    expect(account.local_user_enabled).toBe(false);
  });

  test("encrypts twice and never replicates to another tenant", () => {
    expect(account.infrastructure_encryption_enabled).toBe(true);
    expect(account.cross_tenant_replication_enabled).toBe(false);
  });

  test("is in the given region, with no tags of its own (GovernanceTags tags it)", () => {
    expect(account.location).toBe("swedencentral");
    expect(account.name).toBe("aoaitestsdcauditst");
    expect(account.tags).toBeUndefined();
    expect(construct.location).toBe("swedencentral");
  });

  test("the storage account is the construct's default child; no lock unless asked", () => {
    expect(construct.node.defaultChild).toBe(construct.storageAccount);
    expect(account.lifecycle).toBeUndefined();
    expect(resourceList(json, "azurerm_management_lock")).toEqual([]);
  });

  test("passes validation and warns about nothing when the provider keeps off the data plane", () => {
    expect(validationErrors(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([]);
    // The public endpoint is the one weakening always in force, with the library's reason.
    expect(construct.securityExceptions).toEqual([{ setting: "publicNetworkAccess", reason: ARCHIVE_PUBLIC_ENDPOINT_REASON }]);
  });
});

describe("RetentionArchive and StorageAccountHardened", () => {
  const judge = (stack: TerraformStack, construct: RetentionArchive) =>
    new StorageAccountHardened().evaluate(construct.storageAccount, new RuleContext(stack));

  test("the archive is compliant and the finding shows the weakening with its reason", () => {
    const stack = monitoringStack();
    const judgement = judge(stack, archiveIn(stack));
    expect(judgement.outcome).toBe("compliant");
    expect(judgement.detail).toMatch(/^acknowledged weakening: public_network_access_enabled is true for trusted Azure services only/);
    expect(judgement.detail).toContain(`reason: ${ARCHIVE_PUBLIC_ENDPOINT_REASON}`);
  });

  test("the reason given in securityExceptions.publicNetworkAccess is the one reported", () => {
    const stack = monitoringStack();
    const construct = archiveIn(stack, { securityExceptions: { publicNetworkAccess: { reason: "ADR-31: archive endpoint for Azure Monitor" } } });
    expect(judge(stack, construct).detail).toContain("reason: ADR-31: archive endpoint for Azure Monitor");
    expect(construct.securityExceptions).toEqual([{ setting: "publicNetworkAccess", reason: "ADR-31: archive endpoint for Azure Monitor" }]);
  });

  test.each([
    ["an IP rule", "network_rules.ip_rules", ["203.0.113.7"], /network_rules\.ip_rules is \["203\.0\.113\.7"\]/],
    ["a VNet rule", "network_rules.virtual_network_subnet_ids", ["/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/virtualNetworks/v/subnets/s"], /network_rules\.virtual_network_subnet_ids is/],
    ["default action Allow", "network_rules.default_action", "Allow", /network_rules\.default_action is "Allow" \(required: "Deny"\)/],
    ["bypass with Logging", "network_rules.bypass", ["AzureServices", "Logging"], /network_rules\.bypass is \[.*"Logging"\] \(required: \["AzureServices"\]\)/],
    ["bypass None", "network_rules.bypass", ["None"], /network_rules\.bypass is \[.*"None"\] \(required: \["AzureServices"\]\)/],
  ])("widening the archive's firewall with %s is non-compliant", (_label, path, value, message) => {
    const stack = monitoringStack();
    const construct = archiveIn(stack);
    construct.storageAccount.addOverride(path, value);
    const judgement = judge(stack, construct);
    expect(judgement.outcome).toBe("non-compliant");
    expect(judgement.detail).toMatch(message);
  });

  test("a storage account that does not state a trusted-services endpoint may not have public access", () => {
    const stack = monitoringStack();
    const plain = new StorageAccount(stack, "plain", {
      name: "plainst", resourceGroupName: "rg", location: "swedencentral", accountTier: "Standard", accountReplicationType: "LRS",
      minTlsVersion: "TLS1_2", allowNestedItemsToBePublic: false, sharedAccessKeyEnabled: false, infrastructureEncryptionEnabled: true,
      publicNetworkAccessEnabled: true, networkRules: { defaultAction: "Deny", bypass: ["AzureServices"] },
    });
    expect(new StorageAccountHardened().evaluate(plain, new RuleContext(stack))).toEqual({
      outcome: "non-compliant",
      detail: "public_network_access_enabled is true (required: false)",
    });
  });

  test("a stated reason shorter than 10 characters does not count", () => {
    const stack = monitoringStack();
    const construct = archiveIn(stack, { securityExceptions: { publicNetworkAccess: { reason: "Monitor" } } });
    expect(judge(stack, construct)).toMatchObject({ outcome: "non-compliant", detail: "public_network_access_enabled is true (required: false)" });
    expect(constructProblems(stack)).toEqual([failed("securityExceptions.publicNetworkAccess.reason", { value: "Monitor" })]);
  });
});

describe("RetentionArchive containers and lifecycle", () => {
  const { construct, json } = archive();

  test("creates every container Azure Monitor writes to, private, through the management plane", () => {
    const containers = resourceList(json, "azurerm_storage_container");
    expect(containers.map((c) => c.name).sort()).toEqual([
      "insights-logs-audit",
      "insights-logs-azureopenairequestusage",
      "insights-logs-requestresponse",
      "insights-logs-trace",
      "insights-metrics-pt1m",
    ]);
    for (const c of containers) {
      expect(c.container_access_type).toBe("private");
      expect(c.storage_account_id).toMatch(/^\$\{azurerm_storage_account\.\S+\.id\}$/);
      expect(c).not.toHaveProperty("storage_account_name");
    }
  });

  test("deletes each category after its default age: Audit 2190 (six years), RequestResponse 90, Trace 30, usage 90, metrics 90", () => {
    expect(deletionDays(json)).toEqual({
      "insights-logs-audit/": 2190,
      "insights-logs-requestresponse/": 90,
      "insights-logs-trace/": 30,
      "insights-logs-azureopenairequestusage/": 90,
      "insights-metrics-pt1m/": 90,
    });
    expect(construct.retentionDays).toEqual({ Audit: 2190, RequestResponse: 90, Trace: 30, AzureOpenAIRequestUsage: 90, metrics: 90 });
  });

  test("each rule filters append blobs only and only deletes (append blobs cannot be tiered)", () => {
    const policy = onlyResource(json, "azurerm_storage_management_policy");
    expect(policy.rule).toHaveLength(5);
    for (const rule of policy.rule) {
      expect(rule.enabled).toBe(true);
      expect(rule.filters.blob_types).toEqual(["appendBlob"]);
      expect(rule.name).toMatch(/^[A-Za-z0-9]+$/);
      expect(Object.keys(rule.actions)).toEqual(["base_blob"]);
      expect(Object.keys(rule.actions.base_blob)).toEqual(["delete_after_days_since_modification_greater_than"]);
    }
  });

  test("per-environment days override the defaults category by category", () => {
    const { json: dev } = archive({ retention: { days: { Audit: 30, RequestResponse: 7 } } });
    expect(deletionDays(dev)).toMatchObject({ "insights-logs-audit/": 30, "insights-logs-requestresponse/": 7, "insights-logs-trace/": 30 });
  });

  test("makes no container immutable unless asked", () => {
    expect(resourceList(json, "azurerm_storage_container_immutability_policy")).toEqual([]);
    expect(construct.immutabilityPolicies).toEqual({});
  });

  test("exposes the containers and policies diagnostic settings must wait for", () => {
    expect(construct.prerequisites).toHaveLength(6);
  });
});

describe("RetentionArchive immutability", () => {
  test("an unlocked write-once policy on the audit container, protected appends on, for the deletion age", () => {
    const { json, construct } = archive({ retention: { immutability: { Audit: {} } } });
    const policy = onlyResource(json, "azurerm_storage_container_immutability_policy");
    expect(policy).toEqual({
      storage_container_resource_manager_id: expect.stringMatching(/^\$\{azurerm_storage_container\.archive_insights-logs-audit_\w+\.id\}$/),
      immutability_period_in_days: 2190,
      protected_append_writes_enabled: true,
      locked: false,
    });
    expect(policy).not.toHaveProperty("protected_append_writes_all_enabled");
    expect(Object.keys(construct.immutabilityPolicies)).toEqual(["Audit"]);
  });

  test("locked only when asked, with the given period", () => {
    const { json } = archive({ retention: { days: { Audit: 2555 }, immutability: { Audit: { periodDays: 2555, locked: true } } } });
    const policy = onlyResource(json, "azurerm_storage_container_immutability_policy");
    expect(policy.locked).toBe(true);
    expect(policy.immutability_period_in_days).toBe(2555);
    expect(deletionDays(json)["insights-logs-audit/"]).toBe(2555);
  });

  test("other categories can be protected too, each on its own container", () => {
    const { json } = archive({ retention: { immutability: { Audit: { locked: true }, RequestResponse: { periodDays: 30 } } } });
    const policies = resourceList(json, "azurerm_storage_container_immutability_policy");
    expect(policies.map((p) => [p.storage_container_resource_manager_id.match(/insights-logs-(\w+)_/)[1], p.immutability_period_in_days, p.locked])).toEqual([
      ["audit", 2190, true],
      ["requestresponse", 30, false],
    ]);
  });
});

describe("RetentionArchive weakenings", () => {
  test("each weakening needs a reason, flips only its switch and is listed", () => {
    const { json, construct, stack } = archive({
      securityExceptions: {
        sharedKeyAccess: { reason: "legacy SIEM reads with a SAS until Q3" },
        publicNetworkAccess: { reason: "Azure Monitor cannot deliver with the endpoint off" },
      },
    });
    const account = onlyResource(json, "azurerm_storage_account");
    expect(account.shared_access_key_enabled).toBe(true);
    // The public endpoint is on with or without the exception; only its recorded reason changes.
    expect(account.public_network_access_enabled).toBe(true);
    expect(account.network_rules).toEqual({ default_action: "Deny", bypass: ["AzureServices"], ip_rules: [], virtual_network_subnet_ids: [] });
    expect(construct.securityExceptions.map((e) => e.setting).sort()).toEqual(["publicNetworkAccess", "sharedKeyAccess"]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("a weakening with a short reason fails", () => {
    const stack = monitoringStack();
    archiveIn(stack, { securityExceptions: { sharedKeyAccess: { reason: "SIEM" } } });
    expect(constructProblems(stack)).toEqual([failed("securityExceptions.sharedKeyAccess.reason", { path: "test/archive", value: "SIEM" })]);
  });

  test("ZRS is offered, geo-redundancy (copies outside the region) is refused", () => {
    expect(onlyResource(archive({ redundancy: "ZRS" }).json, "azurerm_storage_account").account_replication_type).toBe("ZRS");
    const stack = monitoringStack();
    archiveIn(stack, { redundancy: "GRS" as never });
    expect(constructProblems(stack)).toEqual([failed("redundancy", { path: "test/archive", value: "GRS", rule: /LRS, ZRS/ })]);
  });
});

describe("RetentionArchive retention validation", () => {
  function errors(retention: RetentionArchiveRetention): FoundProblem[] {
    const stack = monitoringStack();
    archiveIn(stack, { retention });
    return constructProblems(stack);
  }
  type RetentionArchiveRetention = NonNullable<ConstructorParameters<typeof RetentionArchive>[2]["retention"]>;

  test.each([0, -1, 100_000, 30.5])("rejects a deletion age of %p days", (days) => {
    expect(errors({ days: { Trace: days } })).toEqual([failed("retention.days.Trace", { path: "test/archive", value: days, rule: /1 to 99999/ })]);
  });

  test("accepts the bounds 1 and 99999", () => {
    expect(errors({ days: { Trace: 1, metrics: 99_999 } })).toEqual([]);
  });

  test("rejects a misspelt category instead of silently keeping the default", () => {
    expect(errors({ days: { audit: 30 } as never })).toEqual([failed("retention.days.audit", { path: "test/archive", value: 30, rule: /keys: Audit, RequestResponse/ })]);
    expect(errors({ immutability: { Audits: {} } as never })).toEqual([failed("retention.immutability.Audits", { path: "test/archive", rule: /keys: Audit, RequestResponse/ })]);
  });

  test("rejects an immutability period longer than the category's deletion age", () => {
    expect(errors({ days: { Audit: 365 }, immutability: { Audit: { periodDays: 400 } } })).toEqual([
      failed("retention.immutability.Audit.periodDays", { path: "test/archive", value: 400, rule: /at most 365 days/ }),
    ]);
  });

  test("an immutability period equal to the deletion age is fine, zero is not", () => {
    expect(errors({ immutability: { Audit: { periodDays: 365 } } })).toEqual([]);
    expect(errors({ immutability: { Audit: { periodDays: 0 } } })).toEqual([failed("retention.immutability.Audit.periodDays", { path: "test/archive", value: 0, rule: /1 to 99999/ })]);
  });

  test("a period is checked against the configured deletion age, not the default one", () => {
    expect(errors({ days: { Audit: 30 }, immutability: { Audit: { periodDays: 365 } } })).toEqual([failed("retention.immutability.Audit.periodDays", { value: 365, rule: /at most 30 days/ })]);
    // Without a period the policy follows the deletion age, whatever it is.
    expect(errors({ days: { Audit: 30 }, immutability: { Audit: {} } })).toEqual([]);
  });
});

describe("RetentionArchive naming and provider", () => {
  test("is named by the storageAccount rule of the naming convention", () => {
    const stack = monitoringStack();
    const naming = new ResourceNaming({ workload: "aoai", environment: "prod", uniqueSuffix: "cx" });
    const construct = new RetentionArchive(stack, "archive", { ...ARCHIVE_PROPS, name: undefined, naming });
    expect(construct.storageAccountName).toBe("aoaiprodsdcauditstcx");
    expect(onlyResource(synthJson(stack), "azurerm_storage_account").name).toBe("aoaiprodsdcauditstcx");
    expect(validationErrors(stack)).toEqual([]);
  });

  test("rejects a name that breaks the storage account rule", () => {
    const stack = monitoringStack();
    archiveIn(stack, { name: "Audit-Archive" });
    expect(constructProblems(stack)).toEqual([failed("name", { path: "test/archive", value: "Audit-Archive", rule: /3\-24 lowercase letters or digits/ })]);
  });

  test("rejects a generated name that grows past 24 characters", () => {
    const stack = monitoringStack();
    const naming = new ResourceNaming({ workload: "openaiplatform", environment: "production" });
    new RetentionArchive(stack, "archive", { ...ARCHIVE_PROPS, name: undefined, naming });
    expect(constructProblems(stack)).toEqual([
      failed("name (from naming)", { path: "test/archive", value: "openaiplatformproductionsdcauditst", rule: /3\-24 lowercase letters or digits/ }),
    ]);
  });

  test("warns when the azurerm provider would read the closed storage data plane", () => {
    const stack = testStack(); // provider with features {} only
    archiveIn(stack);
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/features \{ storage \{ data_plane_available = false \} \}/)]);
  });
});

describe("RetentionArchive lock and roles", () => {
  test("lock: prevent_destroy and a CanNotDelete lock on the storage account's ID, not a container's", () => {
    const stack = monitoringStack();
    const construct = archiveIn(stack, { lock: { reason: "Write-once audit archive; evidence for auditors", name: "do-not-delete-archive-swedencentral" } });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_storage_account").lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, "azurerm_management_lock")).toEqual({
      name: "do-not-delete-archive-swedencentral",
      scope: expect.stringMatching(/^\$\{azurerm_storage_account\.archive_account_\w+\.id\}$/),
      lock_level: "CanNotDelete",
      notes: "Write-once audit archive; evidence for auditors",
    });
    expect(construct.lock?.node.path).toBe("test/archive/lock");
    expect(validationErrors(stack)).toEqual([]);
  });

  test("roleAssignments are made on the storage account", () => {
    const stack = monitoringStack();
    const construct = archiveIn(stack, {
      roleAssignments: { siem: { principalId: "11111111-2222-3333-4444-555555555555", principalType: "ServicePrincipal", role: "Reader" } },
    });
    const assignments = Object.values(resources(synthJson(stack), "azurerm_role_assignment")) as any[];
    expect(assignments).toHaveLength(1);
    expect(assignments[0].scope).toMatch(/^\$\{azurerm_storage_account\.archive_account_\w+\.id\}$/);
    expect(construct.scopeId).toBe(construct.storageAccountId);
    expect(validationErrors(stack)).toEqual([]);
  });
});
