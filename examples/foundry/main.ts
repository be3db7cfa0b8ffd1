// A Microsoft Foundry resource (kind AIServices, the default) for two teams: one project each,
// with its own managed identity and access. Private endpoint registered in the three private DNS
// zones a Foundry resource answers on, no API keys, a customer-managed key, deletion protection.
// Team groups come from environment variables (placeholders when unset, for local synth only).
import { GuardedApp, HUMAN_ROLE_CEILING, OpenAiEnvironmentStack, principalIdFromEnv } from "@contoso/cdktf-azure-openai";

const supportTeam = principalIdFromEnv("FOUNDRY_SUPPORT_TEAM_GROUP_ID", 1, { principal: "the support team group" });
const claimsTeam = principalIdFromEnv("FOUNDRY_CLAIMS_TEAM_GROUP_ID", 2, { principal: "the claims team group" });

const app = new GuardedApp();
new OpenAiEnvironmentStack(app, {
  name: "foundry",
  workload: "agents",
  owner: "ai-platform@contoso.com",
  residency: "eu",
  location: "swedencentral",
  uniqueSuffix: "ctso",
  regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.70.0.0/24" } }],
  deployments: [{ name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 100 }],
  capacityCapK: 100,
  allowedModels: ["gpt-5.4"],
  policyEnforcement: "deny",
  customerManagedKeys: true,
  deletionProtection: true,
  // The teams' groups: Reader on the account and Foundry User on their own project (below), as
  // Microsoft's Foundry RBAC page suggests for developers.
  access: [
    { key: "support-team", principalId: supportTeam, principalType: "Group", role: "Reader" },
    { key: "claims-team", principalId: claimsTeam, principalType: "Group", role: "Reader" },
  ],
  // Foundry User is above the default ceiling for people: allow it here, on project scopes.
  humanRoleCeiling: [...HUMAN_ROLE_CEILING, "FoundryUser"],
  workloads: [
    { key: "support-bot", application: "Customer support agent" },
    { key: "claims-bot", application: "Claims triage agent" },
  ],
  projects: [
    { name: "support", displayName: "Customer support", description: "Support agents and their evaluations", access: ["support-team"], workloads: ["support-bot"] },
    { name: "claims", displayName: "Claims triage", description: "Claims triage agents", access: ["claims-team"], workloads: ["claims-bot"] },
  ],
  budget: { amount: 3_000, contactEmails: ["finops@contoso.com"] },
});
app.synth();
