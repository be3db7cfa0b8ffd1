import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { elementsInSection, PolicyElement, policyElements, sectionOf } from "../private/policy-xml";
import { API_MANAGEMENT_TYPE, apiPolicies, apisWithoutPolicy } from "../private/api-gateway-service";

/** Token-limit policies: the generic LLM one and the Azure OpenAI one (same attributes). */
const TOKEN_LIMITS = ["llm-token-limit", "azure-openai-token-limit"];
/** Request-rate policies. */
const RATE_LIMITS = ["rate-limit-by-key", "rate-limit"];
/** Request-body fields that carry a completion's length. */
const LENGTH_FIELDS = ["max_completion_tokens", "max_tokens", "max_output_tokens"];

const present = (value: string | undefined) => value !== undefined && value.trim() !== "";

/**
 * Whether the document refuses a request asking for too long a completion: a `when` in the
 * inbound section whose condition reads a completion-length field and which answers with
 * `return-response` (the per-request cap).
 */
function hasPerRequestCap(document: PolicyElement): boolean {
  return elementsInSection(document, "inbound", "when").some(
    (when) =>
      LENGTH_FIELDS.some((field) => (when.attributes.condition ?? "").includes(field)) &&
      when.children.some((child) => child.name === "return-response"),
  );
}

/**
 * Every API of the API Management service (the AI gateway) enforces who may call and how much,
 * in its API policy's inbound section: `validate-azure-ad-token` with a tenant (Entra tokens, the
 * only caller authentication when there are no subscription keys), a token limit
 * (`llm-token-limit` or `azure-openai-token-limit`) with `tokens-per-minute` and one with a
 * `token-quota` and `token-quota-period`, a request rate limit (`rate-limit-by-key` or
 * `rate-limit`), and the per-request token cap (a `when` on `max_completion_tokens`,
 * `max_tokens` or `max_output_tokens` that returns a response). Policies of other scopes
 * (global, product, operation) are not read: limits at API scope apply to Entra callers, who
 * match no product.
 */
export const ApiGatewayLimitsEnforced = defineRule({
  id: "ApiGatewayLimitsEnforced",
  description:
    "Every API policy of the azurerm_api_management validates Entra tokens (validate-azure-ad-token) and enforces tokens per minute, a token quota, a request rate limit and a per-request token cap in its inbound section.",
  fix:
    "Use OpenAiGateway: from its limits, workloads, tenantId and audiences it writes validate-azure-ad-token, the token limit and quota, the rate limit and the per-request token cap into every API policy; do not replace that policy.",
  resourceTypes: [API_MANAGEMENT_TYPE],
  evaluate(resource, context) {
    const policies = apiPolicies(context, resource);
    if (policies.length === 0) return nonCompliant("no azurerm_api_management_api_policy of the service in this stack");
    const problems: string[] = apisWithoutPolicy(context, resource, policies).map((api) => `API ${api.node.path} has no API policy`);
    for (const policy of policies) {
      const path = policy.resource.node.path;
      if (!policy.document) {
        problems.push(`policy ${path}: ${policy.problem}`);
        continue;
      }
      const inbound = (...names: string[]) => elementsInSection(policy.document!, "inbound", ...names);
      const missing: string[] = [];
      if (!inbound("validate-azure-ad-token").some((e) => present(e.attributes["tenant-id"]))) missing.push("validate-azure-ad-token with a tenant-id");
      const tokenLimits = inbound(...TOKEN_LIMITS);
      if (!tokenLimits.some((e) => present(e.attributes["tokens-per-minute"]))) missing.push("a token limit with tokens-per-minute");
      if (!tokenLimits.some((e) => present(e.attributes["token-quota"]) && present(e.attributes["token-quota-period"]))) {
        missing.push("a token limit with token-quota and token-quota-period");
      }
      if (!inbound(...RATE_LIMITS).some((e) => present(e.attributes.calls))) missing.push("a rate limit (rate-limit-by-key or rate-limit with calls)");
      if (!hasPerRequestCap(policy.document)) missing.push(`a per-request token cap (a when on ${LENGTH_FIELDS.join(", ")} returning a response)`);
      const outside = policyElements(policy.document, "validate-azure-ad-token", ...TOKEN_LIMITS, ...RATE_LIMITS).filter(
        (e) => sectionOf(e) !== "inbound",
      );
      if (missing.length > 0) problems.push(`policy ${path} has no ${missing.join(", no ")} in inbound`);
      if (outside.length > 0 && missing.length > 0) problems.push(`policy ${path} has ${[...new Set(outside.map((e) => e.name))].join(", ")} outside inbound, where it does not limit requests`);
    }
    if (problems.length > 0) return nonCompliant(problems.join("; "));
    return compliant(`Entra token validation, tokens per minute, token quota, rate limit and per-request cap in ${policies.map((p) => p.resource.node.path).join(", ")}`);
  },
});
/** A constructed {@link ApiGatewayLimitsEnforced} rule. */
export type ApiGatewayLimitsEnforced = InstanceType<typeof ApiGatewayLimitsEnforced>;
