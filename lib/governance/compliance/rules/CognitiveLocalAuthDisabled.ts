import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { defineRule, requireBoolean } from "../define-rule";

/** No API keys: callers authenticate with Entra ID, so every call has an identity and RBAC applies. */
export const CognitiveLocalAuthDisabled = defineRule({
  id: "CognitiveLocalAuthDisabled",
  description: "The account accepts Entra ID tokens only; API keys (local authentication) are off.",
  fix:
    "Leave OpenAiAccount's securityExceptions.localAuth unset (the account then refuses keys) and give callers access with grantUse (Cognitive Services OpenAI User).",
  resourceTypes: [CognitiveAccount.tfResourceType],
  acknowledgedBy: [WEAKENING_KEYS.localAuth],
  evaluate: requireBoolean("local_auth_enabled", false, "API keys bypass Entra ID, RBAC and its audit trail"),
});
/** A constructed {@link CognitiveLocalAuthDisabled} rule. */
export type CognitiveLocalAuthDisabled = InstanceType<typeof CognitiveLocalAuthDisabled>;
