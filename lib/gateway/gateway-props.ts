import type { Justification } from "../core/justification";
import type { ILogWorkspace } from "../core/features/diagnostic-settings";
import type { LockProps } from "../core/features/lock";
import type { RetentionArchive } from "../monitoring/retention-archive";
import type { CircuitBreakerSettings, GatewayBackendTarget } from "./backends";
import type { GatewayContentSafetyOptions } from "./content-safety";
import type { GatewaySku } from "./gateway-sku";
import type { CostLimits, RateLimits } from "./limits";
import type { ModelTokenPrice } from "./price-table";
import type { GatewayWorkload } from "./workloads";

/** Where the gateway sits: a subnet it creates in a VNet of the platform, or a brought one. */
export type GatewayNetworkPlacement =
  | {
      /** Name of the VNet the gateway's subnet is created in. */
      readonly virtualNetworkName: string;
      /** Resource group of that VNet. */
      readonly virtualNetworkResourceGroupName: string;
      /** Address range of the subnet, for example `10.10.0.64/27`. */
      readonly subnetPrefix: string;
    }
  | {
      /** An existing subnet with API Management's NSG rules (the landing zone's). */
      readonly subnetId: string;
    };

/** Props of {@link OpenAiGateway}. */
export interface OpenAiGatewayProps {
  /** API Management service name: 1-50 letters, digits or hyphens, starting with a letter; globally unique. */
  readonly name: string;
  /** Resource group of the gateway's resources. */
  readonly resourceGroupName: string;
  /** Azure location; must be inside `allowedRegions`. */
  readonly location: string;
  /**
   * Regions the residency allows; the gateway's location is checked against them.
   * @default - not checked
   */
  readonly allowedRegions?: readonly string[];
  /** Environment name, for the counter keys and the `Environment` metric dimension. */
  readonly environment: string;
  /** Publisher name API Management requires. */
  readonly publisherName: string;
  /** Publisher e-mail API Management requires. */
  readonly publisherEmail: string;
  /**
   * Tier: Developer (no SLA) or Premium, the tiers with internal VNet injection.
   * @default "Premium"
   */
  readonly sku?: GatewaySku;
  /**
   * Scale units.
   * @default 1
   */
  readonly capacity?: number;
  /** The accounts behind the gateway, each with its failover priority (the routing manifest's). */
  readonly backends: readonly GatewayBackendTarget[];
  /**
   * The subnet, unless the gateway is public (`publicGateway`).
   * @default - none; required without `publicGateway`
   */
  readonly network?: GatewayNetworkPlacement;
  /**
   * VNets that resolve the gateway's name (`<name>.azure-api.net`, a private zone), by stable key.
   * @default - none: the landing zone resolves the name
   */
  readonly privateDnsVirtualNetworkIds?: Readonly<Record<string, string>>;
  /**
   * A public gateway instead of the internal VNet, with the reason an auditor will read.
   * @default - internal VNet: reachable only from the private network
   */
  readonly publicGateway?: Justification;
  /** The environment's audit workspace: Application Insights and the gateway's logs go there. */
  readonly workspace: ILogWorkspace;
  /**
   * The log archive of the gateway's region.
   * @default - logs to the workspace only
   */
  readonly archive?: RetentionArchive;
  /** The environment's limits (the seed's project table row). */
  readonly limits: RateLimits;
  /** Cost limits and the per-request token cap (the seed's CostGovernor). */
  readonly costLimits: CostLimits;
  /** Models the environment deploys: their prices turn the budget into token quotas. */
  readonly models: readonly string[];
  /**
   * Prices per model.
   * @default - {@link MODEL_TOKEN_PRICES}
   */
  readonly prices?: readonly ModelTokenPrice[];
  /**
   * The model of each deployment name (the `Deployment` metric dimension), so the cost workbook
   * prices a deployment with its model's price.
   * @default - each model of `models` as its own deployment name
   */
  readonly deploymentModels?: Readonly<Record<string, string>>;
  /** Workloads allowed through, each with its limits and allowlist. */
  readonly workloads: readonly GatewayWorkload[];
  /**
   * Entra tenant of the callers.
   * @default - the tenant Terraform runs in (`data.azurerm_client_config`)
   */
  readonly tenantId?: string;
  /**
   * Token audiences accepted.
   * @default - `https://cognitiveservices.azure.com` (the scope callers already use for Azure OpenAI)
   */
  readonly audiences?: readonly string[];
  /**
   * Check every prompt with Azure AI Content Safety (`llm-content-safety`, prompt shields on)
   * against an account the gateway creates private and keyless; a workload opts out only with
   * `contentSafetyOptOut: { reason }`.
   * @default - no content safety check at the gateway (the ApiGatewayContentSafety rule reports it)
   */
  readonly contentSafety?: GatewayContentSafetyOptions;
  /**
   * An Entra application (client) ID the gateway accepts as its own token audience instead of
   * Azure OpenAI's: callers ask for `api://<id>/.default`, and the token is good at the gateway
   * and nowhere else (the app registration needs that Application ID URI). Ignored when
   * `audiences` is given.
   * @default - Azure OpenAI's audience (`https://cognitiveservices.azure.com`), callers' scope unchanged
   */
  readonly tokenAudience?: string;
  /**
   * Circuit breaker of every backend.
   * @default - {@link DEFAULT_CIRCUIT_BREAKER}
   */
  readonly circuitBreaker?: Partial<CircuitBreakerSettings>;
  /**
   * Protect the service from deletion (the shared `lock` prop).
   * @default - not protected
   */
  readonly lock?: LockProps;
}
