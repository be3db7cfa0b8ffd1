import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { defineRule, requireBoolean } from "../define-rule";

/** The account cannot be reached from the internet: `public_network_access_enabled = false`. */
export const CognitivePublicNetworkAccessDisabled = defineRule({
  id: "CognitivePublicNetworkAccessDisabled",
  description: "The Cognitive Services / Azure OpenAI account does not accept traffic from public networks.",
  fix:
    "Leave OpenAiAccount's securityExceptions.publicNetworkAccess unset (the account then turns public network access off) and reach the account through an OpenAiPrivateEndpoint.",
  resourceTypes: [CognitiveAccount.tfResourceType],
  acknowledgedBy: [WEAKENING_KEYS.publicNetworkAccess],
  evaluate: requireBoolean("public_network_access_enabled", false),
});
/** A constructed {@link CognitivePublicNetworkAccessDisabled} rule. */
export type CognitivePublicNetworkAccessDisabled = InstanceType<typeof CognitivePublicNetworkAccessDisabled>;
