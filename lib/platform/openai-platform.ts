import { Annotations } from "cdktf";
import { Construct } from "constructs";
import { CustomerManagedKey, KeyRotation } from "../governance/customer-managed-key";
import { checkModelAllowlist } from "../governance/model-allowlist";
import { ContentFilterOptions } from "../openai/content-filter";
import { ResourceNaming } from "../core/naming";
import { governanceTags } from "../core/tags";
import { addPropChecks, PropChecks } from "../core/validation";
import { AlertActionGroup } from "../monitoring/action-group";
import { AuditWorkspace } from "../monitoring/audit-workspace";
import { OpenAiDiagnosticSetting } from "../monitoring/diagnostic-setting";
import { OpenAiMetricAlerts } from "../monitoring/metric-alerts";
import { RetentionArchive } from "../monitoring/retention-archive";
import { WorkspaceSavedSearches } from "../monitoring/saved-searches";
import { checkNoOverlaps } from "../network/address-ranges";
import { PrivateDnsZones } from "../network/private-dns-zones";
import { OpenAiPrivateEndpoint } from "../network/private-endpoint";
import { RegionNetwork } from "../network/region-network";
import { peerEveryPair, VnetPeering } from "../network/vnet-peering";
import { ModelDeploymentOptions } from "../openai/deployment-options";
import { isProvisioned } from "../regions/processing";
import { OpenAiAccount, OpenAiAccountSecurityExceptions } from "../openai/openai-account";
import { findRegion } from "../core/region-catalog";
import { checkResidency, checkResidencyDefinition, Residency, ResidencyPolicy, resolveResidency } from "../regions/residency";
import { PlatformLogging, PlatformPrivateDns, PlatformRegion } from "./platform-options";
import { RoutingManifest } from "./routing-manifest";

/** Props of {@link OpenAiPlatform}. */
export interface OpenAiPlatformProps {
  /** Environment name, for tags and the manifest. */
  readonly environment: string;
  /** Accountable team, for the `owner` tag. */
  readonly owner: string;
  /** The naming convention of the environment. */
  readonly naming: ResourceNaming;
  /** Resource group every resource of the platform goes in. */
  readonly resourceGroupName: string;
  /**
   * Home location of the environment: pass the resource group's location. The audit workspace
   * lives here unless `logging.workspaceLocation` says otherwise, so its name and location do
   * not follow the region priorities. Must satisfy the residency.
   */
  readonly location: string;
  /** Where data may be stored and processed; every region, SKU and log destination must honour it. */
  readonly residency: Residency;
  /** Regions with an Azure OpenAI account. */
  readonly regions: readonly PlatformRegion[];
  /** Model deployments made in every region, one after another. */
  readonly deployments: readonly ModelDeploymentOptions[];
  /**
   * Private DNS for the endpoints.
   * @default - zones created in the resource group and linked to the VNets the platform creates
   */
  readonly privateDns?: PlatformPrivateDns;
  /**
   * Audit logging.
   * @default - see {@link PlatformLogging}
   */
  readonly logging?: PlatformLogging;
  /**
   * A content filter on every account, referenced by every deployment.
   * @default - none: Azure's Microsoft.DefaultV2
   */
  readonly contentFilter?: ContentFilterOptions;
  /**
   * Encrypt every account with a customer-managed key from a Key Vault in its region.
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKey?: { readonly rotation?: KeyRotation };
  /**
   * Weakenings of the accounts' secure defaults, each with a reason.
   * @default - none
   */
  readonly accountSecurityExceptions?: OpenAiAccountSecurityExceptions;
  /**
   * Most token capacity the platform may deploy, in units of 1,000 tokens per minute, summed over
   * every token-based deployment in every region (the seed's per-project TPM). Provisioned
   * deployments (PTUs) are not counted. More fails the synth.
   * @default - no cap, and the synth warns that nothing limits the capacity
   */
  readonly capacityCapK?: number;
  /**
   * Models the platform may deploy (the seed's allowed_models); any other fails the synth.
   * @default - any model, and the synth warns that no allowlist applies
   */
  readonly allowedModels?: readonly string[];
  /**
   * Extra tags for every resource.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

/** What the platform made in one region. */
export interface PlatformRegionResources {
  /** The region as configured. */
  readonly region: PlatformRegion;
  /** The Azure OpenAI account. */
  readonly account: OpenAiAccount;
  /** The network the endpoint sits in. */
  readonly network: RegionNetwork;
  /** The account's private endpoint. */
  readonly privateEndpoint: OpenAiPrivateEndpoint;
  /** The region's log archive. */
  readonly archive: RetentionArchive;
  /** The account's diagnostic setting. */
  readonly diagnostics: OpenAiDiagnosticSetting;
  /** The account's customer-managed key, when asked for. */
  readonly customerManagedKey?: CustomerManagedKey;
}

/**
 * The whole governed Azure OpenAI setup for a set of regions: per region an account with its
 * deployments, a private endpoint in the region's subnet, a log archive in the region and a
 * diagnostic setting to it and the residency's workspace; one set of private DNS zones; saved
 * searches and alerts; a routing manifest for failover clients. Residency is checked at synth.
 * Constructs are keyed by location, so adding or removing a region renames nothing else.
 *
 * Failover needs every caller to reach every region's endpoint. When the platform creates the
 * region VNets (`network.addressSpace`), it peers each pair of them both ways (global VNet
 * peering), so each VNet reaches every account's private endpoint. With brought subnets
 * (`network.subnetId`) it creates no peering: the landing zone must connect every spoke that
 * calls the accounts to every region's endpoint subnet (hub peering or Virtual WAN) and link the
 * private DNS zones to the VNets that resolve the names (the hub's, or each spoke's). A mix of
 * created and brought networks peers only the created ones with each other.
 */
export class OpenAiPlatform extends Construct {
  /** Per-region resources in priority order. */
  public readonly regions: readonly PlatformRegionResources[];
  /** The log workspace of the residency zone. */
  public readonly workspace: AuditWorkspace;
  /** The private DNS zones. */
  public readonly dns: PrivateDnsZones;
  /** The peerings between the VNets the platform creates, one per pair of regions (none with brought subnets). */
  public readonly peerings: readonly VnetPeering[];
  /** The routing manifest. */
  public readonly manifest: RoutingManifest;
  /** The residency policy every region, SKU and log destination is checked against. */
  public readonly residency: ResidencyPolicy;

  constructor(scope: Construct, id: string, props: OpenAiPlatformProps) {
    super(scope, id);
    this.residency = resolveResidency(props.residency);
    const policy = this.residency;
    const logging = props.logging ?? {};
    const dnsProps = props.privateDns ?? {};
    // A repeated location is reported below; it gets no second account (construct IDs are locations).
    const regions = [...props.regions]
      .sort((a, b) => a.priority - b.priority)
      .filter((r, i, all) => all.findIndex((o) => o.location === r.location) === i);
    // Pinned to the environment's home, not to whichever region is priority 1 today.
    const workspaceLocation = logging.workspaceLocation ?? props.location;
    const common = {
      environment: props.environment,
      owner: props.owner,
      dataResidency: policy.name,
      tags: props.tags,
    };

    this.dns = new PrivateDnsZones(this, "private-dns", {
      existingZoneIds: dnsProps.existingZoneIds,
      resourceGroupName: dnsProps.existingZoneIds ? undefined : props.resourceGroupName,
      virtualNetworks: dnsProps.virtualNetworkIds,
      includeAiServicesZone: dnsProps.includeAiServicesZone,
      tags: dnsProps.existingZoneIds ? undefined : this.tagsOf(props),
    });

    this.workspace = new AuditWorkspace(this, "workspace", {
      ...common,
      naming: props.naming,
      name: props.naming.name("logAnalyticsWorkspace", { location: workspaceLocation }),
      resourceGroupName: props.resourceGroupName,
      location: workspaceLocation,
      retentionInDays: logging.workspaceRetentionDays,
    });
    new WorkspaceSavedSearches(this, "saved-searches", { workspace: this.workspace });

    this.regions = regions.map((region) => this.buildRegion(props, region, logging));
    this.peerings = peerEveryPair(
      this,
      this.regions.flatMap(({ region, network }) =>
        network.virtualNetwork
          ? [{
              key: region.location,
              virtualNetworkName: network.virtualNetwork.name,
              resourceGroupName: network.virtualNetwork.resourceGroupName,
              virtualNetworkId: network.virtualNetworkId,
            }]
          : [],
      ),
    );

    this.addAlerts(props, logging);

    addPropChecks(this, (c) => this.checkProps(c, props, regions));

    this.manifest = new RoutingManifest(this, "routing-manifest", {
      environment: props.environment,
      residency: policy.name,
      regions: this.regions.map(({ region, account }) => ({
        location: region.location,
        priority: region.priority,
        customSubdomainName: account.customSubdomainName,
        deployments: props.deployments,
      })),
    });
  }

  /** The accounts in priority order. */
  public get accounts(): readonly OpenAiAccount[] {
    return this.regions.map((r) => r.account);
  }

  private buildRegion(props: OpenAiPlatformProps, region: PlatformRegion, logging: PlatformLogging): PlatformRegionResources {
    const { naming, resourceGroupName } = props;
    const location = region.location;
    const policyName = this.residency.name;
    const tags = this.tagsOf(props);

    const account = new OpenAiAccount(this, location, {
      name: naming.name("openAiAccount", { location }),
      resourceGroupName,
      location,
      environment: props.environment,
      owner: props.owner,
      dataResidency: policyName,
      deployments: [...props.deployments],
      contentFilter: props.contentFilter,
      securityExceptions: props.accountSecurityExceptions,
      tags: props.tags,
    });

    const network = new RegionNetwork(this, `${location}-network`, {
      location,
      ...("subnetId" in region.network
        ? { subnetId: region.network.subnetId }
        : {
            addressSpace: region.network.addressSpace,
            privateEndpointSubnetPrefix: region.network.privateEndpointSubnetPrefix,
            resourceGroupName,
            virtualNetworkName: naming.name("virtualNetwork", { location }),
            subnetName: naming.name("subnet", { location, qualifier: "pe" }),
            tags,
          }),
    });
    // Link the VNets the platform creates; brought subnets live in VNets the hub links itself.
    if (network.virtualNetwork && !props.privateDns?.existingZoneIds) {
      this.dns.linkVirtualNetwork(location, network.virtualNetworkId);
    }

    const managedByPolicy = props.privateDns?.managedByPolicy ?? false;
    const privateEndpoint = new OpenAiPrivateEndpoint(this, `${location}-endpoint`, {
      account,
      name: naming.name("privateEndpoint", { location, qualifier: "oai" }),
      resourceGroupName,
      subnetId: network.subnetId,
      privateDnsZoneIds: managedByPolicy ? undefined : this.dns.zoneIds,
      dnsManagedByPolicy: managedByPolicy,
      privateIpAddress: region.privateIpAddress,
      tags,
    });

    const archive = new RetentionArchive(this, `${location}-archive`, {
      environment: props.environment,
      owner: props.owner,
      dataResidency: policyName,
      tags: props.tags,
      name: naming.name("storageAccount", { location }),
      resourceGroupName,
      location,
      retention: logging.archive,
    });

    const diagnostics = OpenAiDiagnosticSetting.forAccount(this, `${location}-diagnostics`, account, {
      workspace: this.workspace,
      archive,
      categories: logging.categories,
    });

    const customerManagedKey = props.customerManagedKey
      ? new CustomerManagedKey(this, `${location}-cmk`, {
          account,
          keyVaultName: naming.name("keyVault", { location }),
          resourceGroupName,
          rotation: props.customerManagedKey.rotation,
          environment: props.environment,
          owner: props.owner,
          dataResidency: policyName,
          tags: props.tags,
        })
      : undefined;

    return { region, account, network, privateEndpoint, archive, diagnostics, customerManagedKey };
  }

  private addAlerts(props: OpenAiPlatformProps, logging: PlatformLogging): void {
    const emails = logging.alertEmails ?? [];
    if (emails.length === 0) return;
    const policyName = this.residency.name;
    const actionGroup = new AlertActionGroup(this, "alert-action-group", {
      environment: props.environment,
      owner: props.owner,
      dataResidency: policyName,
      tags: props.tags,
      name: props.naming.name("actionGroup", { qualifier: "openai" }),
      resourceGroupName: props.resourceGroupName,
      shortName: `${props.naming.props.environment}-oai`.slice(0, 12),
      emails,
    });
    new OpenAiMetricAlerts(this, "alerts", {
      environment: props.environment,
      owner: props.owner,
      dataResidency: policyName,
      tags: props.tags,
      resourceGroupName: props.resourceGroupName,
      actionGroupId: actionGroup.actionGroupId,
      namePrefix: props.naming.name("actionGroup", { qualifier: "openai" }).replace(/-ag$/, ""),
      accounts: this.regions.map(({ region, account }) => ({ key: region.location, accountId: account.accountId })),
    });
  }

  /** The cap and the allowlist: the guardrails a platform team needs even without the environment stack. */
  private checkCapacityAndModels(c: PropChecks, props: OpenAiPlatformProps, regionCount: number): void {
    const perRegion = props.deployments.filter((d) => !isProvisioned(d.sku)).reduce((sum, d) => sum + d.capacity, 0);
    const total = perRegion * regionCount;
    if (props.capacityCapK === undefined) {
      Annotations.of(this).addWarning(`no capacityCapK: nothing limits the ${total}K TPM this platform deploys`);
    } else if (!Number.isInteger(props.capacityCapK) || props.capacityCapK < 1) {
      c.fail("capacityCapK", props.capacityCapK, "allowed: a whole number of at least 1 (units of 1,000 tokens per minute)");
    } else if (total > props.capacityCapK) {
      c.fail("deployments", `${total}K TPM in total`, `allowed: at most capacityCapK = ${props.capacityCapK}K TPM`);
    }
    if (props.allowedModels === undefined) {
      Annotations.of(this).addWarning("no allowedModels: any model may be deployed");
    } else {
      checkModelAllowlist(c, props.deployments, props.allowedModels);
    }
  }

  private checkProps(c: PropChecks, props: OpenAiPlatformProps, regions: readonly PlatformRegion[]): void {
    const policy = this.residency;
    this.checkCapacityAndModels(c, props, regions.length);
    checkResidencyDefinition(c, props.residency);
    const logDestinations: Record<string, string> = { "logging.workspace": this.workspace.location };
    for (const { region, archive } of this.regions) logDestinations[`logging.archive[${region.location}]`] = archive.location;
    checkResidency(c, policy, {
      regions: regions.map((r) => r.location),
      deployments: props.deployments,
      logDestinations,
    });
    if (props.regions.length === 0) c.fail("regions", [], "allowed: at least one region");
    const locations = props.regions.map((r) => r.location);
    const repeated = locations.filter((l, i) => locations.indexOf(l) !== i);
    if (repeated.length > 0) c.fail("regions", repeated, "allowed: each location once");
    const priorities = props.regions.map((r) => r.priority);
    const clashing = priorities.filter((p, i) => priorities.indexOf(p) !== i);
    if (clashing.length > 0) c.fail("regions[].priority", clashing, "allowed: a different priority for each region");
    priorities.forEach((p) => c.integerInRange("regions[].priority", p, 1, 100));
    const ranges: Record<string, string> = {};
    for (const r of props.regions) if ("addressSpace" in r.network) ranges[r.location] = r.network.addressSpace;
    checkNoOverlaps(c, "regions[].network.addressSpace", ranges);
    if (!props.location || props.location.trim() === "") c.fail("location", props.location, "allowed: the Azure location of the environment's resource group");
    if (props.logging?.workspaceLocation && !findRegion(props.logging.workspaceLocation)) {
      c.fail("logging.workspaceLocation", props.logging.workspaceLocation, "allowed: an Azure OpenAI region inside the residency");
    }
  }

  private tagsOf(props: OpenAiPlatformProps): Record<string, string> {
    return governanceTags({ environment: props.environment, owner: props.owner, dataResidency: this.residency.name }, props.tags);
  }
}
