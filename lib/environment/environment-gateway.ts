import { Construct } from "constructs";
import { EnvironmentContext } from "../context/environment-context";
import type { WorkloadIdentity } from "../identity/workload-identity";
import type { OpenAiPlatform } from "../platform/openai-platform";
import type { EnvironmentGatewayConfig } from "./gateway-config";
import { DlpBlocklist } from "../gateway/dlp/rai-blocklist";
import type { GatewayNetworkPlacement } from "../gateway/gateway-props";
import { OpenAiGateway } from "../gateway/openai-gateway";
import { isV2Sku } from "../gateway/gateway-sku";
import { isProvisioned } from "../regions/processing";

/**
 * What {@link addEnvironmentGateway} needs from the environment stack: only what the
 * environment's context does not hold (its name, owner, residency, naming and locks) and the
 * platform cannot tell (the models and the DNS ownership come from it).
 */
export interface EnvironmentGatewayInput {
  /** The validated gateway section. */
  readonly gateway: EnvironmentGatewayConfig;
  /** The environment's resource group. */
  readonly resourceGroupName: string;
  /** The platform the gateway fronts. */
  readonly platform: OpenAiPlatform;
  /** The environment's workload identities, by key. */
  readonly identities: Readonly<Record<string, WorkloadIdentity>>;
}

/**
 * The environment's AI gateway in front of the platform's accounts (in the routing manifest's
 * priority order), in the gateway region's VNet, with the environment's workspace and that
 * region's archive; the manifest names it as the entry point. With `dlpBlocklist` (the
 * default) every account also gets the seeds' DLP blocklist on its content filter.
 */
export function addEnvironmentGateway(scope: Construct, input: EnvironmentGatewayInput): OpenAiGateway {
  const g = input.gateway;
  // The name follows the environment's naming; owner, residency, environment name and lock are
  // the gateway's own defaults from the same context.
  const env = EnvironmentContext.of(scope)!;
  const regions = input.platform.regions;
  const deployments = regions.flatMap((r) => r.account.deployments.map((d) => d.options));
  // Hub-owned zones: the platform made none, and the landing zone resolves the gateway's name.
  const hubDns = Object.keys(input.platform.dns.zones).length === 0;
  const home = regions.find((r) => r.region.location === g.location) ?? regions[0]!;
  const location = home.region.location;
  const vnet = home.network.virtualNetwork;
  const network: GatewayNetworkPlacement | undefined = g.publicGateway
    ? undefined
    : vnet && g.subnetPrefix
      ? { virtualNetworkName: vnet.name, virtualNetworkResourceGroupName: vnet.resourceGroupName, subnetPrefix: g.subnetPrefix }
      : g.subnetId
        ? { subnetId: g.subnetId }
        : undefined;
  const vnets: Record<string, string> = {};
  if (!hubDns) for (const r of regions) if (r.network.virtualNetwork) vnets[r.region.location] = r.network.virtualNetworkId;

  const gateway = new OpenAiGateway(scope, "gateway", {
    resourceGroupName: input.resourceGroupName,
    location,
    publisherName: g.publisherName,
    publisherEmail: g.publisherEmail,
    sku: g.sku,
    capacity: g.capacity,
    backends: regions.map((r) => ({
      account: r.account,
      priority: r.region.priority,
      deployments: r.account.deployments.map((d) => d.options.name),
      provisionedDeployments: r.account.deployments.filter((d) => isProvisioned(d.options.sku)).map((d) => d.options.name),
    })),
    network,
    // A v2 tier is private through an inbound endpoint in the gateway region's endpoint subnet;
    // its privatelink.azure-api.net zone is linked to the same VNets (none with hub DNS).
    inboundPrivateEndpoint:
      isV2Sku(g.sku) && !g.publicGateway
        ? { subnetId: home.network.subnetId }
        : undefined,
    privateDnsVirtualNetworkIds: vnets,
    // The config keeps its `publicGateway` field; the construct speaks the shared vocabulary.
    securityExceptions: g.publicGateway ? { publicNetworkAccess: g.publicGateway } : undefined,
    workspace: input.platform.workspace,
    archive: home.archive,
    limits: g.limits,
    costLimits: g.costLimits,
    models: [...new Set(deployments.map((d) => d.model))],
    deploymentModels: Object.fromEntries(deployments.map((d) => [d.name, d.model])),
    workloads: g.workloads.map((w) => ({
      key: w.key,
      clientId: w.clientId ?? input.identities[w.identity ?? ""]?.clientId ?? "",
      requestsPerMinute: w.requestsPerMinute,
      tokensPerMinute: w.tokensPerMinute,
      ipAllowlist: w.ipAllowlist,
      contentSafetyOptOut: w.contentSafetyOptOut,
    })),
    // Every environment with a gateway checks prompts; the endpoint sits in the gateway region's
    // endpoint subnet and registers as the accounts' do (no zone group when Policy writes DNS).
    contentSafety: {
      name: `${env.naming.name("apiManagement", { location })}-cs`,
      subnetId: home.network.subnetId,
      privateDnsZoneId: home.privateEndpoint.resource.privateDnsZoneGroupInput ? input.platform.dns.zoneIdsByKey.cognitiveServices : undefined,
    },
    circuitBreaker: g.circuitBreaker,
    tokenAudience: g.tokenAudience,
  });
  input.platform.manifest.setEntryPoint(gateway.entryPoint);

  if (g.dlpBlocklist !== false) {
    const dlp = new Construct(scope, "dlp");
    for (const r of regions) new DlpBlocklist(dlp, r.region.location, { account: r.account, contentFilter: r.account.contentFilter });
  }
  return gateway;
}
