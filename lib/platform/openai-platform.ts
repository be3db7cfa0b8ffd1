import { Annotations, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { DeletionProtectionMode, LockProps } from "../core/features/lock";
import { GovernanceTags } from "../core/governance-tags";
import { EnvironmentContext } from "../context/environment-context";
import { lockFor } from "../context/deletion-protection";
import { moveFromLegacyPath } from "../core/legacy-address";
import { CustomerManagedKeyVault, KeyRotation } from "../governance/customer-managed-key";
import { checkModelAllowlist } from "../governance/model-allowlist";
import { CapacityCheck, CapacityCheckMode } from "../governance/capacity/capacity-check";
import { ContentFilterOptions } from "../openai/content-filter";
import type { StoredCompletionsException } from "../openai/stored-completions";
import { ResourceNaming } from "../core/naming";
import { addPropChecks, PropChecks } from "../core/validation";
import { AlertActionGroup } from "../monitoring/action-group";
import { AuditWorkspace } from "../monitoring/audit-workspace";
import { DEFAULT_DIAGNOSTIC_SETTING_NAME, ResourceDiagnosticSetting } from "../monitoring/diagnostic-setting";
import { OpenAiMetricAlerts } from "../monitoring/metric-alerts";
import { RetentionArchive } from "../monitoring/retention-archive";
import { WorkspaceSavedSearches } from "../monitoring/saved-searches";
import { checkNoOverlaps } from "../network/address-ranges";
import { PrivateDnsZones } from "../network/private-dns-zones";
import { OpenAiPrivateEndpoint } from "../network/private-endpoint";
import { RegionNetwork } from "../network/region-network";
import { peerEveryPair, VnetPeering } from "../network/vnet-peering";
import { NetworkSecurityPerimeter, PERIMETER_OPTIONS_KEYS, PerimeterOptions } from "../network/network-security-perimeter";
import { clientConfig } from "../core/client-config";
import { ModelDeploymentOptions } from "../openai/deployment-options";
import { OpenAiAccount, OpenAiAccountSecurityExceptions } from "../openai/openai-account";
import { FoundryProjectOptions } from "../openai/foundry-project";
import { AccountKind, DEFAULT_ACCOUNT_KIND, FoundryUpgradeDecision } from "../openai/foundry-upgrade";
import { knownRegionNames } from "../core/region-catalog";
import { checkResidency, checkResidencyDefinition, Residency, ResidencyPolicy, resolveResidency } from "../regions/residency";
import { PlatformLogging, PlatformPrivateDns, PlatformRegion } from "./platform-options";
import { RoutingManifest } from "./routing-manifest";
import { PropKeys } from "../core/known-props";
import { findModelLifecycle } from "../openai/model-lifecycle";
import { capacityCapProblems, totalTokenCapacityK } from "../governance/capacity/capacity-cap";
import { regionPriorityProblems, uniqueRegionProblems } from "../regions/region-list-rules";

/** Props of {@link OpenAiPlatform}. */
export interface OpenAiPlatformProps {
  /**
   * Accountable team, for the `owner` tag. Given outside an environment; inside one, an override
   * that tags the platform's resources with its own governance tags.
   * @default - the {@link EnvironmentContext}'s owner
   */
  readonly owner?: string;
  /**
   * The naming convention; its `environment` is the environment's one name (tags, manifest, alerts).
   * @default - the {@link EnvironmentContext}'s naming
   */
  readonly naming?: ResourceNaming;
  /** Resource group every resource of the platform goes in. */
  readonly resourceGroupName: string;
  /**
   * Home location of the environment: pass the resource group's location. The audit workspace
   * lives here unless `logging.workspaceLocation` says otherwise, so its name and location do
   * not follow the region priorities. Must satisfy the residency.
   * @default - the {@link EnvironmentContext}'s home location
   */
  readonly location?: string;
  /**
   * Where data may be stored and processed; every region, SKU and log destination must honour it.
   * An override inside an environment tags the platform's resources with its own governance tags.
   * @default - the {@link EnvironmentContext}'s residency
   */
  readonly residency?: Residency;
  /** Regions with an Azure OpenAI account. */
  readonly regions: readonly PlatformRegion[];
  /**
   * Kind of every account: `AIServices` (Microsoft Foundry resources) or `OpenAI`.
   * @default "AIServices"
   */
  readonly kind?: AccountKind;
  /**
   * The decision on Microsoft's upgrade of kind-`OpenAI` accounts to Foundry (required for
   * kind `OpenAI`): see `FoundryUpgradeDecision`.
   * @default - none
   */
  readonly foundryUpgrade?: FoundryUpgradeDecision;
  /**
   * Project management on the Foundry accounts (cannot be turned off once on).
   * @default true for kind AIServices
   */
  readonly projectManagement?: boolean;
  /**
   * Foundry projects made on every account, after its deployments (kind `AIServices`).
   * @default - none
   */
  readonly projects?: readonly FoundryProjectOptions[];
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
   * Keep stored completions on for every account, with a reason (see `OpenAiAccount`).
   * @default - stored completions disabled on every account
   */
  readonly storedCompletions?: StoredCompletionsException;
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
   * How a deployment that asks more capacity than Azure reports available (read at plan time
   * through Resource Manager, see {@link CapacityCheck}) is reported: `error` stops the plan,
   * `warning` reports it in a Terraform check block, `off` reads nothing.
   * @default "error" - a reviewed plan must not stop half-way on quota at apply
   */
  readonly capacityCheck?: CapacityCheckMode;
  /**
   * Models the platform may deploy (the seed's allowed_models); any other fails the synth.
   * @default - any model, and the synth warns that no allowlist applies
   */
  readonly allowedModels?: readonly string[];
  /**
   * Deletion protection of what holds data or keys, per kind: `lock` (CanNotDelete and
   * prevent_destroy), `preventDestroy` (Terraform only), or none.
   * @default - the {@link EnvironmentContext}'s locks; none outside an environment
   */
  readonly deletionProtection?: PlatformDeletionProtection;
  /**
   * Extra tags for every resource, besides the governance tags. Outside an environment (or with
   * an `owner` or `residency` override) the platform applies {@link GovernanceTags} itself.
   * @default - the {@link EnvironmentContext}'s tags
   */
  readonly tags?: Record<string, string>;
  /**
   * Associate every account with a network security perimeter (created in the resource group at
   * the home location, or an existing one), in `Learning` mode unless told otherwise: access logs
   * of the public traffic a perimeter would deny. See docs/SECURITY-PACK.md §5.
   * @default - no perimeter
   */
  readonly networkSecurityPerimeter?: PerimeterOptions;
}

/** Deletion protection per kind of resource; a kind not named is not protected. */
export interface PlatformDeletionProtection {
  /** The Azure OpenAI accounts. @default - not protected */
  readonly accounts?: DeletionProtectionMode;
  /** The audit workspace. @default - not protected */
  readonly workspace?: DeletionProtectionMode;
  /** The regions' log archives (storage accounts). @default - not protected */
  readonly archives?: DeletionProtectionMode;
  /** The customer-managed-key vaults. @default - not protected */
  readonly keyVaults?: DeletionProtectionMode;
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
  /** The account's diagnostic setting to the workspace and the archive. */
  readonly diagnostics: ResourceDiagnosticSetting;
  /** The vault and key the account is encrypted with, when a customer-managed key was asked for. */
  readonly customerManagedKey?: CustomerManagedKeyVault;
}

// Nested objects whose keys are checked too: a typo there would drop a setting just as silently.
const PRIVATE_DNS_KEYS: PropKeys<PlatformPrivateDns> = { existingZoneIds: true, managedByPolicy: true, virtualNetworkIds: true, includeAiServicesZone: true };
const LOGGING_KEYS: PropKeys<PlatformLogging> = { workspaceRetentionDays: true, workspaceLocation: true, archive: true, categories: true, alertEmails: true };
const DELETION_PROTECTION_KEYS: PropKeys<PlatformDeletionProtection> = { accounts: true, workspace: true, archives: true, keyVaults: true };

/** The props OpenAiPlatform accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const OPENAI_PLATFORM_PROP_KEYS: PropKeys<OpenAiPlatformProps> = {
  owner: true,
  naming: true,
  resourceGroupName: true,
  location: true,
  residency: true,
  regions: true,
  kind: true,
  foundryUpgrade: true,
  projectManagement: true,
  projects: true,
  deployments: true,
  privateDns: PRIVATE_DNS_KEYS,
  logging: LOGGING_KEYS,
  contentFilter: true,
  storedCompletions: true,
  customerManagedKey: { rotation: true },
  accountSecurityExceptions: true,
  capacityCapK: true,
  capacityCheck: true,
  allowedModels: true,
  deletionProtection: DELETION_PROTECTION_KEYS,
  tags: true,
  networkSecurityPerimeter: PERIMETER_OPTIONS_KEYS,
};

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
  /** The network security perimeter of the accounts, when `networkSecurityPerimeter` is given. */
  public readonly perimeter?: NetworkSecurityPerimeter;
  /** The residency policy every region, SKU and log destination is checked against. */
  public readonly residency: ResidencyPolicy;
  /** The plan-time capacity check of every deployment. */
  public readonly capacityCheck: CapacityCheck;
  /** The environment facts the platform works with: its props, else the environment context's. */
  private readonly env: PlatformFacts;

  constructor(scope: Construct, id: string, props: OpenAiPlatformProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, OPENAI_PLATFORM_PROP_KEYS));
    this.env = platformFacts(this, props);
    this.residency = this.env.residency;
    const policy = this.residency;
    const logging = props.logging ?? {};
    const dnsProps = props.privateDns ?? {};
    // A repeated location is reported below; it gets no second account (construct IDs are locations).
    const regions = [...props.regions]
      .sort((a, b) => a.priority - b.priority)
      .filter((r, i, all) => all.findIndex((o) => o.location === r.location) === i);
    // Pinned to the environment's home, not to whichever region is priority 1 today.
    const workspaceLocation = logging.workspaceLocation ?? this.env.location;
    // Inside an environment its context has tagged every resource already; the platform tags
    // only outside one, or when it overrides the owner, residency or tags.
    const context = EnvironmentContext.of(this);
    if (!context || props.owner !== undefined || props.residency !== undefined || props.tags !== undefined) {
      GovernanceTags.apply(this, {
        environment: this.env.naming.props.environment,
        owner: this.env.owner,
        dataResidency: policy.name,
        workload: context?.workload,
        tags: { ...context?.tags, ...props.tags },
      });
    }

    this.dns = new PrivateDnsZones(this, "private-dns", {
      existingZoneIds: dnsProps.existingZoneIds,
      resourceGroupName: dnsProps.existingZoneIds ? undefined : props.resourceGroupName,
      virtualNetworks: dnsProps.virtualNetworkIds,
      // A Foundry resource answers on <subdomain>.services.ai.azure.com too.
      includeAiServicesZone: dnsProps.existingZoneIds ? undefined : (dnsProps.includeAiServicesZone ?? (props.kind ?? DEFAULT_ACCOUNT_KIND) === "AIServices"),
    });

    this.workspace = new AuditWorkspace(this, "workspace", {
      name: this.env.naming.name("logAnalyticsWorkspace", { location: workspaceLocation }),
      resourceGroupName: props.resourceGroupName,
      location: workspaceLocation,
      retentionInDays: logging.workspaceRetentionDays,
      lock: this.env.lockFor("workspace"),
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

    this.perimeter = props.networkSecurityPerimeter ? this.buildPerimeter(props, props.networkSecurityPerimeter) : undefined;
    this.addAlerts(props, logging);
    this.capacityCheck = new CapacityCheck(this, "capacity", {
      accounts: this.regions.map(({ region, account }) => ({ account, location: region.location })),
      mode: props.capacityCheck,
    });

    addPropChecks(this, (c) => this.checkProps(c, props, regions));

    this.manifest = new RoutingManifest(this, "routing-manifest", {
      environment: this.env.naming.props.environment,
      residency: policy.name,
      regions: this.regions.map(({ region, account }) => ({
        location: region.location,
        priority: region.priority,
        customSubdomainName: account.customSubdomainName,
        kind: account.kind,
        projects: account.projects.map((p) => p.projectName),
        deployments: props.deployments,
      })),
    });
  }

  /** The accounts in priority order. */
  public get accounts(): readonly OpenAiAccount[] {
    return this.regions.map((r) => r.account);
  }

  private buildRegion(props: OpenAiPlatformProps, region: PlatformRegion, logging: PlatformLogging): PlatformRegionResources {
    const { resourceGroupName } = props;
    const naming = this.env.naming;
    const location = region.location;
    const accountName = naming.name("openAiAccount", { location });

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
          }),
    });
    // Link the VNets the platform creates; brought subnets live in VNets the hub links itself.
    if (network.virtualNetwork && !props.privateDns?.existingZoneIds) {
      this.dns.linkVirtualNetwork(location, network.virtualNetworkId);
    }

    const archive = new RetentionArchive(this, `${location}-archive`, {
      name: naming.name("storageAccount", { location }),
      resourceGroupName,
      location,
      retention: logging.archive,
      lock: this.env.lockFor("archives", location),
    });

    const customerManagedKey = props.customerManagedKey
      ? new CustomerManagedKeyVault(this, `${location}-cmk`, {
          name: naming.name("keyVault", { location }),
          resourceGroupName,
          location,
          // The key's name is part of its address in Azure: it stays `<account>-cmk`.
          keyName: `${accountName}-cmk`,
          rotation: props.customerManagedKey.rotation,
          lock: this.env.lockFor("keyVaults", location),
          // Who read or used the key, in the audit workspace (Key Vault's audit category group).
          diagnosticSettings: { audit: { name: DEFAULT_DIAGNOSTIC_SETTING_NAME, workspace: this.workspace, categoryGroups: ["audit"] } },
        })
      : undefined;

    const account = new OpenAiAccount(this, location, {
      name: accountName,
      resourceGroupName,
      location,
      kind: props.kind,
      foundryUpgrade: props.foundryUpgrade,
      projectManagement: props.projectManagement,
      agentSubnet: region.agentSubnet,
      deployments: [...props.deployments],
      projects: props.projects ? [...props.projects] : undefined,
      contentFilter: props.contentFilter,
      storedCompletions: props.storedCompletions,
      securityExceptions: props.accountSecurityExceptions,
      lock: this.env.lockFor("accounts", location),
      diagnosticSettings: {
        audit: { name: DEFAULT_DIAGNOSTIC_SETTING_NAME, workspace: this.workspace, archive, categories: logging.categories },
      },
      customerManagedKey: customerManagedKey?.keyReference(),
    });
    const diagnostics = account.diagnosticSettings.audit;
    // 0.1.0 made the setting and the key binding beside the account: carry their state over.
    // (0.1.0 used RBAC on the vault and had no access policy, so the policy has nothing to move.)
    moveFromLegacyPath(diagnostics.resource, [...this.pathInStack, `${location}-diagnostics`, "resource"]);
    if (account.customerManagedKey) {
      moveFromLegacyPath(account.customerManagedKey.resource, [...this.pathInStack, `${location}-cmk`, "resource"]);
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
    });

    return { region, account, network, privateEndpoint, archive, diagnostics, customerManagedKey };
  }

  /** One perimeter around every account, each associated under its own name. */
  private buildPerimeter(props: OpenAiPlatformProps, options: PerimeterOptions): NetworkSecurityPerimeter {
    const created = options.existingPerimeterId === undefined;
    if ((props.kind ?? DEFAULT_ACCOUNT_KIND) === "OpenAI") {
      // Microsoft: GA for Foundry (AIServices), public preview for kind OpenAI, behind two feature flags.
      Annotations.of(this).addWarning("networkSecurityPerimeter: kind OpenAI accounts join a perimeter only in public preview (no SLA), after registering the features Microsoft.CognitiveServices/OpenAI.NspPreview and Microsoft.Network/AllowNSPInPublicPreview; Microsoft warns that customer-managed keys, fine-tuning and assistants may not work inside the perimeter. Foundry accounts (kind AIServices) are generally available");
    }
    return new NetworkSecurityPerimeter(this, "perimeter", {
      existingPerimeterId: options.existingPerimeterId,
      profileName: options.profileName,
      accessMode: options.accessMode,
      name: created ? (options.name ?? this.env.naming.stem({ qualifier: "nsp" })) : options.name,
      resourceGroupId: created ? `/subscriptions/${clientConfig(this).subscriptionId}/resourceGroups/${props.resourceGroupName}` : undefined,
      location: created ? this.env.location : undefined,
      // The account's name: unique in a perimeter other environments' accounts may share.
      members: this.regions.map(({ region, account }) => ({ name: this.env.naming.name("openAiAccount", { location: region.location }), resourceId: account.accountId })),
    });
  }

  /** The construct IDs from the stack down to this platform, for the addresses of earlier releases. */
  private get pathInStack(): string[] {
    const stack = TerraformStack.of(this);
    return this.node.scopes.slice(stack.node.scopes.length).map((s) => s.node.id);
  }

  private addAlerts(props: OpenAiPlatformProps, logging: PlatformLogging): void {
    const emails = logging.alertEmails ?? [];
    if (emails.length === 0) return;
    const actionGroup = new AlertActionGroup(this, "alert-action-group", {
      name: this.env.naming.name("actionGroup", { qualifier: "openai" }),
      resourceGroupName: props.resourceGroupName,
      shortName: `${this.env.naming.props.environment}-oai`.slice(0, 12),
      emails,
    });
    new OpenAiMetricAlerts(this, "alerts", {
      resourceGroupName: props.resourceGroupName,
      actionGroupId: actionGroup.actionGroupId,
      namePrefix: this.env.naming.stem({ qualifier: "openai" }),
      accounts: this.regions.map(({ region, account }) => ({ key: region.location, accountId: account.accountId })),
    });
  }

  /** The cap and the allowlist: the guardrails a platform team needs even without the environment stack. */
  private checkCapacityAndModels(c: PropChecks, props: OpenAiPlatformProps, regionCount: number): void {
    if (props.capacityCapK === undefined) {
      Annotations.of(this).addWarning(`no capacityCapK: nothing limits the ${totalTokenCapacityK(props.deployments, regionCount)}K TPM this platform deploys`);
    } else if (!Number.isInteger(props.capacityCapK) || props.capacityCapK < 1) {
      c.fail("capacityCapK", props.capacityCapK, "allowed: a whole number of at least 1 (units of 1,000 tokens per minute)");
    } else {
      // The same rule the environment config applies (lib/governance/capacity/capacity-cap.ts).
      for (const p of capacityCapProblems(props.deployments, regionCount, props.capacityCapK)) c.fail(p.prop, p.value, p.rule);
    }
    if (props.allowedModels === undefined) {
      Annotations.of(this).addWarning("no allowedModels: any model may be deployed");
    } else {
      checkModelAllowlist(c, props.deployments, props.allowedModels);
    }
  }

  /**
   * Foundry accounts across regions: the three private DNS zones, and one agent subnet per
   * account. The kind settings and each subnet's range are checked by every account.
   */
  private checkFoundry(c: PropChecks, props: OpenAiPlatformProps): void {
    const kind = props.kind ?? DEFAULT_ACCOUNT_KIND;
    c.unique("regions[].agentSubnet.subnetId", props.regions.flatMap((r) => (r.agentSubnet ? [r.agentSubnet.subnetId] : [])), "agent subnet (Microsoft: one Foundry resource per agent subnet)", { ignoreCase: true });
    if (kind !== "AIServices") return;
    const dns = props.privateDns ?? {};
    if (dns.managedByPolicy) return; // Azure Policy writes the records, in the hub's zones
    if (dns.existingZoneIds) {
      for (const key of ["cognitiveServices", "aiServices"] as const) {
        if (dns.existingZoneIds[key] === undefined) {
          c.fail(`privateDns.existingZoneIds.${key}`, undefined, `allowed: the hub's ${key === "aiServices" ? "privatelink.services.ai.azure.com" : "privatelink.cognitiveservices.azure.com"} zone ID: a Foundry resource answers on <subdomain>.openai.azure.com, .cognitiveservices.azure.com and .services.ai.azure.com`);
        }
      }
    } else if (dns.includeAiServicesZone === false) {
      c.fail("privateDns.includeAiServicesZone", false, "allowed: true or unset for Foundry accounts (kind AIServices): they answer on <subdomain>.services.ai.azure.com");
    }
  }

  private checkProps(c: PropChecks, props: OpenAiPlatformProps, regions: readonly PlatformRegion[]): void {
    const policy = this.residency;
    this.checkCapacityAndModels(c, props, regions.length);
    if (props.residency !== undefined) checkResidencyDefinition(c, props.residency); // the context checks its own
    const logDestinations: Record<string, string> = { "logging.workspace": this.workspace.location };
    for (const { region, archive } of this.regions) logDestinations[`logging.archive[${region.location}]`] = archive.location;
    checkResidency(c, policy, {
      regions: regions.map((r) => r.location),
      // The catalog's SKUs let the message say when a model cannot run under the residency at all.
      deployments: props.deployments.map((d) => ({ ...d, offeredSkus: findModelLifecycle(d.model, d.version)?.skus })),
      logDestinations,
    });
    if (props.regions.length === 0) c.fail("regions", [], "allowed: at least one region");
    // The rules the environment config applies too (lib/regions/region-list-rules.ts), by index.
    const regionAt = (i: number) => `regions[${i}]`;
    for (const p of [...regionPriorityProblems(props.regions, regionAt), ...uniqueRegionProblems(props.regions, regionAt)]) c.fail(p.prop, p.value, p.rule);
    const ranges: Record<string, string> = {};
    for (const r of props.regions) if ("addressSpace" in r.network) ranges[r.location] = r.network.addressSpace;
    checkNoOverlaps(c, "regions[].network.addressSpace", ranges);
    for (const fact of Object.keys(FACT_DESCRIPTIONS) as EnvironmentFact[]) {
      c.required(fact, this.env.given[fact], `${FACT_DESCRIPTIONS[fact]} (or an EnvironmentContext above the platform)`);
    }
    this.checkFoundry(c, props);
    c.location("logging.workspaceLocation", props.logging?.workspaceLocation, knownRegionNames(), "Azure OpenAI");
  }


}

/** The facts a platform needs from its props or an environment context. */
type EnvironmentFact = "location" | "owner" | "naming" | "residency";

/** What each fact is, for the problem when neither the props nor a context give it. */
const FACT_DESCRIPTIONS: Readonly<Record<EnvironmentFact, string>> = {
  location: "the Azure location of the environment's resource group",
  owner: "the accountable team",
  naming: "a ResourceNaming",
  residency: "a residency",
};

/** The environment facts a platform works with. */
interface PlatformFacts {
  /** Each fact as the props or the context give it (checked; stand-ins below when missing). */
  readonly given: Readonly<Record<EnvironmentFact, unknown>>;
  readonly naming: ResourceNaming;
  readonly location: string;
  readonly owner: string;
  readonly residency: ResidencyPolicy;
  lockFor(kind: keyof PlatformDeletionProtection, location?: string): LockProps | undefined;
}

// Stands in for a missing naming convention: the synth fails on the missing prop, never on a crash.
const MISSING_NAMING = new ResourceNaming({ workload: "missing", environment: "missing" });

/** The platform's facts: each prop given, else the environment context's (reported when neither is there). */
function platformFacts(scope: Construct, props: OpenAiPlatformProps): PlatformFacts {
  const context = EnvironmentContext.of(scope);
  const residency = props.residency !== undefined ? resolveResidency(props.residency) : context?.residency;
  const given: Record<EnvironmentFact, unknown> = {
    location: props.location ?? context?.location,
    owner: props.owner ?? context?.owner,
    naming: props.naming ?? context?.naming,
    residency,
  };
  return {
    given,
    naming: props.naming ?? context?.naming ?? MISSING_NAMING,
    location: props.location ?? context?.location ?? "",
    owner: props.owner ?? context?.owner ?? "",
    residency: residency ?? { name: "", allowedRegions: [], allowsGlobalProcessing: false },
    // The props' protection names the kinds it protects; the context's follows the environment config.
    lockFor: (kind, location) => {
      if (props.deletionProtection === undefined) return context?.lockFor(kind, location);
      const protection = props.deletionProtection[kind];
      return protection === undefined ? undefined : { ...lockFor(true, kind, location)!, protection };
    },
  };
}
