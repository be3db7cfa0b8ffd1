import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { StorageContainerImmutabilityPolicy } from "@cdktf/provider-azurerm/lib/storage-container-immutability-policy";
import { StorageManagementPolicy, StorageManagementPolicyRule } from "@cdktf/provider-azurerm/lib/storage-management-policy";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { applyWeakenings, WeakeningMap } from "../core/applied-weakening";
import { DiagnosticSettingsProps, ILogArchive } from "../core/features/diagnostic-settings";
import { applyLock, LockProps } from "../core/features/lock";
import { Justification } from "../core/justification";
import { WEAKENING_KEYS } from "../core/weakening-keys";
import { addPropChecks, PropChecks } from "../core/validation";
import { IGrantee } from "../identity/principal";
import { RbacAssignment } from "../identity/role-assignment";
import { applyRoleAssignments, RoleAssignmentsProps } from "../identity/role-assignments-prop";
import { RoleGrants } from "../identity/role-grants";
import { ResourceRoleTarget } from "../identity/resource-role-target";
import { IRoleTarget } from "../identity/role-target";
import { addDiagnosticSettings, ResourceDiagnosticSetting } from "./diagnostic-setting";
import {
  archiveContainerName,
  logContainerName,
  RETENTION_CATEGORIES,
  RetentionCategory,
  STORAGE_BLOB_DIAGNOSTICS,
  StorageBlobLogCategory,
} from "./log-categories";
import { AppliedException, NameChoice } from "./monitoring-props";
import { addedCategoryRule, addedCategoryRuleName, ARCHIVE_CATEGORY_NAME, lifecycleRules } from "./private/archive-lifecycle";
import { checkAppliedExceptions, checkChosenName, chosenName, weakeningPropKeys } from "./private/common";
import { warnIfStorageDataPlaneExpected } from "./private/provider-check";
import { checkArchiveRetention, resolveImmutability, resolveRetentionDays } from "./private/retention";
import { ArchiveRetention } from "./retention";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";
import { PropKeys } from "../core/known-props";
import { checkImportedAttributes } from "../core/imported-attributes";

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

/** The neutral key each weakening of the archive is acknowledged under. */
const ARCHIVE_WEAKENINGS: WeakeningMap<keyof RetentionArchiveSecurityExceptions> = {
  sharedKeyAccess: WEAKENING_KEYS.storageSharedKeyAccess,
  publicNetworkAccess: WEAKENING_KEYS.storageTrustedServicesEndpoint,
};

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
  /**
   * Diagnostic settings of the archive's blob service (`<account>/blobServices/default`), by
   * stable key: who read, wrote or deleted archived logs (categories `StorageRead`,
   * `StorageWrite`, `StorageDelete`, table StorageBlobLogs) and its `Transaction` metrics.
   * @default - none
   */
  readonly diagnosticSettings?: DiagnosticSettingsProps<StorageBlobLogCategory>;
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

/** Qualifier the naming convention puts in the archive's name. */
export const ARCHIVE_NAME_QUALIFIER = "audit";

/** The props RetentionArchive accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const RETENTION_ARCHIVE_PROP_KEYS: PropKeys<RetentionArchiveProps> = { resourceGroupName: true, location: true, retention: true, redundancy: true, securityExceptions: weakeningPropKeys(ARCHIVE_WEAKENINGS), lock: LOCK_PROP_KEYS, roleAssignments: true, diagnosticSettings: true, name: true, naming: true };

/** What a storage account made elsewhere is known by, for {@link RetentionArchive.fromStorageAccountAttributes}. */
export interface RetentionArchiveAttributes {
  /** Azure resource ID of the storage account. */
  readonly storageAccountId: string;
  /** Azure location of the storage account (a diagnostic setting's archive must be in the monitored resource's region). */
  readonly location: string;
}

/** The attributes an imported archive accepts; another key fails the synth (see PropChecks.knownProps). */
const RETENTION_ARCHIVE_ATTRIBUTE_KEYS: PropKeys<RetentionArchiveAttributes> = { storageAccountId: true, location: true };

/**
 * A log archive storage account roles can be granted on: a {@link RetentionArchive}, or one made
 * elsewhere ({@link RetentionArchive.fromStorageAccountAttributes}).
 */
export interface IRetentionArchive extends ILogArchive, IRoleTarget {
  /**
   * Lets `grantee` read the archived logs: Storage Blob Data Reader on the storage account.
   * Reading also needs a network path to the blob endpoint, which the archive's firewall opens
   * only to trusted Azure services.
   */
  grantBlobReader(grantee: IGrantee): RbacAssignment;
  /** Lets `grantee` read the storage account's control plane (not its blobs): Reader. */
  grantRead(grantee: IGrantee): RbacAssignment;
}

/** What a made and an imported archive share: the role scope and the grants. */
export abstract class RetentionArchiveBase extends ResourceRoleTarget implements IRetentionArchive {
  /** Azure resource ID of the storage account. */
  public abstract readonly storageAccountId: string;

  /** The role scope: the storage account's resource ID. */
  public get scopeId(): string {
    return this.storageAccountId;
  }

  /** Storage Blob Data Reader on the storage account: see {@link IRetentionArchive.grantBlobReader}. */
  public grantBlobReader(grantee: IGrantee): RbacAssignment {
    return RoleGrants.of(this).role(grantee, "StorageBlobDataReader");
  }
}

/** A storage account made elsewhere, known by its ID: a destination and a role scope, no resources. */
class ImportedRetentionArchive extends RetentionArchiveBase {
  public readonly storageAccountId: string;
  public readonly location: string;

  constructor(scope: Construct, id: string, attributes: RetentionArchiveAttributes) {
    super(scope, id);
    checkImportedAttributes(this, attributes, RETENTION_ARCHIVE_ATTRIBUTE_KEYS, { prop: "storageAccountId", what: "the Azure resource ID of a storage account" });
    this.storageAccountId = attributes.storageAccountId;
    this.location = attributes.location;
  }
}

/** Options of {@link RetentionArchive.addCategory}. */
export interface ArchiveCategoryOptions {
  /**
   * The archive category whose deletion age and write-once policy the added category follows,
   * so a new log is kept exactly as long, and as immutably, as the record it belongs with.
   * @default "Audit" - the longest-kept category
   */
  readonly retentionFrom?: RetentionCategory;
  /**
   * Where the container and its write-once policy are made in the construct tree, which decides
   * their Terraform addresses: for a caller whose containers already exist under a construct of
   * its own (the gateway's, before archives had this method), so nothing is replaced. The
   * policy's ID is `<id>-immutability`.
   * @default - under the archive, with the container name as the ID
   */
  readonly placement?: ArchiveCategoryPlacement;
}

/** Where {@link RetentionArchive.addCategory} makes a category's container. */
export interface ArchiveCategoryPlacement {
  /** The construct the container and its policy are children of. */
  readonly scope: Construct;
  /** The container's construct ID. */
  readonly id: string;
}

/** What {@link RetentionArchive.addCategory} made for one log category. */
export interface ArchivedCategory {
  /** The log category, as Azure Monitor names it (for example `GatewayLogs`). */
  readonly category: string;
  /** The archive category whose retention it follows. */
  readonly retentionFrom: RetentionCategory;
  /** Days after the last write its blobs are deleted. */
  readonly deleteAfterDays: number;
  /** The container Azure Monitor writes the category to (`insights-logs-<category in lower case>`). */
  readonly container: StorageContainer;
  /** The write-once policy, when the followed category has one. */
  readonly immutabilityPolicy?: StorageContainerImmutabilityPolicy;
  /** What a diagnostic setting sending this category must depend on: the container and its policy. */
  readonly prerequisites: readonly ITerraformDependable[];
}

/**
 * Per-category retention archive for diagnostic logs: a hardened Standard StorageV2 account in
 * the monitored accounts' region (public endpoint on but firewalled to trusted Azure services
 * only, so Azure Monitor can deliver; recorded as the `publicNetworkAccess` weakening), the
 * containers Azure Monitor writes to (created up front through the management plane), one
 * lifecycle rule per category, and optional write-once immutability per container. Other
 * resources' log categories join with {@link RetentionArchive.addCategory}.
 */
export class RetentionArchive extends RetentionArchiveBase {
  /**
   * A storage account made elsewhere (another stack, a central team), to send diagnostic
   * settings to and grant roles on. It creates nothing; grants become children of the returned
   * construct. Its containers and lifecycle rules are its owner's.
   */
  public static fromStorageAccountAttributes(scope: Construct, id: string, attributes: RetentionArchiveAttributes): IRetentionArchive {
    return new ImportedRetentionArchive(scope, id, attributes);
  }

  /** The `azurerm_storage_account` resource (also `node.defaultChild`). */
  public readonly resource: StorageAccount;
  /**
   * The `azurerm_storage_account` resource.
   * @deprecated Use {@link RetentionArchive.resource}, the name every construct gives its L1 resource.
   */
  public readonly storageAccount: StorageAccount;
  /** The containers, by category. */
  public readonly containers: Readonly<Record<RetentionCategory, StorageContainer>>;
  /**
   * The `azurerm_storage_management_policy` holding the per-category deletion rules (one per
   * storage account: add categories with {@link RetentionArchive.addCategory}, never by replacing its rules).
   */
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
  /** The assignments of `roleAssignments`, in key order. */
  public readonly roleAssignments: readonly RbacAssignment[];
  /** The blob service's diagnostic settings, by key. */
  public readonly diagnosticSettings: Readonly<Record<string, ResourceDiagnosticSetting>>;
  /** The containers, the lifecycle policy and the immutability policies: see {@link ILogArchive.prerequisites}. */
  public readonly prerequisites: readonly ITerraformDependable[];

  private readonly immutability: ReturnType<typeof resolveImmutability>;
  private readonly added = new Map<string, ArchivedCategory>();

  constructor(scope: Construct, id: string, props: RetentionArchiveProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, RETENTION_ARCHIVE_PROP_KEYS));
    const exceptions = props.securityExceptions ?? {};
    this.location = props.location;
    this.storageAccountName = chosenName("storageAccount", props, props.location, ARCHIVE_NAME_QUALIFIER);
    this.retentionDays = resolveRetentionDays(props.retention);
    this.immutability = resolveImmutability(props.retention);
    // Always in force: the archive's public endpoint, firewalled to trusted services.
    const publicNetworkAccess = exceptions.publicNetworkAccess ?? { reason: ARCHIVE_PUBLIC_ENDPOINT_REASON };
    this.securityExceptions = applyWeakenings(this, "securityExceptions", { ...exceptions, publicNetworkAccess }, ARCHIVE_WEAKENINGS);

    addPropChecks(this, (c) => this.checkProps(c, props));
    warnIfStorageDataPlaneExpected(this);

    this.resource = new StorageAccount(this, "account", {
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
    this.storageAccount = this.resource;
    this.node.defaultChild = this.resource;
    this.storageAccountId = this.resource.id;
    this.lock = applyLock(this, this.resource, props.lock);
    this.roleAssignments = applyRoleAssignments(this, props.roleAssignments);
    this.diagnosticSettings = addDiagnosticSettings(
      this,
      { targetResourceId: `${this.resource.id}/blobServices/default`, location: props.location },
      props.diagnosticSettings,
      STORAGE_BLOB_DIAGNOSTICS,
    );

    const containers = {} as Record<RetentionCategory, StorageContainer>;
    for (const category of RETENTION_CATEGORIES) containers[category] = this.container(archiveContainerName(category));
    this.containers = containers;

    this.lifecyclePolicy = new StorageManagementPolicy(this, "lifecycle", {
      storageAccountId: this.resource.id,
      rule: this.lifecycleRules(),
    });

    const policies: Partial<Record<RetentionCategory, StorageContainerImmutabilityPolicy>> = {};
    for (const worm of this.immutability) policies[worm.category] = this.immutabilityPolicy(containers[worm.category], worm.category);
    this.immutabilityPolicies = policies;
    this.prerequisites = [...Object.values(containers), this.lifecyclePolicy, ...Object.values(policies)];
  }

  /**
   * Archives another resource's log category here (the `addLifecycleRule` pattern): its
   * container, a lifecycle rule deleting it after the deletion age of `retentionFrom`, and that
   * category's write-once policy when it has one. The management policy's rules are rebuilt from
   * the archive's own categories and every added one, so nothing replaces another's rule. Adding
   * the same category again with the same options returns the first; a category the archive
   * already keeps, a name Azure Monitor could not write to, or a second `retentionFrom` fails the synth.
   */
  public addCategory(category: string, options: ArchiveCategoryOptions = {}): ArchivedCategory {
    const retentionFrom = options.retentionFrom ?? "Audit";
    const name = logContainerName(category);
    const first = this.added.get(name);
    if (first !== undefined) {
      if (first.retentionFrom !== retentionFrom) {
        addPropChecks(this, (c) =>
          c.fail(`addCategory(${category}).retentionFrom`, retentionFrom, `allowed: ${first.retentionFrom}, as ${first.category} was added with`),
        );
      }
      return first;
    }
    const problem = this.addedCategoryProblem(category, retentionFrom);
    if (problem !== undefined) {
      // Reported, and nothing is made: no second container, rule or policy under a taken name.
      addPropChecks(this, (c) => c.fail(`addCategory(${category})${problem.prop}`, problem.value, problem.rule));
      const existing = this.node.tryFindChild(name);
      const container = existing instanceof StorageContainer ? existing : this.containers.Audit;
      return { category, retentionFrom, deleteAfterDays: this.retentionDays.Audit, container, prerequisites: [container] };
    }
    const placement = options.placement ?? { scope: this, id: name };
    const container = this.container(name, placement);
    const immutabilityPolicy = this.immutability.some((w) => w.category === retentionFrom) ? this.immutabilityPolicy(container, retentionFrom, placement) : undefined;
    const added: ArchivedCategory = {
      category,
      retentionFrom,
      deleteAfterDays: this.retentionDays[retentionFrom],
      container,
      immutabilityPolicy,
      prerequisites: immutabilityPolicy ? [container, immutabilityPolicy] : [container],
    };
    this.added.set(name, added);
    this.lifecyclePolicy.putRule(this.lifecycleRules());
    return added;
  }

  /** The categories added with {@link RetentionArchive.addCategory}, in the order added. */
  public get addedCategories(): readonly ArchivedCategory[] {
    return [...this.added.values()];
  }

  /** Why a category cannot be added (a prop suffix, the value and the rule), or undefined. */
  private addedCategoryProblem(category: string, retentionFrom: string): { prop: string; value: unknown; rule: string } | undefined {
    if (typeof category !== "string" || !ARCHIVE_CATEGORY_NAME.test(category)) {
      return { prop: "", value: category, rule: "allowed: a log category name of letters, digits and single hyphens, at most 49 characters, as Azure Monitor names it (for example GatewayLogs)" };
    }
    const name = logContainerName(category);
    const ruleName = addedCategoryRuleName(category);
    const taken = this.lifecycleRules().find((rule) => rule.name === ruleName || rule.filters?.prefixMatch?.includes(`${name}/`));
    if (taken !== undefined) {
      return { prop: "", value: category, rule: `allowed: a category whose container and lifecycle rule are free (${taken.name} is the archive's already)` };
    }
    if (!(RETENTION_CATEGORIES as readonly string[]).includes(retentionFrom)) {
      return { prop: ".retentionFrom", value: retentionFrom, rule: `allowed: ${RETENTION_CATEGORIES.join(", ")}` };
    }
    return undefined;
  }

  /** The archive's own rules, then one per added category. */
  private lifecycleRules(): StorageManagementPolicyRule[] {
    return [...lifecycleRules(this.retentionDays), ...[...this.added.values()].map((a) => addedCategoryRule(a.category, a.deleteAfterDays))];
  }

  /** A private container, created through the management plane (`storage_account_id`); the data plane is closed. */
  private container(name: string, placement: ArchiveCategoryPlacement = { scope: this, id: name }): StorageContainer {
    return new StorageContainer(placement.scope, placement.id, { name, storageAccountId: this.resource.id, containerAccessType: "private" });
  }

  /** The write-once policy of `category` on `container`. */
  private immutabilityPolicy(
    container: StorageContainer,
    category: RetentionCategory,
    placement: ArchiveCategoryPlacement = { scope: this, id: container.nameInput! },
  ): StorageContainerImmutabilityPolicy {
    const worm = this.immutability.find((w) => w.category === category)!;
    return new StorageContainerImmutabilityPolicy(placement.scope, `${placement.id}-immutability`, {
      // With `storage_account_id` the container's `id` is its Resource Manager ID
      // (`resource_manager_id` is deprecated in azurerm 4.x).
      storageContainerResourceManagerId: container.id,
      immutabilityPeriodInDays: worm.periodDays,
      // Azure Monitor appends to hourly blobs; without this every append would be refused.
      protectedAppendWritesEnabled: true,
      locked: worm.locked,
    });
  }

  private checkProps(c: PropChecks, props: RetentionArchiveProps): void {
    checkChosenName(c, "storageAccount", props, this.storageAccountName);
    c.required("location", props.location, "an Azure location");
    c.oneOf("redundancy", props.redundancy, ["LRS", "ZRS"]);
    checkArchiveRetention(c, "retention", props.retention);
    checkAppliedExceptions(c, "securityExceptions", this.securityExceptions);
  }
}
