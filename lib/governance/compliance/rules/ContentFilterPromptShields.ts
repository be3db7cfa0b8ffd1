import { CognitiveAccountRaiPolicy } from "@cdktf/provider-azurerm/lib/cognitive-account-rai-policy";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { blocks } from "../values";

/**
 * The prompt shields and protected-material filters every content filter must have on and
 * blocking (names as the RAI policy API spells them; `SHIELD_FILTERS` of the openai module, kept
 * equal by a test, since the engine imports only core).
 */
export const REQUIRED_SHIELD_FILTERS: readonly string[] = Object.freeze(["Jailbreak", "Indirect Attack", "Protected Material Text", "Protected Material Code"]);

/**
 * Integrity of the model's instructions and outputs: the content filter blocks user prompt
 * attacks (`Jailbreak`), document attacks (`Indirect Attack`) and protected text and code.
 */
export const ContentFilterPromptShields = defineRule({
  id: "ContentFilterPromptShields",
  description: `The content filter has ${REQUIRED_SHIELD_FILTERS.join(", ")} with filter_enabled and block_enabled true.`,
  fix: "Leave blockJailbreak, blockIndirectAttacks and blockProtectedMaterial of OpenAiAccount's contentFilter at their default (true).",
  resourceTypes: [CognitiveAccountRaiPolicy.tfResourceType],
  evaluate(resource, context) {
    const filters = blocks(context.attributes(resource).content_filter);
    const missing = REQUIRED_SHIELD_FILTERS.filter(
      (name) => !filters.some((f) => f.name === name && f.filter_enabled === true && f.block_enabled === true),
    );
    if (missing.length > 0) return nonCompliant(`not on and blocking: ${missing.join(", ")}`);
    return compliant(`${REQUIRED_SHIELD_FILTERS.join(", ")} on and blocking`);
  },
});
/** A constructed {@link ContentFilterPromptShields} rule. */
export type ContentFilterPromptShields = InstanceType<typeof ContentFilterPromptShields>;
