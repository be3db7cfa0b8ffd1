import { ResourceNaming } from "../../lib";
import { AuditWorkspace } from "../../lib/monitoring";
import { onlyResource, resourceList, synthJson, validationErrors } from "../helpers/synth";
import { monitoringStack, WORKSPACE_PROPS, workspaceIn } from "./fixtures";

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

  test("is tagged with residency from the location's data zone", () => {
    expect(resource.tags).toMatchObject({ environment: "test", owner: "platform-team", "data-residency": "eu" });
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
    expect(validationErrors(stack)).toEqual([
      `[test/workspace] retentionInDays: ${days} is not allowed; allowed: a whole number from 30 to 730 days`,
    ]);
  });

  test.each([3, 731, 1000, 4384])("rejects archive total %p that Azure does not accept", (total) => {
    const { stack } = workspace({ archiveTotalRetentionDays: total });
    expect(validationErrors(stack).join("\n")).toMatch(
      new RegExp(`archiveTotalRetentionDays: ${total} is not allowed; allowed: 4-730 days, or whole years: 1095, .*4383`),
    );
  });

  test("rejects an archive total shorter than the interactive retention", () => {
    const { stack } = workspace({ retentionInDays: 365, archiveTotalRetentionDays: 180 });
    expect(validationErrors(stack)).toEqual([
      "[test/workspace] archiveTotalRetentionDays: 180 is not allowed; allowed: at least retentionInDays (365); the total includes the interactive period",
    ]);
  });

  test.each([730, 4383, 1095])("accepts archive total %p", (total) => {
    const { stack } = workspace({ retentionInDays: 730, archiveTotalRetentionDays: total });
    expect(validationErrors(stack)).toEqual([]);
  });

  test("rejects a daily cap without a real reason or with no GB", () => {
    const { stack } = workspace({ dailyCap: { gb: 0, reason: "cost" } });
    const errors = validationErrors(stack).join("\n");
    expect(errors).toMatch(/dailyCap\.gb: 0 is not allowed; allowed: a number of GB greater than 0/);
    expect(errors).toMatch(/dailyCap\.reason: "cost" is not allowed; .*at least 10 characters/);
  });

  test("rejects a weakening with a short reason", () => {
    const { stack } = workspace({ securityExceptions: { localAuth: { reason: "needed" } } });
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(/securityExceptions\.localAuth\.reason: "needed" is not allowed; .*at least 10 characters/),
    ]);
  });

  test("rejects a name that breaks the workspace rule, and a missing name", () => {
    expect(validationErrors(workspace({ name: "ab_" }).stack).join("\n")).toMatch(/name: "ab_" is not allowed; allowed: 4-63 letters/);
    expect(validationErrors(workspace({ name: undefined }).stack).join("\n")).toMatch(/name: \(missing\) is not allowed; allowed: a `name`, or a `naming`/);
  });

  test("rejects an empty owner and location", () => {
    const errors = validationErrors(workspace({ owner: " ", location: "" }).stack).join("\n");
    expect(errors).toMatch(/owner: " " is not allowed/);
    expect(errors).toMatch(/location: "" is not allowed/);
  });
});
