import { TerraformOutput, TerraformVariable } from "cdktf";
import { grantUse } from "../../lib/identity";
import { OpenAiPrivateEndpoint } from "../../lib/network";
import { CMK_KEY_PERMISSIONS, ModelDeployment, OpenAiAccount } from "../../lib/openai";
import { gpt, openAiAccount } from "../helpers/openai";
import { onlyResource, resourceList, synthJson, testStack, validationErrors } from "../helpers/synth";
import { GUIDS, subscriptionFormRoleId } from "../identity/fixtures";
import { subnetId, zoneId } from "../network/fixtures";
import { constructProblems, failed } from "../helpers/problems";

const SUB = "11111111-2222-3333-4444-555555555555";
const WORKSPACE = { workspaceId: `/subscriptions/${SUB}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-test`, location: "swedencentral" };
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-test/providers/Microsoft.KeyVault/vaults/kv-test-sdc`;
const KEY_URI = "https://kv-test-sdc.vault.azure.net/keys/aoai-cmk/0123456789abcdef0123456789abcdef";
const DEVELOPERS = "7d1b8a52-3c4e-4f60-9a1b-2c3d4e5f6a7b";
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-other/providers/Microsoft.CognitiveServices/accounts/shared-oai`;

/** The account's own address in Terraform expressions, for example `${azurerm_cognitive_account.openai_resource_ABC.id}`. */
const ref = (account: OpenAiAccount, attribute: string) => `\${azurerm_cognitive_account.${account.resource.friendlyUniqueId}.${attribute}}`;

describe("OpenAiAccount lock", () => {
  test("prevent_destroy and a CanNotDelete lock on the account's ID, with the reason as notes", () => {
    const stack = testStack();
    const account = openAiAccount(stack, { lock: { reason: "production account; deleting it loses its deployments" } });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_cognitive_account").lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, "azurerm_management_lock")).toEqual(
      expect.objectContaining({
        scope: ref(account, "id"),
        lock_level: "CanNotDelete",
        name: "do-not-delete-openai",
        notes: "production account; deleting it loses its deployments",
      }),
    );
    expect(account.lock?.node.path).toBe("test/openai/lock");
  });

  test("preventDestroy only: no management lock", () => {
    const stack = testStack();
    openAiAccount(stack, { lock: { reason: "keep the account in Terraform", protection: "preventDestroy" } });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_cognitive_account").lifecycle).toEqual({ prevent_destroy: true });
    expect(resourceList(json, "azurerm_management_lock")).toEqual([]);
  });

  test("a lock without a real reason fails", () => {
    const stack = testStack();
    openAiAccount(stack, { lock: { reason: "prod" } });
    expect(constructProblems(stack)).toEqual([failed("lock.reason", { path: "test/openai", value: "prod" })]);
  });

  test("without lock the account can be destroyed", () => {
    const stack = testStack();
    openAiAccount(stack);
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_cognitive_account").lifecycle).toBeUndefined();
    expect(resourceList(json, "azurerm_management_lock")).toEqual([]);
  });
});

describe("OpenAiAccount roleAssignments", () => {
  test("each key assigns its role on the account's ID with the catalog's role definition", () => {
    const stack = testStack();
    const account = openAiAccount(stack, {
      roleAssignments: {
        "ai-developers": { principalId: DEVELOPERS, principalType: "Group", role: "OpenAiUser", description: "AI developers" },
      },
    });
    const assignment = onlyResource(synthJson(stack), "azurerm_role_assignment");
    expect(assignment).toMatchObject({
      scope: ref(account, "id"),
      principal_id: DEVELOPERS,
      principal_type: "Group",
      role_definition_id: subscriptionFormRoleId(GUIDS.OpenAiUser),
      description: "AI developers",
    });
    // The key, not the principal ID, is in the construct ID (and so the address).
    expect(account.roleAssignments.map((a) => a.node.path)).toEqual(["test/openai/grant-OpenAiUser-ai-developers"]);
  });

  test("a privileged role needs a justification, which goes into the description", () => {
    const stack = testStack();
    openAiAccount(stack, { roleAssignments: { ops: { principalId: DEVELOPERS, principalType: "Group", role: "CognitiveServicesContributor" } } });
    expect(constructProblems(stack)).toContainEqual(failed("role", { value: "CognitiveServicesContributor", rule: /Cognitive Services Contributor is privileged/ }));

    const justified = testStack();
    openAiAccount(justified, {
      roleAssignments: {
        ops: { principalId: DEVELOPERS, principalType: "Group", role: "CognitiveServicesContributor", privileged: { reason: "on-call rotates keys, INC-2207" } },
      },
    });
    expect(validationErrors(justified)).toEqual([]);
    expect(onlyResource(synthJson(justified), "azurerm_role_assignment").description).toBe("Privileged: on-call rotates keys, INC-2207");
  });

  test("the prop and a grant method of the same role and principal make one assignment", () => {
    const stack = testStack();
    const account = openAiAccount(stack, { roleAssignments: { devs: { principalId: DEVELOPERS, principalType: "Group", role: "OpenAiUser" } } });
    expect(grantUse(account, { principalId: DEVELOPERS, principalType: "Group", granteeKey: "devs" })).toBe(account.roleAssignments[0]);
    expect(resourceList(synthJson(stack), "azurerm_role_assignment")).toHaveLength(1);
  });
});

describe("OpenAiAccount diagnosticSettings", () => {
  test("one setting per key, targeting the account, named after the key", () => {
    const stack = testStack();
    const account = openAiAccount(stack, {
      diagnosticSettings: { audit: { workspace: WORKSPACE }, usage: { workspace: WORKSPACE, categories: ["AzureOpenAIRequestUsage"], metrics: false } },
    });
    const settings = resourceList(synthJson(stack), "azurerm_monitor_diagnostic_setting");
    expect(settings.map((s) => s.name).sort()).toEqual(["audit", "usage"]);
    for (const setting of settings) {
      expect(setting.target_resource_id).toBe(ref(account, "id"));
      expect(setting.log_analytics_workspace_id).toBe(WORKSPACE.workspaceId);
    }
    expect(settings.find((s) => s.name === "usage").enabled_log).toEqual([{ category: "AzureOpenAIRequestUsage" }]);
    expect(Object.values(account.diagnosticSettings).map((s) => s.node.path).sort()).toEqual(["test/openai/diagnostics-audit", "test/openai/diagnostics-usage"]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("an archive in another region than the account fails", () => {
    const stack = testStack();
    openAiAccount(stack, { diagnosticSettings: { audit: { archive: { storageAccountId: "/subscriptions/x/sa", location: "francecentral" } } } });
    expect(constructProblems(stack)).toContainEqual(failed("archive.location", { path: "test/openai/diagnostics-audit", value: "francecentral" }));
  });
});

describe("OpenAiAccount customerManagedKey", () => {
  test("the system-assigned identity gets Get, WrapKey, UnwrapKey, then the versioned key is set", () => {
    const stack = testStack();
    const account = openAiAccount(stack, { deployments: [gpt("chat")], customerManagedKey: { keyVaultId: VAULT_ID, keyUriWithVersion: KEY_URI } });
    const json = synthJson(stack);
    const policy = onlyResource(json, "azurerm_key_vault_access_policy");
    expect(policy).toEqual(
      expect.objectContaining({
        key_vault_id: VAULT_ID,
        object_id: ref(account, "identity[0].principal_id"),
        tenant_id: ref(account, "identity[0].tenant_id"),
        key_permissions: ["Get", "WrapKey", "UnwrapKey"],
      }),
    );
    expect(CMK_KEY_PERMISSIONS).toEqual(["Get", "WrapKey", "UnwrapKey"]);
    const cmk = onlyResource(json, "azurerm_cognitive_account_customer_managed_key");
    expect(cmk.cognitive_account_id).toBe(ref(account, "id"));
    expect(cmk.key_vault_key_id).toBe(KEY_URI);
    expect(cmk.identity_client_id).toBeUndefined();
    const policyAddress = `azurerm_key_vault_access_policy.${account.customerManagedKey!.accessPolicy!.friendlyUniqueId}`;
    const deploymentAddress = `azurerm_cognitive_deployment.${account.deployments[0].resource.friendlyUniqueId}`;
    // After the access policy, and after the deployment made before it (one operation at a time).
    expect(cmk.depends_on).toEqual([policyAddress, deploymentAddress]);
    expect(onlyResource(json, "azurerm_cognitive_account").lifecycle).toEqual({ ignore_changes: ["customer_managed_key"] });
    expect([account.customerManagedKey!.accessPolicy!.node.path, account.customerManagedKey!.resource.node.path]).toEqual([
      "test/openai/cmk-access-policy",
      "test/openai/cmk",
    ]);
  });

  test("a user-assigned identity reads the key: no access policy, its client ID on the key", () => {
    const stack = testStack();
    openAiAccount(stack, {
      managedIdentities: { userAssignedResourceIds: [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/cmk-id`] },
      customerManagedKey: { keyVaultId: VAULT_ID, keyUriWithVersion: KEY_URI, identityClientId: "c0ffee00-1111-2222-3333-444444444444" },
    });
    const json = synthJson(stack);
    expect(resourceList(json, "azurerm_key_vault_access_policy")).toEqual([]);
    const cmk = onlyResource(json, "azurerm_cognitive_account_customer_managed_key");
    expect(cmk.identity_client_id).toBe("c0ffee00-1111-2222-3333-444444444444");
    // Only the earlier write to the account (stored completions off), no access policy to wait for.
    expect(cmk.depends_on).toEqual([expect.stringMatching(/^azapi_update_resource\.openai_stored-completions-off_/)]);
  });

  test("lock and customerManagedKey together keep both lifecycle settings", () => {
    const stack = testStack();
    openAiAccount(stack, { lock: { reason: "production account of the chatbot" }, customerManagedKey: { keyVaultId: VAULT_ID, keyUriWithVersion: KEY_URI } });
    expect(onlyResource(synthJson(stack), "azurerm_cognitive_account").lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ["customer_managed_key"] });
  });

  test("a key URI without a version, a vault ID that is not one, and no identity to read the key fail", () => {
    const stack = testStack();
    openAiAccount(stack, {
      managedIdentities: { systemAssigned: false, userAssignedResourceIds: ["/subscriptions/x/id1"] },
      customerManagedKey: { keyVaultId: "kv-test-sdc", keyUriWithVersion: "https://kv-test-sdc.vault.azure.net/keys/aoai-cmk" },
    });
    const errors = constructProblems(stack);
    expect(errors).toContainEqual(failed("customerManagedKey.keyVaultId", { value: "kv-test-sdc" }));
    expect(errors).toContainEqual(failed("customerManagedKey.keyUriWithVersion", { rule: /a versioned key URI/ }));
    expect(errors).toContainEqual(failed("customerManagedKey.identityClientId", { value: undefined }));
  });
});

describe("OpenAiAccount.fromAccountId", () => {
  test("grants, deployments and private endpoints work on an account made elsewhere", () => {
    const stack = testStack();
    const shared = OpenAiAccount.fromAccountId(stack, "shared", ACCOUNT_ID, { location: "swedencentral" });
    expect(shared.accountName).toBe("shared-oai");
    expect(shared.customSubdomainName).toBe("shared-oai");
    expect(shared.scopeId).toBe(ACCOUNT_ID);
    expect(shared.resourceId).toBe(ACCOUNT_ID);
    shared.grantUse({ principalId: DEVELOPERS, principalType: "Group" });
    new ModelDeployment(stack, "chat", { ...gpt("chat"), account: shared });
    new ModelDeployment(stack, "embed", { ...gpt("embed"), account: shared });
    new OpenAiPrivateEndpoint(stack, "pe", { account: shared, name: "pe-shared-oai", resourceGroupName: "rg-test", subnetId: subnetId(), privateDnsZoneIds: [zoneId("privatelink.openai.azure.com")] });
    const json = synthJson(stack);
    expect(resourceList(json, "azurerm_cognitive_account")).toEqual([]);
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({ scope: ACCOUNT_ID, role_definition_id: subscriptionFormRoleId(GUIDS.OpenAiUser) });
    const deployments = resourceList(json, "azurerm_cognitive_deployment");
    expect(deployments.map((d) => d.cognitive_account_id)).toEqual([ACCOUNT_ID, ACCOUNT_ID]);
    // chainOperation does nothing for an imported account.
    expect(deployments.map((d) => d.depends_on)).toEqual([undefined, undefined]);
    expect(onlyResource(json, "azurerm_private_endpoint").private_service_connection.private_connection_resource_id).toBe(ACCOUNT_ID);
    expect(ModelDeployment.onAccount(shared).map((d) => d.options.name)).toEqual(["chat", "embed"]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("for a Terraform reference as the ID, the name is cut out by Terraform functions", () => {
    const stack = testStack();
    const id = new TerraformVariable(stack, "account_id", { type: "string" });
    const shared = OpenAiAccount.fromAccountId(stack, "shared", id.stringValue, { location: "swedencentral" });
    new TerraformOutput(stack, "name", { value: shared.accountName });
    expect(synthJson(stack).output?.name.value).toBe('${element(split("/", var.account_id), 8)}');
    expect(validationErrors(stack)).toEqual([]);
  });

  test("an ID that is not an account's fails", () => {
    const stack = testStack();
    OpenAiAccount.fromAccountId(stack, "shared", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa", { location: "swedencentral" });
    expect(constructProblems(stack)).toEqual([failed("accountId", { path: "test/shared", rule: /an Azure OpenAI account resource/ })]);
  });
});

describe("node.defaultChild", () => {
  test("is the main provider resource of the account, its deployments, filter and grants", () => {
    const stack = testStack();
    const account = openAiAccount(stack, { contentFilter: {}, deployments: [gpt("chat")] });
    const grant = account.grantRead({ principalId: DEVELOPERS, principalType: "Group" });
    expect(account.node.defaultChild).toBe(account.resource);
    expect(account.deployments[0].node.defaultChild).toBe(account.deployments[0].resource);
    expect(account.contentFilter!.node.defaultChild).toBe(account.contentFilter!.resource);
    expect(grant.node.defaultChild).toBe(grant.resource);
  });
});
