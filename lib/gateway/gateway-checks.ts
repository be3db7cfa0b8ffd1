import { PropChecks } from "../core/validation";
import { parseIpv4Address, parseIpv4Block } from "../network/private/ipv4";
import { ROUTABLE_DEPLOYMENT_NAME } from "./backends";
import { GATEWAY_SKUS } from "./gateway-sku";
import type { OpenAiGatewayProps } from "./gateway-props";
import { tokenQuotasFor } from "./limits";
import { findTokenPrice, MODEL_TOKEN_PRICES, ModelTokenPrice } from "./price-table";
import { CLIENT_ID_PATTERN, GATEWAY_WORKLOAD_KEY } from "./workloads";

/** True for an IPv4 address or canonical CIDR range. */
export function isIpv4OrCidr(value: unknown): boolean {
  return typeof value === "string" && (parseIpv4Block(value) !== undefined || parseIpv4Address(value) !== undefined);
}

/** The checks of {@link OpenAiGatewayProps}: every message names the prop, the value and what is allowed. */
export function checkGatewayProps(c: PropChecks, props: OpenAiGatewayProps): void {
  c.name("name", "apiManagement", props.name);
  c.oneOf("sku", props.sku, GATEWAY_SKUS);
  c.integerInRange("capacity", props.capacity, 1, 12, "scale units");
  if (props.sku === "Developer" && typeof props.capacity === "number" && props.capacity > 1) {
    c.fail("capacity", props.capacity, "allowed: 1 with sku Developer (the Developer tier cannot scale out; use Premium for more units)");
  }
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
  for (const model of props.models) {
    if (!findTokenPrice(model, prices)) c.fail("models", model, `allowed: a model with a price in prices (${prices.map((p) => p.model).join(", ")})`);
  }
  for (const [i, p] of prices.entries()) {
    if (!(p.inputPer1K > 0) || !(p.outputPer1K > 0)) c.fail(`prices[${i}]`, p, "allowed: prices above 0 USD per 1,000 tokens");
  }
  checkBudgetBuysTokens(c, props, prices);
  const cb = props.circuitBreaker ?? {};
  c.integerInRange("circuitBreaker.failureCount", cb.failureCount, 1, 10_000);
  c.integerInRange("circuitBreaker.intervalSeconds", cb.intervalSeconds, 1, 3_600, "seconds");
  c.integerInRange("circuitBreaker.tripSeconds", cb.tripSeconds, 1, 86_400, "seconds");
}

function checkLimits(c: PropChecks, props: OpenAiGatewayProps): void {
  c.integerInRange("limits.requestsPerMinute", props.limits.requestsPerMinute, 1, 1_000_000);
  c.integerInRange("limits.tokensPerMinute", props.limits.tokensPerMinute, 1, 100_000_000);
  const cost = props.costLimits;
  for (const key of ["dailyUsd", "monthlyUsd"] as const) {
    if (!Number.isFinite(cost[key]) || cost[key] <= 0) c.fail(`costLimits.${key}`, cost[key], "allowed: a number of USD above 0");
  }
  if (cost.dailyUsd > cost.monthlyUsd) c.fail("costLimits.dailyUsd", cost.dailyUsd, `allowed: at most costLimits.monthlyUsd = ${cost.monthlyUsd}`);
  c.integerInRange("costLimits.maxTokensPerRequest", cost.maxTokensPerRequest, 1, 1_000_000, "tokens");
}

/**
 * A budget below the price of one token (at the dearest deployed model) gives a quota of 0
 * tokens; the policy cannot say 0 and would allow one token, spending more than the budget.
 */
function checkBudgetBuysTokens(c: PropChecks, props: OpenAiGatewayProps, prices: readonly ModelTokenPrice[]): void {
  const used = props.models.map((m) => findTokenPrice(m, prices)).filter((p): p is ModelTokenPrice => p !== undefined && p.inputPer1K > 0 && p.outputPer1K > 0);
  if (used.length === 0 || used.length !== props.models.length) return;
  const quotas = tokenQuotasFor(props.costLimits, used);
  const allowed = `allowed: at least ${quotas.usdPer1K / 1000} USD, the price of one token of the dearest model`;
  if (Number.isFinite(props.costLimits.dailyUsd) && props.costLimits.dailyUsd > 0 && quotas.dailyTokens < 1) c.fail("costLimits.dailyUsd", props.costLimits.dailyUsd, allowed);
  if (Number.isFinite(props.costLimits.monthlyUsd) && props.costLimits.monthlyUsd > 0 && quotas.monthlyTokens < 1) c.fail("costLimits.monthlyUsd", props.costLimits.monthlyUsd, allowed);
}

function checkDeployments(c: PropChecks, props: OpenAiGatewayProps): void {
  props.backends.forEach((t, i) =>
    (t.deployments ?? []).forEach((d, j) => c.matches(`backends[${i}].deployments[${j}]`, d, ROUTABLE_DEPLOYMENT_NAME, "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")),
  );
}

function checkWorkloads(c: PropChecks, props: OpenAiGatewayProps): void {
  if (props.workloads.length === 0) c.fail("workloads", [], "allowed: at least one workload (without one, any application of the tenant would be let through)");
  c.unique("workloads[].key", props.workloads.map((w) => w.key), "workload key");
  // The policy picks a caller's limits by client ID: a second workload on one caller is never reached.
  c.unique("workloads[].clientId", props.workloads.map((w) => w.clientId), "client ID (one workload per caller)", { ignoreCase: true });
  props.workloads.forEach((w, i) => {
    const at = `workloads[${i}]`;
    c.matches(`${at}.key`, w.key, GATEWAY_WORKLOAD_KEY, "2-40 lowercase letters, digits or hyphens, starting with a letter");
    c.matches(`${at}.clientId`, w.clientId, CLIENT_ID_PATTERN, "an Entra client (application) ID, a GUID, or a reference to one");
    c.integerInRange(`${at}.requestsPerMinute`, w.requestsPerMinute, 1, props.limits.requestsPerMinute, "(at most the environment's limit)");
    c.integerInRange(`${at}.tokensPerMinute`, w.tokensPerMinute, 1, props.limits.tokensPerMinute, "(at most the environment's limit)");
    if (w.contentSafetyOptOut) c.justification(`${at}.contentSafetyOptOut`, w.contentSafetyOptOut);
    (w.ipAllowlist ?? []).forEach((cidr, j) => {
      if (!isIpv4OrCidr(cidr)) c.fail(`${at}.ipAllowlist[${j}]`, cidr, "allowed: an IPv4 address or a CIDR range such as 10.0.1.0/24 (network address, no host bits)");
    });
  });
}
