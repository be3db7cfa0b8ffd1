import { EnvironmentConfig } from "@contoso/cdktf-azure-openai";

// One governed environment: two EU regions with failover, private endpoints, no API keys,
// customer-managed keys, audit logs kept six years, a capacity cap, a model allowlist, a budget,
// Deny policies and the SOC 2, HIPAA and GDPR packs.
export const config: EnvironmentConfig = {
  name: "prod",
  workload: "chat",
  owner: "ai-platform@contoso.com",
  residency: "eu",
  location: "swedencentral",
  uniqueSuffix: "ctso",
  regions: [
    { location: "swedencentral", priority: 1, network: { addressSpace: "10.10.0.0/24" } },
    { location: "francecentral", priority: 2, network: { addressSpace: "10.10.1.0/24" } },
  ],
  deployments: [{ name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 100 }],
  capacityCapK: 200,
  allowedModels: ["gpt-5.4"],
  policyEnforcement: "deny",
  customerManagedKeys: true,
  budget: { amount: 2_000, contactEmails: ["finops@contoso.com"] },
};
