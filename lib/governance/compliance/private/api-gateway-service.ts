import { TerraformResource } from "cdktf";
import { RuleContext } from "../context";
import { firstBlock, isExpression, ResourceAttributes, strings } from "../values";
import { parsePolicyXml, PolicyElement } from "./policy-xml";

// What the gateway rules ask about one azurerm_api_management service, from synthesized
// attributes only: its child resources (matched by reference, or by literal name and resource
// group), its azapi children (matched by parent_id), its API policies and its principals.

/** Terraform type of the API Management service. */
export const API_MANAGEMENT_TYPE = "azurerm_api_management";
/** Terraform type of azapi resources (backends, pools, loggers, diagnostics the azurerm provider lacks). */
export const AZAPI_RESOURCE_TYPE = "azapi_resource";
/** Terraform type of the API-scope policy. */
export const API_POLICY_TYPE = "azurerm_api_management_api_policy";
/** Terraform type of an API. */
export const API_TYPE = "azurerm_api_management_api";

/**
 * The resources of `type` that belong to `service`: `api_management_name` is a reference to the
 * service's name, or its literal name with the same `resource_group_name`; or
 * `api_management_id` is the service's id.
 */
export function serviceChildren(context: RuleContext, service: TerraformResource, type: string): TerraformResource[] {
  const own = context.attributes(service);
  const nameRef = context.reference(service, "name");
  const idRef = context.reference(service);
  return context.resourcesOfType(type).filter((candidate) => {
    const a = context.attributes(candidate);
    if (a.api_management_id !== undefined) return a.api_management_id === idRef;
    if (a.api_management_name === nameRef) return true;
    return (
      typeof own.name === "string" &&
      !isExpression(own.name) &&
      a.api_management_name === own.name &&
      a.resource_group_name === own.resource_group_name
    );
  });
}

/**
 * The `azapi_resource`s of `Microsoft.ApiManagement/service/<child>@...` whose `parent_id` is
 * the service (its id reference, or a literal ID ending in `/service/<name>`), or, with
 * `under`, starts with the service's id followed by `/` (`<service>/apis/<api>`).
 */
export function azapiChildren(context: RuleContext, service: TerraformResource, child: string, under = false): TerraformResource[] {
  const prefix = `Microsoft.ApiManagement/service/${child}@`.toLowerCase();
  const idRef = context.reference(service);
  const name = context.attributes(service).name;
  const literalSuffix = typeof name === "string" && !isExpression(name) ? `/providers/microsoft.apimanagement/service/${name.toLowerCase()}` : undefined;
  return context.resourcesOfType(AZAPI_RESOURCE_TYPE).filter((candidate) => {
    const a = context.attributes(candidate);
    if (typeof a.type !== "string" || !a.type.toLowerCase().startsWith(prefix)) return false;
    const parent = a.parent_id;
    if (typeof parent !== "string") return false;
    if (parent === idRef || (under && parent.startsWith(`${idRef}/`))) return true;
    if (!literalSuffix) return false;
    const lower = parent.toLowerCase();
    return lower.endsWith(literalSuffix) || (under && lower.includes(`${literalSuffix}/`));
  });
}

/** The `properties` object of an azapi resource's body (an object, or a JSON string). */
export function azapiProperties(resource: TerraformResource, context: RuleContext): ResourceAttributes {
  let body = context.attributes(resource).body;
  if (typeof body === "string" && !isExpression(body)) {
    try {
      body = JSON.parse(body);
    } catch {
      return {};
    }
  }
  const properties = firstBlock(body)?.properties;
  return firstBlock(properties) ?? {};
}

/** One API policy of the service, read. */
export interface ReadPolicy {
  /** The policy resource. */
  readonly resource: TerraformResource;
  /** The document, when it could be read. */
  readonly document?: PolicyElement;
  /** Why it could not be read. */
  readonly problem?: string;
}

/** The service's `azurerm_api_management_api_policy` resources, each read (or why not). */
export function apiPolicies(context: RuleContext, service: TerraformResource): ReadPolicy[] {
  return serviceChildren(context, service, API_POLICY_TYPE).map((resource) => {
    const a = context.attributes(resource);
    const xml = a.xml_content;
    if (typeof xml !== "string") {
      return { resource, problem: a.xml_link !== undefined ? "the policy is an xml_link, which cannot be read at synth" : "xml_content is not set" };
    }
    if (!xml.includes("<")) return { resource, problem: "xml_content is only known at apply time" };
    try {
      const document = parsePolicyXml(xml);
      if (document.name !== "policies") return { resource, problem: `the root element is <${document.name}>, not <policies>` };
      return { resource, document };
    } catch (error) {
      return { resource, problem: `the policy XML cannot be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
}

/** The APIs of the service that no API policy of `policies` names. */
export function apisWithoutPolicy(context: RuleContext, service: TerraformResource, policies: readonly ReadPolicy[]): TerraformResource[] {
  const named = new Set(policies.map((p) => context.attributes(p.resource).api_name));
  return serviceChildren(context, service, API_TYPE).filter((api) => {
    const name = context.attributes(api).name;
    return !named.has(context.reference(api, "name")) && !(typeof name === "string" && named.has(name));
  });
}

/** The identity types the service's `identity` block names (`SystemAssigned`, `UserAssigned`). */
export function identityTypes(attributes: ResourceAttributes): string[] {
  const identity = firstBlock(attributes.identity);
  const type = identity?.type;
  if (typeof type !== "string") return [];
  return type
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t === "SystemAssigned" || t === "UserAssigned");
}

/**
 * The Terraform expressions of the service's principal IDs: the system-assigned identity's
 * (`identity[0].principal_id`, both index spellings), and each user-assigned identity of this
 * stack named in `identity_ids`.
 */
export function principalReferences(context: RuleContext, service: TerraformResource): string[] {
  const attributes = context.attributes(service);
  const types = identityTypes(attributes);
  const found: string[] = [];
  const idRef = context.reference(service);
  if (types.includes("SystemAssigned") && idRef.endsWith(".id}")) {
    const base = idRef.slice(0, -".id}".length);
    found.push(`${base}.identity[0].principal_id}`, `${base}.identity.0.principal_id}`);
  }
  if (types.includes("UserAssigned")) {
    for (const id of strings(firstBlock(attributes.identity)?.identity_ids)) {
      const identity = context.resolveReference("azurerm_user_assigned_identity", id);
      if (identity) found.push(context.reference(identity, "principal_id"));
    }
  }
  return found;
}

/** Host suffixes of Azure OpenAI (Cognitive Services) data-plane endpoints. */
const ACCOUNT_HOSTS = [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"];

/**
 * The `azurerm_cognitive_account` of this stack a backend URL points to: the URL holds a
 * reference to the account's endpoint or subdomain, or its host is `<custom_subdomain_name>`
 * followed by an Azure OpenAI host suffix.
 */
export function accountOfUrl(context: RuleContext, url: unknown): TerraformResource | undefined {
  if (typeof url !== "string") return undefined;
  const accounts = context.resourcesOfType("azurerm_cognitive_account");
  const byReference = accounts.find((account) =>
    ["endpoint", "custom_subdomain_name", "name"].some((attribute) => url.includes(context.reference(account, attribute))),
  );
  if (byReference) return byReference;
  const host = /^https:\/\/([^/:]+)/i.exec(url)?.[1]?.toLowerCase();
  const suffix = host ? ACCOUNT_HOSTS.find((s) => host.endsWith(s)) : undefined;
  if (!host || !suffix) return undefined;
  const subdomain = host.slice(0, -suffix.length);
  return accounts.find((account) => {
    const name = context.attributes(account).custom_subdomain_name;
    return typeof name === "string" && name.toLowerCase() === subdomain;
  });
}
