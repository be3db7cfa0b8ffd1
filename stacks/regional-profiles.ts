import { EnvironmentConfig } from "./environment-config";

const base = { workload: "aoai", owner: "ai-platform-team", uniqueSuffix: "ctso", capacityCapK: 500 } as const;

/**
 * The seed's regional profiles as environment configs (not part of the default app): Europe on
 * westeurope for GDPR, US healthcare on eastus for HIPAA, Australia on australiaeast. Add one to
 * `ENVIRONMENTS` to deploy it.
 */
export const REGIONAL_PROFILES: Readonly<Record<"europe" | "ushealth" | "australia", EnvironmentConfig>> = {
  europe: {
    ...base,
    name: "europe",
    residency: "eu",
    location: "westeurope",
    regions: [{ location: "westeurope", priority: 1 }],
    deployments: [{ name: "gpt-4-1", model: "gpt-4.1", version: "2025-04-14", sku: "DataZoneStandard", capacity: 200 }],
  },
  ushealth: {
    ...base,
    name: "ushealth",
    residency: "us",
    location: "eastus",
    regions: [{ location: "eastus", priority: 1 }],
    deployments: [{ name: "gpt-4-1", model: "gpt-4.1", version: "2025-04-14", sku: "DataZoneStandard", capacity: 200 }],
  },
  australia: {
    ...base,
    name: "australia",
    residency: "apac",
    location: "australiaeast",
    regions: [{ location: "australiaeast", priority: 1 }],
    // APAC has no data zone: only regional SKUs keep processing in Australia.
    deployments: [{ name: "gpt-4-1", model: "gpt-4.1", version: "2025-04-14", sku: "Standard", capacity: 200 }],
  },
};
