import { CognitiveAccountCustomerManagedKeyA } from "@cdktf/provider-azurerm/lib/cognitive-account-customer-managed-key";
import { KeyVault, KeyVaultConfig } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultAccessPolicyA, KeyVaultAccessPolicyAConfig } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { StorageAccountConfig } from "@cdktf/provider-azurerm/lib/storage-account";
import {
  AuditLogRetention,
  CognitiveCustomerManagedKey,
  CognitiveDiagnosticLogs,
  CognitiveLocalAuthDisabled,
  CognitiveOutboundRestricted,
  CognitivePrivateEndpoint,
  CognitivePublicNetworkAccessDisabled,
  DataResidencyRespected,
  KeyVaultHardened,
  NoPrivilegedRoleAssignment,
  RequestResponseRetentionLimit,
  StorageAccountHardened,
} from "../../../lib/governance/compliance";
import { testStack } from "../../helpers/synth";
import {
  deployment,
  diagnostics,
  diagnosticsTable,
  hardenedStorage,
  judge,
  libraryAccount,
  lifecycle,
  privateEndpoint,
  secureAccount,
  workspace,
} from "./fixtures";
import { ROLE_GUIDS } from "../../helpers/roles";

describe("account network and authentication rules", () => {
  const cases = [
    { rule: new CognitivePublicNetworkAccessDisabled(), attribute: "public_network_access_enabled", prop: "publicNetworkAccessEnabled", insecure: true },
    { rule: new CognitiveLocalAuthDisabled(), attribute: "local_auth_enabled", prop: "localAuthEnabled", insecure: true },
    { rule: new CognitiveOutboundRestricted(), attribute: "outbound_network_access_restricted", prop: "outboundNetworkAccessRestricted", insecure: false },
  ] as const;

  test.each(cases)("$rule.id: the secure value is compliant", ({ rule }) => {
    expect(judge(rule, secureAccount(testStack())).outcome).toBe("compliant");
  });

  test.each(cases)("$rule.id: the insecure value is non-compliant and named", ({ rule, attribute, prop, insecure }) => {
    const judgement = judge(rule, secureAccount(testStack(), "account", { [prop]: insecure }));
    expect(judgement.outcome).toBe("non-compliant");
    expect(judgement.detail).toContain(`${attribute} is ${insecure}`);
  });

  test.each(cases)("$rule.id: unset is non-compliant (the provider default is insecure)", ({ rule, attribute, prop }) => {
    const judgement = judge(rule, secureAccount(testStack(), "account", { [prop]: undefined }));
    expect(judgement).toEqual(expect.objectContaining({ outcome: "non-compliant", detail: expect.stringContaining(`${attribute} is not set`) }));
  });

  test.each(cases)("$rule.id: an escape-hatch override is judged, not the binding value", ({ rule, attribute, insecure }) => {
    const account = secureAccount(testStack());
    account.addOverride(attribute, insecure);
    expect(judge(rule, account).outcome).toBe("non-compliant");
  });

  test.each(cases)("$rule.id: the library's OpenAiAccount is compliant by default", ({ rule }) => {
    const account = libraryAccount(testStack(), "openai", { name: "aoai-rules", resourceGroupName: "rg", location: "swedencentral" });
    expect(judge(rule, account.resource).outcome).toBe("compliant");
  });
});

describe("CognitivePrivateEndpoint", () => {
  const rule = new CognitivePrivateEndpoint();

  test("an endpoint connected to the account's id is compliant", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    privateEndpoint(stack, account.id);
    expect(judge(rule, account)).toEqual({ outcome: "compliant", detail: "private endpoint test/endpoint" });
  });

  test("an endpoint of another account does not count", () => {
    const stack = testStack();
    const account = secureAccount(stack, "one");
    const other = secureAccount(stack, "two");
    privateEndpoint(stack, other.id);
    expect(judge(rule, account)).toEqual({ outcome: "non-compliant", detail: "no azurerm_private_endpoint in this stack connects to the account" });
  });
});

describe("CognitiveDiagnosticLogs", () => {
  const rule = new CognitiveDiagnosticLogs();

  test("Audit and RequestResponse (across settings) are compliant", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    const ws = workspace(stack, 365);
    diagnostics(stack, account.id, { categories: ["Audit"], workspaceId: ws.id }, "audit");
    diagnostics(stack, account.id, { categories: ["RequestResponse"], workspaceId: ws.id }, "prompts");
    expect(judge(rule, account).outcome).toBe("compliant");
  });

  test("the allLogs category group covers both", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    diagnostics(stack, account.id, { categoryGroups: ["allLogs"], workspaceId: workspace(stack).id });
    expect(judge(rule, account).outcome).toBe("compliant");
  });

  test("a missing category is non-compliant and named", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    diagnostics(stack, account.id, { categoryGroups: ["audit"], workspaceId: workspace(stack).id });
    const judgement = judge(rule, account);
    expect(judgement.outcome).toBe("non-compliant");
    expect(judgement.detail).toMatch(/do not send RequestResponse$/);
  });

  test("no diagnostic setting for the account is non-compliant", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    diagnostics(stack, secureAccount(stack, "other").id, { categoryGroups: ["allLogs"], workspaceId: workspace(stack).id });
    expect(judge(rule, account).outcome).toBe("non-compliant");
  });
});

describe("AuditLogRetention", () => {
  const rule = new AuditLogRetention({ minimumDays: 365 });

  function withWorkspace(days?: number, table?: { interactive?: number; total?: number }) {
    const stack = testStack();
    const account = secureAccount(stack);
    const ws = workspace(stack, days);
    if (table) diagnosticsTable(stack, ws, table);
    diagnostics(stack, account.id, { categories: ["Audit"], workspaceId: ws.id });
    return judge(rule, account);
  }

  test("a workspace keeping 365 days is compliant, 364 is not", () => {
    expect(withWorkspace(365).outcome).toBe("compliant");
    const short = withWorkspace(364);
    expect(short.outcome).toBe("non-compliant");
    expect(short.detail).toContain("364 days (workspace retention_in_days)");
  });

  test("the AzureDiagnostics table's total retention (archive) counts over the workspace's", () => {
    const judgement = withWorkspace(90, { interactive: 90, total: 400 });
    expect(judgement).toEqual({ outcome: "compliant", detail: "Log Analytics workspace test/workspace: 400 days (AzureDiagnostics table total_retention_in_days)" });
    expect(withWorkspace(730, { interactive: 90 }).outcome).toBe("non-compliant");
  });

  test("a workspace without retention keeps Azure's 30 days: non-compliant", () => {
    expect(withWorkspace(undefined).detail).toContain("30 days (Azure's default");
  });

  test("storage without a lifecycle rule for insights-logs-audit keeps Audit forever: compliant", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    const storage = hardenedStorage(stack);
    lifecycle(stack, storage, { "insights-logs-requestresponse/": 30 });
    diagnostics(stack, account.id, { categories: ["Audit"], storageAccountId: storage.id });
    expect(judge(rule, account).outcome).toBe("compliant");
  });

  test("a lifecycle rule deleting insights-logs-audit after 180 days is non-compliant", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    const storage = hardenedStorage(stack);
    lifecycle(stack, storage, { "insights-logs-audit/": 180 });
    diagnostics(stack, account.id, { categories: ["Audit"], storageAccountId: storage.id });
    const judgement = judge(rule, account);
    expect(judgement.outcome).toBe("non-compliant");
    expect(judgement.detail).toContain("insights-logs-audit/ deleted after 180 days");
  });

  test("one destination meeting the minimum is enough", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    const storage = hardenedStorage(stack);
    lifecycle(stack, storage, { "insights-logs-audit/": 2200 });
    diagnostics(stack, account.id, { categories: ["Audit"], workspaceId: workspace(stack, 30).id, storageAccountId: storage.id });
    expect(judge(rule, account).outcome).toBe("compliant");
  });

  test("no Audit destination, or one outside the stack, is non-compliant", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    expect(judge(rule, account).detail).toMatch(/no diagnostic setting .* sends the account's Audit logs/);
    diagnostics(stack, account.id, { categories: ["Audit"], workspaceId: "/subscriptions/s/resourceGroups/hub/providers/Microsoft.OperationalInsights/workspaces/central" });
    const outside = judge(rule, account);
    expect(outside.outcome).toBe("non-compliant");
    expect(outside.detail).toContain("is not in this stack");
  });
});

describe("RequestResponseRetentionLimit", () => {
  const rule = new RequestResponseRetentionLimit({ maximumDays: 90 });

  function toStorage(deleteAfter: Record<string, number>) {
    const stack = testStack();
    const account = secureAccount(stack);
    const storage = hardenedStorage(stack);
    lifecycle(stack, storage, deleteAfter);
    diagnostics(stack, account.id, { categories: ["RequestResponse"], storageAccountId: storage.id });
    return judge(rule, account);
  }

  test("deleting insights-logs-requestresponse after 90 days is compliant, 91 is not", () => {
    expect(toStorage({ "insights-logs-requestresponse/": 90 }).outcome).toBe("compliant");
    expect(toStorage({ "insights-logs-requestresponse/": 91 }).outcome).toBe("non-compliant");
  });

  test("a rule for another container leaves prompts stored indefinitely: non-compliant", () => {
    const judgement = toStorage({ "insights-logs-audit/": 30 });
    expect(judgement.outcome).toBe("non-compliant");
    expect(judgement.detail).toContain("kept indefinitely");
  });

  test("a workspace keeping 365 days is non-compliant; 30 days is compliant", () => {
    for (const [days, outcome] of [[365, "non-compliant"], [30, "compliant"]] as const) {
      const stack = testStack();
      const account = secureAccount(stack);
      diagnostics(stack, account.id, { categoryGroups: ["allLogs"], workspaceId: workspace(stack, days).id });
      expect(judge(rule, account).outcome).toBe(outcome);
    }
  });

  test("an event hub destination cannot show the limit: non-compliant", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    diagnostics(stack, account.id, { categories: ["RequestResponse"], eventhubRuleId: "/subscriptions/s/eh/rule" });
    expect(judge(rule, account).detail).toContain("event hub");
  });

  test("not storing RequestResponse at all is compliant", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    diagnostics(stack, account.id, { categories: ["Audit"], workspaceId: workspace(stack, 730).id });
    expect(judge(rule, account)).toEqual({ outcome: "compliant", detail: "RequestResponse logs are not stored" });
  });
});

describe("CognitiveCustomerManagedKey", () => {
  const rule = new CognitiveCustomerManagedKey();

  test("a production account without a key is non-compliant", () => {
    expect(judge(rule, secureAccount(testStack())).outcome).toBe("non-compliant");
  });

  test("a production account with azurerm_cognitive_account_customer_managed_key is compliant", () => {
    const stack = testStack();
    const account = secureAccount(stack);
    new CognitiveAccountCustomerManagedKeyA(stack, "cmk", { cognitiveAccountId: account.id, keyVaultKeyId: "https://kv.vault.azure.net/keys/k" });
    expect(judge(rule, account)).toEqual({
      outcome: "compliant",
      detail:
        "customer-managed key test/cmk; rotation: versionless or unresolved key URI; Microsoft documents that a rotated key must be set on the account again, so rotations are not shown to reach the account",
    });
  });

  test("the finding says how rotation reaches the account", () => {
    const detail = (keyVaultKeyId: string) => {
      const stack = testStack();
      const account = secureAccount(stack);
      new CognitiveAccountCustomerManagedKeyA(stack, "cmk", { cognitiveAccountId: account.id, keyVaultKeyId });
      return judge(rule, account).detail;
    };
    expect(detail("${azapi_resource.cmk_key_1234.output.properties.keyUriWithVersion}")).toContain(
      "rotation: Key Vault creates new key versions by itself; the key's current version is read on every plan and the account moves to it at the next apply",
    );
    expect(detail("https://kv.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef")).toContain("rotation: pinned to one key version");
  });

  test("the inline customer_managed_key block is compliant", () => {
    const account = secureAccount(testStack(), "account", { customerManagedKey: { keyVaultKeyId: "https://kv.vault.azure.net/keys/k" } });
    expect(judge(rule, account).outcome).toBe("compliant");
  });

  test("both the inline block and the separate resource is non-compliant", () => {
    const stack = testStack();
    const account = secureAccount(stack, "account", { customerManagedKey: { keyVaultKeyId: "https://kv.vault.azure.net/keys/k" } });
    new CognitiveAccountCustomerManagedKeyA(stack, "cmk", { cognitiveAccountId: account.id, keyVaultKeyId: "https://kv.vault.azure.net/keys/k" });
    expect(judge(rule, account)).toEqual({
      outcome: "non-compliant",
      detail: "both the inline customer_managed_key block and test/cmk set the key",
    });
  });

  test("a non-production account is not applicable, unless the pack says production", () => {
    const dev = () => secureAccount(testStack(), "account", { tags: { environment: "dev", "data-residency": "eu" } });
    expect(judge(rule, dev())).toEqual({ outcome: "not-applicable", detail: 'not production (environment tag "dev")' });
    expect(judge(new CognitiveCustomerManagedKey({ production: true }), dev()).outcome).toBe("non-compliant");
  });
});

describe("NoPrivilegedRoleAssignment", () => {
  const rule = new NoPrivilegedRoleAssignment();
  const roleId = (guid: string) => `/subscriptions/\${data.azurerm_client_config.current.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
  const assignment = (role: { roleDefinitionId?: string; roleDefinitionName?: string }) =>
    new RoleAssignment(testStack(), "assignment", { scope: "/subscriptions/s", principalId: "p", principalType: "Group", ...role });

  test.each([
    ["Owner", ROLE_GUIDS.Owner],
    ["Contributor", ROLE_GUIDS.Contributor],
    ["User Access Administrator", ROLE_GUIDS.UserAccessAdministrator],
    ["Cognitive Services Contributor", ROLE_GUIDS.CognitiveServicesContributor],
  ])("%s (%s) by id is non-compliant", (role, guid) => {
    expect(judge(rule, assignment({ roleDefinitionId: roleId(guid) }))).toEqual({
      outcome: "non-compliant",
      detail: `role_definition_id ends in ${guid} (${role})`,
    });
  });

  test("a privileged role by name is non-compliant", () => {
    expect(judge(rule, assignment({ roleDefinitionName: "Contributor" })).outcome).toBe("non-compliant");
  });

  test("Cognitive Services OpenAI User is compliant, by id or name", () => {
    expect(judge(rule, assignment({ roleDefinitionId: roleId(ROLE_GUIDS.OpenAiUser) })).outcome).toBe("compliant");
    expect(judge(rule, assignment({ roleDefinitionName: "Cognitive Services OpenAI User" })).outcome).toBe("compliant");
  });

  test("a role only known at apply time cannot be shown compliant", () => {
    const judgement = judge(rule, assignment({ roleDefinitionId: "${data.azurerm_role_definition.any.id}" }));
    expect(judgement.outcome).toBe("non-compliant");
    expect(judgement.detail).toContain("cannot be verified at synth");
  });
});

describe("DataResidencyRespected", () => {
  const rule = new DataResidencyRespected();
  const account = (location: string, residency?: string) => {
    const stack = testStack();
    const tags: Record<string, string> = { environment: "prod", ...(residency ? { "data-residency": residency } : {}) };
    return secureAccount(stack, "account", { location, tags });
  };

  test("an eu account in an EU data-zone region is compliant", () => {
    expect(judge(rule, account("swedencentral", "eu")).outcome).toBe("compliant");
  });

  test.each([
    ["eastus", "eu"],
    ["uksouth", "eu"],
    ["swedencentral", "us"],
  ])("an account in %s tagged %s is non-compliant", (location, residency) => {
    const judgement = judge(rule, account(location, residency));
    expect(judgement.outcome).toBe("non-compliant");
    expect(judgement.detail).toContain(`location ${location}`);
  });

  test("an account without a data-residency tag is non-compliant", () => {
    expect(judge(rule, account("swedencentral")).detail).toContain("no data-residency tag");
  });

  test("a tag naming the location pins the account there; a custom name is not applicable", () => {
    expect(judge(rule, account("uksouth", "uksouth")).outcome).toBe("compliant");
    expect(judge(rule, account("swedencentral", "nordics")).outcome).toBe("not-applicable");
  });

  function deploymentJudgement(location: string, residency: string, sku: string) {
    const stack = testStack();
    const acct = secureAccount(stack, "account", { location, tags: { "data-residency": residency } });
    return judge(rule, deployment(stack, acct.id, sku));
  }

  test.each([
    ["swedencentral", "eu", "Standard", "compliant"],
    ["swedencentral", "eu", "DataZoneStandard", "compliant"],
    ["swedencentral", "eu", "GlobalStandard", "non-compliant"],
    ["eastus2", "us", "DataZoneProvisionedManaged", "compliant"],
    ["eastus2", "us", "GlobalBatch", "non-compliant"],
    ["uksouth", "uksouth", "DataZoneStandard", "non-compliant"],
    ["swedencentral", "global", "GlobalStandard", "compliant"],
  ])("a deployment on a %s account tagged %s with %s is %s", (location, residency, sku, outcome) => {
    const judgement = deploymentJudgement(location, residency, sku);
    expect(judgement.outcome).toBe(outcome);
    if (outcome === "non-compliant") expect(judgement.detail).toContain(`sku.name ${sku}`);
  });

  test("a deployment whose account is not in the stack is not applicable", () => {
    const judgement = judge(rule, deployment(testStack(), "/subscriptions/s/accounts/elsewhere", "GlobalStandard"));
    expect(judgement.outcome).toBe("not-applicable");
  });
});

describe("StorageAccountHardened", () => {
  const rule = new StorageAccountHardened();

  test("a hardened storage account is compliant", () => {
    expect(judge(rule, hardenedStorage(testStack())).outcome).toBe("compliant");
  });

  test.each<[string, Partial<StorageAccountConfig>]>([
    ['min_tls_version is "TLS1_0"', { minTlsVersion: "TLS1_0" }],
    ["min_tls_version is not set", { minTlsVersion: undefined }],
    ["allow_nested_items_to_be_public is true", { allowNestedItemsToBePublic: true }],
    ["public_network_access_enabled is true", { publicNetworkAccessEnabled: true }],
    ["shared_access_key_enabled is true", { sharedAccessKeyEnabled: true }],
    ["infrastructure_encryption_enabled is false", { infrastructureEncryptionEnabled: false }],
    ["infrastructure_encryption_enabled is not set", { infrastructureEncryptionEnabled: undefined }],
  ])("non-compliant when %s", (detail, weakening) => {
    const judgement = judge(rule, hardenedStorage(testStack(), "archive", weakening));
    expect(judgement.outcome).toBe("non-compliant");
    expect(judgement.detail).toContain(detail);
  });
});

describe("KeyVaultHardened", () => {
  const rule = new KeyVaultHardened();
  const vault = (props: Partial<KeyVaultConfig>, stack = testStack()) =>
    new KeyVault(stack, "vault", {
      name: "kv",
      resourceGroupName: "rg",
      location: "swedencentral",
      skuName: "premium",
      tenantId: "t",
      purgeProtectionEnabled: true,
      rbacAuthorizationEnabled: false,
      publicNetworkAccessEnabled: false,
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
      ...props,
    });
  const policy = (kv: KeyVault, permissions: Partial<KeyVaultAccessPolicyAConfig>, id = "policy") =>
    new KeyVaultAccessPolicyA(kv, id, { keyVaultId: kv.id, tenantId: "t", objectId: "00000000-0000-0000-0000-000000000002", ...permissions });

  test("access policies limited to Get, WrapKey and UnwrapKey are compliant", () => {
    const kv = vault({});
    policy(kv, { keyPermissions: ["Get", "WrapKey", "UnwrapKey"] });
    expect(judge(rule, kv)).toEqual({ outcome: "compliant", detail: "access policies limited to key permissions Get, WrapKey, UnwrapKey: test/vault/policy" });
  });

  test("purge protection, RBAC and no public access is compliant", () => {
    expect(judge(rule, vault({ rbacAuthorizationEnabled: true }))).toEqual({ outcome: "compliant", detail: "RBAC authorization" });
  });

  test("RBAC through the deprecated enable_rbac_authorization is accepted", () => {
    expect(judge(rule, vault({ rbacAuthorizationEnabled: undefined, enableRbacAuthorization: true })).outcome).toBe("compliant");
  });

  test.each<[string, Partial<KeyVaultAccessPolicyAConfig>]>([
    ["key permissions Decrypt, Delete", { keyPermissions: ["Get", "Decrypt", "Delete"] }],
    ["secret_permissions Get", { keyPermissions: ["Get"], secretPermissions: ["Get"] }],
    ["certificate_permissions List", { certificatePermissions: ["List"] }],
  ])("an access policy granting more is non-compliant (%s)", (detail, permissions) => {
    const kv = vault({});
    policy(kv, permissions);
    const judgement = judge(rule, kv);
    expect(judgement.outcome).toBe("non-compliant");
    expect(judgement.detail).toContain(`test/vault/policy grants ${detail}`);
  });

  test("an inline access_policy block is judged too", () => {
    const kv = vault({ accessPolicy: [{ tenantId: "t", objectId: "00000000-0000-0000-0000-000000000003", keyPermissions: ["Purge"] }] });
    expect(judge(rule, kv).detail).toContain("access_policy[0] grants key permissions Purge");
  });

  test.each<[string, Partial<KeyVaultConfig>]>([
    ["purge_protection_enabled is false", { purgeProtectionEnabled: false }],
    ["public_network_access_enabled is true", { publicNetworkAccessEnabled: true }],
    ["public_network_access_enabled is not set", { publicNetworkAccessEnabled: undefined }],
    ["network_acls.bypass is \"None\"", { networkAcls: { defaultAction: "Deny", bypass: "None" } }],
    ["network_acls.default_action is \"Allow\"", { networkAcls: { defaultAction: "Allow", bypass: "AzureServices" } }],
    ["network_acls.default_action is not set", { networkAcls: undefined }],
  ])("non-compliant when %s", (detail, weakening) => {
    const judgement = judge(rule, vault(weakening));
    expect(judgement.outcome).toBe("non-compliant");
    expect(judgement.detail).toContain(detail);
  });
});
