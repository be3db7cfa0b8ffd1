import * as ipaddr from "ipaddr.js";
import { COGNITIVE_SERVICES_RESOURCE } from "../../core/cognitive-services";
import { el, text, XmlElement, XmlNode } from "./xml";

// Builders for the API Management policies the gateway uses, one function per policy. Each
// returns an element; values are attributes or text nodes, escaped when rendered. Policy
// expressions (`@(...)`) are written only by this library, from constants and checked values
// (GUIDs, whole numbers, CIDRs), never from free text.

/**
 * The Microsoft Entra resource Azure OpenAI accepts tokens for (authentication-managed-identity).
 * @deprecated import it from the package root (lib/core/cognitive-services); kept here for one minor version
 */
export { COGNITIVE_SERVICES_RESOURCE };

/** The variable the validated caller token is stored in. */
export const JWT_VARIABLE = "caller-jwt";
/** The variable holding the caller's application (client) ID, from the token's `azp` or `appid` claim. */
export const CALLER_APP_ID_VARIABLE = "caller-app-id";
/** The variable holding the caller's workload key, once matched. */
export const WORKLOAD_VARIABLE = "workload";

/** `<base />`: the policies of the enclosing scope. */
export function base(): XmlElement {
  return el("base");
}

/** Options of {@link validateAzureAdToken}. */
export interface ValidateAzureAdTokenOptions {
  /** Entra tenant ID (or a Terraform reference to it). */
  readonly tenantId: string;
  /** Accepted `aud` values. */
  readonly audiences: readonly string[];
  /** Accepted client application IDs (`azp` / `appid`); every other caller gets 401. */
  readonly clientApplicationIds: readonly string[];
}

/** `validate-azure-ad-token`: only Entra tokens of the tenant, for the audience, from known applications. */
export function validateAzureAdToken(options: ValidateAzureAdTokenOptions): XmlElement {
  return el(
    "validate-azure-ad-token",
    {
      "tenant-id": options.tenantId,
      "header-name": "Authorization",
      "failed-validation-httpcode": 401,
      "failed-validation-error-message": "Unauthorized: an Entra ID token of a registered workload is required",
      "output-token-variable-name": JWT_VARIABLE,
    },
    el("client-application-ids", {}, ...options.clientApplicationIds.map((id) => el("application-id", {}, text(id)))),
    el("audiences", {}, ...options.audiences.map((a) => el("audience", {}, text(a)))),
  );
}

/** `set-variable` with a value (literal text or a policy expression written by this library). */
export function setVariable(name: string, value: string): XmlElement {
  return el("set-variable", { name, value });
}

/** Stores the validated token's client application ID (`azp`, v2 tokens; `appid`, v1 tokens). */
export function setCallerAppId(): XmlElement {
  const jwt = `((Jwt)context.Variables["${JWT_VARIABLE}"])`;
  return setVariable(CALLER_APP_ID_VARIABLE, `@(${jwt}.Claims.GetValueOrDefault("azp", ${jwt}.Claims.GetValueOrDefault("appid", "")))`);
}

/** A policy expression that is true when the caller's client ID is `clientId` (a GUID or a reference). */
export function callerIs(clientId: string): string {
  return `@(((string)context.Variables["${CALLER_APP_ID_VARIABLE}"]).Equals("${clientId}", StringComparison.OrdinalIgnoreCase))`;
}

/** `ip-filter action="allow"`: only the given IPv4 addresses and CIDR ranges. */
export function ipFilterAllow(cidrs: readonly string[]): XmlElement {
  return el("ip-filter", { action: "allow" }, ...cidrs.map(ipFilterEntry));
}

function ipFilterEntry(cidr: string): XmlElement {
  const [addr, prefix] = cidr.includes("/") ? ipaddr.IPv4.parseCIDR(cidr) : [ipaddr.IPv4.parse(cidr), 32];
  if (prefix === 32) return el("address", {}, text(addr.toString()));
  const first = ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${prefix}`).toString();
  const last = ipaddr.IPv4.broadcastAddressFromCIDR(`${addr.toString()}/${prefix}`).toString();
  return el("address-range", { from: first, to: last });
}

/** `rate-limit-by-key`: at most `calls` requests per `renewalPeriodSeconds` for one counter key. */
export function rateLimitByKey(counterKey: string, calls: number, renewalPeriodSeconds = 60): XmlElement {
  return el("rate-limit-by-key", {
    calls,
    "renewal-period": renewalPeriodSeconds,
    "counter-key": counterKey,
    "remaining-calls-header-name": "x-ratelimit-remaining-requests",
  });
}

/** Token quota periods `llm-token-limit` accepts. */
export type TokenQuotaPeriod = "Hourly" | "Daily" | "Weekly" | "Monthly" | "Yearly";

/** Options of {@link tokenLimit}. */
export interface TokenLimitOptions {
  /** The counter key: a literal (one counter per environment or workload). */
  readonly counterKey: string;
  /** Tokens (prompt plus completion) per minute. @default - no rate */
  readonly tokensPerMinute?: number;
  /** Tokens per `quotaPeriod`. @default - no quota */
  readonly tokenQuota?: number;
  /** The quota's period. @default "Monthly" when `tokenQuota` is given */
  readonly quotaPeriod?: TokenQuotaPeriod;
}

/**
 * `llm-token-limit`: a token rate (429 when exceeded) and/or a token quota over a period (403
 * when exceeded), with prompt tokens estimated before the backend is called. The provider-neutral
 * policy, not `azure-openai-token-limit`: it covers every API with the OpenAI Chat Completions or
 * Responses schema, so a Foundry resource's non-OpenAI models count against the same counters
 * (Learn "Limit large language model API token usage"; docs/evidence/gateway.md).
 */
export function tokenLimit(options: TokenLimitOptions): XmlElement {
  return el("llm-token-limit", {
    "counter-key": options.counterKey,
    "tokens-per-minute": options.tokensPerMinute,
    "token-quota": options.tokenQuota,
    "token-quota-period": options.tokenQuota !== undefined ? (options.quotaPeriod ?? "Monthly") : undefined,
    "estimate-prompt-tokens": true,
    "remaining-tokens-header-name": options.tokensPerMinute !== undefined ? "x-ratelimit-remaining-tokens" : undefined,
  });
}

/**
 * `llm-emit-token-metric`: token counts to Application Insights with these dimensions (at most 5
 * custom ones), for every model the API serves, not only OpenAI's.
 */
export function emitTokenMetric(namespace: string, dimensions: readonly { name: string; value: string }[]): XmlElement {
  if (dimensions.length > 5) throw new Error(`llm-emit-token-metric takes at most 5 custom dimensions, not ${dimensions.length}`);
  return el("llm-emit-token-metric", { namespace }, ...dimensions.map((d) => el("dimension", { name: d.name, value: d.value })));
}

/** Harm categories `llm-content-safety` scores. */
export const CONTENT_SAFETY_CATEGORIES = Object.freeze(["Hate", "SelfHarm", "Sexual", "Violence"] as const);

/** The severity (of 0, 2, 4, 6) from which a prompt is blocked: medium and high, as Azure OpenAI's default filter. */
export const CONTENT_SAFETY_THRESHOLD = 4;

/**
 * `llm-content-safety` with prompt shields on: the prompt goes to the Content Safety backend
 * first; a jailbreak attempt, or a harm category at medium severity or above, gets 403 before any
 * model sees it.
 */
export function contentSafety(backendId: string): XmlElement {
  return el(
    "llm-content-safety",
    { "backend-id": backendId, "shield-prompt": true },
    el("categories", { "output-type": "FourSeverityLevels" }, ...CONTENT_SAFETY_CATEGORIES.map((name) => el("category", { name, threshold: CONTENT_SAFETY_THRESHOLD }))),
  );
}

/** A policy expression that is true unless the matched workload is one of `keys` (checked workload keys). */
export function workloadIsNotOneOf(keys: readonly string[]): string {
  const list = keys.map((k) => `"${k}"`).join(", ");
  return `@(!new[] { ${list} }.Contains((string)context.Variables["${WORKLOAD_VARIABLE}"]))`;
}

/** `trace`: a record in the gateway's resource logs (TraceRecords) naming the workload. */
export function traceWorkload(): XmlElement {
  const workload = `@((string)context.Variables["${WORKLOAD_VARIABLE}"])`;
  return el(
    "trace",
    { source: "ai-gateway", severity: "information" },
    el("message", {}, text(workload)),
    el("metadata", { name: "workload", value: workload }),
  );
}

/** The variable holding the requested deployment: the path's `deployment-id`, else the body's `model` (v1 routes). */
export const DEPLOYMENT_VARIABLE = "deployment";

/** Stores the requested deployment (only POST bodies are read: a GET has none). */
export function setRequestedDeployment(): XmlElement {
  return setVariable(
    DEPLOYMENT_VARIABLE,
    [
      `@{`,
      `  if (context.Request.MatchedParameters.ContainsKey("deployment-id")) { return context.Request.MatchedParameters["deployment-id"]; }`,
      `  if (context.Request.Method != "POST") { return ""; }`,
      `  var body = context.Request.Body?.As<JObject>(preserveContent: true);`,
      `  return (string)body?["model"] ?? "";`,
      `}`,
    ].join("\n"),
  );
}

/**
 * The backend by requested deployment: each routed deployment (a checked name) to its backend,
 * everything else to `defaultBackendId`.
 */
export function routeByDeployment(routes: readonly { deployment: string; backendId: string }[], defaultBackendId: string): XmlElement {
  return choose(
    routes.map((r) => ({
      condition: `@(((string)context.Variables["${DEPLOYMENT_VARIABLE}"]).Equals("${r.deployment}", StringComparison.OrdinalIgnoreCase))`,
      body: [setBackendService(r.backendId)],
    })),
    [setBackendService(defaultBackendId)],
  );
}

/** `set-backend-service backend-id=...`. */
export function setBackendService(backendId: string): XmlElement {
  return el("set-backend-service", { "backend-id": backendId });
}

/** `authentication-managed-identity`: the gateway's own identity, a token for `resource`. */
export function authenticationManagedIdentity(resource = COGNITIVE_SERVICES_RESOURCE): XmlElement {
  return el("authentication-managed-identity", { resource });
}

/** `choose` with `when` branches and an optional `otherwise`. */
export function choose(whens: readonly { condition: string; body: readonly XmlNode[] }[], otherwise?: readonly XmlNode[]): XmlElement {
  return el(
    "choose",
    {},
    ...whens.map((w) => el("when", { condition: w.condition }, ...w.body)),
    otherwise ? el("otherwise", {}, ...otherwise) : undefined,
  );
}

/** `return-response` with a status and a JSON error body. */
export function returnError(status: number, reason: string, code: string, message: string): XmlElement {
  return el(
    "return-response",
    {},
    el("set-status", { code: status, reason }),
    el("set-header", { name: "Content-Type", "exists-action": "override" }, el("value", {}, text("application/json"))),
    el("set-body", {}, text(JSON.stringify({ error: { code, message } }))),
  );
}

/** The operations whose bodies carry a completion length (chat completions, completions, responses). */
const COMPLETION_PATH = `(context.Request.Url.Path.EndsWith("/chat/completions") || context.Request.Url.Path.EndsWith("/completions") || context.Request.Url.Path.EndsWith("/responses"))`;

/**
 * The per-request token cap: a completion request that asks for more than `maxTokens`
 * (`max_completion_tokens`, `max_tokens` or `max_output_tokens`) gets 400; one that asks for no
 * limit gets `max_completion_tokens = maxTokens` (`max_output_tokens` on the Responses API).
 */
export function maxTokensPerRequest(maxTokens: number): XmlElement[] {
  if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new Error(`maxTokens must be a whole number of at least 1, not ${maxTokens}`);
  const body = `context.Request.Body?.As<JObject>(preserveContent: true)`;
  const over = [
    `@{`,
    `  if (!${COMPLETION_PATH}) { return false; }`,
    `  var body = ${body};`,
    `  if (body == null) { return false; }`,
    `  foreach (var name in new[] { "max_completion_tokens", "max_tokens", "max_output_tokens" }) {`,
    `    var value = body[name];`,
    `    if (value != null && (value.Type != JTokenType.Integer || (long)value > ${maxTokens})) { return true; }`,
    `  }`,
    `  return false;`,
    `}`,
  ].join("\n");
  const missing = [
    `@{`,
    `  if (!${COMPLETION_PATH}) { return false; }`,
    `  var body = ${body};`,
    `  return body != null && body["max_completion_tokens"] == null && body["max_tokens"] == null && body["max_output_tokens"] == null;`,
    `}`,
  ].join("\n");
  const setDefault = [
    `@{`,
    `  var body = ${body};`,
    `  var name = context.Request.Url.Path.EndsWith("/responses") ? "max_output_tokens" : "max_completion_tokens";`,
    `  body[name] = ${maxTokens};`,
    `  return body.ToString();`,
    `}`,
  ].join("\n");
  return [
    choose([{ condition: over, body: [returnError(400, "Bad Request", "max_tokens_over_limit", `At most ${maxTokens} completion tokens per request`)] }]),
    choose([{ condition: missing, body: [el("set-body", {}, text(setDefault))] }]),
  ];
}

/**
 * `retry` around `forward-request` in the backend section: a throttled (429) or failed (5xx)
 * answer is retried at once, and the load-balanced pool sends the retry to the next backend
 * once the circuit breaker of the failing one has tripped.
 */
export function retryForward(retries: number): XmlElement {
  const forward = el("forward-request", { "buffer-request-body": true });
  if (retries < 1) return forward;
  return el(
    "retry",
    {
      condition: "@(context.Response != null && (context.Response.StatusCode == 429 || context.Response.StatusCode >= 500))",
      count: retries,
      interval: 0,
      "first-fast-retry": true,
    },
    forward,
  );
}

/** `<policies>` with the four sections. */
export function policies(sections: { inbound: readonly XmlNode[]; backend: readonly XmlNode[]; outbound: readonly XmlNode[]; onError: readonly XmlNode[] }): XmlElement {
  return el(
    "policies",
    {},
    el("inbound", {}, ...sections.inbound),
    el("backend", {}, ...sections.backend),
    el("outbound", {}, ...sections.outbound),
    el("on-error", {}, ...sections.onError),
  );
}
