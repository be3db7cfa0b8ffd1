import type { Justification } from "../core/justification";
import type { CostLimits, RateLimits } from "../gateway/limits";
import type { GatewaySku } from "../gateway/gateway-sku";


/** One workload allowed through the gateway, as the environment config names it. */
export interface GatewayWorkloadConfig extends RateLimits {
  /** Stable key, for example `svc-chatbot-prod`: 2-40 lowercase letters, digits or hyphens. */
  readonly key: string;
  /**
   * Key of an entry of the environment's `workloads`: its managed identity's client ID is the
   * workload's. Give exactly one of `identity` and `clientId`.
   * @default - none: `clientId` is required
   */
  readonly identity?: string;
  /**
   * Client (application) ID of an Entra application or managed identity made elsewhere (a GUID).
   * @default - none: `identity` is required
   */
  readonly clientId?: string;
  /**
   * IPv4 addresses or CIDR ranges the workload may call from.
   * @default - none: any address that reaches the private gateway
   */
  readonly ipAllowlist?: readonly string[];
  /**
   * Skip the gateway's content safety check for this workload, with the reason an auditor reads
   * (reported as a weakening).
   * @default - checked
   */
  readonly contentSafetyOptOut?: Justification;
}

/** The circuit breaker of every backend. */
export interface GatewayCircuitBreakerConfig {
  /**
   * Failures (429 or 5xx) within `intervalSeconds` that trip the breaker.
   * @default 3
   */
  readonly failureCount?: number;
  /**
   * The window failures are counted in, in seconds.
   * @default 60
   */
  readonly intervalSeconds?: number;
  /**
   * How long a tripped backend is skipped, in seconds, unless its `Retry-After` says otherwise.
   * @default 60
   */
  readonly tripSeconds?: number;
}

/**
 * The environment's AI gateway (Azure API Management in front of every account): the seed's
 * runtime controls as infrastructure.
 */
export interface EnvironmentGatewayConfig {
  /**
   * Tier. Internal VNet injection is offered on Developer and Premium only.
   * @default "Premium"
   */
  readonly sku?: GatewaySku;
  /**
   * Scale units.
   * @default 1
   */
  readonly capacity?: number;
  /**
   * Region of the gateway: one of the environment's regions.
   * @default - the region with priority 1
   */
  readonly location?: string;
  /**
   * Range of the gateway's subnet inside that region's `network.addressSpace`, not overlapping the
   * private-endpoint subnet, for example `10.10.0.64/27`. Required when the platform creates the
   * region's VNet; with a brought subnet give `subnetId` instead.
   * @default - none
   */
  readonly subnetPrefix?: string;
  /**
   * An existing subnet for the gateway (delegation-free, with the API Management NSG rules), for
   * regions whose network is brought by a landing zone.
   * @default - none
   */
  readonly subnetId?: string;
  /** Publisher e-mail API Management requires (notifications). */
  readonly publisherEmail: string;
  /**
   * Publisher name.
   * @default - the environment's owner
   */
  readonly publisherName?: string;
  /** The environment's limits: the seed's project table row. */
  readonly limits: RateLimits;
  /** Cost limits turned into token quotas, and the per-request cap (the seed's CostGovernor). */
  readonly costLimits: CostLimits;
  /** Workloads allowed through the gateway, each with its own limits and allowlist. */
  readonly workloads: readonly GatewayWorkloadConfig[];
  /**
   * Circuit breaker of every backend.
   * @default - 3 failures in 60 s trip a backend for 60 s, honouring Retry-After
   */
  readonly circuitBreaker?: GatewayCircuitBreakerConfig;
  /**
   * Put the gateway on a public endpoint instead of the internal VNet, with the reason.
   * @default - internal VNet only
   */
  readonly publicGateway?: Justification;
  /**
   * RAI blocklists with the seeds' DLP patterns on every account, attached to its content filter.
   * @default true
   */
  readonly dlpBlocklist?: boolean;
  /**
   * An existing Entra application (client) ID as the gateway's own token audience: callers ask
   * for `api://<id>/.default`, a token good at the gateway and nowhere else.
   * @default - Azure OpenAI's audience, the scope callers use today
   */
  readonly tokenAudience?: string;
}
