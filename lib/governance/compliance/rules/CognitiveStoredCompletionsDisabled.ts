import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { defineRule } from "../define-rule";
import { azapiUpdatesSetting } from "../private/azapi-updates";
import { compliant, nonCompliant, notApplicable } from "../rule";

/** Account kinds that serve the chat completions and Responses APIs, where stored completions live. */
const MODEL_SERVING_KINDS: readonly string[] = ["OpenAI", "AIServices"];

/**
 * Data minimisation: the account disables stored completions, so the service keeps no copy of
 * prompts and completions for evaluation or distillation when a caller asks it to (`store`). An
 * `azapi_update_resource` on the account sets `properties.storedCompletionsDisabled = true`
 * (azurerm 4.55 has no argument for it). `OpenAiAccount`'s `storedCompletions: { reason }`
 * suppresses the finding with its reason.
 */
export const CognitiveStoredCompletionsDisabled = defineRule({
  id: "CognitiveStoredCompletionsDisabled",
  description:
    "An azapi_update_resource on the account sets properties.storedCompletionsDisabled = true: the service keeps no stored completions (prompts and outputs kept for evaluation and distillation).",
  fix: "Leave OpenAiAccount's storedCompletions unset (the account disables them), or give storedCompletions: { reason } to keep them.",
  resourceTypes: [CognitiveAccount.tfResourceType],
  acknowledgedBy: [WEAKENING_KEYS.storedCompletions],
  evaluate(resource, context) {
    // Stored completions are a feature of the chat completions and Responses APIs, which only
    // kinds OpenAI and AIServices serve: a Content Safety account (the gateway's) keeps none.
    const kind = context.attributes(resource).kind;
    if (typeof kind === "string" && !MODEL_SERVING_KINDS.includes(kind)) {
      return notApplicable(`kind ${kind} serves no chat completions, so it keeps no stored completions`);
    }
    const disabling = azapiUpdatesSetting(context, resource, (body) => body?.properties?.storedCompletionsDisabled === true);
    if (disabling.length === 0) {
      // What the service keeps and for how long: Learn "Azure OpenAI stored completions & distillation (preview)", 2025-09-15.
      return nonCompliant(
        "no azapi_update_resource in this stack sets storedCompletionsDisabled = true on the account: stored completions are on (Azure's default); the service keeps the messages and output of every call with store: true (up to 10 GB) until they are deleted (no retention period is documented)",
      );
    }
    return compliant(`stored completions disabled by ${disabling.map((u) => u.node.path).join(", ")}`);
  },
});
/** A constructed {@link CognitiveStoredCompletionsDisabled} rule. */
export type CognitiveStoredCompletionsDisabled = InstanceType<typeof CognitiveStoredCompletionsDisabled>;
