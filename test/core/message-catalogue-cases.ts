// The cases of the message catalogue (message-catalogue.test.ts): one input per rule, each
// producing the messages a user would read. Grouped by the folder whose tests assert the rule as data.
import { TerraformStack, Testing } from "cdktf";
import { PropChecks } from "../../lib/core/validation";
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { checkEnvironmentConfig as validateEnvironmentConfig } from "../../lib/environment/config-schema";
import { checkNoOverlaps, NetworkSecurityPerimeter, OpenAiPrivateEndpoint, OpenAiPrivateEndpointProps, PrivateDnsZones, RegionNetwork, RegionNetworkProps, VnetPeering } from "../../lib/network";
import { checkIpRule } from "../../lib/network/private/network-rules";
import { AccessEntry, AccessMatrix, AccessScope, RbacAssignment, RbacAssignmentProps, WorkloadIdentity, WorkloadIdentityProps } from "../../lib/identity";
import { REQUEST_LOG_SEARCH } from "../../lib/monitoring";
import { checkResidency, checkResidencyDefinition, DeploymentSku, resolveResidency, Residency, ResidencySubject } from "../../lib/regions";
import { findModelLifecycle } from "../../lib/openai/model-lifecycle";
import { StateBootstrapStack, StateBootstrapStackProps } from "../../lib/environment/state-bootstrap-stack";
import { environment, environmentStack } from "../helpers/environment";
import { budgetIn, keyVaultIn, policyAssignmentsIn } from "../helpers/governance";
import { actionGroupIn, archiveIn, diagnosticSettingIn, metricAlertsIn, monitoringStack, savedSearchesIn, workspaceIn } from "../helpers/monitoring";
import { gpt, openAiAccount } from "../helpers/openai";
import { testStack, validationErrors } from "../helpers/synth";
import { ACCOUNT_ID, GROUP_ID, WORKSPACE_ID } from "../identity/fixtures";
import { SUB, subnetId, vnetId, zoneId } from "../network/fixtures";

/** One rule and the messages its case produces. */
export interface CatalogueCase {
  readonly section: string;
  readonly rule: string;
  readonly messages: () => readonly string[];
}

/** A case before its section is added. */
type Case = Omit<CatalogueCase, "section">;

/** The cases of one section. */
const section = (name: string, cases: readonly Case[]): CatalogueCase[] => cases.map((c) => ({ ...c, section: name }));

const dev = environment("dev");

/** The messages of `dev` with `overrides` (the config boundary). */
function config(overrides: Record<string, unknown>, base: EnvironmentConfig = dev): readonly string[] {
  const result = validateEnvironmentConfig({ ...base, ...overrides });
  return result.ok ? [] : result.problems;
}

const region = (location: string, extra: object = {}) => ({ location, priority: 1, network: { addressSpace: "10.1.0.0/24" }, ...extra });

const ENVIRONMENT_CONFIG: readonly Case[] = [
  { rule: "an enum in the wrong case, with a suggestion", messages: () => config({ residency: "EU" }) },
  { rule: "an enum value from Object.prototype, without a suggestion", messages: () => config({ compliancePacks: ["SOC2", "valueOf"] }) },
  { rule: "an unknown key, with a suggestion", messages: () => config({ regoins: [] }) },
  { rule: "required fields missing", messages: () => config({ regions: [{}], budget: {} }) },
  { rule: "a missing list entry", messages: () => config({ regions: [...dev.regions, undefined] }) },
  { rule: "wrong types, and how values are shown (number, function, BigInt, NaN, string)", messages: () => [...config({ owner: () => 1, capacityCapK: BigInt(10) }), ...config({ owner: 1.5, capacityCapK: NaN }), ...config({ capacityCapK: "100" })] },
  { rule: "a boolean given as a string or a number", messages: () => [...config({ customerManagedKeys: "false" }), ...config({ contentFilter: { blockJailbreak: 0 } })] },
  { rule: "a reason shorter than 10 characters, or missing", messages: () => [...config({ storedCompletions: { reason: "eval" } }), ...config({ defenderForAi: { owner: "central" } })] },
  { rule: "Defender for AI: the owner, or the shape", messages: () => [...config({ defenderForAi: { owner: "subscription" } }), ...config({ defenderForAi: true })] },
  { rule: "a location no region offers, and one outside the residency", messages: () => [...config({ regions: [region("workspace")] }), ...config({ location: "eastus" })] },
  { rule: "a network both brought and created", messages: () => config({ regions: [region("swedencentral", { network: { addressSpace: "10.1.0.0/24", subnetId: "/subscriptions/x/y" } })] }) },
  { rule: "a workload key twice", messages: () => config({ workloads: [{ key: "bot", application: "a" }, { key: "bot", application: "b" }] }) },
  { rule: "a deployment name twice, ignoring case", messages: () => config({ deployments: [dev.deployments[0], { ...dev.deployments[0], name: dev.deployments[0].name.toUpperCase() }], capacityCapK: 10_000 }) },
  { rule: "a deployment name Azure refuses", messages: () => config({ deployments: [{ ...dev.deployments[0], name: "gpt/4" }] }) },
  { rule: "a model format: empty, wrong case, or not OpenAI on kind OpenAI", messages: () => [
      ...config({ deployments: [{ ...dev.deployments[0], format: "" }] }),
      ...config({ deployments: [{ ...dev.deployments[0], format: "openai" }] }),
      ...config({ kind: "OpenAI", foundryUpgrade: { decision: "allow" }, deployments: [{ ...dev.deployments[0], model: "Llama-3.3-70B-Instruct", version: "9", format: "Meta" }], allowedModels: ["Llama-3.3-70B-Instruct"] }).filter((m) => m.startsWith("deployments[0].format")),
    ] },
  { rule: "an environment name cdktf would reject, or one objects already have", messages: () => [...config({ name: "a b" }), ...config({ name: "constructor" })] },
  { rule: "a content filter name without a stated override", messages: () => config({ deployments: [{ ...dev.deployments[0], raiPolicyName: "lenient" }] }) },
  { rule: "a list given as text", messages: () => config({ allowedModels: dev.allowedModels.join(",") }) },
  { rule: "a custom residency named like a built-in one", messages: () => config({ residency: { name: "eu", regions: ["swedencentral"] } }) },
  { rule: "Terraform interpolation in free text", messages: () => config({ owner: "${var.owner}" }) },
  { rule: "tags: a forbidden character, names differing only in case, a value not a string", messages: () => [...config({ tags: { "a<b": "v" } }), ...config({ tags: { Team: "a", team: "b" } }), ...config({ tags: { team: 5 } })] },
  { rule: "a budget start that is not the first day of a real month", messages: () => config({ budget: { ...dev.budget, startDate: "0000-01-01" } }) },
  { rule: "deletion protection per resource", messages: () => config({ deletionProtection: { accounts: true } }) },
  { rule: "a key with a newline, and a huge value cut with its length", messages: () => [...config({ "x\ny": 1 }), ...config({ privateDns: { virtualNetworkIds: "x".repeat(70_000) } })] },
  { rule: "many unknown keys: the rest counted", messages: () => config(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`unknownProperty${i}`, i]))).slice(20) },
];

/** The validation messages under a test stack after `build` made constructs in it. */
function construct(build: (stack: TerraformStack) => void): readonly string[] {
  const stack = testStack();
  build(stack);
  return validationErrors(stack);
}

/** The messages one check function writes into a fresh PropChecks. */
function checks(run: (c: PropChecks) => void): readonly string[] {
  const c = new PropChecks();
  run(c);
  return c.messages;
}

const NET: Partial<RegionNetworkProps> = { addressSpace: "10.20.0.0/24", resourceGroupName: "rg-net", virtualNetworkName: "aoai-test-sdc-vnet", subnetName: "aoai-test-sdc-pe-snet" };
const regionNetwork = (props: Partial<RegionNetworkProps>) => construct((stack) => new RegionNetwork(stack, "net", { location: "swedencentral", ...props } as RegionNetworkProps));
const ZONES = [zoneId("privatelink.openai.azure.com"), zoneId("privatelink.cognitiveservices.azure.com"), zoneId("privatelink.services.ai.azure.com")];
const privateEndpoint = (props: Partial<OpenAiPrivateEndpointProps>) =>
  construct((stack) => {
    const account = openAiAccount(stack, { deployments: [gpt("chat")] });
    new OpenAiPrivateEndpoint(stack, "pe", { account, name: "aoai-test-sdc-pe", resourceGroupName: "rg-test", subnetId: subnetId(), privateDnsZoneIds: ZONES, ...props });
  });

const NETWORK: readonly Case[] = [
  { rule: "RegionNetwork: neither or both of subnetId and addressSpace", messages: () => [...regionNetwork({}), ...regionNetwork({ ...NET, subnetId: subnetId() })] },
  { rule: "RegionNetwork: creation props or a lock with a brought subnet", messages: () => regionNetwork({ subnetId: subnetId(), virtualNetworkName: "vnet-x", lock: { reason: "hub-connected network of the prod region" } }) },
  { rule: "RegionNetwork: a subnet ID that is a VNet ID", messages: () => regionNetwork({ subnetId: vnetId() }) },
  { rule: "RegionNetwork: an address space not a CIDR, with host bits, public, or too large", messages: () => [
      ...regionNetwork({ ...NET, addressSpace: "10.20.0/24" }),
      ...regionNetwork({ ...NET, addressSpace: "10.20.0.5/24" }),
      ...regionNetwork({ ...NET, addressSpace: "20.20.0.0/24" }),
      ...regionNetwork({ ...NET, addressSpace: "10.0.0.0/8", privateEndpointSubnetPrefix: 29 }),
    ] },
  { rule: "RegionNetwork: a subnet prefix out of bounds, or larger than the VNet", messages: () => [...regionNetwork({ ...NET, addressSpace: "10.20.0.0/16", privateEndpointSubnetPrefix: 30 }), ...regionNetwork({ ...NET, addressSpace: "10.20.0.0/28", privateEndpointSubnetPrefix: 27 })] },
  { rule: "RegionNetwork: names missing or breaking Azure's rules, a location not a name", messages: () => [
      ...regionNetwork({ addressSpace: "10.20.0.0/24" }),
      ...regionNetwork({ ...NET, virtualNetworkName: "v", subnetName: "snet-", resourceGroupName: "rg.", location: "Sweden Central" }),
    ] },
  { rule: "OpenAiPrivateEndpoint: a name, a subnet ID, a static IP not IPv4 or public", messages: () => [
      ...privateEndpoint({ name: "-pe", subnetId: vnetId() }),
      ...privateEndpoint({ privateIpAddress: "10.20.0" }),
      ...privateEndpoint({ privateIpAddress: "20.1.2.3" }),
    ] },
  { rule: "OpenAiPrivateEndpoint: DNS zones missing, without one the kind needs, not an ID, or with policy DNS", messages: () => [
      ...privateEndpoint({ privateDnsZoneIds: undefined }),
      ...privateEndpoint({ privateDnsZoneIds: [ZONES[1], ZONES[2]] }),
      ...privateEndpoint({ privateDnsZoneIds: [ZONES[0], "privatelink.cognitiveservices.azure.com"] }),
      ...privateEndpoint({ dnsManagedByPolicy: true }),
    ] },
  { rule: "OpenAiPrivateEndpoint: a fixed address outside the subnet, reserved by Azure, or a bad subnet prefix", messages: () => [
      ...privateEndpoint({ privateIpAddress: "192.168.1.20", subnetAddressPrefix: "192.168.1.0/28" }),
      ...privateEndpoint({ privateIpAddress: "192.168.1.3", subnetAddressPrefix: "192.168.1.0/28" }),
      ...privateEndpoint({ privateIpAddress: "10.0.0.9", subnetAddressPrefix: "10.0.0.1/24" }),
    ] },
  { rule: "PrivateDnsZones: creation without a group or VNets, a bad VNet ID or key, a key twice", messages: () => [
      ...construct((stack) => new PrivateDnsZones(stack, "dns", { virtualNetworks: { hub: vnetId() } })),
      ...construct((stack) => new PrivateDnsZones(stack, "dns", { resourceGroupName: "rg-dns" })),
      ...construct((stack) => new PrivateDnsZones(stack, "dns", { resourceGroupName: "rg-dns", virtualNetworks: { hub: `${vnetId()}/subnets/snet`, "hub vnet!": vnetId() } })),
      ...construct((stack) => new PrivateDnsZones(stack, "dns", { resourceGroupName: "rg-dns", virtualNetworks: { hub: vnetId() } }).linkVirtualNetwork("hub", vnetId("other"))),
    ] },
  { rule: "PrivateDnsZones: existing zones with creation props, of the wrong name, not an ID, or without openAi", messages: () => [
      ...construct((stack) => new PrivateDnsZones(stack, "dns", { existingZoneIds: { openAi: ZONES[0] }, resourceGroupName: "rg-dns" })),
      ...construct((stack) => new PrivateDnsZones(stack, "dns", { existingZoneIds: { openAi: zoneId("privatelink.blob.core.windows.net"), cognitiveServices: "privatelink.cognitiveservices.azure.com" } })),
      ...construct((stack) => new PrivateDnsZones(stack, "dns", { existingZoneIds: { cognitiveServices: ZONES[1] } as never })),
    ] },
  { rule: "network rules: IP rules with public access off, a short bypass reason, a repeated or private IP rule", messages: () => [
      ...construct((stack) => openAiAccount(stack, { networkRules: { ipRules: ["52.174.10.7"] } })),
      ...construct((stack) => openAiAccount(stack, { networkRules: { trustedAzureServices: { reason: "search" } } })),
      ...construct((stack) => openAiAccount(stack, { securityExceptions: { publicNetworkAccess: { reason: "CI runners outside Azure, see ADR-12" } }, networkRules: { ipRules: ["52.174.10.7", "52.174.10.7", "10.1.2.3"] } })),
    ] },
  { rule: "checkIpRule: a non-public address or range, a prefix out of bounds, not an address", messages: () => checks((c) => ["127.0.0.1", "172.0.0.0/8", "52.174.10.7/32", "host.example.com"].forEach((ip, i) => checkIpRule(c, `ip${i}`, ip))) },
  { rule: "checkNoOverlaps: ranges that overlap", messages: () => checks((c) => checkNoOverlaps(c, "regions", { swedencentral: "10.20.0.0/16", francecentral: "10.20.8.0/24" })) },
  { rule: "VnetPeering: a network key twice", messages: () => construct((stack) => {
      const net = { key: "swedencentral", virtualNetworkName: "vnet-sdc", resourceGroupName: "rg-net", virtualNetworkId: vnetId("vnet-sdc") };
      new VnetPeering(stack, "p", { networks: [net, net] });
    }) },
  { rule: "NetworkSecurityPerimeter: a bad access mode, names, IDs, no members, a member twice, a name beside an existing perimeter", messages: () => [
      ...construct((stack) => new NetworkSecurityPerimeter(stack, "nsp", {
        name: "-nsp", resourceGroupId: "rg-ai", location: "swedencentral", profileName: "a".repeat(81), accessMode: "Audit" as never,
        members: [{ name: "aoai-1", resourceId: "not-an-id" }, { name: "AOAI-1", resourceId: "not-an-id" }],
      })),
      ...construct((stack) => new NetworkSecurityPerimeter(stack, "nsp", { name: "nsp", existingPerimeterId: vnetId(), members: [] })),
      ...construct((stack) => new NetworkSecurityPerimeter(stack, "nsp", { existingPerimeterId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp`, members: [] })),
      ...construct((stack) => new NetworkSecurityPerimeter(stack, "nsp", { members: [{ name: "aoai-1", resourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/aoai-1` }] })),
    ] },
];

/** The validation messages of monitoring constructs built by `build` in a monitoring stack. */
function monitoring(build: (stack: TerraformStack) => void): readonly string[] {
  const stack = monitoringStack();
  build(stack);
  return validationErrors(stack);
}

const MONITORING: readonly Case[] = [
  { rule: "AuditWorkspace: retention, archive total, daily cap, reasons, name, location, lock", messages: () => [
      ...monitoring((s) => workspaceIn(s, { retentionInDays: 29 })),
      ...monitoring((s) => workspaceIn(s, { archiveTotalRetentionDays: 1000 })),
      ...monitoring((s) => workspaceIn(s, { retentionInDays: 365, archiveTotalRetentionDays: 180 })),
      ...monitoring((s) => workspaceIn(s, { dailyCap: { gb: 0, reason: "cost" } })),
      ...monitoring((s) => workspaceIn(s, { name: "ab_", location: " ", lock: { reason: "keep" } })),
      ...monitoring((s) => workspaceIn(s, { name: undefined })),
    ] },
  { rule: "RetentionArchive: redundancy, name, reasons, deletion ages, unknown categories, immutability", messages: () => [
      ...monitoring((s) => archiveIn(s, { redundancy: "GRS" as never, name: "Audit-Archive", securityExceptions: { sharedKeyAccess: { reason: "SIEM" } } })),
      ...monitoring((s) => archiveIn(s, { retention: { days: { Trace: 0, audit: 30 } as never } })),
      ...monitoring((s) => archiveIn(s, { retention: { days: { Audit: 365 }, immutability: { Audit: { periodDays: 400 } } } })),
    ] },
  { rule: "OpenAiDiagnosticSetting: categories, groups, both, nothing, nowhere, name, archive region", messages: () => [
      ...monitoring((s) => diagnosticSettingIn(s, { workspace: workspaceIn(s), categories: ["Audit", "AuditEvent" as never, "Audit"] })),
      ...monitoring((s) => diagnosticSettingIn(s, { workspace: workspaceIn(s), categories: ["Audit"], categoryGroups: ["AllLogs" as never] })),
      ...monitoring((s) => diagnosticSettingIn(s, { workspace: workspaceIn(s), categories: [], metrics: false, name: "audit/logs" })),
      ...monitoring((s) => diagnosticSettingIn(s, {})),
      ...monitoring((s) => diagnosticSettingIn(s, { archive: archiveIn(s), location: "francecentral" })),
    ] },
  { rule: "diagnostic settings: more than five on one resource", messages: () =>
      monitoring((s) => {
        const workspace = workspaceIn(s);
        for (let i = 1; i <= 6; i++) diagnosticSettingIn(s, { workspace, name: `setting-${i}` }, `setting-${i}`);
      }) },
  { rule: "AlertActionGroup: nobody reached, a bad e-mail, plain-http webhook, long short name, repeated receiver", messages: () => [
      ...monitoring((s) => actionGroupIn(s, { emails: [] })),
      ...monitoring((s) =>
        actionGroupIn(s, {
          shortName: "thirteen-char",
          emails: [{ name: "platform", address: "not-an-email" }, { name: "platform", address: "second@example.com" }],
          webhooks: [{ name: "pager", serviceUri: "http://events.example.com/hook" }],
        }),
      ),
    ] },
  { rule: "OpenAiMetricAlerts: no accounts, repeated or malformed keys, window, severity, threshold", messages: () => [
      ...monitoring((s) => metricAlertsIn(s, { actionGroupId: "/ag", accounts: [] })),
      ...monitoring((s) =>
        metricAlertsIn(s, {
          actionGroupId: "/ag",
          accounts: [{ key: "sdc", accountId: "/a" }, { key: "sdc", accountId: "/b" }, { key: "swe den", accountId: "/x" }],
          throttling: { windowSize: "PT2M" as never, severity: 5 },
          availability: { threshold: 101 },
        }),
      ),
    ] },
  { rule: "WorkspaceSavedSearches: a repeated name, a bad name, an empty query", messages: () =>
      monitoring((s) => savedSearchesIn(s, { workspace: workspaceIn(s), additionalSearches: [{ ...REQUEST_LOG_SEARCH }, { name: "bad name!", displayName: "Bad", query: " " }] })) },
];

const SCOPES: Record<string, AccessScope> = { "openai-sdc": { scopeId: ACCOUNT_ID, kind: "openai" }, logs: { scopeId: WORKSPACE_ID, kind: "logs" } };
const DEVELOPERS: AccessEntry = { key: "ai-developers", principalId: GROUP_ID, principalType: "Group", role: "OpenAiUser", displayName: "AI developers" };
const accessMatrix = (entries: AccessEntry[], extra: Record<string, unknown> = {}) => construct((stack) => new AccessMatrix(stack, "access", { scopes: SCOPES, entries, ...extra }));
const ASSIGNMENT: RbacAssignmentProps = { scope: ACCOUNT_ID, principalId: GROUP_ID, principalType: "Group", role: "OpenAiUser" };
const assignment = (props: Partial<RbacAssignmentProps>) => construct((stack) => new RbacAssignment(stack, "assignment", { ...ASSIGNMENT, ...props }));
const IDENTITY: WorkloadIdentityProps = { name: "chat-prod-sdc-chatbot-id", resourceGroupName: "rg-chat-prod", location: "swedencentral", application: "chatbot" };

const IDENTITY_CASES: readonly Case[] = [
  { rule: "AccessMatrix: an unknown scope key, no scope of the role's kind, no default scope, an unknown scope kind", messages: () => [
      ...accessMatrix([{ ...DEVELOPERS, scopes: ["openai-weu"] }]),
      ...accessMatrix([{ ...DEVELOPERS, key: "readers", role: "LogAnalyticsReader" }], { scopes: { "openai-sdc": SCOPES["openai-sdc"] } }),
      ...accessMatrix([{ ...DEVELOPERS, key: "deployer", principalType: "ServicePrincipal", role: "Contributor", privileged: { reason: "deploys the platform (SEC-1)" } }]),
      ...accessMatrix([DEVELOPERS], { scopes: { ...SCOPES, odd: { scopeId: ACCOUNT_ID, kind: "storage" as never } } }),
    ] },
  { rule: "AccessMatrix: a role above the ceiling, a short exception reason, a privileged role without its reason, a bad ceiling", messages: () => [
      ...accessMatrix([{ ...DEVELOPERS, role: "OpenAiContributor" }]),
      ...accessMatrix([{ ...DEVELOPERS, role: "OpenAiContributor", exception: { reason: "needed" } }]),
      ...accessMatrix([{ ...DEVELOPERS, role: "Owner", scopes: ["openai-sdc"] }]),
      ...accessMatrix([DEVELOPERS], { humanRoleCeiling: ["Owner"] }),
    ] },
  { rule: "AccessMatrix: an entry twice, an unknown role, a key missing or with a slash", messages: () => [
      ...accessMatrix([DEVELOPERS, DEVELOPERS]),
      ...accessMatrix([{ ...DEVELOPERS, role: "Admin" as never }]),
      ...accessMatrix([{ ...DEVELOPERS, key: "ai/devs" }]),
    ] },
  { rule: "RbacAssignment: a principal ID, a principal type, a scope, a role, a privileged role without a reason", messages: () => [
      ...assignment({ principalId: "ai-developers@example.com" }),
      ...assignment({ principalType: "Application" as never }),
      ...assignment({ scope: "chat-prod-sdc-oai" }),
      ...assignment({ role: "Admin" as never }),
      ...assignment({ role: "Owner" }),
      ...assignment({ role: "Owner", privileged: { reason: "because" } }),
    ] },
  { rule: "RbacAssignment: the same grant twice, interpolation in text, a token look-alike", messages: () =>
      construct((stack) => {
        new RbacAssignment(stack, "first", ASSIGNMENT);
        new RbacAssignment(stack, "second", { ...ASSIGNMENT, description: "x %{y}" });
        new RbacAssignment(stack, "fake", { ...ASSIGNMENT, role: "Reader", description: "${TfToken[TOKEN.987654]}" });
      }) },
  { rule: "WorkloadIdentity: a location outside the residency, a bad name, an empty application", messages: () => [
      ...construct((stack) => new WorkloadIdentity(stack, "chatbot", { ...IDENTITY, location: "eastus", residency: "eu" })),
      ...construct((stack) => new WorkloadIdentity(stack, "chatbot", { ...IDENTITY, name: "-bad name", application: "" })),
    ] },
];

function residency(policy: Residency, subject: ResidencySubject): readonly string[] {
  return checks((c) => {
    checkResidencyDefinition(c, policy);
    checkResidency(c, resolveResidency(policy), subject);
  });
}
const chat = (sku: DeploymentSku) => [{ name: "chat", sku }];

const RESIDENCY: readonly Case[] = [
  { rule: "a region outside the policy, an unknown policy, a custom policy's unknown or empty regions", messages: () => [
      ...residency("eu", { regions: ["uksouth"], deployments: chat("Standard") }),
      ...residency("mars" as Residency, { regions: [], deployments: [] }),
      ...residency({ name: "x1", regions: ["atlantis"] }, { regions: [], deployments: [] }),
      ...residency({ name: "x1", regions: [] }, { regions: [], deployments: [] }),
    ] },
  { rule: "a SKU that processes data outside the policy: worldwide, another data zone, no data zone", messages: () => [
      ...residency("eu", { regions: ["swedencentral"], deployments: chat("GlobalStandard") }),
      ...residency("us", { regions: ["westeurope"], deployments: chat("DataZoneStandard") }),
      ...residency("global", { regions: ["australiaeast"], deployments: chat("DataZoneStandard") }),
    ] },
  { rule: "a log destination outside the policy", messages: () => residency("eu", { regions: ["swedencentral"], deployments: chat("Standard"), logDestinations: { workspace: "eastus" } }) },
  { rule: "a model sold by Azure that is offered only on SKUs outside the policy", messages: () =>
      residency("eu", { regions: ["swedencentral"], deployments: [{ name: "llama", sku: "GlobalStandard", model: "Llama-3.3-70B-Instruct", offeredSkus: findModelLifecycle("Llama-3.3-70B-Instruct", "9")?.skus }] }) },
];

const account = (props: Record<string, unknown>) => construct((stack) => openAiAccount(stack, props));

const OPENAI: readonly Case[] = [
  { rule: "OpenAiAccount: a name, a subdomain, a location without Azure OpenAI, a short lock reason", messages: () => [
      ...account({ name: "bad_name!", customSubdomainName: "-x", location: "westus2", lock: { reason: "prod" } }),
    ] },
  { rule: "OpenAiAccount: local auth without a reason, no managed identity, an outbound FQDN that is a URL", messages: () => [
      ...account({ securityExceptions: { localAuth: { reason: "needed" } } }),
      ...account({ managedIdentities: { systemAssigned: false } }),
      ...account({ allowedFqdns: ["https://example.com/path"] }),
    ] },
  { rule: "deployments: a SKU, a name twice, a format on the wrong kind, an upgrade option", messages: () => [
      ...account({ deployments: [gpt("xx", { sku: "Premium" as never })] }),
      ...account({ deployments: [gpt("chat"), gpt("CHAT")] }),
      ...account({ kind: "OpenAI", foundryUpgrade: { decision: "allow" }, deployments: [gpt("llama", { model: "Llama-3.3-70B-Instruct", version: "9", format: "Meta", sku: "GlobalStandard" })] }),
      ...account({ deployments: [gpt("chat", { versionUpgradeOption: "Always" as never })] }),
    ] },
  { rule: "content filter: a severity, a category, a deployment's own filter without a reason", messages: () => [
      ...account({ contentFilter: { severityThreshold: "Strict" as never, categoryThresholds: { Gore: "Low" } as never } }),
      ...account({ contentFilter: {}, deployments: [gpt("chat", { raiPolicyName: "lenient" })] }),
    ] },
];

const GOVERNANCE: readonly Case[] = [
  { rule: "MonthlyBudget: an amount, a start date, contacts", messages: () => [
      ...construct((stack) => budgetIn(stack, { amount: 0, startDate: "2026-12-15" })),
      ...construct((stack) => budgetIn(stack, { startDate: "2026-12-01", contactEmails: ["finops"] })),
      ...construct((stack) => budgetIn(stack, { startDate: "2026-12-01", contactEmails: [] })),
    ] },
  { rule: "CustomerManagedKeyVault: rotation, names, location, soft delete, lock", messages: () => [
      ...construct((stack) => keyVaultIn(stack, { rotation: { rotateAfter: "P90D", expireAfter: "P60D", notifyBeforeExpiry: "P3D" } })),
      ...construct((stack) => keyVaultIn(stack, { rotation: { rotateAfter: "3 months" } })),
      ...construct((stack) => keyVaultIn(stack, { name: "kv--bad", keyName: "cmk_key", location: "", softDeleteRetentionDays: 5, lock: { reason: "keep" } })),
    ] },
  { rule: "OpenAiPolicyAssignments: an enforcement mode, a prefix too long", messages: () => [
      ...construct((stack) => policyAssignmentsIn(stack, { enforcement: "block" as never })),
      ...construct((stack) => policyAssignmentsIn(stack, { namePrefix: "x".repeat(60), enforcement: "deny" })),
    ] },
];

const prod = environment("prod");
const gatewayConfig = (gateway: unknown, extra: object = {}) => config({ ...extra, gateway }, prod);

const GATEWAY_AND_STACK: readonly Case[] = [
  { rule: "gateway config: a subnet outside the region or over the endpoints, an unknown workload identity, a workload over the limits", messages: () => [
      ...gatewayConfig({ ...prod.gateway, subnetPrefix: "10.20.0.64/27" }),
      ...gatewayConfig({ ...prod.gateway, subnetPrefix: "10.10.0.0/27" }),
      ...gatewayConfig({ ...prod.gateway, workloads: [{ ...prod.gateway!.workloads[0], identity: "chatbott" }] }),
      ...gatewayConfig({ ...prod.gateway, workloads: [{ ...prod.gateway!.workloads[0], tokensPerMinute: 3_000_000 }] }),
    ] },
  { rule: "gateway config: a SKU, a capacity for the SKU, a model without a price", messages: () => [
      ...gatewayConfig({ ...prod.gateway, sku: "Standard" }),
      ...gatewayConfig({ ...prod.gateway, sku: "Developer", capacity: 2 }),
      ...gatewayConfig(prod.gateway, { deployments: [{ ...prod.deployments[0], model: "gpt-9" }], allowedModels: ["gpt-9"] }),
    ] },
  { rule: "environment stack: capacity above the cap, two regions with one priority or location", messages: () =>
      validationErrors(
        environmentStack({
          ...dev,
          capacityCapK: 60,
          regions: [
            { location: "swedencentral", priority: 1, network: { addressSpace: "10.99.11.0/24" } },
            { location: "swedencentral", priority: 1, network: { addressSpace: "10.99.22.0/24" } },
          ],
        }),
      ) },
];

const STATE: StateBootstrapStackProps = { location: "swedencentral", resourceGroupName: "rg-aoai-tfstate", storageAccountName: "staoaitfstate01", containerName: "tfstate" };
const stateBootstrap = (props: Partial<StateBootstrapStackProps>) => validationErrors(new StateBootstrapStack(Testing.app(), "state-bootstrap", { ...STATE, ...props }));
const DEPLOYER = "11111111-1111-1111-1111-111111111111";

const DELIVERY: readonly Case[] = [
  { rule: "StateBootstrapStack: names, replication, soft delete, reasons, an IP range, IDs, deployers", messages: () => [
      ...stateBootstrap({ storageAccountName: "St-State", containerName: "-tfstate", resourceGroupName: "rg.", replicationType: "XRS" as never, softDeleteRetentionDays: 3 }),
      ...stateBootstrap({ publicNetworkAccess: { reason: "CI" }, withoutDeleteLock: { reason: "no" }, subscriptionId: "prod" }),
      ...stateBootstrap({ publicNetworkAccess: { reason: "self-hosted runners", allowedIpRanges: ["198.51.100.7/32"] } }),
      ...stateBootstrap({ deployers: [{ principalId: "ci-app", key: "ci" }, { principalId: DEPLOYER, principalType: "App" as never }, { principalId: DEPLOYER }] }),
    ] },
];

/** Every case, in the order the catalogue lists them. */
export const CATALOGUE_CASES: readonly CatalogueCase[] = [
  ...section("environment config (validateEnvironmentConfig)", ENVIRONMENT_CONFIG),
  ...section("network (test/network)", NETWORK),
  ...section("monitoring (test/monitoring)", MONITORING),
  ...section("identity (test/identity)", IDENTITY_CASES),
  ...section("residency (test/regions)", RESIDENCY),
  ...section("openai (test/openai)", OPENAI),
  ...section("governance (test/governance)", GOVERNANCE),
  ...section("delivery (test/delivery; the backend's messages depend on environment variables and stay in backend.test.ts)", DELIVERY),
  ...section("gateway config and environment stack (test/gateway, test/environment, test/platform)", GATEWAY_AND_STACK),
];
