import { Testing } from "cdktf";
import { acknowledgedWeakenings } from "../../lib/core/justification";
import { WEAKENING_KEYS } from "../../lib/core/weakening-keys";
import { RetentionArchive } from "../../lib/monitoring";
import { ARCHIVE_PUBLIC_ENDPOINT_REASON } from "../../lib/monitoring/retention-archive";
import { GUIDS, subscriptionFormRoleId } from "../identity/fixtures";
import { archiveIn, diagnosticSettingIn, monitoringStack, workspaceIn } from "../helpers/monitoring";
import { failedProps, onlyResource, resourceList, resources, synthJson } from "../helpers/synth";

const READERS = "7d1b8a52-3c4e-4f60-9a1b-2c3d4e5f6a7b";
const readers = { principalId: READERS, principalType: "Group" as const, granteeKey: "log-readers" };
const STORAGE_ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/centralauditst";

/** The reference to the one storage account of `json`, as a grant's scope holds it. */
function accountRef(json: ReturnType<typeof synthJson>): string {
  const [key] = Object.keys(resources(json, "azurerm_storage_account"));
  return `\${azurerm_storage_account.${key}.id}`;
}

describe("RetentionArchive: the L1 handle", () => {
  test("resource is the storage account and the default child; storageAccount is its deprecated alias", () => {
    const archive = archiveIn(monitoringStack());
    expect(archive.node.defaultChild).toBe(archive.resource);
    expect(archive.storageAccount).toBe(archive.resource);
  });
});

describe("RetentionArchive grants", () => {
  test.each([
    ["grantBlobReader", GUIDS.StorageBlobDataReader, "grant-StorageBlobDataReader-log-readers"],
    ["grantRead", GUIDS.Reader, "grant-Reader-log-readers"],
  ] as const)("%s assigns its least-privilege role on the storage account", (method, guid, id) => {
    const stack = monitoringStack();
    const archive = archiveIn(stack);
    const assignment = archive[method](readers);
    expect(assignment.node.path).toBe(`test/archive/${id}`);
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      scope: accountRef(json),
      principal_id: READERS,
      principal_type: "Group",
      role_definition_id: subscriptionFormRoleId(guid),
    });
  });

  test("roleAssignments are exposed, in key order", () => {
    const archive = archiveIn(monitoringStack(), {
      roleAssignments: { auditors: { principalId: READERS, principalType: "Group", role: "StorageBlobDataReader" } },
    });
    expect(archive.roleAssignments.map((a) => [a.node.id, a.role.guid])).toEqual([["grant-StorageBlobDataReader-auditors", GUIDS.StorageBlobDataReader]]);
  });

  test("Storage Blob Data Reader is not a read-only role, so people need an exception for it in an access matrix", () => {
    const { BUILT_IN_ROLES, HUMAN_ROLE_CEILING } = jest.requireActual("../../lib/identity");
    expect(BUILT_IN_ROLES.StorageBlobDataReader.privileged).toBe(false);
    expect(HUMAN_ROLE_CEILING).not.toContain("StorageBlobDataReader");
  });
});

describe("RetentionArchive.fromStorageAccountAttributes", () => {
  test("an imported account is a diagnostic destination and a role scope, and creates nothing", () => {
    const stack = monitoringStack();
    const central = RetentionArchive.fromStorageAccountAttributes(stack, "central", { storageAccountId: STORAGE_ID, location: "swedencentral" });
    diagnosticSettingIn(stack, { archive: central });
    central.grantBlobReader(readers);
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_monitor_diagnostic_setting").storage_account_id).toBe(STORAGE_ID);
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({ scope: STORAGE_ID, role_definition_id: subscriptionFormRoleId(GUIDS.StorageBlobDataReader) });
    expect(resourceList(json, "azurerm_storage_account")).toHaveLength(0);
    expect(resourceList(json, "azurerm_storage_container")).toHaveLength(0);
  });

  test("missing or unknown attributes are problems with their path", () => {
    const stack = monitoringStack();
    RetentionArchive.fromStorageAccountAttributes(stack, "central", { storageAccountId: "", location: "swedencentral", id: "x" } as never);
    expect(failedProps(stack).filter((p) => p.path === "test/central").map((p) => p.prop)).toEqual(expect.arrayContaining(["storageAccountId", "id"]));
  });
});

describe("RetentionArchive.addCategory", () => {
  /** Rules by name: prefix and deletion age. */
  function rules(json: ReturnType<typeof synthJson>): Record<string, { prefix: string; days: number }> {
    const policy = onlyResource(json, "azurerm_storage_management_policy");
    return Object.fromEntries(
      policy.rule.map((r: any) => [r.name, { prefix: r.filters.prefix_match.join(), days: r.actions.base_blob.delete_after_days_since_modification_greater_than }]),
    );
  }

  test("adds a container and a rule following another category's deletion age, keeping the archive's own rules", () => {
    const stack = monitoringStack();
    const archive = archiveIn(stack, { retention: { days: { Audit: 3650, AzureOpenAIRequestUsage: 120 } } });
    const gateway = archive.addCategory("GatewayLogs", { retentionFrom: "Audit" });
    archive.addCategory("GatewayLlmLogs", { retentionFrom: "AzureOpenAIRequestUsage" });
    const json = synthJson(stack);
    // The same rules the gateway writes today (gateway-logging.ts), after the archive's own five.
    expect(Object.keys(rules(json))).toEqual([
      "deleteAuditLogs",
      "deleteRequestResponseLogs",
      "deleteTraceLogs",
      "deleteAzureOpenAIRequestUsageLogs",
      "deleteMetrics",
      "deleteGatewayLogs",
      "deleteGatewayLlmLogs",
    ]);
    expect(rules(json).deleteGatewayLogs).toEqual({ prefix: "insights-logs-gatewaylogs/", days: 3650 });
    expect(rules(json).deleteGatewayLlmLogs).toEqual({ prefix: "insights-logs-gatewayllmlogs/", days: 120 });
    const containers = resources(json, "azurerm_storage_container");
    expect(Object.values(containers).map((c: any) => c.name)).toEqual(expect.arrayContaining(["insights-logs-gatewaylogs", "insights-logs-gatewayllmlogs"]));
    expect(gateway.container.node.scope).toBe(archive);
    expect(gateway).toMatchObject({ category: "GatewayLogs", retentionFrom: "Audit", deleteAfterDays: 3650, immutabilityPolicy: undefined });
    expect(archive.addedCategories.map((c) => c.category)).toEqual(["GatewayLogs", "GatewayLlmLogs"]);
  });

  test("follows the write-once policy of the category it follows", () => {
    const stack = monitoringStack();
    const archive = archiveIn(stack, { retention: { immutability: { Audit: { periodDays: 400, locked: true } } } });
    const added = archive.addCategory("GatewayLogs");
    expect(added.immutabilityPolicy).toBeDefined();
    expect(added.prerequisites).toEqual([added.container, added.immutabilityPolicy]);
    const policies = resourceList(synthJson(stack), "azurerm_storage_container_immutability_policy");
    expect(policies).toHaveLength(2);
    for (const p of policies) expect(p).toMatchObject({ immutability_period_in_days: 400, locked: true, protected_append_writes_enabled: true });
  });

  test("adding the same category again returns the first; a second retentionFrom fails", () => {
    const stack = monitoringStack();
    const archive = archiveIn(stack);
    const first = archive.addCategory("GatewayLogs", { retentionFrom: "Audit" });
    expect(archive.addCategory("GatewayLogs", { retentionFrom: "Audit" })).toBe(first);
    expect(failedProps(stack)).toEqual([]);
    archive.addCategory("GatewayLogs", { retentionFrom: "Trace" });
    expect(failedProps(stack)).toEqual([expect.objectContaining({ path: "test/archive", prop: "addCategory(GatewayLogs).retentionFrom", value: "Trace" })]);
  });

  test.each([
    ["a category the archive keeps already", "Audit", undefined],
    ["a rule name the archive uses already", "AuditLogs", undefined],
    ["a name Azure Monitor cannot write to", "Gateway Logs", undefined],
    ["an unknown category to follow", "GatewayLogs", "Gateway"],
  ])("%s fails the synth and makes nothing", (_case, category, retentionFrom) => {
    const stack = monitoringStack();
    const archive = archiveIn(stack);
    archive.addCategory(category, { retentionFrom: retentionFrom as never });
    const problems = failedProps(stack);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "test/archive", prop: expect.stringMatching(/^addCategory\(/) });
    const json = JSON.parse(Testing.synth(stack, false));
    expect(resourceList(json, "azurerm_storage_container")).toHaveLength(5);
    expect(Object.keys(rules(json))).toHaveLength(5);
  });
});

describe("RetentionArchive diagnosticSettings", () => {
  test("one setting per key on the blob service: read, write and delete logs, Transaction metrics", () => {
    const stack = monitoringStack();
    const workspace = workspaceIn(stack);
    const archive = archiveIn(stack, { diagnosticSettings: { audit: { workspace } } });
    expect(Object.keys(archive.diagnosticSettings)).toEqual(["audit"]);
    const json = synthJson(stack);
    const setting = onlyResource(json, "azurerm_monitor_diagnostic_setting");
    expect(setting).toMatchObject({
      name: "audit",
      target_resource_id: `${accountRef(json)}/blobServices/default`,
      enabled_log: [{ category: "StorageRead" }, { category: "StorageWrite" }, { category: "StorageDelete" }],
      enabled_metric: [{ category: "Transaction" }],
    });
  });

  test("an unknown category fails with its path", () => {
    const stack = monitoringStack();
    const other = archiveIn(stack, { name: "aoaitestsdcotherst" }, "other");
    archiveIn(stack, { diagnosticSettings: { audit: { archive: other, categories: ["StorageList" as never] } } });
    expect(failedProps(stack)).toEqual([expect.objectContaining({ path: "test/archive/diagnostics-audit", prop: "categories[0]", value: "StorageList" })]);
  });
});

describe("RetentionArchive weakenings", () => {
  test("each weakening is acknowledged under its neutral key; the endpoint's always, with the library's reason by default", () => {
    const archive = archiveIn(monitoringStack(), { securityExceptions: { sharedKeyAccess: { reason: "legacy exporter signs with SAS until 2027-03" } } });
    expect(acknowledgedWeakenings(archive)).toEqual([
      { key: WEAKENING_KEYS.storageSharedKeyAccess, prop: "securityExceptions.sharedKeyAccess", reason: "legacy exporter signs with SAS until 2027-03" },
      { key: WEAKENING_KEYS.storageTrustedServicesEndpoint, prop: "securityExceptions.publicNetworkAccess", reason: ARCHIVE_PUBLIC_ENDPOINT_REASON },
    ]);
    expect(archive.securityExceptions.map((e) => e.setting)).toEqual(["sharedKeyAccess", "publicNetworkAccess"]);
  });

  test("a misspelt weakening fails instead of being dropped", () => {
    const stack = monitoringStack();
    archiveIn(stack, { securityExceptions: { sharedKeys: { reason: "legacy exporter signs with SAS" } } as never });
    expect(failedProps(stack).map((p) => p.prop)).toContain("securityExceptions.sharedKeys");
  });
});
