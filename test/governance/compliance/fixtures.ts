import { CognitiveAccount, CognitiveAccountConfig } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { CognitiveAccountCustomerManagedKeyA } from "@cdktf/provider-azurerm/lib/cognitive-account-customer-managed-key";
import { CognitiveDeployment } from "@cdktf/provider-azurerm/lib/cognitive-deployment";
import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultAccessPolicyA } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { LogAnalyticsWorkspace } from "@cdktf/provider-azurerm/lib/log-analytics-workspace";
import { LogAnalyticsWorkspaceTable } from "@cdktf/provider-azurerm/lib/log-analytics-workspace-table";
import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { StorageAccount, StorageAccountConfig } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageManagementPolicy } from "@cdktf/provider-azurerm/lib/storage-management-policy";
import { TerraformResource, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { OpenAiAccount, OpenAiAccountProps } from "../../../lib";
import { GovernanceTags } from "../../../lib/core/governance-tags";
import { ComplianceRule, RuleContext, RuleJudgement } from "../../../lib/governance/compliance";
import { DefenderForAi } from "../../../lib/governance/defender-for-ai";

/** Judges one resource with one rule, the way a pack does. */
export function judge(rule: ComplianceRule, resource: TerraformResource): RuleJudgement {
  expect(rule.resourceTypes).toContain(resource.terraformResourceType);
  return rule.evaluate(resource, new RuleContext(TerraformStack.of(resource)));
}

/** Props of {@link libraryAccount}: the account's own props. */
export type LibraryAccountProps = Pick<OpenAiAccountProps, "name" | "resourceGroupName" | "location"> & Partial<OpenAiAccountProps>;

/**
 * The library's OpenAiAccount `id` in `scope` (an eu location); a GovernanceTags aspect on `scope`
 * tags every resource there with `environment`, owner `team` and residency `eu`.
 */
export function libraryAccount(scope: Construct, id: string, props: LibraryAccountProps, environment = "dev"): OpenAiAccount {
  const governance = { environment, owner: "team", dataResidency: "eu" };
  const account = new OpenAiAccount(scope, id, props);
  // On `scope`, before any pack is added there: a pack judges a resource before the aspects of
  // inner scopes have run, so tags applied on the account itself would come too late.
  GovernanceTags.apply(scope, governance);
  return account;
}

/** A raw azurerm_cognitive_account with every secure setting, tagged eu / prod. */
export function secureAccount(scope: Construct, id = "account", overrides: Partial<CognitiveAccountConfig> = {}): CognitiveAccount {
  return new CognitiveAccount(scope, id, {
    name: `aoai-${id}`,
    resourceGroupName: "rg",
    location: "swedencentral",
    kind: "OpenAI",
    skuName: "S0",
    customSubdomainName: `aoai-${id}`,
    publicNetworkAccessEnabled: false,
    localAuthEnabled: false,
    outboundNetworkAccessRestricted: true,
    tags: { environment: "prod", "data-residency": "eu" },
    ...overrides,
  });
}

/** A private endpoint connected to `accountId`. */
export function privateEndpoint(scope: Construct, accountId: string, id = "endpoint"): PrivateEndpoint {
  return new PrivateEndpoint(scope, id, {
    name: "pe",
    resourceGroupName: "rg",
    location: "swedencentral",
    subnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe",
    privateServiceConnection: { name: "account", privateConnectionResourceId: accountId, isManualConnection: false, subresourceNames: ["account"] },
  });
}

/** A workspace keeping `days` (unset when undefined). */
export function workspace(scope: Construct, days?: number, id = "workspace"): LogAnalyticsWorkspace {
  return new LogAnalyticsWorkspace(scope, id, { name: id, resourceGroupName: "rg", location: "swedencentral", retentionInDays: days });
}

/** The AzureDiagnostics table of `ws` with the given retention. */
export function diagnosticsTable(scope: Construct, ws: LogAnalyticsWorkspace, retention: { interactive?: number; total?: number }) {
  return new LogAnalyticsWorkspaceTable(scope, `${ws.node.id}-table`, {
    name: "AzureDiagnostics",
    workspaceId: ws.id,
    retentionInDays: retention.interactive,
    totalRetentionInDays: retention.total,
  });
}

/** A storage account with every hardened setting. */
export function hardenedStorage(scope: Construct, id = "archive", overrides: Partial<StorageAccountConfig> = {}): StorageAccount {
  return new StorageAccount(scope, id, {
    name: `st${id}`,
    resourceGroupName: "rg",
    location: "swedencentral",
    accountTier: "Standard",
    accountReplicationType: "ZRS",
    minTlsVersion: "TLS1_2",
    allowNestedItemsToBePublic: false,
    publicNetworkAccessEnabled: false,
    sharedAccessKeyEnabled: false,
    infrastructureEncryptionEnabled: true,
    ...overrides,
  });
}

/** A lifecycle policy deleting append blobs under each `prefix` after the given days. */
export function lifecycle(scope: Construct, storage: StorageAccount, deleteAfter: Record<string, number>, id = "lifecycle") {
  return new StorageManagementPolicy(scope, id, {
    storageAccountId: storage.id,
    rule: Object.entries(deleteAfter).map(([prefix, days]) => ({
      name: `delete-${prefix.replace(/[^a-z]/g, "")}`,
      enabled: true,
      filters: { blobTypes: ["appendBlob"], prefixMatch: [prefix] },
      actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: days } },
    })),
  });
}

/** A diagnostic setting of `targetId` sending `categories` to a workspace and/or storage account. */
export function diagnostics(
  scope: Construct,
  targetId: string,
  options: { categories?: string[]; categoryGroups?: string[]; workspaceId?: string; storageAccountId?: string; eventhubRuleId?: string },
  id = "diagnostics",
): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(scope, id, {
    name: id,
    targetResourceId: targetId,
    logAnalyticsWorkspaceId: options.workspaceId,
    storageAccountId: options.storageAccountId,
    eventhubAuthorizationRuleId: options.eventhubRuleId,
    enabledLog: [
      ...(options.categories ?? []).map((category) => ({ category })),
      ...(options.categoryGroups ?? []).map((categoryGroup) => ({ categoryGroup })),
    ],
  });
}

/** A model deployment on `accountId` with `sku`. */
export function deployment(scope: Construct, accountId: string, sku: string, id = "deployment"): CognitiveDeployment {
  return new CognitiveDeployment(scope, id, {
    name: id,
    cognitiveAccountId: accountId,
    model: { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" },
    sku: { name: sku, capacity: 10 },
  });
}

/** Parts of {@link compliantComposition}. */
export interface Composition {
  readonly account: OpenAiAccount;
  readonly storage: StorageAccount;
  readonly vault: KeyVault;
}

/**
 * A production eu composition that passes SOC 2, HIPAA and GDPR: the library's account with a
 * private endpoint, a customer-managed key in a hardened vault, Audit kept six years in the
 * workspace's archive, RequestResponse in storage deleted after 30 days, a least-privilege role.
 */
export function compliantComposition(scope: Construct, environment = "prod"): Composition {
  const account = libraryAccount(
    scope,
    "openai",
    {
      name: "aoai-compliant",
      resourceGroupName: "rg",
      location: "swedencentral",
      deployments: [{ name: "gpt-4-1", model: "gpt-4.1", version: "2025-04-14", sku: "DataZoneStandard", capacity: 50 }],
      // Prompt shields on (ContentFilterPromptShields); stored completions are off by default.
      contentFilter: {},
    },
    environment,
  );
  // Threat detection (DefenderForAiEnabled): the subscription's Defender for AI plan.
  new DefenderForAi(scope, "defender", { defender: { owner: "environment" } });
  privateEndpoint(scope, account.accountId);
  const ws = workspace(scope, 90);
  diagnosticsTable(scope, ws, { interactive: 90, total: 2190 });
  const storage = hardenedStorage(scope);
  lifecycle(scope, storage, { "insights-logs-requestresponse/": 30 });
  diagnostics(scope, account.accountId, { categories: ["Audit"], workspaceId: ws.id }, "audit-logs");
  diagnostics(scope, account.accountId, { categories: ["RequestResponse"], storageAccountId: storage.id }, "prompt-logs");
  const vault = new KeyVault(scope, "vault", {
    name: "kv-compliant",
    resourceGroupName: "rg",
    location: "swedencentral",
    skuName: "premium",
    tenantId: "tenant",
    purgeProtectionEnabled: true,
    // Azure OpenAI CMK needs access policies (Microsoft's encryption-at-rest page).
    rbacAuthorizationEnabled: false,
    publicNetworkAccessEnabled: false,
    networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
  });
  new KeyVaultAccessPolicyA(scope, "cmk-access", {
    keyVaultId: vault.id,
    tenantId: account.resource.identity.tenantId,
    objectId: account.resource.identity.principalId,
    keyPermissions: ["Get", "WrapKey", "UnwrapKey"],
  });
  new CognitiveAccountCustomerManagedKeyA(scope, "cmk", { cognitiveAccountId: account.accountId, keyVaultKeyId: `${vault.vaultUri}keys/aoai` });
  new RoleAssignment(scope, "openai-user", {
    scope: account.accountId,
    principalId: "00000000-0000-0000-0000-000000000001",
    principalType: "Group",
    roleDefinitionId: "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
  });
  return { account, storage, vault };
}
