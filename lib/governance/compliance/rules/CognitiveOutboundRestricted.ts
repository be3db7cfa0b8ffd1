import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { booleanProblem } from "../values";

/** The account may call only the hosts it lists, so prompts cannot be sent elsewhere. */
export const CognitiveOutboundRestricted = defineRule({
  id: "CognitiveOutboundRestricted",
  description: "The account's outbound network access is restricted to the hosts listed in fqdns.",
  fix: "Leave OpenAiAccount's securityExceptions.unrestrictedOutbound unset (outbound access stays restricted) and list the hosts the account must call in allowedFqdns.",
  resourceTypes: [CognitiveAccount.tfResourceType],
  acknowledgedBy: [WEAKENING_KEYS.unrestrictedOutbound],
  evaluate(resource, context) {
    const problem = booleanProblem(context.attributes(resource), "outbound_network_access_restricted", true);
    return problem ? nonCompliant(problem) : compliant();
  },
});
/** A constructed {@link CognitiveOutboundRestricted} rule. */
export type CognitiveOutboundRestricted = InstanceType<typeof CognitiveOutboundRestricted>;
