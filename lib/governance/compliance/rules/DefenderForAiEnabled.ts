import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { SecurityCenterSubscriptionPricing } from "@cdktf/provider-azurerm/lib/security-center-subscription-pricing";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";

/**
 * Threat detection: Defender for AI covers the account, through the subscription's plan
 * (`azurerm_security_center_subscription_pricing`, resource type `AI`, tier `Standard`) in this
 * stack. An environment whose security team runs Defender centrally says so with a reason
 * (`defenderForAi: { owner: "central", reason }`), which suppresses the finding with it.
 */
export const DefenderForAiEnabled = defineRule({
  id: "DefenderForAiEnabled",
  description: 'An azurerm_security_center_subscription_pricing with resource_type "AI" and tier "Standard" is in the stack of the account.',
  fix:
    'Add DefenderForAi with defender: { owner: "environment" } (the environment config\'s defenderForAi), or { owner: "central", reason } when a security team runs Defender for AI.',
  resourceTypes: [CognitiveAccount.tfResourceType],
  acknowledgedBy: [WEAKENING_KEYS.defenderForAiCentral],
  evaluate(_resource, context) {
    const plans = context.resourcesOfType(SecurityCenterSubscriptionPricing.tfResourceType).filter((p) => {
      const a = context.attributes(p);
      return a.resource_type === "AI" && a.tier === "Standard";
    });
    if (plans.length === 0) return nonCompliant('no Defender for AI plan (resource_type "AI", tier "Standard") in this stack');
    return compliant(`Defender for AI plan ${plans.map((p) => p.node.path).join(", ")}`);
  },
});
/** A constructed {@link DefenderForAiEnabled} rule. */
export type DefenderForAiEnabled = InstanceType<typeof DefenderForAiEnabled>;
