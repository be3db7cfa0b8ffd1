import { CognitiveAccountRaiPolicy } from "@cdktf/provider-azurerm/lib/cognitive-account-rai-policy";
import { CognitiveDeployment } from "@cdktf/provider-azurerm/lib/cognitive-deployment";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { describeValue } from "../values";

/**
 * The RAI policy name that turns content filtering off (`NO_FILTER_POLICY` of the openai module;
 * written here so the engine imports only core, and a test keeps the two equal).
 */
const NO_FILTER_POLICY = "Microsoft.Nil";

/**
 * Every deployment is content filtered, by its account's own content filter when the account
 * has one (an `azurerm_cognitive_account_rai_policy` in the stack): a deployment with another
 * `rai_policy_name`, or with `Microsoft.Nil` (no filtering), is non-compliant. A
 * ModelDeployment's `contentFilterOverride: { reason }` suppresses the finding with its reason,
 * so the report shows every deployment that left its account's filter and why.
 */
export const DeploymentContentFilter = defineRule({
  id: "DeploymentContentFilter",
  description: "Every deployment is content filtered: it uses its account's content filter (RAI policy) when the account has one, and never Microsoft.Nil.",
  fix:
    "Leave the ModelDeployment's raiPolicyName unset (it then uses its OpenAiAccount's contentFilter), or give it contentFilterOverride: { reason } to accept another policy.",
  resourceTypes: [CognitiveDeployment.tfResourceType],
  acknowledgedBy: [WEAKENING_KEYS.contentFilterOverride],
  evaluate(resource, context) {
    const deployment = context.attributes(resource);
    const policyName = deployment.rai_policy_name;
    if (typeof policyName === "string" && policyName.toLowerCase() === NO_FILTER_POLICY.toLowerCase()) {
      return nonCompliant(`rai_policy_name is ${describeValue(policyName)}: no content filtering`);
    }
    const accountFilters = context.resourcesOfType(CognitiveAccountRaiPolicy.tfResourceType).filter(
      (policy) => context.attributes(policy).cognitive_account_id === deployment.cognitive_account_id,
    );
    if (accountFilters.length === 0) {
      return compliant(policyName === undefined ? "Azure's default content filter (the account has no content filter here)" : `rai_policy_name is ${describeValue(policyName)}`);
    }
    const names = accountFilters.map((policy) => context.reference(policy, "name"));
    const literalNames = accountFilters.map((policy) => context.attributes(policy).name);
    if (names.includes(String(policyName)) || literalNames.includes(policyName)) return compliant(`the account's content filter`);
    return nonCompliant(
      `rai_policy_name is ${describeValue(policyName)}, not the account's content filter (${literalNames.map((n) => describeValue(n)).join(", ")})`,
    );
  },
});
/** A constructed {@link DeploymentContentFilter} rule. */
export type DeploymentContentFilter = InstanceType<typeof DeploymentContentFilter>;
