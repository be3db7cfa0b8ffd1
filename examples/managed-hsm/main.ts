// A Foundry resource whose data is encrypted with a key in the security team's Managed HSM, for
// a policy that asks for a single-tenant HSM under the organisation's own security domain
// (FIPS 140-3 Level 3 firmware). The HSM exists and is activated already: its ID comes from an
// environment variable (a placeholder when unset, for local synth only). This stack makes the
// key and its rotation policy in the HSM; the account gives its identity Managed HSM Crypto
// Service Encryption User on that one key, then sets the key.
//
// Deploy it from a runner with a network path to the HSM (its data plane), as an identity with
// Managed HSM Crypto User and Managed HSM Policy Administrator on the key scope: see
// docs/SECURITY-PACK.md, "Keys in a Managed HSM".
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack } from "cdktf";
import { GovernanceTags, GuardedApp, ManagedHsmKey, OpenAiAccount } from "@contoso/cdktf-azure-openai";

const managedHsmId =
  process.env.AOAI_MANAGED_HSM_ID ?? "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/security-keys-rg/providers/Microsoft.KeyVault/managedHSMs/contoso-sdc-hsm";

const app = new GuardedApp();
const stack = new TerraformStack(app, "agents-prod");
new AzurermProvider(stack, "azurerm", { features: [{}] });
GovernanceTags.apply(stack, { environment: "prod", owner: "ai-platform@contoso.com", dataResidency: "eu" });

// The key: RSA-HSM 2048, wrap/unwrap only, a new version every 90 days (each expires after 365).
const key = new ManagedHsmKey(stack, "cmk", { managedHsmId, keyName: "agents-prod-sdc-cmk" });

new OpenAiAccount(stack, "foundry", {
  name: "agents-prod-sdc-ais-ctso",
  resourceGroupName: "agents-prod-rg",
  location: "swedencentral",
  deployments: [{ name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 100 }],
  // The key's current version is read on every plan: after the HSM rotates it, the next apply
  // moves the account to the new version.
  customerManagedKey: key.keyReference(),
  lock: { reason: "Production Foundry resource; its data is encrypted with the HSM key" },
});
app.synth();
