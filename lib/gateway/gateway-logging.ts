import { ApplicationInsights } from "@cdktf/provider-azurerm/lib/application-insights";
import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { StorageContainerImmutabilityPolicy } from "@cdktf/provider-azurerm/lib/storage-container-immutability-policy";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { AzapiResource, AzapiUpdateResource } from "../core/azapi";
import { IGrantee } from "../identity/principal";
import { ILogArchive, ILogWorkspace } from "../core/features/diagnostic-settings";
import { RetentionArchive } from "../monitoring/retention-archive";
import { BACKEND_POOL_API_VERSION } from "./backends";
import { GATEWAY_DIAGNOSTIC_SETTING_NAME } from "./gateway-diagnostics";
import { grantGatewayIdentity } from "./private/identity-grant";

/** API version of the Application Insights component update (custom metrics with dimensions). */
export const APP_INSIGHTS_COMPONENT_API_VERSION = "2020-02-02";

/** Resource log categories of API Management the gateway exports (Microsoft's supported-logs list for Microsoft.ApiManagement/service). */
export const GATEWAY_LOG_CATEGORIES = ["GatewayLogs", "GatewayLlmLogs"] as const;

/** One gateway log category. */
export type GatewayLogCategory = (typeof GATEWAY_LOG_CATEGORIES)[number];

/**
 * Which archive category's retention each gateway category follows: the gateway log is the
 * audit record of every call (who, what, status, latency), so it is kept like `Audit` and is
 * write-once where `Audit` is; the LLM log carries token usage per request (no prompts: message
 * logging is off), so it is kept like `AzureOpenAIRequestUsage`.
 */
export const GATEWAY_RETENTION_FOLLOWS = Object.freeze({ GatewayLogs: "Audit", GatewayLlmLogs: "AzureOpenAIRequestUsage" } as const);

/** The archive container Azure Monitor writes a gateway category to. */
export function gatewayArchiveContainer(category: GatewayLogCategory): string {
  return `insights-logs-${category.toLowerCase()}`;
}

/** API version of the azapi logger and API diagnostics: the gateway's one for azapi resources, the version azurerm 4.55 uses for backends. */
export const GATEWAY_DIAGNOSTICS_API_VERSION = BACKEND_POOL_API_VERSION;

/** What both diagnostics of the API log alike: the caller's IP, at information level, for every request (fixed 100 % sampling). */
const API_DIAGNOSTIC_SETTINGS = { logClientIp: true, verbosity: "information", sampling: { samplingType: "fixed", percentage: 100 } };

/** One diagnostic of the gateway's API: which logger it writes to is in `properties`. */
interface ApiDiagnostic {
  /** API version of `Microsoft.ApiManagement/service/apis/diagnostics`. */
  readonly apiVersion: string;
  /** The diagnostic's name, which Azure fixes per logger kind (`applicationinsights`, `azuremonitor`). */
  readonly name: string;
  /** The properties beyond {@link API_DIAGNOSTIC_SETTINGS}. */
  readonly properties: Record<string, unknown>;
  /** Terraform `depends_on`, beyond the API and the logger. */
  readonly dependsOn?: AzapiUpdateResource[];
}

/** API version that has the Azure Monitor diagnostic's `largeLanguageModel` settings (the LLM logs). */
export const LLM_LOGS_API_VERSION = "2024-10-01-preview";

/** Props of {@link GatewayLogging}. */
export interface GatewayLoggingProps {
  /** Resource group of Application Insights. */
  readonly resourceGroupName: string;
  /** Location of the gateway (and its Application Insights and archive). */
  readonly location: string;
  /** Application Insights name. */
  readonly applicationInsightsName: string;
  /** Resource ID of the API Management service. */
  readonly apiManagementId: string;
  /**
   * Resource ID of the imported API (`<service>/apis/<name>`, without a revision: azurerm's API
   * ID carries `;rev=1`). Build it from the API resource's `name` attribute so the diagnostics
   * depend on the API; a path from constants lets them race its import (404).
   */
  readonly apiId: string;
  /** The gateway's managed identity, granted Monitoring Metrics Publisher on Application Insights. */
  readonly identity: IGrantee;
  /** The environment's audit workspace: Application Insights and the gateway's logs go there. */
  readonly workspace: ILogWorkspace;
  /**
   * The archive of the gateway's region. A {@link RetentionArchive} also gets containers,
   * lifecycle rules and write-once policies for the gateway's categories (kept like its Audit and
   * usage logs); another archive only receives the logs (Azure Monitor makes the containers).
   * @default - no archive
   */
  readonly archive?: ILogArchive;
}

/**
 * The gateway's evidence: workspace-based Application Insights with local (key) authentication
 * off, an API Management logger that writes to it with the gateway's managed identity (azapi:
 * azurerm 4.55's logger takes only keys for Application Insights), the API's Application
 * Insights diagnostic with custom metrics on (the token metrics; azapi: azurerm's diagnostic has
 * no `metrics` flag), the API's Azure Monitor diagnostic with LLM logs on and messages off
 * (azapi), and a diagnostic setting sending GatewayLogs, GatewayLlmLogs and metrics to the audit
 * workspace (resource-specific tables) and the region's archive, whose containers, lifecycle
 * rules and write-once policy are extended with the gateway's categories.
 */
export class GatewayLogging extends Construct {
  /** Application Insights. */
  public readonly applicationInsights: ApplicationInsights;
  /** The API Management logger (azapi). */
  public readonly logger: AzapiResource;
  /** Custom metrics with dimensions on Application Insights (azapi update of the component). */
  public readonly customMetricsDimensions: AzapiUpdateResource;
  /** The diagnostic setting of the service. */
  public readonly diagnosticSetting: MonitorDiagnosticSetting;
  /** Archive containers added for the gateway's categories. */
  public readonly containers: Readonly<Partial<Record<GatewayLogCategory, StorageContainer>>>;
  /** Write-once policies added for the gateway's categories. */
  public readonly immutabilityPolicies: Readonly<Partial<Record<GatewayLogCategory, StorageContainerImmutabilityPolicy>>>;

  constructor(scope: Construct, id: string, props: GatewayLoggingProps) {
    super(scope, id);
    this.applicationInsights = new ApplicationInsights(this, "app-insights", {
      name: props.applicationInsightsName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      applicationType: "other",
      workspaceId: props.workspace.workspaceId,
      localAuthenticationDisabled: true,
      disableIpMasking: false,
    });
    // Custom metrics "with dimensions" (Microsoft: step 1 of emitting custom metrics from API
    // Management): without it App Insights drops the token metric's dimensions (Workload,
    // Deployment, Region). azurerm has no attribute for it; Resource Manager accepts the
    // component property `CustomMetricsOptedInType`, which the published 2020-02-02 spec lacks
    // (hence no schema validation). See docs/GATEWAY.md and docs/evidence/apply-review-2.md.
    this.customMetricsDimensions = new AzapiUpdateResource(this, "custom-metrics-dimensions", {
      type: `Microsoft.Insights/components@${APP_INSIGHTS_COMPONENT_API_VERSION}`,
      resourceId: this.applicationInsights.id,
      body: { properties: { CustomMetricsOptedInType: "WithDimensions" } },
      schemaValidationEnabled: false,
    });
    const publisher = grantGatewayIdentity(this, "metrics-publisher", props.identity, {
      scope: this.applicationInsights.id,
      role: "MonitoringMetricsPublisher",
      description: "The AI gateway sends token metrics to Application Insights with its managed identity",
    });
    this.logger = new AzapiResource(this, "logger", {
      type: `Microsoft.ApiManagement/service/loggers@${GATEWAY_DIAGNOSTICS_API_VERSION}`,
      name: "app-insights",
      parentId: props.apiManagementId,
      body: {
        properties: {
          loggerType: "applicationInsights",
          resourceId: this.applicationInsights.id,
          description: "Token metrics and request telemetry, written with the gateway's managed identity",
          isBuffered: true,
        },
      },
      // API Management returns the credentials masked ({{...}} named-value references): in
      // `body` they would differ on every plan; `sensitive_body` is sent but never read back.
      sensitiveBody: {
        properties: { credentials: { connectionString: this.applicationInsights.connectionString, identityClientId: "SystemAssigned" } },
      },
      // `resourceId` comes back as .../providers/microsoft.insights/...
      ignoreCasing: true,
      dependsOn: [publisher.resource],
    });
    addApiDiagnostic(this, "app-insights-diagnostic", props.apiId, {
      apiVersion: GATEWAY_DIAGNOSTICS_API_VERSION,
      name: "applicationinsights",
      properties: { loggerId: this.logger.id, alwaysLog: "allErrors", metrics: true, httpCorrelationProtocol: "W3C" },
      // Token metrics are emitted from the first call: their dimensions must be kept by then.
      dependsOn: [this.customMetricsDimensions],
    });
    addApiDiagnostic(this, "llm-logs-diagnostic", props.apiId, {
      apiVersion: LLM_LOGS_API_VERSION,
      name: "azuremonitor",
      properties: {
        loggerId: `${props.apiManagementId}/loggers/azuremonitor`,
        // Token usage per request; prompts and completions stay out of the logs (the seeds' rule).
        largeLanguageModel: { logs: "enabled" },
      },
    });

    const { containers, immutability, prerequisites } = this.extendArchive(props.archive);
    this.containers = containers;
    this.immutabilityPolicies = immutability;
    this.diagnosticSetting = new MonitorDiagnosticSetting(this, "diagnostic-setting", {
      name: GATEWAY_DIAGNOSTIC_SETTING_NAME,
      targetResourceId: props.apiManagementId,
      logAnalyticsWorkspaceId: props.workspace.workspaceId,
      logAnalyticsDestinationType: "Dedicated",
      storageAccountId: props.archive?.storageAccountId,
      enabledLog: GATEWAY_LOG_CATEGORIES.map((category) => ({ category })),
      enabledMetric: [{ category: "AllMetrics" }],
      dependsOn: prerequisites.length > 0 ? prerequisites : undefined,
    });
  }

  /**
   * Containers, lifecycle rules and write-once policies for the gateway's categories in a
   * {@link RetentionArchive} (its retention periods, write-once policies and management policy
   * are what this needs; another archive has none to extend).
   */
  private extendArchive(archive: ILogArchive | undefined): {
    containers: Partial<Record<GatewayLogCategory, StorageContainer>>;
    immutability: Partial<Record<GatewayLogCategory, StorageContainerImmutabilityPolicy>>;
    prerequisites: ITerraformDependable[];
  } {
    if (!(archive instanceof RetentionArchive)) return { containers: {}, immutability: {}, prerequisites: [...(archive?.prerequisites ?? [])] };
    // The archive keeps its own management policy: each category joins it, nothing is rebuilt here.
    const containers: Partial<Record<GatewayLogCategory, StorageContainer>> = {};
    const immutability: Partial<Record<GatewayLogCategory, StorageContainerImmutabilityPolicy>> = {};
    const prerequisites: ITerraformDependable[] = [...archive.prerequisites];
    for (const category of GATEWAY_LOG_CATEGORIES) {
      // Placed where the gateway made them before archives took categories: no address changes.
      const placement = { scope: this, id: `archive-${gatewayArchiveContainer(category)}` };
      const added = archive.addCategory(category, { retentionFrom: GATEWAY_RETENTION_FOLLOWS[category], placement });
      containers[category] = added.container;
      if (added.immutabilityPolicy) immutability[category] = added.immutabilityPolicy;
      prerequisites.push(...added.prerequisites);
    }
    return { containers, immutability, prerequisites };
  }
}

/** A diagnostic of the API `apiId` (child `id` of `scope`), with the settings both share. */
function addApiDiagnostic(scope: Construct, id: string, apiId: string, diagnostic: ApiDiagnostic): AzapiResource {
  return new AzapiResource(scope, id, {
    type: `Microsoft.ApiManagement/service/apis/diagnostics@${diagnostic.apiVersion}`,
    name: diagnostic.name,
    parentId: apiId,
    body: { properties: { ...diagnostic.properties, ...API_DIAGNOSTIC_SETTINGS } },
    dependsOn: diagnostic.dependsOn,
  });
}
