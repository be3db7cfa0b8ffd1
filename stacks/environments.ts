import { ArchiveRetention, SEED_COST_LIMITS, SEED_PROJECT_LIMITS } from "../lib";
import { NON_PROD_ACCESS, NON_PROD_HUMAN_ROLE_CEILING, PROD_ACCESS } from "./access";
import { EnvironmentConfig } from "../lib/environment/environment-config";

/**
 * The model the environments deploy, with the version pinned in one place: gpt-5.4 2026-03-05
 * is GA on DataZoneStandard in swedencentral and francecentral and retires 2027-09-02
 * (docs/evidence/model-lifecycle.md). No mini model is on DataZoneStandard in the EU and far
 * enough from retirement, so the former gpt-4.1 and gpt-4.1-mini deployments became one.
 */
const GPT_54 = { model: "gpt-5.4", version: "2026-03-05" } as const;

/**
 * Audit logs are kept six years everywhere (HIPAA's documentation period, and cheap: Audit is
 * small); prompts (RequestResponse) as short as each environment allows, at most 90 days (GDPR
 * storage limitation).
 */
const SIX_YEARS = 2190;
const SHORT_ARCHIVE: ArchiveRetention = {
  days: { Audit: SIX_YEARS, RequestResponse: 7, Trace: 7, AzureOpenAIRequestUsage: 30, metrics: 30 },
};

const ONCALL = [{ name: "platform-oncall", address: "ai-platform-oncall@contoso.com" }];

const common = {
  workload: "aoai",
  owner: "ai-platform-team",
  residency: "eu",
  location: "swedencentral",
  uniqueSuffix: "ctso",
  allowedModels: ["gpt-5.4"],
} as const;

const FINOPS = ["ai-platform-finops@contoso.com"];
const budget = (amount: number) => ({ amount, contactEmails: FINOPS }); // starts in the month of creation

/**
 * The AI gateway's publisher address (API Management notifications). The gateway sits in each
 * VNet's third /26-aligned /27, after the private-endpoint subnet.
 */
const GATEWAY_PUBLISHER = "ai-platform-oncall@contoso.com";

/**
 * Staging and prod keep the Azure OpenAI accounts 0.2 made (kind OpenAI): changing the kind would
 * replace them on azurerm 4.55, losing their deployments and state. They accept Microsoft's
 * upgrade to Foundry (the upgraded account is kept, kind and project management ignored) and
 * move to kind AIServices once upgraded (docs/FOUNDRY.md, "Migrating"). Sandbox and dev hold
 * nothing worth keeping: they become Foundry resources now, which replaces their accounts once.
 */
const KEEP_OPENAI_ACCEPT_UPGRADE = { kind: "OpenAI", foundryUpgrade: { decision: "allow" } } as const;

/** A Foundry project for the developers and data scientists of the lower environments. */
const PLAYGROUND = { name: "playground", displayName: "Developer playground", description: "Agents and evaluations under development", access: ["developers", "data-scientists"] };

/**
 * The default environments. Capacities follow the seed's project table: prod 2,000K TPM,
 * staging 500K, dev 100K, sandbox 50K. DataZoneStandard keeps processing inside the EU.
 * Sandbox and dev are Foundry resources with a project; staging and prod stay Azure OpenAI.
 */
export const ENVIRONMENTS: readonly EnvironmentConfig[] = [
  {
    ...common,
    name: "sandbox",
    projects: [PLAYGROUND],
    policyEnforcement: "audit",
    budget: budget(500),
    regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.40.0.0/24" } }],
    capacityCapK: 50,
    deployments: [{ name: "gpt-5-4", ...GPT_54, sku: "DataZoneStandard", capacity: 50 }],
    logging: { workspaceRetentionDays: 30, archive: SHORT_ARCHIVE },
    access: NON_PROD_ACCESS,
    humanRoleCeiling: NON_PROD_HUMAN_ROLE_CEILING,
  },
  {
    ...common,
    name: "dev",
    projects: [PLAYGROUND],
    policyEnforcement: "audit",
    budget: budget(1_000),
    regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.30.0.0/24" } }],
    capacityCapK: 100,
    deployments: [{ name: "gpt-5-4", ...GPT_54, sku: "DataZoneStandard", capacity: 100 }],
    logging: { workspaceRetentionDays: 30, archive: SHORT_ARCHIVE },
    access: NON_PROD_ACCESS,
    humanRoleCeiling: NON_PROD_HUMAN_ROLE_CEILING,
  },
  {
    ...common,
    name: "staging",
    ...KEEP_OPENAI_ACCEPT_UPGRADE,
    policyEnforcement: "audit",
    budget: budget(5_000),
    regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.20.0.0/24" } }],
    capacityCapK: 500,
    deployments: [{ name: "gpt-5-4", ...GPT_54, sku: "DataZoneStandard", capacity: 500 }],
    logging: {
      workspaceRetentionDays: 30,
      archive: {
        days: { Audit: SIX_YEARS, RequestResponse: 30, Trace: 14, AzureOpenAIRequestUsage: 90, metrics: 90 },
        // Write-once but unlocked: rehearses prod's policy and can still be removed.
        immutability: { Audit: { periodDays: 30 } },
      },
      alertEmails: ONCALL,
    },
    access: NON_PROD_ACCESS,
    humanRoleCeiling: NON_PROD_HUMAN_ROLE_CEILING,
    workloads: [
      { key: "cicd", application: "CI/CD pipeline (staging)" },
      { key: "eval", application: "Evaluation runner" },
    ],
    // The seed's staging project (2K RPM / 500K TPM), its two service accounts and its CostLimits.
    // Developer tier: internal VNet like prod, no SLA, a fraction of Premium's price.
    gateway: {
      sku: "Developer",
      location: "swedencentral",
      subnetPrefix: "10.20.0.64/27",
      publisherEmail: GATEWAY_PUBLISHER,
      limits: SEED_PROJECT_LIMITS.staging,
      costLimits: SEED_COST_LIMITS,
      workloads: [
        // "GitHub Actions runner" in the seed: a self-hosted runner inside the private network.
        { key: "svc-cicd-staging", identity: "cicd", requestsPerMinute: 200, tokensPerMinute: 100_000, ipAllowlist: ["192.168.1.100/32"] },
        { key: "svc-eval-runner", identity: "eval", requestsPerMinute: 1_000, tokensPerMinute: 500_000, ipAllowlist: ["10.0.5.0/24"] },
      ],
    },
  },
  {
    ...common,
    name: "prod",
    ...KEEP_OPENAI_ACCEPT_UPGRADE,
    policyEnforcement: "deny",
    budget: budget(20_000),
    customerManagedKeys: true,
    deletionProtection: true,
    // Stricter than Microsoft.Default: block from Low severity in every harm category. Prompt
    // shields (jailbreak, document attacks) and protected material are on by default; stored
    // completions are disabled by default (no `storedCompletions` reason).
    contentFilter: { name: "prod-strict", severityThreshold: "Low" },
    // The reference app assumes prod has a subscription of its own, so prod owns the subscription-wide
    // Defender for AI plan (docs/SECURITY-PACK.md); with Defender run centrally: { owner: "central", reason }.
    defenderForAi: { owner: "environment" },
    // Two EU regions for capacity and failover; each carries half of the 2,000K TPM.
    regions: [
      { location: "swedencentral", priority: 1, network: { addressSpace: "10.10.0.0/24" } },
      { location: "francecentral", priority: 2, network: { addressSpace: "10.10.1.0/24" } },
    ],
    capacityCapK: 2000,
    deployments: [{ name: "gpt-5-4", ...GPT_54, sku: "DataZoneStandard", capacity: 1000 }],
    logging: {
      workspaceRetentionDays: 90,
      archive: {
        days: { Audit: SIX_YEARS, RequestResponse: 90, Trace: 30, AzureOpenAIRequestUsage: 90, metrics: 90 },
        // Locked write-once audit trail. Locking cannot be undone: the audit container and its
        // storage account cannot be deleted until every blob is past its six years.
        immutability: { Audit: { periodDays: SIX_YEARS, locked: true } },
      },
      alertEmails: ONCALL,
    },
    access: PROD_ACCESS,
    workloads: [{ key: "chatbot", application: "Production chatbot" }],
    // The seed's prod project (10K RPM / 2M TPM) and svc-chatbot-prod. The budget is prod's own
    // (20,000 a month), the per-request cap the seed's 4,000 tokens.
    gateway: {
      sku: "Premium",
      // Pinned, like the workspace: changing region priorities never moves (replaces) the gateway.
      location: "swedencentral",
      subnetPrefix: "10.10.0.64/27",
      publisherEmail: GATEWAY_PUBLISHER,
      limits: SEED_PROJECT_LIMITS.prod,
      costLimits: { dailyUsd: 1_000, monthlyUsd: 20_000, maxTokensPerRequest: SEED_COST_LIMITS.maxTokensPerRequest },
      workloads: [
        { key: "svc-chatbot-prod", identity: "chatbot", requestsPerMinute: 5_000, tokensPerMinute: 1_000_000, ipAllowlist: ["10.0.1.0/24", "10.0.2.0/24"] },
      ],
    },
  },
];
