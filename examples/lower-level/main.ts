import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack } from "cdktf";
import { GovernanceTags, GuardedApp, OpenAiAccount, WorkloadIdentity } from "@contoso/cdktf-azure-openai";

const app = new GuardedApp();
const stack = new TerraformStack(app, "chat-prod");
new AzurermProvider(stack, "azurerm", { features: [{}] });
// Tags every taggable resource of the stack, once: no construct takes tag props of its own.
GovernanceTags.apply(stack, { environment: "prod", owner: "chat-team@contoso.com", dataResidency: "eu" });

const account = new OpenAiAccount(stack, "openai", {
  name: "chat-prod-sdc-oai-ctso",
  resourceGroupName: "chat-prod-rg",
  location: "swedencentral",
  deployments: [{ name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 200 }],
  lock: { reason: "Production account; deleting it loses its deployments and endpoint" },
});
account.addDeployment({ name: "chat-batch", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 100 });

const chatbot = new WorkloadIdentity(stack, "chatbot", {
  name: "chat-prod-sdc-chatbot-id",
  resourceGroupName: "chat-prod-rg",
  location: "swedencentral",
  application: "Production chatbot",
});
account.grantUse(chatbot); // Cognitive Services OpenAI User on this account, nothing more
app.synth();
