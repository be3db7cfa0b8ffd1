// Production across two EU regions: customer-managed keys per region, deletion protection,
// a locked write-once audit archive, Deny policies, an application identity per workload and
// Entra ID groups from environment variables (placeholders when unset, for local synth only).
import { GuardedApp, OpenAiEnvironmentStack, principalIdFromEnv } from "@contoso/cdktf-azure-openai";

const auditors = principalIdFromEnv("AOAI_SECURITY_AUDIT_GROUP_ID", 3);

const app = new GuardedApp();
new OpenAiEnvironmentStack(app, {
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
  deployments: [{ name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 300 }],
  capacityCapK: 600,
  allowedModels: ["gpt-5.4"],
  policyEnforcement: "deny",
  customerManagedKeys: true,
  deletionProtection: true,
  contentFilter: { name: "prod-strict", severityThreshold: "Low" },
  logging: {
    workspaceRetentionDays: 90,
    archive: {
      days: { Audit: 2190, RequestResponse: 90, Trace: 30, AzureOpenAIRequestUsage: 90, metrics: 90 },
      immutability: { Audit: { periodDays: 2190, locked: true } },
    },
    alertEmails: [{ name: "oncall", address: "ai-oncall@contoso.com" }],
  },
  access: [
    { key: "security-audit", principalId: auditors, principalType: "Group", role: "Reader" },
    { key: "security-audit", principalId: auditors, principalType: "Group", role: "LogAnalyticsReader" },
  ],
  workloads: [{ key: "chatbot", application: "Production chatbot" }],
  budget: { amount: 20_000, contactEmails: ["finops@contoso.com"] },
});
app.synth();
