import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { TerraformResource } from "cdktf";
import type { RuleContext } from "../context";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { elementsInSection, PolicyElement } from "../private/policy-xml";
import { accountOfUrl, API_MANAGEMENT_TYPE, apiPolicies, apisWithoutPolicy, azapiChildren, azapiProperties } from "../private/api-gateway-service";

const CONTENT_SAFETY = "llm-content-safety";
const BACKEND_TYPE = "azurerm_api_management_backend";

/** Whether the element sits inside a `when` or `otherwise` (runs for some requests only). */
function conditional(element: PolicyElement): boolean {
  for (let p = element.parent; p; p = p.parent) if (p.name === "when" || p.name === "otherwise") return true;
  return false;
}

/**
 * Every API policy of the API Management service (the AI gateway) checks prompts with Azure AI
 * Content Safety before a model sees them: an `llm-content-safety` in the inbound section with
 * `shield-prompt="true"` (prompt shields: jailbreak and prompt-attack detection), whose
 * `backend-id` names a backend of the service pointing to a Content Safety account of this stack
 * that has public network access and local (key) authentication off. A check inside a
 * `when`/`otherwise` (workloads that opted out) breaks the rule; a workload's
 * `contentSafetyOptOut: { reason }` acknowledges it, and the pack reports the reason.
 */
export const ApiGatewayContentSafety = defineRule({
  id: "ApiGatewayContentSafety",
  description:
    "Every API policy of the azurerm_api_management runs llm-content-safety with shield-prompt=\"true\" on every request, against a backend whose Content Safety account is private and keyless.",
  fix:
    "Give OpenAiGateway contentSafety (a private, keyless Content Safety account, its backend and the llm-content-safety policy with prompt shields on every request); a workload skips it only with contentSafetyOptOut: { reason }.",
  resourceTypes: [API_MANAGEMENT_TYPE],
  acknowledgedBy: [WEAKENING_KEYS.gatewayContentSafetyOptOut],
  evaluate(resource, context) {
    const policies = apiPolicies(context, resource);
    if (policies.length === 0) return nonCompliant("no azurerm_api_management_api_policy of the service in this stack");
    const problems: string[] = apisWithoutPolicy(context, resource, policies).map((api) => `API ${api.node.path} has no API policy`);
    const backendIds = new Set<string>();
    for (const policy of policies) {
      const path = policy.resource.node.path;
      if (!policy.document) {
        problems.push(`policy ${path}: ${policy.problem}`);
        continue;
      }
      const checks = elementsInSection(policy.document, "inbound", CONTENT_SAFETY);
      if (checks.length === 0) {
        problems.push(`policy ${path} has no ${CONTENT_SAFETY} in inbound`);
        continue;
      }
      if (!checks.some((e) => (e.attributes["shield-prompt"] ?? "").toLowerCase() === "true")) problems.push(`policy ${path}: ${CONTENT_SAFETY} without shield-prompt="true"`);
      if (checks.every(conditional)) problems.push(`policy ${path}: ${CONTENT_SAFETY} runs only inside a when/otherwise (some callers skip it)`);
      for (const e of checks) if (e.attributes["backend-id"]) backendIds.add(e.attributes["backend-id"]);
    }
    for (const id of backendIds) {
      const problem = backendProblem(context, resource, id);
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) return nonCompliant(problems.join("; "));
    return compliant(`${CONTENT_SAFETY} with prompt shields on every request, backend(s) ${[...backendIds].join(", ")} on a private, keyless Content Safety account`);
  },
});
/** A constructed {@link ApiGatewayContentSafety} rule. */
export type ApiGatewayContentSafety = InstanceType<typeof ApiGatewayContentSafety>;

/** What keeps backend `id` of the service from being a private, keyless Content Safety account of this stack. */
function backendProblem(context: RuleContext, service: TerraformResource, id: string): string | undefined {
  const azapi = azapiChildren(context, service, "backends").find((b) => context.attributes(b).name === id);
  const azurerm = context.resourcesOfType(BACKEND_TYPE).find((b) => context.attributes(b).name === id);
  const url = azapi ? azapiProperties(azapi, context).url : azurerm ? context.attributes(azurerm).url : undefined;
  if (url === undefined) return `backend ${id} (named by ${CONTENT_SAFETY}) is not in this stack`;
  const account = accountOfUrl(context, url);
  if (!account) return `backend ${id} points to ${String(url)}, not a Content Safety account of this stack`;
  const a = context.attributes(account);
  const weak: string[] = [];
  if (a.kind !== "ContentSafety") weak.push(`kind is ${JSON.stringify(a.kind)}`);
  if (a.public_network_access_enabled !== false) weak.push("public network access is not off");
  if (a.local_auth_enabled !== false) weak.push("local (key) authentication is not off");
  return weak.length > 0 ? `account ${account.node.path} behind backend ${id}: ${weak.join(", ")}` : undefined;
}
