import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { StorageContainerImmutabilityPolicy } from "@cdktf/provider-azurerm/lib/storage-container-immutability-policy";
import { StorageManagementPolicy } from "@cdktf/provider-azurerm/lib/storage-management-policy";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { ILogArchive } from "../core/features/diagnostic-settings";
import { applyLock, LockProps } from "../core/features/lock";
import { Justification } from "../core/justification";
import { acknowledgeWeakening } from "../core/justification"; // compliance: acknowledged weakening
import { WEAKENING_KEYS } from "../core/weakening-keys"; // compliance: acknowledged weakening
import { addPropChecks, PropChecks } from "../core/validation";
import { applyRoleAssignments, RoleAssignmentsProps } from "../identity/role-assignments-prop";
import { IRoleTarget } from "../identity/role-target";
import { archiveContainerName, RETENTION_CATEGORIES, RetentionCategory } from "./log-categories";
import { AppliedException, NameChoice } from "./monitoring-props";
import { lifecycleRules } from "./private/archive-lifecycle";
import { appliedExceptions, checkAppliedExceptions, checkChosenName, chosenName } from "./private/common";
import { warnIfStorageDataPlaneExpected } from "./private/provider-check";
import { checkArchiveRetention, resolveImmutability, resolveRetentionDays } from "./private/retention";
import { ArchiveRetention } from "./retention";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";
import { PropKeys } from "../core/known-props";

/**
 * Redundancy of the archive. Both keep every copy in the account's region; geo-redundant
 * types are not offered because they copy the logs to the paired region, which can lie
 * outside the data-residency zone (Brazil South pairs with South Central US).
 */
export type ArchiveRedundancy = "LRS" | "ZRS";

/** Weakenings of the archive's secure defaults. */
export interface RetentionArchiveSecurityExceptions {
  /**
   * Allow shared-key (account key and SAS) authorization. Azure Monitor does not need it: it
   * writes as a trusted service, and Microsoft's own diagnostics-storage templates turn shared
   * keys off. Note that whoever creates a diagnostic setting with this destination still needs
   * `Microsoft.Storage/storageAccounts/listKeys/action` on the account (an RBAC check).
   * @default - shared keys off: Entra ID only
   */
  readonly sharedKeyAccess?: Justification;
  /**
   * The reason recorded for the archive's public endpoint. The endpoint is always on, firewalled
   * to default Deny with only trusted Azure services let through (`bypass = ["AzureServices"]`,
   * no IP, VNet or resource-instance rules): Azure Monitor delivers diagnostic logs as a trusted
   * service, and that exception belongs to the firewall of an enabled public endpoint (see
   * {@link ARCHIVE_PUBLIC_ENDPOINT_REASON}). Give a reason here to record your own wording (an
   * ADR, an approval) in the compliance report instead of the library's.
   * @default - the endpoint is on with {@link ARCHIVE_PUBLIC_ENDPOINT_REASON} as the recorded reason
   */
  readonly publicNetworkAccess?: Justification;
}

/** Props of {@link RetentionArchive}. */
export interface RetentionArchiveProps extends NameChoice {
  /** Resource group the storage account is created in. */
  readonly resourceGroupName: string;
  /**
   * Azure location. Must be the region of the accounts whose logs it receives: Azure accepts
   * only a storage destination in the monitored resource's region, so create one per region.
   */
  readonly location: string;
  /**
   * Deletion age per category and write-once protection.
   * @default - {@link DEFAULT_ARCHIVE_RETENTION_DAYS}, no immutability
   */
  readonly retention?: ArchiveRetention;
  /**
   * Redundancy inside the region. ZRS survives a zone outage but is not offered in every region.
   * @default "LRS"
   */
  readonly redundancy?: ArchiveRedundancy;
  /**
   * Weakenings of the secure defaults, each with a reason.
   * @default - none
   */
  readonly securityExceptions?: RetentionArchiveSecurityExceptions;
  /**
   * Protection from deletion: `prevent_destroy` and a CanNotDelete lock on the storage account
   * (its containers and policies inherit the lock).
   * @default - none
   */
  readonly lock?: LockProps;
  /**
   * Roles on the storage account, by a stable key of your choice (part of the assignment's address).
   * @default - none
   */
  readonly roleAssignments?: RoleAssignmentsProps;
}

/**
 * Why every archive keeps its public endpoint on (firewalled to trusted Azure services only).
 * Microsoft's "Diagnostic settings in Azure Monitor" (ms.date 2026-03-31) asks for "Allow trusted
 * Microsoft services" on a firewalled storage destination, and "Azure Storage network security
 * overview" (2025-06-18) places that exception in the firewall of the public endpoint ("Enabled
 * from selected virtual networks and IP addresses"); no current Microsoft page says Azure Monitor
 * writes into an account whose public network access is Disabled.
 */
export const ARCHIVE_PUBLIC_ENDPOINT_REASON =
  "Log archive: Azure Monitor delivers diagnostic logs as a trusted Microsoft service, which the storage firewall admits only on an enabled public endpoint; default action Deny, bypass AzureServices, no IP, VNet or resource-instance rules.";

/**
 * Node metadata type with which a storage account states that its public endpoint exists only
 * for trusted Azure services (data: `{ reason }`). Neutral metadata: the compliance rule
 * `StorageAccountHardened` reads the same type without importing this construct (the
 * retention-archive tests check that the rule accepts this archive).
 */
/** Qualifier the naming convention puts in the archive's name. */
export const ARCHIVE_NAME_QUALIFIER = "audit";

/** The props RetentionArchive accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const RETENTION_ARCHIVE_PROP_KEYS: PropKeys<RetentionArchiveProps> = { resourceGroupName: true, location: true, retention: true, redundancy: true, securityExceptions: true, lock: LOCK_PROP_KEYS, roleAssignments: true, name: true, naming: true };

/**
 * Per-category retention archive for diagnostic logs: a hardened Standard StorageV2 account in
 * the monitored accounts' region (public endpoint on but firewalled to trusted Azure services
 * only, so Azure Monitor can deliver; recorded as the `publicNetworkAccess` weakening), the containers Azure Monitor writes to (created up front
 * through the management plane), one lifecycle rule per category, and optional write-once
 * immutability per container.
 */
export class RetentionArchive extends Construct implements ILogArchive, IRoleTarget {
  /** The `azurerm_storage_account` resource (also `node.defaultChild`). */
  public readonly storageAccount: StorageAccount;
  /** The containers, by category. */
  public readonly containers: Readonly<Record<RetentionCategory, StorageContainer>>;
  /** The `azurerm_storage_management_policy` holding the per-category deletion rules. */
  public readonly lifecyclePolicy: StorageManagementPolicy;
  /** Immutability policies, by category (only the categories asked for). */
  public readonly immutabilityPolicies: Readonly<Partial<Record<RetentionCategory, StorageContainerImmutabilityPolicy>>>;
  /** Azure resource ID of the storage account. */
  public readonly storageAccountId: string;
  /** Storage account name. */
  public readonly storageAccountName: string;
  /** Azure location. */
  public readonly location: string;
  /** Deletion age in days, per category. */
  public readonly retentionDays: Readonly<Record<RetentionCategory, number>>;
  /** Weakenings in force, with their reasons. */
  public readonly securityExceptions: readonly AppliedException[];
  /** The CanNotDelete lock on the storage account, when `lock` asks for one. */
  public readonly lock?: ManagementLock;
  /** The containers, the lifecycle policy and the immutability policies: see {@link ILogArchive.prerequisites}. */
  public readonly prerequisites: readonly ITerraformDependable[];

  /** The role scope: the storage account's resource ID. */
  public get scopeId(): string {
    return this.storageAccountId;
  }

  constructor(scope: Construct, id: string, props: RetentionArchiveProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, RETENTION_ARCHIVE_PROP_KEYS));
    const exceptions = props.securityExceptions ?? {};
    this.location = props.location;
    this.storageAccountName = chosenName("storageAccount", props, props.location, ARCHIVE_NAME_QUALIFIER);
    this.retentionDays = resolveRetentionDays(props.retention);
    const publicEndpointReason = exceptions.publicNetworkAccess?.reason ?? ARCHIVE_PUBLIC_ENDPOINT_REASON;
    this.securityExceptions = [
      ...appliedExceptions({ sharedKeyAccess: exceptions.sharedKeyAccess }),
      // Always in force: the archive's public endpoint, firewalled to trusted services.
      { setting: "publicNetworkAccess", reason: publicEndpointReason },
    ];
    if (exceptions.sharedKeyAccess) acknowledgeWeakening(this, WEAKENING_KEYS.storageSharedKeyAccess, "securityExceptions.sharedKeyAccess", exceptions.sharedKeyAccess); // compliance: acknowledged weakening
    acknowledgeWeakening(this, WEAKENING_KEYS.storageTrustedServicesEndpoint, "securityExceptions.publicNetworkAccess", { reason: publicEndpointReason }); // compliance: acknowledged weakening

    addPropChecks(this, (c) => this.checkProps(c, props));
    warnIfStorageDataPlaneExpected(this);

    this.storageAccount = new StorageAccount(this, "account", {
      name: this.storageAccountName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      // Azure Monitor rejects Premium accounts as destinations.
      accountKind: "StorageV2",
      accountTier: "Standard",
      accountReplicationType: props.redundancy ?? "LRS",
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      allowNestedItemsToBePublic: false,
      sharedAccessKeyEnabled: exceptions.sharedKeyAccess !== undefined,
      defaultToOauthAuthentication: true,
      // On, but firewalled: Azure Monitor writes as a trusted Microsoft service, and that
      // exception applies on the firewall of an enabled public endpoint. Nothing else gets
      // through: no IP rules, no VNet rules, no resource-instance rules.
      publicNetworkAccessEnabled: true,
      networkRules: { defaultAction: "Deny", bypass: ["AzureServices"], ipRules: [], virtualNetworkSubnetIds: [] },
      infrastructureEncryptionEnabled: true,
      crossTenantReplicationEnabled: false,
      localUserEnabled: false,
    });
    this.node.defaultChild = this.storageAccount;
    this.storageAccountId = this.storageAccount.id;
    this.lock = applyLock(this, this.storageAccount, props.lock);
    applyRoleAssignments(this, props.roleAssignments);

    const containers = {} as Record<RetentionCategory, StorageContainer>;
    for (const category of RETENTION_CATEGORIES) {
      const name = archiveContainerName(category);
      // `storage_account_id` makes azurerm use the management plane; the data plane is closed.
      containers[category] = new StorageContainer(this, name, {
        name,
        storageAccountId: this.storageAccount.id,
        containerAccessType: "private",
      });
    }
    this.containers = containers;

    this.lifecyclePolicy = new StorageManagementPolicy(this, "lifecycle", {
      storageAccountId: this.storageAccount.id,
      rule: lifecycleRules(this.retentionDays),
    });

    const policies: Partial<Record<RetentionCategory, StorageContainerImmutabilityPolicy>> = {};
    for (const worm of resolveImmutability(props.retention)) {
      policies[worm.category] = new StorageContainerImmutabilityPolicy(this, `${archiveContainerName(worm.category)}-immutability`, {
        // With `storage_account_id` the container's `id` is its Resource Manager ID
        // (`resource_manager_id` is deprecated in azurerm 4.x).
        storageContainerResourceManagerId: containers[worm.category].id,
        immutabilityPeriodInDays: worm.periodDays,
        // Azure Monitor appends to hourly blobs; without this every append would be refused.
        protectedAppendWritesEnabled: true,
        locked: worm.locked,
      });
    }
    this.immutabilityPolicies = policies;
    this.prerequisites = [...Object.values(containers), this.lifecyclePolicy, ...Object.values(policies)];
  }

  private checkProps(c: PropChecks, props: RetentionArchiveProps): void {
    checkChosenName(c, "storageAccount", props, this.storageAccountName);
    c.required("location", props.location, "an Azure location");
    c.oneOf("redundancy", props.redundancy, ["LRS", "ZRS"]);
    checkArchiveRetention(c, "retention", props.retention);
    checkAppliedExceptions(c, "securityExceptions", appliedExceptions(props.securityExceptions ?? {}));
  }
}
