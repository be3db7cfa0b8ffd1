import { ArchiveRetention } from "../lib";
import { NON_PROD_ACCESS, NON_PROD_HUMAN_ROLE_CEILING, PROD_ACCESS } from "./access";
import { EnvironmentConfig } from "../lib/environment/environment-config";

/** Models the environments deploy, with the versions pinned in one place. */
const GPT_41 = { model: "gpt-4.1", version: "2025-04-14" } as const;
const GPT_41_MINI = { model: "gpt-4.1-mini", version: "2025-04-14" } as const;

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
  allowedModels: ["gpt-4.1", "gpt-4.1-mini"],
} as const;

const FINOPS = ["ai-platform-finops@contoso.com"];
const budget = (amount: number) => ({ amount, startDate: "2026-12-01", contactEmails: FINOPS });

/**
 * The default environments. Capacities follow the seed's project table: prod 2,000K TPM,
 * staging 500K, dev 100K, sandbox 50K. DataZoneStandard keeps processing inside the EU.
 */
export const ENVIRONMENTS: readonly EnvironmentConfig[] = [
  {
    ...common,
    name: "sandbox",
    policyEnforcement: "audit",
    budget: budget(500),
    regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.40.0.0/24" } }],
    capacityCapK: 50,
    deployments: [{ name: "gpt-4-1-mini", ...GPT_41_MINI, sku: "DataZoneStandard", capacity: 50 }],
    logging: { workspaceRetentionDays: 30, archive: SHORT_ARCHIVE },
    access: NON_PROD_ACCESS,
    humanRoleCeiling: NON_PROD_HUMAN_ROLE_CEILING,
  },
  {
    ...common,
    name: "dev",
    policyEnforcement: "audit",
    budget: budget(1_000),
    regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.30.0.0/24" } }],
    capacityCapK: 100,
    deployments: [
      { name: "gpt-4-1", ...GPT_41, sku: "DataZoneStandard", capacity: 50 },
      { name: "gpt-4-1-mini", ...GPT_41_MINI, sku: "DataZoneStandard", capacity: 50 },
    ],
    logging: { workspaceRetentionDays: 30, archive: SHORT_ARCHIVE },
    access: NON_PROD_ACCESS,
    humanRoleCeiling: NON_PROD_HUMAN_ROLE_CEILING,
  },
  {
    ...common,
    name: "staging",
    policyEnforcement: "audit",
    budget: budget(5_000),
    regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.20.0.0/24" } }],
    capacityCapK: 500,
    deployments: [
      { name: "gpt-4-1", ...GPT_41, sku: "DataZoneStandard", capacity: 400 },
      { name: "gpt-4-1-mini", ...GPT_41_MINI, sku: "DataZoneStandard", capacity: 100 },
    ],
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
  },
  {
    ...common,
    name: "prod",
    policyEnforcement: "deny",
    budget: budget(20_000),
    customerManagedKeys: true,
    deletionProtection: true,
    // Stricter than Microsoft.Default: block from Low severity in every harm category.
    contentFilter: { name: "prod-strict", severityThreshold: "Low" },
    // Two EU regions for capacity and failover; each carries half of the 2,000K TPM.
    regions: [
      { location: "swedencentral", priority: 1, network: { addressSpace: "10.10.0.0/24" } },
      { location: "francecentral", priority: 2, network: { addressSpace: "10.10.1.0/24" } },
    ],
    capacityCapK: 2000,
    deployments: [
      { name: "gpt-4-1", ...GPT_41, sku: "DataZoneStandard", capacity: 750 },
      { name: "gpt-4-1-mini", ...GPT_41_MINI, sku: "DataZoneStandard", capacity: 250 },
    ],
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
  },
];
