import { PropChecks, PropProblem } from "../core/validation";
import { parseIpv4Address, parseIpv4Block } from "../network/private/ipv4";
import { ROUTABLE_DEPLOYMENT_NAME } from "./backends";
import { GATEWAY_SKUS } from "./gateway-sku";
import type { OpenAiGatewayProps } from "./gateway-props";
import { budgetTokenProblems, gatewayLimitProblems, gatewayRangeProblems, modelPriceProblems } from "./gateway-rules";
import { MAX_REQUESTS_PER_MINUTE, MAX_TOKENS_PER_MINUTE } from "./limits";
import { findTokenPrice, MODEL_TOKEN_PRICES } from "./price-table";
import { CLIENT_ID_PATTERN, GATEWAY_WORKLOAD_KEY } from "./workloads";

/** True for an IPv4 address or canonical CIDR range. */
export function isIpv4OrCidr(value: unknown): boolean {
  return typeof value === "string" && (parseIpv4Block(value) !== undefined || parseIpv4Address(value) !== undefined);
}

/** The checks of {@link OpenAiGatewayProps}: every message names the prop, the value and what is allowed. */
export function checkGatewayProps(c: PropChecks, props: OpenAiGatewayProps): void {
  c.name("name", "apiManagement", props.name);
  c.oneOf("sku", props.sku, GATEWAY_SKUS);
  // The rules the environment config applies too, with the props' own names.
  report(c, gatewayRangeProblems(props, asProp));
  report(c, gatewayLimitProblems(props, asProp));
  c.email("publisherEmail", props.publisherEmail);
  c.literalText("publisherEmail", props.publisherEmail);
  c.literalText("publisherName", props.publisherName);
  if (props.allowedRegions) c.location("location", props.location, props.allowedRegions, "the residency allows the gateway");
  if (props.publicGateway) c.justification("publicGateway", props.publicGateway);
  else if (!props.network) c.fail("network", undefined, "allowed: a subnet for the internal VNet (or publicGateway: { reason })");
  if (props.backends.length === 0) c.fail("backends", [], "allowed: at least one Azure OpenAI account");
  c.unique("backends[].priority", props.backends.map((b) => b.priority), "priority (a different one for each account)");
  props.backends.forEach((b, i) => c.integerInRange(`backends[${i}].priority`, b.priority, 1, 100));
  checkLimits(c, props);
  checkWorkloads(c, props);
  checkDeployments(c, props);
  if (props.tokenAudience !== undefined) c.matches("tokenAudience", props.tokenAudience, CLIENT_ID_PATTERN, "an Entra application (client) ID, a GUID, or a reference to one");
  const prices = props.prices ?? MODEL_TOKEN_PRICES;
  if (props.models.length === 0) c.fail("models", [], "allowed: the models the environment deploys (their prices turn the budget into token quotas)");
  report(c, modelPriceProblems(props.models.map((model) => ({ model })), prices, () => "models"));
  for (const [i, p] of prices.entries()) {
    if (!(p.inputPer1K > 0) || !(p.outputPer1K > 0)) c.fail(`prices[${i}]`, p, "allowed: prices above 0 USD per 1,000 tokens");
  }
  // Only when every model has a price: a missing one is reported above.
  const used = props.models.flatMap((m) => findTokenPrice(m, prices) ?? []);
  if (used.length === props.models.length) report(c, budgetTokenProblems(props.costLimits, used, asProp));
}

/** The gateway rules name a prop by its path below the gateway: the props' own names. */
const asProp = (path: string) => path;

function report(c: PropChecks, problems: readonly PropProblem[]): void {
  for (const p of problems) c.fail(p.prop, p.value, p.rule);
}

function checkLimits(c: PropChecks, props: OpenAiGatewayProps): void {
  c.integerInRange("limits.requestsPerMinute", props.limits.requestsPerMinute, 1, MAX_REQUESTS_PER_MINUTE);
  c.integerInRange("limits.tokensPerMinute", props.limits.tokensPerMinute, 1, MAX_TOKENS_PER_MINUTE);
  const cost = props.costLimits;
  for (const key of ["dailyUsd", "monthlyUsd"] as const) {
    if (!Number.isFinite(cost[key]) || cost[key] <= 0) c.fail(`costLimits.${key}`, cost[key], "allowed: a number of USD above 0");
  }
  c.integerInRange("costLimits.maxTokensPerRequest", cost.maxTokensPerRequest, 1, 1_000_000, "tokens");
}

function checkDeployments(c: PropChecks, props: OpenAiGatewayProps): void {
  props.backends.forEach((t, i) =>
    (t.deployments ?? []).forEach((d, j) => c.matches(`backends[${i}].deployments[${j}]`, d, ROUTABLE_DEPLOYMENT_NAME, "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")),
  );
}

function checkWorkloads(c: PropChecks, props: OpenAiGatewayProps): void {
  if (props.workloads.length === 0) c.fail("workloads", [], "allowed: at least one workload (without one, any application of the tenant would be let through)");
  // The policy picks a caller's limits by client ID: a second workload on one caller is never reached.
  c.unique("workloads[].clientId", props.workloads.map((w) => w.clientId), "client ID (one workload per caller)", { ignoreCase: true });
  props.workloads.forEach((w, i) => {
    const at = `workloads[${i}]`;
    c.matches(`${at}.key`, w.key, GATEWAY_WORKLOAD_KEY, "2-40 lowercase letters, digits or hyphens, starting with a letter");
    c.matches(`${at}.clientId`, w.clientId, CLIENT_ID_PATTERN, "an Entra client (application) ID, a GUID, or a reference to one");
    // At most the environment's limits: gatewayLimitProblems.
    c.integerInRange(`${at}.requestsPerMinute`, w.requestsPerMinute, 1, MAX_REQUESTS_PER_MINUTE, "requests per minute");
    c.integerInRange(`${at}.tokensPerMinute`, w.tokensPerMinute, 1, MAX_TOKENS_PER_MINUTE, "tokens per minute");
    if (w.contentSafetyOptOut) c.justification(`${at}.contentSafetyOptOut`, w.contentSafetyOptOut);
    (w.ipAllowlist ?? []).forEach((cidr, j) => {
      if (!isIpv4OrCidr(cidr)) c.fail(`${at}.ipAllowlist[${j}]`, cidr, "allowed: an IPv4 address or a CIDR range such as 10.0.1.0/24 (network address, no host bits)");
    });
  });
}
