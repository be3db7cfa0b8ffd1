import { ResourceNaming } from "../../lib/core/naming";
import { AuditWorkspace } from "../../lib/monitoring";
import { diagnosticSettingIn, monitoringStack, WORKSPACE_PROPS, workspaceIn } from "../helpers/monitoring";
import { onlyResource, resourceList, resources, synthJson, validationErrors } from "../helpers/synth";
import { ROLE_GUIDS } from "../helpers/roles";
import { constructProblems, failed } from "../helpers/problems";

/** Role definition GUIDs, written out as an independent oracle. */
const { LogAnalyticsReader: LOG_ANALYTICS_READER, Reader: READER } = ROLE_GUIDS;
const GROUP_ID = "11111111-2222-3333-4444-555555555555";
const WORKSPACE_ID = "/subscriptions/0000/resourceGroups/rg-shared/providers/Microsoft.OperationalInsights/workspaces/shared-log";

function workspace(props: Parameters<typeof workspaceIn>[1] = {}) {
  const stack = monitoringStack();
  const construct = workspaceIn(stack, props);
  return { stack, construct };
}

describe("AuditWorkspace secure defaults", () => {
  const { stack, construct } = workspace();
  const json = synthJson(stack);
  const resource = onlyResource(json, "azurerm_log_analytics_workspace");

  test("turns local authentication off with the 4.x attribute, never the deprecated one", () => {
    expect(resource.local_authentication_enabled).toBe(false);
    expect(resource).not.toHaveProperty("local_authentication_disabled");
  });

  test("requires workspace permissions to read logs (no resource-context access to prompts)", () => {
    expect(resource.allow_resource_only_permissions).toBe(false);
  });

  test("refuses public ingestion and accepts public queries (Entra ID + RBAC still apply)", () => {
    expect(resource.internet_ingestion_enabled).toBe(false);
    expect(resource.internet_query_enabled).toBe(true);
  });

  test("keeps 90 days on PerGB2018 with no daily cap", () => {
    expect(resource.retention_in_days).toBe(90);
    expect(resource.sku).toBe("PerGB2018");
    expect(resource.daily_quota_gb).toBeUndefined();
    expect(construct.retentionInDays).toBe(90);
  });

  test("has no AzureDiagnostics archive unless asked", () => {
    expect(resourceList(json, "azurerm_log_analytics_workspace_table")).toEqual([]);
    expect(construct.diagnosticsTable).toBeUndefined();
  });

  test("carries no tags of its own (GovernanceTags tags it)", () => {
    expect(resource.tags).toBeUndefined();
  });

  test("the workspace resource is the construct's default child, and no lock is made unless asked", () => {
    expect(construct.node.defaultChild).toBe(construct.resource);
    expect(construct.lock).toBeUndefined();
    expect(resource.lifecycle).toBeUndefined();
    expect(resourceList(json, "azurerm_management_lock")).toEqual([]);
  });

  test("lists no security exceptions and passes validation", () => {
    expect(construct.securityExceptions).toEqual([]);
    expect(validationErrors(stack)).toEqual([]);
  });
});

describe("AuditWorkspace options", () => {
  test("archives the AzureDiagnostics table for the total retention", () => {
    const { stack } = workspace({ retentionInDays: 180, archiveTotalRetentionDays: 2556 });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_log_analytics_workspace").retention_in_days).toBe(180);
    const table = onlyResource(json, "azurerm_log_analytics_workspace_table");
    expect(table.name).toBe("AzureDiagnostics");
    expect(table.plan).toBe("Analytics");
    expect(table.total_retention_in_days).toBe(2556);
    expect(table.workspace_id).toMatch(/^\$\{azurerm_log_analytics_workspace\.\S+\.id\}$/);
  });

  test("a daily cap needs a reason and is listed", () => {
    const { stack, construct } = workspace({ dailyCap: { gb: 5, reason: "sandbox subscription budget" } });
    expect(onlyResource(synthJson(stack), "azurerm_log_analytics_workspace").daily_quota_gb).toBe(5);
    expect(construct.securityExceptions).toEqual([{ setting: "dailyCap", reason: "sandbox subscription budget" }]);
  });

  test("weakenings flip their switch and are listed with reasons", () => {
    const { stack, construct } = workspace({
      securityExceptions: {
        localAuth: { reason: "legacy agent without Entra ID" },
        resourceContextAccess: { reason: "app teams read their own logs" },
        internetIngestion: { reason: "on-premises agents without private link" },
      },
    });
    const resource = onlyResource(synthJson(stack), "azurerm_log_analytics_workspace");
    expect(resource.local_authentication_enabled).toBe(true);
    expect(resource.allow_resource_only_permissions).toBe(true);
    expect(resource.internet_ingestion_enabled).toBe(true);
    expect(construct.securityExceptions.map((e) => e.setting).sort()).toEqual(["internetIngestion", "localAuth", "resourceContextAccess"]);
  });

  test("takes its name from the naming convention", () => {
    const naming = new ResourceNaming({ workload: "aoai", environment: "prod" });
    const stack = monitoringStack();
    new AuditWorkspace(stack, "ws", { ...WORKSPACE_PROPS, name: undefined, naming });
    expect(onlyResource(synthJson(stack), "azurerm_log_analytics_workspace").name).toBe("aoai-prod-sdc-log");
  });
});

describe("AuditWorkspace validation", () => {
  test.each([29, 731, 90.5])("rejects retentionInDays %p", (days) => {
    const { stack } = workspace({ retentionInDays: days });
    expect(constructProblems(stack)).toEqual([failed("retentionInDays", { path: "test/workspace", value: days, rule: /30 to 730/ })]);
  });

  test.each([3, 731, 1000, 4384])("rejects archive total %p that Azure does not accept", (total) => {
    const { stack } = workspace({ archiveTotalRetentionDays: total });
    expect(constructProblems(stack)).toContainEqual(failed("archiveTotalRetentionDays", { value: total, rule: /4-730 days, or whole years: 1095, .*4383/ }));
  });

  test("rejects an archive total shorter than the interactive retention", () => {
    const { stack } = workspace({ retentionInDays: 365, archiveTotalRetentionDays: 180 });
    expect(constructProblems(stack)).toEqual([
      failed("archiveTotalRetentionDays", { path: "test/workspace", value: 180, rule: /at least retentionInDays \(365\); the/ }),
    ]);
  });

  test.each([730, 4383, 1095])("accepts archive total %p", (total) => {
    const { stack } = workspace({ retentionInDays: 730, archiveTotalRetentionDays: total });
    expect(validationErrors(stack)).toEqual([]);
  });

  test("rejects a daily cap without a real reason or with no GB", () => {
    const { stack } = workspace({ dailyCap: { gb: 0, reason: "cost" } });
    const errors = constructProblems(stack);
    expect(errors).toContainEqual(failed("dailyCap.gb", { value: 0, rule: /a number of GB greater/ }));
    expect(errors).toContainEqual(failed("dailyCap.reason", { value: "cost" }));
  });

  test("rejects a weakening with a short reason", () => {
    const { stack } = workspace({ securityExceptions: { localAuth: { reason: "needed" } } });
    expect(constructProblems(stack)).toEqual([failed("securityExceptions.localAuth.reason", { value: "needed" })]);
  });

  test("rejects a name that breaks the workspace rule, and a missing name", () => {
    expect(constructProblems(workspace({ name: "ab_" }).stack)).toContainEqual(failed("name", { value: "ab_", rule: /4-63 letters/ }));
    expect(constructProblems(workspace({ name: undefined }).stack)).toContainEqual(failed("name", { value: undefined, rule: /a `name`, or a `naming`/ }));
  });

  test("rejects an empty location", () => {
    expect(constructProblems(workspace({ location: " " }).stack)).toEqual([failed("location", { path: "test/workspace", value: " ", rule: /an Azure location/ })]);
  });
});

describe("AuditWorkspace lock", () => {
  test("prevent_destroy and a CanNotDelete lock on the workspace's ID, with the reason", () => {
    const { stack, construct } = workspace({ lock: { reason: "Audit log workspace of a regulated environment" } });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_log_analytics_workspace").lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, "azurerm_management_lock")).toEqual({
      name: "do-not-delete-workspace",
      scope: expect.stringMatching(/^\$\{azurerm_log_analytics_workspace\.workspace_resource_\w+\.id\}$/),
      lock_level: "CanNotDelete",
      notes: "Audit log workspace of a regulated environment",
    });
    expect(construct.lock?.node.path).toBe("test/workspace/lock");
    expect(validationErrors(stack)).toEqual([]);
  });

  test("preventDestroy only: no management lock", () => {
    const { stack } = workspace({ lock: { reason: "Audit log workspace of a regulated environment", protection: "preventDestroy" } });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_log_analytics_workspace").lifecycle).toEqual({ prevent_destroy: true });
    expect(resourceList(json, "azurerm_management_lock")).toEqual([]);
  });

  test("a lock without a real reason fails", () => {
    expect(constructProblems(workspace({ lock: { reason: "keep" } }).stack)).toEqual([failed("lock.reason", { path: "test/workspace", value: "keep" })]);
  });
});

describe("AuditWorkspace roles", () => {
  const assignments = (json: ReturnType<typeof synthJson>) => Object.values(resources(json, "azurerm_role_assignment")) as any[];
  const roleGuid = (a: any) => String(a.role_definition_id).split("/").pop();

  test("grantLogReader takes the library's own workspace: Log Analytics Reader on its ID, a child of the workspace", () => {
    const { stack, construct } = workspace();
    const assignment = construct.grantLogReader({ principalId: GROUP_ID, principalType: "Group" });
    expect(assignment.node.scope).toBe(construct);
    const [only, ...rest] = assignments(synthJson(stack));
    expect(rest).toEqual([]);
    expect(only.scope).toMatch(/^\$\{azurerm_log_analytics_workspace\.workspace_resource_\w+\.id\}$/);
    expect(roleGuid(only)).toBe(LOG_ANALYTICS_READER);
    expect(only.principal_id).toBe(GROUP_ID);
    expect(only.principal_type).toBe("Group");
    expect(validationErrors(stack)).toEqual([]);
  });

  test("grantRead gives Reader, and the workspace's scopeId is its resource ID", () => {
    const { stack, construct } = workspace();
    construct.grantRead({ principalId: GROUP_ID, principalType: "Group" });
    expect(construct.scopeId).toBe(construct.workspaceId);
    expect(assignments(synthJson(stack)).map(roleGuid)).toEqual([READER]);
  });

  test("roleAssignments assigns each entry on the workspace, keyed by the caller's key", () => {
    const { stack, construct } = workspace({
      roleAssignments: { auditors: { principalId: GROUP_ID, principalType: "Group", role: "LogAnalyticsReader" } },
    });
    const json = synthJson(stack);
    expect(assignments(json).map(roleGuid)).toEqual([LOG_ANALYTICS_READER]);
    expect(construct.node.tryFindChild("grant-LogAnalyticsReader-auditors")).toBeDefined();
    expect(validationErrors(stack)).toEqual([]);
  });
});

describe("AuditWorkspace.fromWorkspaceId", () => {
  test("a workspace made elsewhere takes diagnostic settings and grants on its ID", () => {
    const stack = monitoringStack();
    const shared = AuditWorkspace.fromWorkspaceId(stack, "shared", WORKSPACE_ID, "westeurope");
    expect(shared.workspaceId).toBe(WORKSPACE_ID);
    expect(shared.location).toBe("westeurope");
    expect(shared.scopeId).toBe(WORKSPACE_ID);
    diagnosticSettingIn(stack, { workspace: shared });
    shared.grantLogReader({ principalId: GROUP_ID, principalType: "Group" });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_monitor_diagnostic_setting").log_analytics_workspace_id).toBe(WORKSPACE_ID);
    const assignment = onlyResource(json, "azurerm_role_assignment");
    expect(assignment.scope).toBe(WORKSPACE_ID);
    expect(String(assignment.role_definition_id).split("/").pop()).toBe(LOG_ANALYTICS_READER);
    expect(resourceList(json, "azurerm_log_analytics_workspace")).toEqual([]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("an empty ID or location fails", () => {
    const stack = monitoringStack();
    AuditWorkspace.fromWorkspaceId(stack, "shared", "", "");
    expect(constructProblems(stack)).toEqual([
      failed("workspaceId", { path: "test/shared", value: "", rule: /the Azure resource ID of/ }),
      failed("location", { path: "test/shared", value: "", rule: /an Azure location/ }),
    ]);
  });
});
