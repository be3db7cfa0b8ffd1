import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { MonitorDiagnosticSetting } from "@cdktf/provider-azurerm/lib/monitor-diagnostic-setting";
import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { Construct } from "constructs";
import { AzapiResource } from "../core/azapi";
import type { ILogArchive, ILogWorkspace } from "../core/features/diagnostic-settings";
import { applyLock, LockProps } from "../core/features/lock";
import { PropKeys } from "../core/known-props";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";
import { addPropChecks } from "../core/validation";
import { ComplianceSuppressions } from "../governance/compliance/suppressions";
import type { IGrantee } from "../identity/principal";
import { RbacAssignment } from "../identity/role-assignment";
import { COGNITIVE_SERVICES_RESOURCE } from "../core/cognitive-services";
import { BACKEND_POOL_API_VERSION } from "./backends";
import { grantGatewayIdentity } from "./private/identity-grant";

/** Name of the API Management backend `llm-content-safety` calls. */
export const CONTENT_SAFETY_BACKEND_NAME = "content-safety";

/** Why the Content Safety account has no customer-managed key (reported by the packs). */
export const CONTENT_SAFETY_CMK_REASON =
  "The gateway's Content Safety account holds no data of this library (no blocklists, no stored prompts are configured); a customer-managed key for it is not built yet, and whether the service keeps analysed text at rest was not confirmed (docs/evidence/gateway.md)";

/** Where the gateway's Content Safety account sits and logs (OpenAiGateway `contentSafety`). */
export interface GatewayContentSafetyOptions {
  /**
   * Account name, also its custom subdomain (`https://<name>.cognitiveservices.azure.com`):
   * 2-64 letters, digits or hyphens, globally unique.
   */
  readonly name: string;
  /** Subnet (resource ID) of the account's private endpoint: the gateway region's endpoint subnet. */
  readonly subnetId: string;
  /**
   * The `privatelink.cognitiveservices.azure.com` zone the endpoint registers in.
   * @default - none: DNS is created by Azure Policy or the landing zone
   */
  readonly privateDnsZoneId?: string;
}

/** Props of {@link GatewayContentSafety}. */
export interface GatewayContentSafetyProps extends GatewayContentSafetyOptions {
  /** Resource group of the account. */
  readonly resourceGroupName: string;
  /** Azure location: the gateway's. */
  readonly location: string;
  /** The audit workspace the account's logs and metrics go to. */
  readonly workspace: ILogWorkspace;
  /**
   * The log archive of the gateway's region (its lifecycle rules keep Audit as long as the accounts').
   * @default - logs to the workspace only
   */
  readonly archive?: ILogArchive;
  /**
   * Protect the account from deletion (the shared `lock` prop).
   * @default - not protected
   */
  readonly lock?: LockProps;
}

const GATEWAY_CONTENT_SAFETY_PROP_KEYS: PropKeys<GatewayContentSafetyProps> = { name: true, subnetId: true, privateDnsZoneId: true, resourceGroupName: true, location: true, workspace: true, archive: true, lock: LOCK_PROP_KEYS };

const ACCOUNT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}[a-zA-Z0-9]$/;

/**
 * The Azure AI Content Safety account the gateway's `llm-content-safety` policy calls: kind
 * `ContentSafety`, no public network access, no keys (local auth off), a custom subdomain (needed
 * for Entra tokens), a private endpoint in the gateway's network, Cognitive Services User for the
 * gateway's identity, all logs and metrics to the audit workspace and the archive, and the API
 * Management backend that authenticates with the gateway's managed identity. Created before the
 * service (so the compliance packs see the account tagged before the gateway's rules look it up);
 * {@link connectGateway} adds the grant and the backend once the service exists.
 */
export class GatewayContentSafety extends Construct {
  /** The `azurerm_cognitive_account` of kind ContentSafety. */
  public readonly account: CognitiveAccount;
  /** Its private endpoint. */
  public readonly privateEndpoint: PrivateEndpoint;
  /** Cognitive Services User for the gateway's identity (after {@link connectGateway}). */
  public grant?: RbacAssignment;
  /** Logs and metrics to the workspace. */
  public readonly diagnosticSetting: MonitorDiagnosticSetting;
  /** The API Management backend (azapi: azurerm's backend has no managed-identity credentials), after {@link connectGateway}. */
  public backend?: AzapiResource;
  /** The backend ID the policy names. */
  public readonly backendId = CONTENT_SAFETY_BACKEND_NAME;
  /** The CanNotDelete lock, when `lock` asked for one. */
  public readonly lock?: ManagementLock;

  constructor(scope: Construct, id: string, props: GatewayContentSafetyProps) {
    super(scope, id);
    addPropChecks(this, (c) => {
      c.knownProps(props, GATEWAY_CONTENT_SAFETY_PROP_KEYS);
      c.matches("name", props.name, ACCOUNT_NAME, "2-64 letters, digits or hyphens, starting and ending with a letter or digit");
    });
    this.account = new CognitiveAccount(this, "account", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      kind: "ContentSafety",
      skuName: "S0",
      customSubdomainName: props.name,
      publicNetworkAccessEnabled: false,
      localAuthEnabled: false,
      outboundNetworkAccessRestricted: true,
      identity: { type: "SystemAssigned" },
      networkAcls: { defaultAction: "Deny" },
    });
    this.privateEndpoint = new PrivateEndpoint(this, "private-endpoint", {
      name: `${props.name}-pe`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.subnetId,
      privateServiceConnection: {
        name: `${props.name}-pe-connection`,
        privateConnectionResourceId: this.account.id,
        subresourceNames: ["account"],
        isManualConnection: false,
      },
      privateDnsZoneGroup: props.privateDnsZoneId ? { name: "default", privateDnsZoneIds: [props.privateDnsZoneId] } : undefined,
    });
    this.diagnosticSetting = new MonitorDiagnosticSetting(this, "diagnostics", {
      name: "content-safety-logs",
      targetResourceId: this.account.id,
      logAnalyticsWorkspaceId: props.workspace.workspaceId,
      storageAccountId: props.archive?.storageAccountId,
      enabledLog: [{ categoryGroup: "allLogs" }],
      enabledMetric: [{ category: "AllMetrics" }],
      dependsOn: props.archive?.prerequisites && props.archive.prerequisites.length > 0 ? [...props.archive.prerequisites] : undefined,
    });
    // Stated, not hidden: the packs report a suppression with its reason like every weakening.
    ComplianceSuppressions.add(this.account, [{ ruleId: "CognitiveCustomerManagedKey", reason: CONTENT_SAFETY_CMK_REASON }]);
    this.lock = applyLock(this, this.account, props.lock);
    this.node.defaultChild = this.account;
  }

  /** Grants the gateway's identity Cognitive Services User and adds the backend `llm-content-safety` names. */
  public connectGateway(apiManagementId: string, gatewayIdentity: IGrantee): AzapiResource {
    this.grant = grantGatewayIdentity(this, "gateway-user", gatewayIdentity, {
      scope: this.account.id,
      role: "CognitiveServicesUser",
      description: "The AI gateway checks prompts with its managed identity (no keys: local auth is off)",
    });
    this.backend = new AzapiResource(this, "backend", {
      type: `Microsoft.ApiManagement/service/backends@${BACKEND_POOL_API_VERSION}`,
      name: CONTENT_SAFETY_BACKEND_NAME,
      parentId: apiManagementId,
      body: {
        properties: {
          protocol: "http",
          url: `https://${this.account.customSubdomainNameInput}.cognitiveservices.azure.com`,
          description: `Azure AI Content Safety account ${this.account.nameInput}; the gateway authenticates with its managed identity`,
          credentials: { managedIdentity: { resource: COGNITIVE_SERVICES_RESOURCE } },
        },
      },
      // The published 2024-05-01 schema lacks credentials.managedIdentity, which Resource Manager
      // accepts (docs/evidence/gateway.md, "Content safety").
      schemaValidationEnabled: false,
      dependsOn: [this.grant.resource, this.privateEndpoint],
    });
    return this.backend;
  }
}
