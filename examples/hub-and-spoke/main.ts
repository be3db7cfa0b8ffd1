// A landing zone that owns the network: the platform team brings the spoke subnets and the hub's
// private DNS zones, so the stack creates no VNet, no zone and no zone link. With
// `managedByPolicy: true` Azure Policy (built-in c4bc6f10) writes the DNS records instead.
import { GuardedApp, OpenAiEnvironmentStack } from "@contoso/cdktf-azure-openai";

const spokeSubnet = (vnet: string) =>
  `/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/spoke-network-rg/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/private-endpoints`;
const hubZone = (zone: string) =>
  `/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/hub-dns-rg/providers/Microsoft.Network/privateDnsZones/${zone}`;

const app = new GuardedApp();
new OpenAiEnvironmentStack(app, {
  name: "staging",
  workload: "chat",
  owner: "ai-platform@contoso.com",
  residency: "eu",
  location: "westeurope",
  uniqueSuffix: "ctso",
  regions: [
    { location: "westeurope", priority: 1, network: { subnetId: spokeSubnet("spoke-weu-vnet") } },
    { location: "francecentral", priority: 2, network: { subnetId: spokeSubnet("spoke-frc-vnet") } },
  ],
  privateDns: {
    existingZoneIds: {
      openAi: hubZone("privatelink.openai.azure.com"),
      cognitiveServices: hubZone("privatelink.cognitiveservices.azure.com"),
      // Foundry resources (the default kind) also answer on <subdomain>.services.ai.azure.com.
      aiServices: hubZone("privatelink.services.ai.azure.com"),
    },
  },
  deployments: [{ name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 100 }],
  capacityCapK: 200,
  allowedModels: ["gpt-5.4"],
  policyEnforcement: "audit",
  budget: { amount: 5_000, contactEmails: ["finops@contoso.com"] },
});
app.synth();
