// Provisioned throughput (PTUs) with spillover, and capacity proven at plan time.
// - `chat-ptu` holds 15 Data Zone PTUs (the smallest gpt-4.1 size; it grows by 5). Requests
//   beyond them (429), long contexts and 500/503 spill over to `chat-paygo`, a DataZoneStandard
//   deployment of the same model and version on the same account, billed per token.
// - `capacityCheck: "error"` (the default, written out here): `terraform plan` reads through
//   Resource Manager what this subscription can still get in swedencentral for each deployment
//   and stops with "Capacity shortfall in swedencentral for DataZoneProvisionedManaged ..." when
//   it asks more. The plan shows the `capacity_preflight` output, a table per region.
// `cdktf deploy staging` deploys it; the identity that plans needs Reader on the subscription.
import { GuardedApp, OpenAiEnvironmentStack } from "@contoso/cdktf-azure-openai";

const app = new GuardedApp();
new OpenAiEnvironmentStack(app, {
  name: "staging",
  workload: "chat",
  owner: "ai-platform@contoso.com",
  residency: "eu",
  location: "swedencentral",
  uniqueSuffix: "ctso",
  regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.42.0.0/24" } }],
  deployments: [
    { name: "chat-ptu", model: "gpt-4.1", version: "2025-04-14", sku: "DataZoneProvisionedManaged", capacity: 15, spilloverDeploymentName: "chat-paygo" },
    { name: "chat-paygo", model: "gpt-4.1", version: "2025-04-14", sku: "DataZoneStandard", capacity: 100 },
  ],
  capacityCheck: "error",
  // Token capacity only: PTUs are bought per hour and budgeted by the budget below.
  capacityCapK: 100,
  allowedModels: ["gpt-4.1"],
  policyEnforcement: "deny",
  budget: { amount: 20000, contactEmails: ["finops@contoso.com"] },
});
app.synth();
