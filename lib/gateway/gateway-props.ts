import type { Justification } from "../core/justification";
import type { DiagnosticSettingsProps, ILogArchive, ILogWorkspace } from "../core/features/diagnostic-settings";
import type { LockProps } from "../core/features/lock";
import type { ManagedIdentitiesProps } from "../core/features/managed-identities";
import type { RoleAssignmentsProps } from "../identity/role-assignments-prop";
import type { CircuitBreakerSettings, GatewayBackendTarget } from "./backends";
import type { GatewayContentSafetyOptions } from "./content-safety";
import type { GatewayServiceLogCategory } from "./gateway-diagnostics";
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

/**
 * The inbound private endpoint of a StandardV2/PremiumV2 gateway (subresource `Gateway`): the
 * only way in once the apply has turned public network access off.
 */
export interface GatewayInboundPrivateEndpoint {
  /**
   * Resource ID of the subnet the endpoint is placed in: in a VNet of the gateway's location
   * (the endpoint is created there), not delegated to any service, not the integration subnet.
   */
  readonly subnetId: string;
  /**
   * ID of an existing `privatelink.azure-api.net` zone the endpoint registers the gateway's
   * address in (the landing zone's).
   * @default - a `privatelink.azure-api.net` zone the gateway creates, linked to
   *   `privateDnsVirtualNetworkIds`, when those are given; else no zone group (the landing
   *   zone's DNS, for example Azure Policy, registers the address)
   */
  readonly privateDnsZoneId?: string;
}

/** Weakenings of the gateway's secure defaults, each with the reason an auditor will read. */
export interface GatewaySecurityExceptions {
  /**
   * A public gateway (`virtual_network_type = "None"`, or for StandardV2/PremiumV2 public
   * network access left on) instead of the internal VNet or the inbound private endpoint.
   * @default - internal VNet (Developer, Premium) or inbound private endpoint (StandardV2,
   *   PremiumV2): reachable only from the private network
   */
  readonly publicNetworkAccess?: Justification;
}

/** Props of {@link OpenAiGateway}. */
export interface OpenAiGatewayProps {
  /**
   * API Management service name: 1-50 letters, digits or hyphens, starting with a letter; globally unique.
   * @default - the EnvironmentContext's name for an `apiManagement` in `location`; required outside an environment
   */
  readonly name?: string;
  /** Resource group of the gateway's resources. */
  readonly resourceGroupName: string;
  /**
   * Azure location; must be inside the residency (`allowedRegions`).
   * @default - the EnvironmentContext's home location; required outside an environment
   */
  readonly location?: string;
  /**
   * Regions the residency allows; the gateway's location is checked against them.
   * @default - the EnvironmentContext's residency; not checked outside an environment
   */
  readonly allowedRegions?: readonly string[];
  /**
   * Environment name, for the counter keys and the `Environment` metric dimension.
   * @default - the EnvironmentContext's name; required outside an environment
   */
  readonly environment?: string;
  /**
   * Publisher name API Management requires.
   * @default - the EnvironmentContext's owner; required outside an environment
   */
  readonly publisherName?: string;
  /** Publisher e-mail API Management requires. */
  readonly publisherEmail: string;
  /**
   * Tier: Developer (no SLA) or Premium, injected into `network` in internal mode; or
   * StandardV2 or PremiumV2, private through `inboundPrivateEndpoint`, calling the backends
   * through `network` (outbound VNet integration).
   * @default "Premium"
   */
  readonly sku?: GatewaySku;
  /**
   * Scale units: Developer 1, Premium 1-12, StandardV2 1-10, PremiumV2 1-30.
   * @default 1
   */
  readonly capacity?: number;
  /** The accounts behind the gateway, each with its failover priority (the routing manifest's). */
  readonly backends: readonly GatewayBackendTarget[];
  /**
   * The subnet, unless the gateway is public (`securityExceptions.publicNetworkAccess`). For
   * Developer/Premium the internal-mode subnet (with API Management's NSG rules); for
   * StandardV2/PremiumV2 the outbound integration subnet: one gateway only, delegated to
   * `Microsoft.Web/serverFarms`, with an NSG (a created one is made so; a brought one must be).
   * @default - none; required without `securityExceptions.publicNetworkAccess`
   */
  readonly network?: GatewayNetworkPlacement;
  /**
   * The inbound private endpoint of a StandardV2/PremiumV2 gateway. The service is created with
   * public network access on (Azure refuses it off at creation), then, in the same apply, once
   * the endpoint exists, an `azapi_update_resource` turns it off.
   * @default - none; required for StandardV2/PremiumV2 without `securityExceptions.publicNetworkAccess`, refused for Developer/Premium
   */
  readonly inboundPrivateEndpoint?: GatewayInboundPrivateEndpoint;
  /**
   * VNets that resolve the gateway's name, by stable key: a private zone `<name>.azure-api.net`
   * (internal mode), or `privatelink.azure-api.net` (inbound private endpoint, unless
   * `inboundPrivateEndpoint.privateDnsZoneId` is given).
   * @default - none: the landing zone resolves the name
   */
  readonly privateDnsVirtualNetworkIds?: Readonly<Record<string, string>>;
  /**
   * Weakenings of the gateway's secure defaults, each with its reason (the shared
   * `securityExceptions` prop).
   * @default - none: internal VNet
   */
  readonly securityExceptions?: GatewaySecurityExceptions;
  /**
   * A public gateway instead of the internal VNet, with the reason an auditor will read.
   * @deprecated use `securityExceptions.publicNetworkAccess` (the same weakening); kept for one minor version
   * @default - internal VNet: reachable only from the private network
   */
  readonly publicGateway?: Justification;
  /** The environment's audit workspace: Application Insights and the gateway's logs go there. */
  readonly workspace: ILogWorkspace;
  /**
   * The log archive of the gateway's region. A `RetentionArchive` also keeps the gateway's
   * categories for its Audit and usage periods (containers, lifecycle rules, write-once); any
   * other archive only receives them.
   * @default - logs to the workspace only
   */
  readonly archive?: ILogArchive;
  /**
   * The service's managed identities (the shared `managedIdentities` prop). The system-assigned
   * identity is the one the gateway calls the accounts, Application Insights and Content Safety
   * with, so it stays on; user-assigned identities may be added (for example to read
   * certificates from a Key Vault).
   * @default - system-assigned only
   */
  readonly managedIdentities?: ManagedIdentitiesProps;
  /**
   * Roles on the API Management service, by a stable key (the shared `roleAssignments` prop);
   * grant more with `grantRead` and `grantOperate`.
   * @default - none
   */
  readonly roleAssignments?: RoleAssignmentsProps;
  /**
   * More diagnostic settings of the service (the shared `diagnosticSettings` prop), for example
   * to a SIEM's workspace. The gateway's own setting (`ai-gateway-logs`: GatewayLogs,
   * GatewayLlmLogs and metrics to `workspace`, resource-specific tables, and `archive`) is
   * always made; these come in addition.
   * @default - only the gateway's own setting
   */
  readonly diagnosticSettings?: DiagnosticSettingsProps<GatewayServiceLogCategory>;
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
   * @default - the tenant Terraform runs in (the stack's one `data.azurerm_client_config`)
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
   * Send a provisioned deployment's requests to the accounts that serve it provisioned first,
   * and spill to those that serve it standard (a pool per such deployment; see
   * `GatewayBackendTarget.provisionedDeployments`). Off, the manifest's priority order decides.
   * @default true
   */
  readonly preferProvisioned?: boolean;
  /**
   * Protect the service from deletion (the shared `lock` prop).
   * @default - the EnvironmentContext's `lockFor("gateway")`; not protected outside an environment
   */
  readonly lock?: LockProps;
}
