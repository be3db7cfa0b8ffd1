import { RateLimits } from "../limits";
import { GatewayWorkload } from "../workloads";
import {
  authenticationManagedIdentity,
  base,
  callerIs,
  choose,
  contentSafety,
  emitTokenMetric,
  ipFilterAllow,
  maxTokensPerRequest,
  policies,
  rateLimitByKey,
  retryForward,
  returnError,
  routeByDeployment,
  setBackendService,
  setRequestedDeployment,
  setCallerAppId,
  setVariable,
  tokenLimit,
  traceWorkload,
  validateAzureAdToken,
  WORKLOAD_VARIABLE,
  workloadIsNotOneOf,
} from "./policies";
import { renderXml, XmlElement } from "./xml";

/** The namespace of the gateway's token metrics in Application Insights. */
export const TOKEN_METRIC_NAMESPACE = "openai-gateway";

/** Everything the API-scope policy of the gateway enforces. */
export interface GatewayPolicyInput {
  /** Environment name: the counter key of the environment-wide limits and a metric dimension. */
  readonly environment: string;
  /** Entra tenant the callers' tokens come from. */
  readonly tenantId: string;
  /** Accepted token audiences. */
  readonly audiences: readonly string[];
  /** The environment's limits (the seed's project table). */
  readonly environmentLimits: RateLimits;
  /** Tokens per month for the whole environment (the smaller of the budget's and any quota asked for). */
  readonly monthlyTokenQuota: number;
  /** Tokens per day for the whole environment (from the daily budget). */
  readonly dailyTokenQuota: number;
  /** Most completion tokens per request. */
  readonly maxTokensPerRequest: number;
  /** The workloads allowed through, each with its limits and allowlist. */
  readonly workloads: readonly GatewayWorkload[];
  /** The backend (or load-balanced pool) requests go to. */
  readonly backendId: string;
  /**
   * The Content Safety backend every prompt is checked against, and the workloads that opted
   * out (with a reason, recorded where they are configured).
   * @default - no content safety check at the gateway
   */
  readonly contentSafety?: { readonly backendId: string; readonly optedOutWorkloads: readonly string[] };
  /**
   * Deployments that not every account serves, each with its backend.
   * @default - none: every request goes to `backendId`
   */
  readonly deploymentRoutes?: readonly { readonly deployment: string; readonly backendId: string }[];
  /** Retries of a 429 or 5xx answer (one less than the number of backends; 0 for one backend). */
  readonly retries: number;
}

/** The counter key of a workload's limits. */
export function workloadCounterKey(key: string): string {
  return `workload-${key}`;
}

/** The counter keys of the environment-wide limits. */
export function environmentCounterKeys(environment: string): { readonly perMinute: string; readonly daily: string } {
  return { perMinute: `environment-${environment}`, daily: `environment-${environment}-daily` };
}

/**
 * The API-scope policy as an element tree: Entra token of a registered workload, a trace of
 * the workload (first, so its own throttles are attributed), that workload's IP allowlist and limits (matched on the token's client ID), the environment's
 * limits and token quotas, the per-request token cap, token metrics per workload, deployment and
 * region, the backend pool with retry, and the gateway's managed identity towards Azure OpenAI.
 * Limits live at API scope because callers present Entra tokens, not subscription keys:
 * product-scope policies only run for requests matched to a product through a subscription.
 */
export function gatewayPolicy(input: GatewayPolicyInput): XmlElement {
  const counters = environmentCounterKeys(input.environment);
  const perWorkload = input.workloads.map((w) => ({
    condition: callerIs(w.clientId),
    body: [
      setVariable(WORKLOAD_VARIABLE, w.key),
      // Traced before the workload's own limits: their 429/403 ends the request inside this
      // branch, and the "throttled calls per workload" search reads the workload from this trace.
      traceWorkload(),
      ...(w.ipAllowlist && w.ipAllowlist.length > 0 ? [ipFilterAllow(w.ipAllowlist)] : []),
      rateLimitByKey(workloadCounterKey(w.key), w.requestsPerMinute),
      tokenLimit({ counterKey: workloadCounterKey(w.key), tokensPerMinute: w.tokensPerMinute }),
    ],
  }));
  return policies({
    inbound: [
      base(),
      validateAzureAdToken({ tenantId: input.tenantId, audiences: input.audiences, clientApplicationIds: input.workloads.map((w) => w.clientId) }),
      setCallerAppId(),
      choose(perWorkload, [returnError(403, "Forbidden", "unknown_workload", "The caller is not a registered workload of this gateway")]),
      rateLimitByKey(counters.perMinute, input.environmentLimits.requestsPerMinute),
      tokenLimit({
        counterKey: counters.perMinute,
        tokensPerMinute: input.environmentLimits.tokensPerMinute,
        tokenQuota: input.monthlyTokenQuota,
        quotaPeriod: "Monthly",
      }),
      tokenLimit({ counterKey: counters.daily, tokenQuota: input.dailyTokenQuota, quotaPeriod: "Daily" }),
      ...maxTokensPerRequest(input.maxTokensPerRequest),
      // After the limits: a throttled or oversized request costs no Content Safety call.
      ...contentSafetyCheck(input.contentSafety),
      emitTokenMetric(TOKEN_METRIC_NAMESPACE, [
        { name: "Workload", value: `@((string)context.Variables["${WORKLOAD_VARIABLE}"])` },
        { name: "Deployment", value: `@(context.Request.MatchedParameters.GetValueOrDefault("deployment-id", "none"))` },
        { name: "Region", value: `@(context.Response?.Headers.GetValueOrDefault("x-ms-region", "unknown") ?? "unknown")` },
        { name: "Environment", value: input.environment },
      ]),
      ...(input.deploymentRoutes && input.deploymentRoutes.length > 0
        ? [setRequestedDeployment(), routeByDeployment(input.deploymentRoutes, input.backendId)]
        : [setBackendService(input.backendId)]),
      authenticationManagedIdentity(),
    ],
    backend: [retryForward(input.retries)],
    outbound: [base()],
    onError: [base()],
  });
}

function contentSafetyCheck(cs: GatewayPolicyInput["contentSafety"]): XmlElement[] {
  if (!cs) return [];
  const check = contentSafety(cs.backendId);
  if (cs.optedOutWorkloads.length === 0) return [check];
  return [choose([{ condition: workloadIsNotOneOf(cs.optedOutWorkloads), body: [check] }])];
}

/** The API-scope policy as the XML `azurerm_api_management_api_policy.xml_content` takes. */
export function gatewayPolicyXml(input: GatewayPolicyInput): string {
  return `${renderXml(gatewayPolicy(input))}\n`;
}
