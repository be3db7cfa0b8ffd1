import { EnvironmentConfig } from "./environment-config";

/** Models the environments deploy, with the versions pinned in one place. */
const GPT_41 = { model: "gpt-4.1", version: "2025-04-14" } as const;
const GPT_41_MINI = { model: "gpt-4.1-mini", version: "2025-04-14" } as const;

const common = {
  workload: "aoai",
  owner: "ai-platform-team",
  residency: "eu" as const,
  location: "swedencentral",
  uniqueSuffix: "ctso",
} as const;

/**
 * The default environments. Capacities follow the seed's project table: prod 2,000K TPM,
 * staging 500K, dev 100K, sandbox 50K. DataZoneStandard keeps processing inside the EU.
 */
export const ENVIRONMENTS: readonly EnvironmentConfig[] = [
  {
    ...common,
    name: "sandbox",
    regions: [{ location: "swedencentral", priority: 1 }],
    capacityCapK: 50,
    deployments: [{ name: "gpt-4-1-mini", ...GPT_41_MINI, sku: "DataZoneStandard", capacity: 50 }],
  },
  {
    ...common,
    name: "dev",
    regions: [{ location: "swedencentral", priority: 1 }],
    capacityCapK: 100,
    deployments: [
      { name: "gpt-4-1", ...GPT_41, sku: "DataZoneStandard", capacity: 50 },
      { name: "gpt-4-1-mini", ...GPT_41_MINI, sku: "DataZoneStandard", capacity: 50 },
    ],
  },
  {
    ...common,
    name: "staging",
    regions: [{ location: "swedencentral", priority: 1 }],
    capacityCapK: 500,
    deployments: [
      { name: "gpt-4-1", ...GPT_41, sku: "DataZoneStandard", capacity: 400 },
      { name: "gpt-4-1-mini", ...GPT_41_MINI, sku: "DataZoneStandard", capacity: 100 },
    ],
  },
  {
    ...common,
    name: "prod",
    // Two EU regions for capacity and failover; each carries half of the 2,000K TPM.
    regions: [
      { location: "swedencentral", priority: 1 },
      { location: "francecentral", priority: 2 },
    ],
    capacityCapK: 2000,
    deployments: [
      { name: "gpt-4-1", ...GPT_41, sku: "DataZoneStandard", capacity: 750 },
      { name: "gpt-4-1-mini", ...GPT_41_MINI, sku: "DataZoneStandard", capacity: 250 },
    ],
  },
];
