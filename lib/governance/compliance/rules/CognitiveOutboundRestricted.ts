import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { defineRule, requireBoolean } from "../define-rule";

/** The account may call only the hosts it lists, so prompts cannot be sent elsewhere. */
export const CognitiveOutboundRestricted = defineRule({
  id: "CognitiveOutboundRestricted",
  description: "The account's outbound network access is restricted to the hosts listed in fqdns.",
  fix:
    "Leave OpenAiAccount's securityExceptions.unrestrictedOutbound unset (outbound access stays restricted) and list the hosts the account must call in allowedFqdns.",
  resourceTypes: [CognitiveAccount.tfResourceType],
  acknowledgedBy: [WEAKENING_KEYS.unrestrictedOutbound],
  evaluate: requireBoolean("outbound_network_access_restricted", true),
});
/** A constructed {@link CognitiveOutboundRestricted} rule. */
export type CognitiveOutboundRestricted = InstanceType<typeof CognitiveOutboundRestricted>;
