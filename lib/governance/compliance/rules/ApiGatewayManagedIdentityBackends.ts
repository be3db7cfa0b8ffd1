import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { BUILT_IN_ROLES } from "../../../identity/role-catalog";
import { TerraformResource } from "cdktf";
import type { RuleContext } from "../context";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { firstBlock, ResourceAttributes } from "../values";
import { elementsInSection, policyElements } from "../private/policy-xml";
import {
  accountOfUrl,
  API_MANAGEMENT_TYPE,
  apiPolicies,
  apisWithoutPolicy,
  azapiChildren,
  azapiProperties,
  identityTypes,
  principalReferences,
  serviceChildren,
} from "../private/api-gateway-service";

const BACKEND_TYPE = "azurerm_api_management_backend";
const SUBSCRIPTION_TYPE = "azurerm_api_management_subscription";
/** The role the gateway's identity needs on each account: inference only (the role catalog's OpenAiUser). */
const OPENAI_USER = BUILT_IN_ROLES.OpenAiUser;
/** The role on a Content Safety account (`llm-content-safety`): OpenAI User does not cover it. */
const COGNITIVE_SERVICES_USER = BUILT_IN_ROLES.CognitiveServicesUser;
/** Headers that carry an Azure OpenAI key or an API Management subscription key. */
const KEY_HEADERS = ["api-key", "ocp-apim-subscription-key"];

/** The secret-bearing parts of a backend's credentials: header or query values, an authorization, certificates. */
function credentialParts(credentials: ResourceAttributes | undefined): string[] {
  if (!credentials) return [];
  const nonEmpty = (value: unknown) =>
    value !== undefined && value !== null && !(typeof value === "object" && Object.keys(value as object).length === 0) && value !== "";
  return ["header", "query", "authorization", "certificate", "certificateIds"].filter((part) => nonEmpty(credentials[part]));
}

/**
 * The gateway calls its backends with a managed identity, never with keys: the service has a
 * system- or user-assigned identity; no backend of the service (`azurerm_api_management_backend`,
 * or an azapi `Microsoft.ApiManagement/service/backends` child, pools included) carries
 * `credentials` (header, query, authorization or certificate secrets); every API policy of the
 * service uses `authentication-managed-identity` and sets no `api-key` header, and every API of
 * the service has such a policy; the service has no `azurerm_api_management_subscription` (or
 * azapi subscription), so no caller holds a key either; and the service's principal holds
 * Cognitive Services OpenAI User on each account of this stack a backend points to (Cognitive
 * Services User on a `ContentSafety` account, the content safety check's backend). A backend
 * whose account is not in this stack (or whose principal is not known here) is named in the
 * detail as not verified.
 */
export const ApiGatewayManagedIdentityBackends = defineRule({
  id: "ApiGatewayManagedIdentityBackends",
  description:
    `azurerm_api_management has a managed identity, its backends carry no credentials, its API policies use authentication-managed-identity, it has no subscriptions (keys), and its identity holds ${OPENAI_USER.displayName} on each account its backends point to.`,
  fix:
    `Use OpenAiGateway: it gives the service a system-assigned identity, builds backends without credentials and API policies with authentication-managed-identity, needs no subscriptions, and grants its identity ${OPENAI_USER.displayName} on each backend account; add no subscriptions or backend credentials to it.`,
  resourceTypes: [API_MANAGEMENT_TYPE],
  evaluate(resource, context) {
    const problems: string[] = [];
    const notes: string[] = [];
    const attributes = context.attributes(resource);
    if (identityTypes(attributes).length === 0) {
      problems.push(`identity.type is ${JSON.stringify(firstBlock(attributes.identity)?.type ?? "not set")} (required: SystemAssigned or UserAssigned)`);
    }

    // Backends: no key material; remember the accounts they point to.
    const accounts = new Map<string, TerraformResource>();
    const unresolved: string[] = [];
    const backends = serviceChildren(context, resource, BACKEND_TYPE);
    for (const backend of backends) {
      const a = context.attributes(backend);
      const parts = credentialParts(firstBlock(a.credentials));
      if (parts.length > 0) problems.push(`backend ${backend.node.path} has credentials.${parts.join(", credentials.")}`);
      noteAccount(context, backend, a.url, accounts, unresolved);
    }
    for (const backend of azapiChildren(context, resource, "backends")) {
      const properties = azapiProperties(backend, context);
      const parts = credentialParts(firstBlock(properties.credentials));
      if (parts.length > 0) problems.push(`azapi backend ${backend.node.path} has properties.credentials.${parts.join(", properties.credentials.")}`);
      if (String(properties.type ?? "").toLowerCase() !== "pool") noteAccount(context, backend, properties.url, accounts, unresolved);
    }

    // Policies: the managed identity towards the backend, no key header.
    const policies = apiPolicies(context, resource);
    if (policies.length === 0) problems.push("no azurerm_api_management_api_policy of the service uses authentication-managed-identity");
    for (const policy of policies) {
      if (!policy.document) {
        problems.push(`policy ${policy.resource.node.path}: ${policy.problem}`);
        continue;
      }
      const identity = [
        ...elementsInSection(policy.document, "inbound", "authentication-managed-identity"),
        ...elementsInSection(policy.document, "backend", "authentication-managed-identity"),
      ];
      if (identity.length === 0) problems.push(`policy ${policy.resource.node.path} has no <authentication-managed-identity> in inbound or backend`);
      const keyHeaders = policyElements(policy.document, "set-header").filter((h) => KEY_HEADERS.includes((h.attributes.name ?? "").toLowerCase()));
      if (keyHeaders.length > 0) problems.push(`policy ${policy.resource.node.path} sets the ${keyHeaders.map((h) => h.attributes.name).join(", ")} header`);
    }
    for (const api of apisWithoutPolicy(context, resource, policies)) problems.push(`API ${api.node.path} has no API policy`);

    // Subscriptions: keys for callers.
    const subscriptions = [...serviceChildren(context, resource, SUBSCRIPTION_TYPE), ...azapiChildren(context, resource, "subscriptions")];
    if (subscriptions.length > 0) problems.push(`subscriptions (keys) exist: ${subscriptions.map((s) => s.node.path).join(", ")}`);

    // Role assignments: OpenAI User for the service's principal on each account.
    const principals = principalReferences(context, resource);
    if (accounts.size > 0 && principals.length === 0) {
      notes.push("the service's principal is not known in this stack, so its role assignments cannot be verified");
    } else {
      for (const [reference, account] of accounts) {
        const role = context.attributes(account).kind === "ContentSafety" ? COGNITIVE_SERVICES_USER : OPENAI_USER;
        const granted = context
          .referencing(RoleAssignment.tfResourceType, reference, (a) => a.scope)
          .some((assignment) => {
            const a = context.attributes(assignment);
            return typeof a.principal_id === "string" && principals.includes(a.principal_id) && grants(a, role);
          });
        if (!granted) problems.push(`no azurerm_role_assignment grants the service's identity ${role.displayName} on account ${account.node.path}`);
      }
    }
    if (unresolved.length > 0) notes.push(`not verified (account not in this stack): ${unresolved.join(", ")}`);

    if (problems.length > 0) return nonCompliant([...problems, ...notes].join("; "));
    const safety = [...accounts.values()].filter((a) => context.attributes(a).kind === "ContentSafety").length;
    const summary =
      `identity ${identityTypes(attributes).join(", ")}; ${backends.length} backend(s) without credentials; ` +
      `authentication-managed-identity in ${policies.length} API policy(ies); no subscriptions; ` +
      `${OPENAI_USER.displayName} on ${accounts.size - safety} account(s)` +
      (safety > 0 ? `, ${COGNITIVE_SERVICES_USER.displayName} on ${safety} Content Safety account(s)` : "");
    return compliant([summary, ...notes].join("; "));
  },
});
/** A constructed {@link ApiGatewayManagedIdentityBackends} rule. */
export type ApiGatewayManagedIdentityBackends = InstanceType<typeof ApiGatewayManagedIdentityBackends>;

/** Records the account of this stack the backend URL points to, or the backend as not verified. */
function noteAccount(context: RuleContext, backend: TerraformResource, url: unknown, accounts: Map<string, TerraformResource>, unresolved: string[]): void {
  const account = accountOfUrl(context, url);
  if (account) accounts.set(context.reference(account), account);
  else unresolved.push(`backend ${backend.node.path} (url ${typeof url === "string" ? url : "not set"})`);
}

/** The assignment names `role`, by definition GUID (last path segment) or by name. */
function grants(a: ResourceAttributes, role: { readonly guid: string; readonly displayName: string }): boolean {
  if (typeof a.role_definition_id === "string") return a.role_definition_id.toLowerCase().split("/").pop() === role.guid;
  return typeof a.role_definition_name === "string" && a.role_definition_name.toLowerCase() === role.displayName.toLowerCase();
}
