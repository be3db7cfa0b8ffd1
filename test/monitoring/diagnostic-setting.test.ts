import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { DiagnosticSettingProps } from "../../lib/core/features/diagnostic-settings";
import {
  addDiagnosticSettings,
  DiagnosedAccount,
  KEY_VAULT_DIAGNOSTICS,
  MAX_DIAGNOSTIC_SETTINGS_PER_RESOURCE,
  OpenAiDiagnosticSetting,
  OpenAiDiagnosticSettingProps,
  OpenAiLogCategory,
  ResourceDiagnosticSetting,
} from "../../lib/monitoring";
import { ACCOUNT_ID, allKeys, archiveIn, diagnosticSettingIn, monitoringStack, workspaceIn } from "../helpers/monitoring";
import { onlyResource, resourceList, synthJson, validationErrors } from "../helpers/synth";
import { constructProblems, failed } from "../helpers/problems";

/** A raw Azure OpenAI account (no dependency on lib/openai), as forAccount takes it. */
function accountIn(stack: TerraformStack, location = "swedencentral", id = "openai"): DiagnosedAccount {
  const account = new CognitiveAccount(stack, id, { name: `aoai-test-${id}`, resourceGroupName: "rg", location, kind: "OpenAI", skuName: "S0" });
  return { accountId: account.id, location };
}

/** A stack with a workspace and an archive in Sweden Central, and one setting made with `props`. */
function setting(props: Partial<OpenAiDiagnosticSettingProps> = {}) {
  const stack = monitoringStack();
  const workspace = workspaceIn(stack);
  const archive = archiveIn(stack);
  const construct = diagnosticSettingIn(stack, { workspace, archive, ...props });
  return { stack, construct, workspace, archive };
}

describe("OpenAiDiagnosticSetting defaults", () => {
  const { stack, construct } = setting();
  const json = synthJson(stack);
  const resource = onlyResource(json, "azurerm_monitor_diagnostic_setting");

  test("sends the four Azure OpenAI log categories through enabled_log", () => {
    expect(resource.enabled_log).toEqual([
      { category: "Audit" },
      { category: "RequestResponse" },
      { category: "Trace" },
      { category: "AzureOpenAIRequestUsage" },
    ]);
    expect(construct.categories).toEqual(["Audit", "RequestResponse", "Trace", "AzureOpenAIRequestUsage"]);
  });

  test("sends AllMetrics through enabled_metric", () => {
    expect(resource.enabled_metric).toEqual([{ category: "AllMetrics" }]);
  });

  test("never emits retention_policy, the deprecated metric block or the legacy log block anywhere", () => {
    const keys = allKeys(json);
    expect(keys).not.toContain("retention_policy");
    expect(keys).not.toContain("metric");
    expect(keys).not.toContain("log");
    expect(resource).not.toHaveProperty("metric");
  });

  test("targets the account and sends to the workspace and the archive", () => {
    expect(resource.name).toBe("openai-audit-logs");
    expect(resource.target_resource_id).toBe(ACCOUNT_ID);
    expect(resource.log_analytics_workspace_id).toMatch(/^\$\{azurerm_log_analytics_workspace\.workspace_resource_\w+\.id\}$/);
    expect(resource.storage_account_id).toMatch(/^\$\{azurerm_storage_account\.archive_account_\w+\.id\}$/);
    expect(resource).not.toHaveProperty("eventhub_authorization_rule_id");
  });

  test("waits for the archive's containers and policies, so Azure Monitor never creates them first", () => {
    const containers = Object.keys(json.resource!.azurerm_storage_container);
    expect(resource.depends_on).toEqual(expect.arrayContaining(containers.map((id) => `azurerm_storage_container.${id}`)));
    expect(resource.depends_on).toContainEqual(expect.stringMatching(/^azurerm_storage_management_policy\./));
  });

  test("passes validation", () => {
    expect(validationErrors(stack)).toEqual([]);
  });
});

describe("OpenAiDiagnosticSetting options", () => {
  test("a workspace-only setting has no storage destination and no dependencies", () => {
    const { stack } = setting({ archive: undefined });
    const resource = onlyResource(synthJson(stack), "azurerm_monitor_diagnostic_setting");
    expect(resource.storage_account_id).toBeUndefined();
    expect(resource.log_analytics_workspace_id).toBeDefined();
    expect(resource.depends_on).toBeUndefined();
  });

  test("an archive-only setting has no workspace destination", () => {
    const { stack } = setting({ workspace: undefined });
    const resource = onlyResource(synthJson(stack), "azurerm_monitor_diagnostic_setting");
    expect(resource.log_analytics_workspace_id).toBeUndefined();
    expect(resource.storage_account_id).toBeDefined();
  });

  test("chosen categories only, and no metrics when turned off", () => {
    const { stack } = setting({ categories: ["Audit", "RequestResponse"], metrics: false });
    const resource = onlyResource(synthJson(stack), "azurerm_monitor_diagnostic_setting");
    expect(resource.enabled_log).toEqual([{ category: "Audit" }, { category: "RequestResponse" }]);
    expect(resource.enabled_metric).toBeUndefined();
  });

  test("category groups replace single categories", () => {
    const { stack, construct } = setting({ categoryGroups: ["allLogs"] });
    const resource = onlyResource(synthJson(stack), "azurerm_monitor_diagnostic_setting");
    expect(resource.enabled_log).toEqual([{ category_group: "allLogs" }]);
    expect(construct.categories).toEqual([]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("forAccount takes the target ID and location from the account", () => {
    const stack = monitoringStack();
    const account = accountIn(stack);
    const archive = archiveIn(stack);
    OpenAiDiagnosticSetting.forAccount(stack, "diagnostics", account, { archive });
    const resource = onlyResource(synthJson(stack), "azurerm_monitor_diagnostic_setting");
    expect(resource.target_resource_id).toBe("${azurerm_cognitive_account.openai.id}");
    expect(validationErrors(stack)).toEqual([]);
  });
});

describe("OpenAiDiagnosticSetting validation", () => {
  test("rejects a category outside the Azure OpenAI list", () => {
    const { stack } = setting({ categories: ["Audit", "AuditEvent" as never] });
    expect(constructProblems(stack)).toEqual([
      failed("categories[1]", { path: "test/diagnostics", value: "AuditEvent", rule: /Audit, RequestResponse, Trace, AzureOpenAIRequestUsage/ }),
    ]);
  });

  test("rejects an unknown category group", () => {
    const { stack } = setting({ categoryGroups: ["AllLogs" as never] });
    expect(constructProblems(stack)).toEqual([failed("categoryGroups[0]", { path: "test/diagnostics", value: "AllLogs", rule: /audit, allLogs/ })]);
  });

  test("rejects groups mixed with categories, and repeated categories", () => {
    const mixed = setting({ categories: ["Audit"], categoryGroups: ["audit"] });
    expect(constructProblems(mixed.stack)).toContainEqual(failed("categoryGroups", { value: ["audit"], rule: /category groups or single categories/ }));
    const repeated = setting({ categories: ["Audit", "Audit"] });
    expect(constructProblems(repeated.stack)).toEqual([failed("categories", { path: "test/diagnostics", value: ["Audit"], rule: /each value once/ })]);
  });

  test("rejects a setting that sends nothing, or to nowhere", () => {
    const nothing = setting({ categories: [], metrics: false });
    expect(constructProblems(nothing.stack)).toContainEqual(failed("categories", { value: [], rule: /at least one log category/ }));
    const nowhere = setting({ workspace: undefined, archive: undefined });
    expect(constructProblems(nowhere.stack)).toEqual([
      failed("workspace/archive", { path: "test/diagnostics", value: undefined, rule: /a workspace, an archive storage/ }),
    ]);
  });

  test("rejects a name Azure refuses", () => {
    const { stack } = setting({ name: "audit/logs" });
    expect(constructProblems(stack)).toContainEqual(failed("name", { value: "audit/logs" }));
  });

  test("rejects an archive in another region than the account", () => {
    const stack = monitoringStack();
    const account = accountIn(stack, "francecentral");
    const archive = archiveIn(stack); // swedencentral
    OpenAiDiagnosticSetting.forAccount(stack, "diagnostics", account, { archive });
    expect(constructProblems(stack)).toEqual([
      failed("archive.location", { path: "test/diagnostics", value: "swedencentral", rule: /francecentral, the monitored Azure OpenAI/ }),
    ]);
  });

  test("compares regions in Azure's canonical form, and skips the check when the target region is a reference", () => {
    expect(validationErrors(setting({ location: "Sweden Central" }).stack)).toEqual([]);
    const stack = monitoringStack();
    const account = new CognitiveAccount(stack, "openai", { name: "aoai-t", resourceGroupName: "rg", location: "swedencentral", kind: "OpenAI", skuName: "S0" });
    diagnosticSettingIn(stack, { location: account.location, archive: { storageAccountId: "/x", location: "westus" } });
    expect(validationErrors(stack)).toEqual([]);
  });

  test("the target's location is required", () => {
    const { stack } = setting({ location: "" });
    expect(constructProblems(stack)).toEqual([failed("location", { path: "test/diagnostics", value: "", rule: /an Azure location \(the monitored/ })]);
  });

  test("a workspace in another region is fine (only storage must share the region)", () => {
    const { stack } = setting({ location: "francecentral", archive: undefined });
    expect(validationErrors(stack)).toEqual([]);
  });
});

describe("OpenAiDiagnosticSetting per-resource limit", () => {
  const destinations = (stack: TerraformStack): DiagnosticSettingProps<OpenAiLogCategory> => ({ workspace: workspaceIn(stack) });

  test(`accepts ${MAX_DIAGNOSTIC_SETTINGS_PER_RESOURCE} settings on one account`, () => {
    const stack = monitoringStack();
    const account = accountIn(stack);
    const dest = destinations(stack);
    for (let i = 1; i <= 5; i++) OpenAiDiagnosticSetting.forAccount(stack, `setting-${i}`, account, { ...dest, name: `setting-${i}` });
    expect(validationErrors(stack)).toEqual([]);
  });

  test("rejects the 6th setting on one account, counted across the stack", () => {
    const stack = monitoringStack();
    const account = accountIn(stack);
    const dest = destinations(stack);
    for (let i = 1; i <= 6; i++) {
      // Spread over two scopes: the count is per stack, not per parent construct.
      const scope = i <= 3 ? stack : new Construct(stack, `team-${i}`);
      OpenAiDiagnosticSetting.forAccount(scope, `setting-${i}`, account, { ...dest, name: `setting-${i}` });
    }
    // The rule lists the settings that share the resource: those paths are data.
    expect(constructProblems(stack)).toEqual([
      failed("targetResourceId", { path: "test/team-6/setting-6", value: "${azurerm_cognitive_account.openai.id}", rule: /at most 5 .*this stack has 6 on it \(test\/setting-1\/resource, .*test\/team-6\/setting-6\/resource\)$/ }),
    ]);
  });

  test("counts raw azurerm_monitor_diagnostic_setting resources on the same account too", () => {
    const stack = monitoringStack();
    const account = accountIn(stack);
    const dest = destinations(stack);
    for (let i = 1; i <= 5; i++) {
      new MonitorDiagnosticSetting(stack, `raw-${i}`, { name: `raw-${i}`, targetResourceId: account.accountId, logAnalyticsWorkspaceId: "/ws", enabledLog: [{ category: "Audit" }] });
    }
    OpenAiDiagnosticSetting.forAccount(stack, "ours", account, dest);
    expect(constructProblems(stack)).toEqual([failed("targetResourceId", { path: "test/ours", rule: /this stack has 6 on it/ })]);
  });

  test("settings on different accounts do not count against each other", () => {
    const stack = monitoringStack();
    const sweden = accountIn(stack, "swedencentral", "sweden");
    const france = accountIn(stack, "francecentral", "france");
    const dest = destinations(stack);
    for (let i = 1; i <= 4; i++) {
      OpenAiDiagnosticSetting.forAccount(stack, `sweden-${i}`, sweden, { ...dest, name: `s-${i}` });
      OpenAiDiagnosticSetting.forAccount(stack, `france-${i}`, france, { ...dest, name: `s-${i}` });
    }
    expect(validationErrors(stack)).toEqual([]);
    expect(resourceList(synthJson(stack), "azurerm_monitor_diagnostic_setting")).toHaveLength(8);
  });

  test("rejects two settings of the same name on one account", () => {
    const stack = monitoringStack();
    const account = accountIn(stack);
    const dest = destinations(stack);
    OpenAiDiagnosticSetting.forAccount(stack, "a", account, dest);
    OpenAiDiagnosticSetting.forAccount(stack, "b", account, dest);
    expect(constructProblems(stack)).toEqual([
      failed("name", { path: "test/a", value: "openai-audit-logs", rule: /a name no other diagnostic/ }),
      failed("name", { path: "test/b", value: "openai-audit-logs", rule: /a name no other diagnostic/ }),
    ]);
  });
});

describe("ResourceDiagnosticSetting for other resource types", () => {
  function vaultIn(stack: TerraformStack, location = "swedencentral") {
    return new KeyVault(stack, "vault", { name: "aoaitkv", location, resourceGroupName: "rg", tenantId: "t", skuName: "premium" });
  }

  test("a Key Vault setting sends AuditEvent and AzurePolicyEvaluationDetails by default, named after the type", () => {
    const stack = monitoringStack();
    const vault = vaultIn(stack);
    const construct = new ResourceDiagnosticSetting(stack, "vault-logs", {
      targetResourceId: vault.id,
      location: "swedencentral",
      workspace: workspaceIn(stack),
      logCategories: KEY_VAULT_DIAGNOSTICS,
    });
    const resource = onlyResource(synthJson(stack), "azurerm_monitor_diagnostic_setting");
    expect(resource.name).toBe("key-vault-audit-logs");
    expect(resource.target_resource_id).toBe("${azurerm_key_vault.vault.id}");
    expect(resource.enabled_log).toEqual([{ category: "AuditEvent" }, { category: "AzurePolicyEvaluationDetails" }]);
    expect(resource.enabled_metric).toEqual([{ category: "AllMetrics" }]);
    expect(construct.node.defaultChild).toBe(construct.resource);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("categories are checked against the type's own list", () => {
    const stack = monitoringStack();
    new ResourceDiagnosticSetting(stack, "vault-logs", {
      targetResourceId: vaultIn(stack).id,
      location: "swedencentral",
      workspace: workspaceIn(stack),
      categories: ["Audit"],
      logCategories: KEY_VAULT_DIAGNOSTICS,
    });
    expect(constructProblems(stack)).toEqual([
      failed("categories[0]", { path: "test/vault-logs", value: "Audit", rule: /AuditEvent, AzurePolicyEvaluationDetails/ }),
    ]);
  });

  test("addDiagnosticSettings makes one setting per key, child diagnostics-<key>, named after the key", () => {
    const stack = monitoringStack();
    const vault = vaultIn(stack);
    const workspace = workspaceIn(stack);
    const made = addDiagnosticSettings(stack, { targetResourceId: vault.id, location: "swedencentral" }, {
      audit: { workspace, categoryGroups: ["audit"], metrics: false },
      everything: { workspace, name: "all-logs" },
    }, KEY_VAULT_DIAGNOSTICS);
    expect(Object.keys(made)).toEqual(["audit", "everything"]);
    expect(made.audit.node.path).toBe("test/diagnostics-audit");
    const byName = Object.fromEntries(resourceList(synthJson(stack), "azurerm_monitor_diagnostic_setting").map((r) => [r.name, r]));
    expect(byName.audit.enabled_log).toEqual([{ category_group: "audit" }]);
    expect(byName.audit.enabled_metric).toBeUndefined();
    expect(byName["all-logs"].enabled_log).toHaveLength(2);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("addDiagnosticSettings reports a key that cannot become a construct ID", () => {
    const stack = monitoringStack();
    addDiagnosticSettings(stack, { targetResourceId: "/x", location: "swedencentral" }, { "a/b": { workspace: workspaceIn(stack) } }, KEY_VAULT_DIAGNOSTICS);
    expect(constructProblems(stack)).toEqual([failed("diagnosticSettings", { path: "test", value: "a/b", rule: /a key without "\/"/ })]);
  });
});
