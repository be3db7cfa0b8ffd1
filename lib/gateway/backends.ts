import { ApiManagementBackend } from "@cdktf/provider-azurerm/lib/api-management-backend";
import { Construct } from "constructs";
import { AzapiResource } from "../core/azapi";

/** An Azure OpenAI account the gateway fronts. */
export interface GatewayAccount {
  /** Azure resource ID of the account. */
  readonly accountId: string;
  /** Account name. */
  readonly accountName: string;
  /** Azure location of the account. */
  readonly location: string;
  /** Custom subdomain: the backend URL is `https://<subdomain>.openai.azure.com/openai`. */
  readonly customSubdomainName: string;
}

/** One account with its failover priority (1 first), as in the routing manifest. */
export interface GatewayBackendTarget {
  /** The account. */
  readonly account: GatewayAccount;
  /** Failover priority, 1 first. */
  readonly priority: number;
  /**
   * The deployment names the account serves. A deployment that not every account has is routed
   * to the first account (by priority) that has it; the others go to the pool.
   * @default - every account serves every deployment: no routing by deployment
   */
  readonly deployments?: readonly string[];
  /**
   * The deployments the account serves with a provisioned SKU (`isProvisioned`: PTUs, paid by
   * the hour whether used or not). A deployment provisioned here and standard elsewhere gets a
   * pool that sends to the provisioned accounts first and spills to the standard ones.
   * @default - none provisioned
   */
  readonly provisionedDeployments?: readonly string[];
}

/** Deployment names the routing accepts (they are written into a policy expression). */
export const ROUTABLE_DEPLOYMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The deployments that not every account serves, each with the backend of the first account (by
 * priority) that serves it. Empty when no target lists its deployments, or all list the same.
 */
export function deploymentRoutes(targets: readonly GatewayBackendTarget[]): { readonly deployment: string; readonly backendId: string }[] {
  if (targets.every((t) => t.deployments === undefined)) return [];
  const sorted = [...targets].sort((a, b) => a.priority - b.priority);
  const all = [...new Set(sorted.flatMap((t) => t.deployments ?? []))].sort();
  return all
    .filter((d) => !sorted.every((t) => (t.deployments ?? []).includes(d)))
    .map((d) => ({ deployment: d, backendId: backendName(sorted.find((t) => (t.deployments ?? []).includes(d))!.account.location) }));
}

/** A deployment that some accounts serve provisioned and others standard, with its pool's order. */
export interface ProvisionedPreference {
  /** The deployment name. */
  readonly deployment: string;
  /** Name of its pool backend. */
  readonly poolName: string;
  /** The accounts serving it: the provisioned ones first, then the standard ones, each in the manifest's order. */
  readonly order: readonly GatewayBackendTarget[];
}

/** Name of the pool that prefers the provisioned accounts of `deployment`. */
export function provisionedPoolName(deployment: string): string {
  return `openai-ptu-${deployment}`;
}

/**
 * The deployments whose requests should go to provisioned accounts first: provisioned on some
 * accounts and standard on others, where the manifest's order (or the route to the first
 * account that has it) would not already send them there with somewhere to spill to.
 */
export function provisionedPreferences(targets: readonly GatewayBackendTarget[]): ProvisionedPreference[] {
  const sorted = [...targets].sort((a, b) => a.priority - b.priority);
  const serves = (t: GatewayBackendTarget, d: string) => t.deployments === undefined || t.deployments.includes(d) || (t.provisionedDeployments ?? []).includes(d);
  const provisioned = [...new Set(sorted.flatMap((t) => t.provisionedDeployments ?? []))].sort();
  return provisioned.flatMap((deployment) => {
    const servers = sorted.filter((t) => serves(t, deployment));
    const ptu = servers.filter((t) => (t.provisionedDeployments ?? []).includes(deployment));
    const standard = servers.filter((t) => !ptu.includes(t));
    const order = [...ptu, ...standard];
    const reordered = order.some((t, i) => t !== servers[i]);
    // Everything provisioned: nothing to spill to. Same order on every account: the main pool does it.
    if (standard.length === 0 || (!reordered && servers.length === sorted.length)) return [];
    return [{ deployment, poolName: provisionedPoolName(deployment), order }];
  });
}

/**
 * The routes of the policy: {@link deploymentRoutes}, with each provisioned preference's
 * deployment sent to its pool instead, by deployment name.
 */
export function routesWithPreferences(
  targets: readonly GatewayBackendTarget[],
  preferences: readonly ProvisionedPreference[],
): { readonly deployment: string; readonly backendId: string }[] {
  const routes = new Map(deploymentRoutes(targets).map((r) => [r.deployment, r.backendId]));
  for (const p of preferences) routes.set(p.deployment, p.poolName);
  return [...routes.keys()].sort().map((deployment) => ({ deployment, backendId: routes.get(deployment)! }));
}

/** The circuit breaker of every backend. */
export interface CircuitBreakerSettings {
  /** Failures (429 or 5xx) within the interval that trip the breaker. */
  readonly failureCount: number;
  /** The window failures are counted in, in seconds. */
  readonly intervalSeconds: number;
  /** How long a tripped backend is skipped, in seconds (unless `Retry-After` says otherwise). */
  readonly tripSeconds: number;
}

/** The default breaker: 3 failures in a minute trip a backend for a minute. */
export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerSettings = Object.freeze({ failureCount: 3, intervalSeconds: 60, tripSeconds: 60 });

/** API version of the azapi pool backend (the version azurerm 4.55 itself uses for backends). */
export const BACKEND_POOL_API_VERSION = "2024-05-01";

/** Name of the load-balanced pool backend. */
export const BACKEND_POOL_NAME = "openai-pool";

/** Props of {@link GatewayBackends}. */
export interface GatewayBackendsProps {
  /** Name of the API Management service. */
  readonly apiManagementName: string;
  /** Azure resource ID of the API Management service (the pool's parent). */
  readonly apiManagementId: string;
  /** Resource group of the service. */
  readonly resourceGroupName: string;
  /** The accounts with their priorities. */
  readonly targets: readonly GatewayBackendTarget[];
  /** The circuit breaker of every backend. */
  readonly circuitBreaker: CircuitBreakerSettings;
  /**
   * Deployments whose pool prefers the provisioned accounts (see {@link provisionedPreferences}).
   * @default - none
   */
  readonly provisionedPreferences?: readonly ProvisionedPreference[];
}

/**
 * Seconds as the ISO 8601 duration .NET writes for a TimeSpan (`PT1M`, `PT1M30S`, `P1DT2H`),
 * the form API Management is likely to return: the provider stores what Azure returns and has
 * no diff suppression for these fields, so `PT60S` could differ from the read-back `PT1M` on
 * every plan (not confirmed; writing the canonical form avoids the question).
 */
export function isoDuration(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = seconds % 60;
  const time = `${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${rest ? `${rest}S` : ""}`;
  if (days === 0 && time === "") return "PT0S";
  return `P${days ? `${days}D` : ""}${time ? `T${time}` : ""}`;
}

/** The backend name for an account in `location`. */
export function backendName(location: string): string {
  return `openai-${location}`;
}

/**
 * One `azurerm_api_management_backend` per account, each with a circuit-breaker rule (429 and
 * 5xx, trip duration, `Retry-After` honoured), and, with two or more accounts, a load-balanced
 * pool backend (azapi `Microsoft.ApiManagement/service/backends`, `type: Pool`; azurerm 4.55
 * has no pool) whose priorities are the routing manifest's. Construct IDs are keyed by location.
 */
export class GatewayBackends extends Construct {
  /** The account backends by location. */
  public readonly backends: Readonly<Record<string, ApiManagementBackend>>;
  /** The pool, when there are two or more accounts. */
  public readonly pool?: AzapiResource;
  /** The backend ID policies route to: the pool's name, or the only backend's. */
  public readonly entryBackendId: string;
  /** The pools that send a provisioned deployment to its provisioned accounts first, by deployment name. */
  public readonly provisionedPools: Readonly<Record<string, AzapiResource>>;

  constructor(scope: Construct, id: string, props: GatewayBackendsProps) {
    super(scope, id);
    const sorted = [...props.targets].sort((a, b) => a.priority - b.priority);
    const cb = props.circuitBreaker;
    const backends: Record<string, ApiManagementBackend> = {};
    for (const { account } of sorted) {
      backends[account.location] = new ApiManagementBackend(this, account.location, {
        name: backendName(account.location),
        apiManagementName: props.apiManagementName,
        resourceGroupName: props.resourceGroupName,
        protocol: "http",
        url: `https://${account.customSubdomainName}.openai.azure.com/openai`,
        description: `Azure OpenAI account ${account.accountName} (${account.location}); the gateway authenticates with its managed identity`,
        circuitBreakerRule: {
          name: "openai-throttling-and-errors",
          tripDuration: isoDuration(cb.tripSeconds),
          acceptRetryAfterEnabled: true,
          failureCondition: {
            count: cb.failureCount,
            intervalDuration: isoDuration(cb.intervalSeconds),
            statusCodeRange: [
              { min: 429, max: 429 },
              { min: 500, max: 599 },
            ],
          },
        },
      });
    }
    this.backends = backends;
    if (sorted.length >= 2) {
      this.pool = new AzapiResource(this, "pool", {
        type: `Microsoft.ApiManagement/service/backends@${BACKEND_POOL_API_VERSION}`,
        name: BACKEND_POOL_NAME,
        parentId: props.apiManagementId,
        body: {
          properties: {
            type: "Pool",
            description: "Azure OpenAI accounts in the routing manifest's failover order",
            pool: {
              services: sorted.map((t) => ({ id: backends[t.account.location]!.id, priority: t.priority, weight: 1 })),
            },
          },
        },
        dependsOn: Object.values(backends),
      });
      this.entryBackendId = BACKEND_POOL_NAME;
    } else {
      this.entryBackendId = sorted[0] ? backendName(sorted[0].account.location) : BACKEND_POOL_NAME;
    }
    const pools: Record<string, AzapiResource> = {};
    for (const p of props.provisionedPreferences ?? []) {
      pools[p.deployment] = new AzapiResource(this, `pool-ptu-${p.deployment}`, {
        type: `Microsoft.ApiManagement/service/backends@${BACKEND_POOL_API_VERSION}`,
        name: p.poolName,
        parentId: props.apiManagementId,
        body: {
          properties: {
            type: "Pool",
            description: `Deployment ${p.deployment}: its provisioned accounts first, then the standard ones`,
            // Lower priority first; the next group only when every backend of the group is tripped.
            pool: { services: p.order.map((t, i) => ({ id: backends[t.account.location]!.id, priority: i + 1, weight: 1 })) },
          },
        },
        dependsOn: Object.values(backends),
      });
    }
    this.provisionedPools = pools;
  }
}
