import { EnvironmentConfig } from "../lib/environment/environment-config";

const base = {
  workload: "aoai",
  owner: "ai-platform-team",
  uniqueSuffix: "ctso",
  capacityCapK: 500,
  allowedModels: ["gpt-5.4"],
  policyEnforcement: "deny",
  budget: { amount: 5_000, contactEmails: ["ai-platform-finops@contoso.com"] },
  customerManagedKeys: true,
  logging: {
    workspaceRetentionDays: 90,
    archive: { days: { Audit: 2190, RequestResponse: 90, Trace: 30, AzureOpenAIRequestUsage: 90, metrics: 90 } },
  },
} as const;

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
    // Hub-and-spoke: the landing zone brings the subnet and owns the private DNS zones.
    regions: [
      {
        location: "westeurope",
        priority: 1,
        network: {
          subnetId:
            "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/spoke-network-rg/providers/Microsoft.Network/virtualNetworks/spoke-weu-vnet/subnets/private-endpoints",
        },
      },
    ],
    privateDns: {
      existingZoneIds: {
        openAi:
          "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/hub-dns-rg/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com",
        cognitiveServices:
          "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/hub-dns-rg/providers/Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com",
        // Foundry resources (the default kind) also answer on <subdomain>.services.ai.azure.com.
        aiServices:
          "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/hub-dns-rg/providers/Microsoft.Network/privateDnsZones/privatelink.services.ai.azure.com",
      },
    },
    deployments: [{ name: "gpt-5-4", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 200 }],
  },
  ushealth: {
    ...base,
    name: "ushealth",
    residency: "us",
    location: "eastus",
    regions: [{ location: "eastus", priority: 1, network: { addressSpace: "10.50.0.0/24" } }],
    deployments: [{ name: "gpt-5-4", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 200 }],
  },
  australia: {
    ...base,
    name: "australia",
    residency: "apac",
    location: "australiaeast",
    regions: [{ location: "australiaeast", priority: 1, network: { addressSpace: "10.60.0.0/24" } }],
    // APAC has no data zone: only regional SKUs keep processing in Australia. On Standard in
    // australiaeast Microsoft's matrix (2026-04-30) lists only gpt-4.1-mini and gpt-4o among chat
    // models; gpt-4.1-mini is Legacy (no new customers) and retires 2027-04-14, so the synth warns.
    allowedModels: ["gpt-4.1-mini"],
    deployments: [{ name: "gpt-4-1-mini", model: "gpt-4.1-mini", version: "2025-04-14", sku: "Standard", capacity: 200 }],
  },
};
