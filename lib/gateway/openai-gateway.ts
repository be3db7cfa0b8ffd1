import { ApiManagement } from "@cdktf/provider-azurerm/lib/api-management";
import { ApiManagementApi } from "@cdktf/provider-azurerm/lib/api-management-api";
import { ApiManagementApiOperation } from "@cdktf/provider-azurerm/lib/api-management-api-operation";
import { ApiManagementApiPolicy } from "@cdktf/provider-azurerm/lib/api-management-api-policy";
import { ApiManagementProduct } from "@cdktf/provider-azurerm/lib/api-management-product";
import { ApiManagementProductApi } from "@cdktf/provider-azurerm/lib/api-management-product-api";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { EnvironmentContext } from "../context/environment-context";
import { AppliedException, applyWeakenings, WeakeningMap } from "../core/applied-weakening";
import { clientConfig } from "../core/client-config";
import { COGNITIVE_SERVICES_RESOURCE, tokenScopeOf } from "../core/cognitive-services";
import { applyLock } from "../core/features/lock";
import { identityBlock } from "../core/features/managed-identities";
import { hclOneLineStrings } from "../core/hcl-literal";
import { acknowledgeWeakening } from "../core/justification";
import { WEAKENING_KEYS } from "../core/weakening-keys";
import { addPropChecks, PropChecks } from "../core/validation";
import { IGrantee } from "../identity/principal";
import { RbacAssignment } from "../identity/role-assignment";
import { applyRoleAssignments } from "../identity/role-assignments-prop";
import { addDiagnosticSettings, ResourceDiagnosticSetting } from "../monitoring/diagnostic-setting";
import { WorkspaceSavedSearches } from "../monitoring/saved-searches";
import { DEFAULT_CIRCUIT_BREAKER, GatewayBackends, provisionedPreferences, routesWithPreferences } from "./backends";
import { GatewayContentSafety } from "./content-safety";
import { checkGatewayProps } from "./gateway-checks";
import { GATEWAY_DIAGNOSTICS } from "./gateway-diagnostics";
import { GatewayLogging } from "./gateway-logging";
import { GatewayNetwork, GatewayPrivateDns } from "./gateway-network";
import { GatewayInboundEndpoint } from "./gateway-private-endpoint";
import { GatewaySecurityExceptions, OpenAiGatewayProps } from "./gateway-props";
import { GATEWAY_GRANTEE_KEY, GatewayEntryPoint, ImportedOpenAiGateway, IOpenAiGateway, OpenAiGatewayAttributes, OpenAiGatewayBase } from "./gateway-ref";
import { checkGatewaySharedProps, checkResolvedFacts } from "./gateway-shared-checks";
import { isV2Sku } from "./gateway-sku";
import { checkGatewayTier } from "./gateway-tier-checks";
import { gatewaySavedSearches } from "./gateway-saved-searches";
import { GatewayCostWorkbook } from "./gateway-cost-workbook";
import { TokenQuotas, tokenQuotasFor } from "./limits";
import { gatewayPolicyXml, GatewayPolicyInput } from "./policy/gateway-policy";
import { findTokenPrice, MODEL_TOKEN_PRICES } from "./price-table";
import { grantGatewayIdentity } from "./private/identity-grant";
import { PropKeys } from "../core/known-props";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";

export type { GatewayEntryPoint } from "./gateway-ref";

/** Name (and path) of the imported Azure OpenAI inference API. */
export const GATEWAY_API_NAME = "openai";

/**
 * The Azure OpenAI inference API the gateway imports once: Microsoft's OpenAPI description of the
 * data plane, latest stable version (azure-rest-api-specs, `inference/stable/2024-10-21`), pinned
 * to a commit so a change on the specs' `main` branch never changes what the gateway serves.
 */
export const OPENAI_INFERENCE_SPEC_URL =
  "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/132b90d1f06386034a6c2b34e903dbd3b03f9806/specification/cognitiveservices/data-plane/AzureOpenAI/inference/stable/2024-10-21/inference.json";

/** One operation the gateway adds to the imported API. */
export interface GatewayOperation {
  /** Operation ID (stable: it keys the resource). */
  readonly operationId: string;
  /** HTTP method. */
  readonly method: "GET" | "POST" | "DELETE";
  /** URL template below the API's path (`/openai`). */
  readonly urlTemplate: string;
  /** Name shown in the portal. */
  readonly displayName: string;
}

/**
 * The Responses API, which the 2024-10-21 stable spec does not have (its paths are all
 * `/deployments/{deployment-id}/...`): Azure OpenAI serves it on the v1 route
 * (`/openai/v1/responses`, model in the body). Create, read, delete, the input items and cancel
 * (background responses); not a wildcard: the gateway passes on only operations it knows. The
 * policy's per-request token cap applies to every path ending in `/responses` (`max_output_tokens`).
 */
export const RESPONSES_OPERATIONS: readonly GatewayOperation[] = Object.freeze([
  { operationId: "responses-create", method: "POST", urlTemplate: "/v1/responses", displayName: "Responses: create" },
  { operationId: "responses-get", method: "GET", urlTemplate: "/v1/responses/{response-id}", displayName: "Responses: get" },
  { operationId: "responses-delete", method: "DELETE", urlTemplate: "/v1/responses/{response-id}", displayName: "Responses: delete" },
  { operationId: "responses-input-items", method: "GET", urlTemplate: "/v1/responses/{response-id}/input_items", displayName: "Responses: list input items" },
  { operationId: "responses-cancel", method: "POST", urlTemplate: "/v1/responses/{response-id}/cancel", displayName: "Responses: cancel" },
]);

/**
 * The rest of the v1 API callers use: chat completions (OpenAI's and every other Foundry model's
 * on the same route, model in the body), embeddings and the model list. The token cap applies to
 * `/v1/chat/completions` (the path ends in `/chat/completions`).
 */
export const V1_OPERATIONS: readonly GatewayOperation[] = Object.freeze([
  { operationId: "v1-chat-completions-create", method: "POST", urlTemplate: "/v1/chat/completions", displayName: "v1: chat completions" },
  { operationId: "v1-embeddings-create", method: "POST", urlTemplate: "/v1/embeddings", displayName: "v1: embeddings" },
  { operationId: "v1-models-list", method: "GET", urlTemplate: "/v1/models", displayName: "v1: list models" },
]);

/** Oldest control-plane API version the service accepts (older ones cannot enforce the newer settings). */
export const GATEWAY_MIN_API_VERSION = "2021-08-01";

/** The props OpenAiGateway accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const OPENAI_GATEWAY_PROP_KEYS: PropKeys<OpenAiGatewayProps> = { name: true, resourceGroupName: true, location: true, allowedRegions: true, environment: true, publisherName: true, publisherEmail: true, sku: true, capacity: true, backends: true, network: true, inboundPrivateEndpoint: { subnetId: true, privateDnsZoneId: true }, privateDnsVirtualNetworkIds: true, securityExceptions: { publicNetworkAccess: true }, publicGateway: true, workspace: true, archive: true, managedIdentities: { systemAssigned: true, userAssignedResourceIds: true }, roleAssignments: true, diagnosticSettings: true, limits: true, costLimits: true, models: true, prices: true, deploymentModels: true, workloads: true, tenantId: true, audiences: true, tokenAudience: true, circuitBreaker: true, contentSafety: { name: true, subnetId: true, privateDnsZoneId: true }, preferProvisioned: true, lock: LOCK_PROP_KEYS };

/** The gateway's weakenings, each with the neutral key the compliance rules know it by. */
const GATEWAY_WEAKENINGS: WeakeningMap<keyof GatewaySecurityExceptions> = { publicNetworkAccess: WEAKENING_KEYS.gatewayPublicNetwork };

/** The deprecated top-level spelling of the same weakening (`publicGateway`). */
const DEPRECATED_GATEWAY_WEAKENINGS: WeakeningMap<"publicGateway"> = { publicGateway: WEAKENING_KEYS.gatewayPublicNetwork };

/**
 * Stands in for the policy XML when the checks found problems in its input: never synthesized,
 * because the same problems fail the synth. A builder error on valid input is not caught.
 */
const POLICY_OF_INVALID_INPUT = "";

/**
 * The AI gateway in front of every Azure OpenAI account: an `azurerm_api_management` with a
 * system-assigned identity, in an internal VNet (a public endpoint only with a stated reason),
 * TLS 1.2+, one backend per account with a circuit breaker and a load-balanced pool in the
 * routing manifest's priority order, the inference API imported once, one product for the
 * environment (no subscription keys), the API policy that enforces Entra tokens of registered
 * workloads, their limits and IP allowlists, the environment's limits and token quotas from its
 * budget, the per-request token cap and token metrics, and logs to the audit workspace and the
 * archive. The gateway calls the accounts with its managed identity, granted OpenAI User on each.
 */
export class OpenAiGateway extends OpenAiGatewayBase {
  /**
   * A gateway made elsewhere (another stack, another team), known by its service ID, entry
   * point and identity: grant roles on it, or hand its entry point to a routing manifest.
   */
  public static fromGatewayAttributes(scope: Construct, id: string, attrs: OpenAiGatewayAttributes): IOpenAiGateway {
    return new ImportedOpenAiGateway(scope, id, attrs);
  }

  /** The `azurerm_api_management` resource (also `node.defaultChild`). */
  public readonly resource: ApiManagement;
  /** Azure resource ID of the service. */
  public readonly gatewayId: string;
  /** The backends and the pool. */
  public readonly backends: GatewayBackends;
  /** The imported API. */
  public readonly api: ApiManagementApi;
  /** The operations added to the imported API (the Responses API and the rest of v1), by operation ID. */
  public readonly operations: Readonly<Record<string, ApiManagementApiOperation>>;
  /** The API-scope policy. */
  public readonly policy: ApiManagementApiPolicy;
  /** The environment's product. */
  public readonly product: ApiManagementProduct;
  /** Logs, metrics and Application Insights (its diagnostic setting is the gateway's own). */
  public readonly logging: GatewayLogging;
  /** The subnet and NSG, when the gateway creates them. */
  public readonly network?: GatewayNetwork;
  /** The private DNS zone of the gateway's name, when VNets to link were given (internal mode). */
  public readonly privateDns?: GatewayPrivateDns;
  /** The inbound private endpoint and the step that turns public access off (StandardV2/PremiumV2). */
  public readonly inboundEndpoint?: GatewayInboundEndpoint;
  /** OpenAI User for the gateway's identity, by account location. */
  public readonly accountGrants: Readonly<Record<string, RbacAssignment>>;
  /** The assignments of `roleAssignments`, in key order. */
  public readonly roleAssignments: readonly RbacAssignment[];
  /** The settings of `diagnosticSettings`, by key (the gateway's own is `logging.diagnosticSetting`). */
  public readonly diagnosticSettings: Readonly<Record<string, ResourceDiagnosticSetting>>;
  /** The token quotas derived from the cost limits. */
  public readonly quotas: TokenQuotas;
  /** The API-scope policy XML. */
  public readonly policyXml: string;
  /** Where applications call. */
  public readonly entryPoint: GatewayEntryPoint;
  /** The gateway's managed identity as a grantee. */
  public readonly identity: IGrantee;
  /** The weakenings in force, each with its reason. */
  public readonly securityExceptions: readonly AppliedException[];
  /**
   * The reason for a public gateway, when there is one.
   * @deprecated read `securityExceptions`; kept for one minor version
   */
  public readonly publicGatewayReason?: string;
  /** Tokens and estimated cost per workload per day and month. */
  public readonly costWorkbook: GatewayCostWorkbook;
  /** The Content Safety account, its endpoint and backend, when `contentSafety` is given. */
  public readonly contentSafety?: GatewayContentSafety;
  /** The CanNotDelete lock on the service, when `lock` (or the environment) asked for one. */
  public readonly lock?: ManagementLock;

  constructor(scope: Construct, id: string, props: OpenAiGatewayProps) {
    super(scope, id);
    // What the props leave out, the environment knows: read once, from its context.
    const env = EnvironmentContext.of(this);
    const location = props.location ?? env?.location;
    const facts = {
      name: props.name ?? (env ? env.naming.name("apiManagement", { location }) : undefined),
      location,
      environment: props.environment ?? env?.name,
      publisherName: props.publisherName ?? env?.owner,
    };
    const name = facts.name ?? "";
    const environment = facts.environment ?? "";
    const lock = props.lock ?? env?.lockFor("gateway");
    const publicReason = props.securityExceptions?.publicNetworkAccess ?? props.publicGateway;
    const checks = (c: PropChecks) => {
      c.knownProps(props, OPENAI_GATEWAY_PROP_KEYS);
      checkResolvedFacts(c, facts);
      checkRenamed(c, { ...props, ...facts, publicGateway: publicReason }, props.securityExceptions?.publicNetworkAccess !== undefined);
      if (props.allowedRegions === undefined) env?.checkLocation(c, "location", location);
      checkGatewaySharedProps(c, props);
      checkGatewayTier(c, props, publicReason !== undefined);
    };
    addPropChecks(this, checks);

    const internal = publicReason === undefined;
    // StandardV2/PremiumV2 cannot be injected in internal mode: private through an inbound
    // private endpoint, calling the backends through the subnet (outbound VNet integration).
    const v2 = isV2Sku(props.sku);
    this.securityExceptions = [
      ...applyWeakenings(this, "securityExceptions", props.securityExceptions, GATEWAY_WEAKENINGS),
      ...applyWeakenings(this, "", { publicGateway: props.publicGateway }, DEPRECATED_GATEWAY_WEAKENINGS),
    ];
    this.publicGatewayReason = publicReason?.reason;

    if (props.network && "subnetPrefix" in props.network) {
      this.network = new GatewayNetwork(this, "network", {
        resourceGroupName: props.resourceGroupName,
        location: location ?? "",
        virtualNetworkName: props.network.virtualNetworkName,
        virtualNetworkResourceGroupName: props.network.virtualNetworkResourceGroupName,
        subnetPrefix: props.network.subnetPrefix,
        mode: v2 ? "outboundIntegration" : "internal",
        subnetName: `${name}-snet`,
        nsgName: `${name}-nsg`,
      });
    }
    const subnetId = this.network?.subnetId ?? (props.network && "subnetId" in props.network ? props.network.subnetId : undefined);

    if (props.contentSafety) {
      this.contentSafety = new GatewayContentSafety(this, "content-safety", {
        ...props.contentSafety,
        resourceGroupName: props.resourceGroupName,
        location: location ?? "",
        workspace: props.workspace,
        archive: props.archive,
        lock: lock
          ? { ...lock, name: "do-not-delete-ai-gateway-content-safety", reason: "The AI gateway's prompt check: without it every prompt the gateway checks is refused" }
          : undefined,
      });
    }
    this.resource = new ApiManagement(this, "service", {
      name,
      resourceGroupName: props.resourceGroupName,
      location: location ?? "",
      publisherName: facts.publisherName ?? "",
      publisherEmail: props.publisherEmail,
      skuName: `${props.sku ?? "Premium"}_${props.capacity ?? 1}`,
      identity: identityBlock(props.managedIdentities),
      // `External` is the v2 tiers' outbound integration (the inbound side is the private endpoint).
      virtualNetworkType: v2 ? (subnetId ? "External" : "None") : internal ? "Internal" : "None",
      virtualNetworkConfiguration: (v2 || internal) && subnetId ? { subnetId } : undefined,
      // Must be true when the service is created (Azure refuses Disabled without an approved
      // private endpoint); in internal mode the gateway has no public endpoint either way. A
      // private v2 gateway is switched off after its endpoint exists (GatewayInboundEndpoint);
      // the ignore keeps this resource from switching it back on.
      publicNetworkAccessEnabled: true,
      lifecycle: v2 && internal ? { ignoreChanges: ["public_network_access_enabled"] } : undefined,
      minApiVersion: GATEWAY_MIN_API_VERSION,
      security: {
        backendSsl30Enabled: false,
        backendTls10Enabled: false,
        backendTls11Enabled: false,
        frontendSsl30Enabled: false,
        frontendTls10Enabled: false,
        frontendTls11Enabled: false,
        tripleDesCiphersEnabled: false,
      },
      dependsOn: this.network ? [this.network.association] : undefined,
    });
    this.gatewayId = this.resource.id;
    this.identity = { principalId: this.resource.identity.principalId, principalType: "ServicePrincipal", granteeKey: GATEWAY_GRANTEE_KEY };

    const grants: Record<string, RbacAssignment> = {};
    for (const { account } of props.backends) {
      grants[account.location] = grantGatewayIdentity(this, `openai-user-${account.location}`, this.identity, {
        scope: account.accountId,
        role: "OpenAiUser",
        description: "The AI gateway calls the account with its managed identity (inference only, no keys)",
      });
    }
    this.accountGrants = grants;
    this.roleAssignments = applyRoleAssignments(this, props.roleAssignments);

    const cb = { ...DEFAULT_CIRCUIT_BREAKER, ...definedOnly(props.circuitBreaker ?? {}) };
    const preferences = props.preferProvisioned === false ? [] : provisionedPreferences(props.backends);
    this.backends = new GatewayBackends(this, "backends", {
      apiManagementName: this.resource.name,
      apiManagementId: this.resource.id,
      resourceGroupName: props.resourceGroupName,
      targets: props.backends,
      circuitBreaker: cb,
      provisionedPreferences: preferences,
    });

    this.api = new ApiManagementApi(this, "api", {
      name: GATEWAY_API_NAME,
      resourceGroupName: props.resourceGroupName,
      apiManagementName: this.resource.name,
      displayName: "Azure OpenAI",
      path: GATEWAY_API_NAME,
      protocols: ["https"],
      revision: "1",
      apiType: "http",
      subscriptionRequired: false,
      import: { contentFormat: "openapi+json-link", contentValue: OPENAI_INFERENCE_SPEC_URL },
    });
    const operations: Record<string, ApiManagementApiOperation> = {};
    for (const op of [...RESPONSES_OPERATIONS, ...V1_OPERATIONS]) {
      const parameters = [...op.urlTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      operations[op.operationId] = new ApiManagementApiOperation(this, `operation-${op.operationId}`, {
        operationId: op.operationId,
        apiName: this.api.name,
        apiManagementName: this.resource.name,
        resourceGroupName: props.resourceGroupName,
        displayName: op.displayName,
        method: op.method,
        urlTemplate: op.urlTemplate,
        templateParameter: parameters.length > 0 ? parameters.map((name) => ({ name, type: "string", required: true })) : undefined,
      });
    }
    this.operations = operations;

    this.contentSafety?.connectGateway(this.resource.id, this.identity);
    for (const w of props.workloads) {
      if (w.contentSafetyOptOut) acknowledgeWeakening(this, WEAKENING_KEYS.gatewayContentSafetyOptOut, `workloads.${w.key}.contentSafetyOptOut`, w.contentSafetyOptOut);
    }

    const prices = (props.prices ?? MODEL_TOKEN_PRICES).filter((p) => props.models.includes(p.model));
    this.quotas = prices.length > 0 && props.models.every((m) => findTokenPrice(m, props.prices ?? MODEL_TOKEN_PRICES))
      ? tokenQuotasFor(props.costLimits, prices)
      : { dailyTokens: 1, monthlyTokens: 1, usdPer1K: 0, prices: [] }; // reported by the checks
    const policyInput: GatewayPolicyInput = {
      environment,
      tenantId: props.tenantId ?? clientConfig(this).tenantId,
      audiences: props.audiences ?? (props.tokenAudience ? [props.tokenAudience, `api://${props.tokenAudience}`] : [COGNITIVE_SERVICES_RESOURCE]),
      environmentLimits: props.limits,
      monthlyTokenQuota: Math.max(1, this.quotas.monthlyTokens),
      dailyTokenQuota: Math.max(1, this.quotas.dailyTokens),
      maxTokensPerRequest: props.costLimits.maxTokensPerRequest,
      workloads: props.workloads,
      backendId: this.backends.entryBackendId,
      deploymentRoutes: routesWithPreferences(props.backends, preferences),
      contentSafety: this.contentSafety
        ? { backendId: this.contentSafety.backendId, optedOutWorkloads: props.workloads.filter((w) => w.contentSafetyOptOut).map((w) => w.key) }
        : undefined,
      retries: Math.max(0, props.backends.length - 1),
    };
    // Validate first, then build: the builder sees only input the checks accept, and a builder
    // error on such input is a bug that must surface, not a policy that enforces nothing.
    this.policyXml = hasProblems(checks) ? POLICY_OF_INVALID_INPUT : gatewayPolicyXml(policyInput);
    this.policy = new ApiPolicy(this, "policy", {
      apiName: this.api.name,
      apiManagementName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
      xmlContent: this.policyXml,
      dependsOn: [
        ...Object.values(this.backends.backends),
        ...(this.backends.pool ? [this.backends.pool] : []),
        ...Object.values(this.backends.provisionedPools),
        ...(this.contentSafety?.backend ? [this.contentSafety.backend] : []),
      ],
    });

    this.product = new ApiManagementProduct(this, "product", {
      productId: environment,
      apiManagementName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
      displayName: `Azure OpenAI ${environment}`,
      description: productDescription(environment, props, this.quotas),
      // Callers present Entra tokens, never subscription keys; the limits are enforced by the API policy.
      subscriptionRequired: false,
      published: true,
    });
    new ApiManagementProductApi(this, "product-api", {
      productId: this.product.productId,
      apiName: this.api.name,
      apiManagementName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
    });

    this.logging = new GatewayLogging(this, "logging", {
      resourceGroupName: props.resourceGroupName,
      location: location ?? "",
      applicationInsightsName: `${name}-appi`,
      apiManagementId: this.resource.id,
      // From the API's `name` attribute, not the constant: the reference makes the diagnostics
      // wait for the API (and its slow import), which a string path would not.
      apiId: `${this.resource.id}/apis/${this.api.name}`,
      identity: this.identity,
      workspace: props.workspace,
      archive: props.archive,
    });
    this.diagnosticSettings = addDiagnosticSettings(this, { targetResourceId: this.resource.id, location: location ?? "" }, props.diagnosticSettings, GATEWAY_DIAGNOSTICS);
    new WorkspaceSavedSearches(this, "saved-searches", { workspace: props.workspace, searches: gatewaySavedSearches() });
    this.costWorkbook = new GatewayCostWorkbook(this, "cost-workbook", {
      gatewayName: name,
      resourceGroupName: props.resourceGroupName,
      location: location ?? "",
      workspace: props.workspace,
      prices: props.prices ?? MODEL_TOKEN_PRICES,
      deploymentModels: props.deploymentModels ?? Object.fromEntries(props.models.map((m) => [m, m])),
    });

    if (v2 && props.inboundPrivateEndpoint) {
      // Everything the gateway wrote so far goes first: the switch updates the whole service.
      const written = this.node.findAll().filter((n): n is TerraformResource => n instanceof TerraformResource && n !== this.resource);
      this.inboundEndpoint = new GatewayInboundEndpoint(this, "inbound-endpoint", {
        resourceGroupName: props.resourceGroupName,
        location: location ?? "",
        serviceName: name,
        serviceId: this.resource.id,
        subnetId: props.inboundPrivateEndpoint.subnetId,
        privateDnsZoneId: props.inboundPrivateEndpoint.privateDnsZoneId,
        virtualNetworkIds: props.privateDnsVirtualNetworkIds,
        disablePublicNetworkAccess: internal,
        settleAfter: written,
      });
    }
    if (!v2 && internal && props.privateDnsVirtualNetworkIds && Object.keys(props.privateDnsVirtualNetworkIds).length > 0) {
      this.privateDns = new GatewayPrivateDns(this, "private-dns", {
        resourceGroupName: props.resourceGroupName,
        apiManagementName: this.resource.name,
        privateIpAddresses: this.resource.privateIpAddresses,
        virtualNetworkIds: props.privateDnsVirtualNetworkIds,
      });
    }
    this.lock = applyLock(this, this.resource, lock);
    this.node.defaultChild = this.resource;
    this.entryPoint = {
      endpoint: `https://${name}.azure-api.net/${GATEWAY_API_NAME}`,
      location: location ?? "",
      tokenScope: tokenScopeOf(props.audiences?.[0] ?? (props.tokenAudience ? `api://${props.tokenAudience}` : COGNITIVE_SERVICES_RESOURCE)),
      network: internal ? "internal" : "public",
    };
  }

  /**
   * The `azurerm_api_management` resource.
   * @deprecated use `resource` (the shared name of the L1 handle); kept for one minor version
   */
  public get service(): ApiManagement {
    return this.resource;
  }
}

/**
 * The props' checks of gateway-checks.ts, with the public-network weakening reported under the
 * prop the user wrote (`securityExceptions.publicNetworkAccess`, or the deprecated `publicGateway`).
 */
function checkRenamed(c: PropChecks, props: OpenAiGatewayProps, fromSecurityExceptions: boolean): void {
  const own = new PropChecks();
  checkGatewayProps(own, props);
  for (const p of own.problems) {
    const prop = fromSecurityExceptions && p.prop.startsWith("publicGateway") ? p.prop.replace("publicGateway", "securityExceptions.publicNetworkAccess") : p.prop;
    c.fail(prop, p.value, p.rule);
  }
}

/** True when `checks` find a problem now (they run again, with every other check, at synth). */
function hasProblems(checks: (c: PropChecks) => void): boolean {
  const c = new PropChecks();
  checks(c);
  return c.problems.length > 0;
}

/** The API policy, its XML kept exact in the HCL output too (no heredoc, which adds a line break). */
class ApiPolicy extends ApiManagementApiPolicy {
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclOneLineStrings(super.synthesizeHclAttributes(), ["xml_content"]);
  }
}

function productDescription(environment: string, props: OpenAiGatewayProps, quotas: TokenQuotas): string {
  const l = props.limits;
  const c = props.costLimits;
  return [
    `Environment ${environment}: ${l.requestsPerMinute} requests and ${l.tokensPerMinute} tokens per minute,`,
    `${quotas.monthlyTokens} tokens per month and ${quotas.dailyTokens} per day (${c.monthlyUsd} and ${c.dailyUsd} USD at ${quotas.usdPer1K} USD per 1K tokens),`,
    `at most ${c.maxTokensPerRequest} completion tokens per request. Enforced by the API policy (Entra tokens, no subscription keys).`,
  ].join(" ");
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
