// The smallest governed environment: one region, a VNet and private endpoint made by the stack,
// one model deployment, local state. `cdktf deploy sandbox` deploys it.
import { GuardedApp, OpenAiEnvironmentStack } from "@contoso/cdktf-azure-openai";

const app = new GuardedApp();
new OpenAiEnvironmentStack(app, {
  name: "sandbox",
  workload: "demo",
  owner: "ai-platform@contoso.com",
  residency: "eu",
  location: "swedencentral",
  uniqueSuffix: "ctso",
  regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.40.0.0/24" } }],
  deployments: [{ name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 10 }],
  capacityCapK: 50,
  allowedModels: ["gpt-5.4"],
  policyEnforcement: "audit",
  budget: { amount: 200, contactEmails: ["finops@contoso.com"] },
});
app.synth();
