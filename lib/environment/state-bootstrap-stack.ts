import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { Fn, LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { NAME_RULES } from "../core/naming";
import { PRINCIPAL_TYPES, PrincipalType } from "../identity/principal";
import { addPropChecks, isToken } from "../core/validation";
import {
  describeSetting,
  EnvironmentVariables,
  GUID_PATTERN,
  isTrue,
  readSetting,
  readStateSettings,
  STATE_CONTAINER_NAME,
  STATE_CONTAINER_RULE,
  STATE_SETTINGS,
  StateSettingSource,
} from "./backend";

/** Built-in role Storage Blob Data Contributor: read, write and lease (lock) blobs. */
export const STORAGE_BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

/** Replication types a state account may use. */
export const STATE_REPLICATION_TYPES = ["LRS", "ZRS", "GRS", "GZRS", "RAGRS", "RAGZRS"] as const;
/** One of {@link STATE_REPLICATION_TYPES}. */
export type StateReplicationType = (typeof STATE_REPLICATION_TYPES)[number];

/** An identity that reads and writes the Terraform state (the CI deployer, a platform engineer). */
export interface StateDeployer {
  /** Entra object ID of the principal (for an app registration: its service principal's object ID). */
  readonly principalId: string;
  /**
   * Type of the principal; set it for a new principal, so the assignment does not fail while
   * Entra ID replicates.
   * @default - left to Azure
   */
  readonly principalType?: PrincipalType;
  /**
   * Stable key for the construct ID; required when `principalId` is a Terraform reference.
   * @default principalId
   */
  readonly key?: string;
}

/** Public network access to the state account, a deliberate weakening. */
export interface StatePublicNetworkAccess {
  /** Why the state must be reachable from public networks (at least 10 characters). */
  readonly reason: string;
  /**
   * Public IPv4 addresses or CIDR ranges (at most /30) allowed in; all others are denied.
   * @default - any network (every request still needs Entra ID and a data role)
   */
  readonly allowedIpRanges?: readonly string[];
}

/** Props of {@link StateBootstrapStack}. */
export interface StateBootstrapStackProps {
  /** Azure location of the resource group and the storage account, for example `swedencentral`. */
  readonly location: string;
  /** Resource group of the state account (created by this stack). */
  readonly resourceGroupName: string;
  /** Storage account name: 3-24 lowercase letters or digits, globally unique. */
  readonly storageAccountName: string;
  /** Blob container holding one state file per environment. */
  readonly containerName: string;
  /**
   * Subscription to create the state in.
   * @default - the subscription of the signed-in client (`ARM_SUBSCRIPTION_ID` or the Azure CLI)
   */
  readonly subscriptionId?: string;
  /**
   * Entra tenant of the subscription.
   * @default - the tenant of the signed-in client
   */
  readonly tenantId?: string;
  /**
   * Identities granted Storage Blob Data Contributor on the container.
   * @default - the identity running the bootstrap
   */
  readonly deployers?: readonly StateDeployer[];
  /**
   * Redundancy of the state account.
   * @default "ZRS"
   */
  readonly replicationType?: StateReplicationType;
  /**
   * Days deleted or overwritten state blobs and deleted containers can be recovered (7-365).
   * @default 30
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Opens the account's public endpoint, for example to GitHub-hosted runners. Authentication
   * stays Entra ID only (shared keys off).
   * @default - public network access disabled: reach the account through a private endpoint
   */
  readonly publicNetworkAccess?: StatePublicNetworkAccess;
  /**
   * Leaves out the CanNotDelete lock on the storage account.
   * @default - the account is locked against deletion
   */
  readonly withoutDeleteLock?: { readonly reason: string };
  /**
   * Extra tags for the resource group and the storage account.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

const DEPLOYER_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const IPV4_OR_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/(30|[12]?\d))?$/;

/**
 * The Terraform state store, created once before the first remote-state deploy: a resource group,
 * a hardened storage account (TLS 1.2, Entra ID only, no public blobs, versioning and soft
 * delete for recovery, locked against deletion) and a private container, with Storage Blob Data
 * Contributor on the container for each deployer. Its own state stays local
 * (`terraform.<stack>.tfstate`): the store cannot hold the state that creates it.
 */
export class StateBootstrapStack extends TerraformStack {
  /** The state storage account. */
  public readonly storageAccount: StorageAccount;
  /** The state container. */
  public readonly container: StorageContainer;
  /** Resource ID of the container, the scope of the deployers' role assignments. */
  public readonly containerScope: string;

  constructor(scope: Construct, id: string, props: StateBootstrapStackProps) {
    super(scope, id);
    const retentionDays = props.softDeleteRetentionDays ?? 30;
    const deployers = props.deployers ?? [];
    addPropChecks(this, (c) => {
      c.matches("storageAccountName", props.storageAccountName, NAME_RULES.storageAccount.pattern, NAME_RULES.storageAccount.description);
      c.matches("resourceGroupName", props.resourceGroupName, NAME_RULES.resourceGroup.pattern, NAME_RULES.resourceGroup.description);
      c.matches("containerName", props.containerName, STATE_CONTAINER_NAME, STATE_CONTAINER_RULE);
      c.matches("subscriptionId", props.subscriptionId, GUID_PATTERN, "a subscription ID (GUID)");
      c.matches("tenantId", props.tenantId, GUID_PATTERN, "a tenant ID (GUID)");
      c.oneOf("replicationType", props.replicationType, STATE_REPLICATION_TYPES);
      // Less than a week leaves too little time to notice and recover a corrupted state.
      c.integerInRange("softDeleteRetentionDays", retentionDays, 7, 365, "days");
      c.reason("publicNetworkAccess.reason", props.publicNetworkAccess?.reason);
      for (const ip of props.publicNetworkAccess?.allowedIpRanges ?? []) {
        c.matches("publicNetworkAccess.allowedIpRanges", ip, IPV4_OR_CIDR, "public IPv4 addresses or CIDR ranges up to /30 (Azure Storage rejects /31 and /32: give the address)");
      }
      c.reason("withoutDeleteLock.reason", props.withoutDeleteLock?.reason);
      const keys = new Set<string>();
      for (const deployer of deployers) {
        const key = deployer.key ?? deployer.principalId;
        if (isToken(key)) {
          c.fail("deployers.key", "(a Terraform reference)", "allowed: a stable key when principalId is only known at apply time");
          continue;
        }
        c.matches("deployers.key", key, DEPLOYER_KEY, "1-64 letters, digits, '-' or '_', starting alphanumeric");
        c.matches("deployers.principalId", deployer.principalId, GUID_PATTERN, "an Entra object ID (GUID)");
        c.oneOf("deployers.principalType", deployer.principalType, PRINCIPAL_TYPES);
        if (keys.has(key)) c.fail("deployers", key, "allowed: each deployer once");
        keys.add(key);
      }
    });

    // Local on purpose: this stack creates the store the other stacks keep their state in.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    new AzurermProvider(this, "azurerm", {
      features: [{}],
      // Shared keys are off, so the provider must use Entra ID for the storage data plane too.
      storageUseAzuread: true,
      ...(props.subscriptionId ? { subscriptionId: props.subscriptionId } : {}),
      ...(props.tenantId ? { tenantId: props.tenantId } : {}),
    });
    const client = new DataAzurermClientConfig(this, "current", {});
    const tags = { ...props.tags, purpose: "terraform-state", "managed-by": "cdktf" };

    const resourceGroup = new ResourceGroup(this, "resource-group", {
      name: props.resourceGroupName,
      location: props.location,
      tags,
    });

    const publicAccess = props.publicNetworkAccess;
    const allowedIps = publicAccess?.allowedIpRanges ?? [];
    this.storageAccount = new StorageAccount(this, "storage-account", {
      name: props.storageAccountName,
      resourceGroupName: resourceGroup.name,
      location: props.location,
      accountKind: "StorageV2",
      accountTier: "Standard",
      accountReplicationType: props.replicationType ?? "ZRS",
      minTlsVersion: "TLS1_2",
      httpsTrafficOnlyEnabled: true,
      allowNestedItemsToBePublic: false,
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      // Copies only to and from accounts in the same Entra tenant.
      allowedCopyScope: "AAD",
      crossTenantReplicationEnabled: false,
      infrastructureEncryptionEnabled: true,
      localUserEnabled: false,
      sftpEnabled: false,
      publicNetworkAccessEnabled: publicAccess !== undefined,
      networkRules: {
        defaultAction: publicAccess !== undefined && allowedIps.length === 0 ? "Allow" : "Deny",
        bypass: ["None"],
        ...(allowedIps.length > 0 ? { ipRules: [...allowedIps] } : {}),
      },
      blobProperties: {
        // Every write of a state file keeps the previous version: a bad apply can be rolled back.
        versioningEnabled: true,
        deleteRetentionPolicy: { days: retentionDays },
        containerDeleteRetentionPolicy: { days: retentionDays },
      },
      tags,
    });

    this.container = new StorageContainer(this, "container", {
      name: props.containerName,
      // storage_account_id makes the provider use Azure Resource Manager, not the data plane.
      storageAccountId: this.storageAccount.id,
      containerAccessType: "private",
    });
    this.containerScope = `${this.storageAccount.id}/blobServices/default/containers/${this.container.name}`;

    const roleDefinitionId = `/subscriptions/${client.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${STORAGE_BLOB_DATA_CONTRIBUTOR}`;
    const grantees: StateDeployer[] = deployers.length > 0 ? [...deployers] : [{ principalId: client.objectId, key: "bootstrap-identity" }];
    const created = new Set<string>();
    for (const deployer of grantees) {
      const key = deployer.key ?? deployer.principalId;
      // Unusable or repeated keys are reported by the checks above; building on them would throw.
      if (isToken(key) || created.has(key)) continue;
      created.add(key);
      new RoleAssignment(this, `state-data-contributor-${key}`, {
        // Deterministic name: re-synth never replaces the assignment.
        name: Fn.uuidv5("url", `${this.containerScope}|${deployer.principalId}|${STORAGE_BLOB_DATA_CONTRIBUTOR}`),
        scope: this.containerScope,
        roleDefinitionId,
        principalId: deployer.principalId,
        ...(deployer.principalType ? { principalType: deployer.principalType } : {}),
      });
    }

    if (!props.withoutDeleteLock) {
      new ManagementLock(this, "storage-account-lock", {
        name: "terraform-state-cannot-delete",
        scope: this.storageAccount.id,
        lockLevel: "CanNotDelete",
        notes: "Holds the Terraform state of every environment; remove the lock deliberately before deleting.",
      });
    }

    // The values the environment stacks' backend settings need.
    new TerraformOutput(this, "state_storage_account", { value: this.storageAccount.name });
    new TerraformOutput(this, "state_resource_group", { value: resourceGroup.name });
    new TerraformOutput(this, "state_container", { value: this.container.name });
  }
}

/** Default id of the bootstrap stack (`cdktf deploy state-bootstrap`). */
export const STATE_BOOTSTRAP_STACK_ID = "state-bootstrap";

/** Set to `1`/`true` to add the bootstrap stack to the app. */
export const INCLUDE_STATE_BOOTSTRAP: StateSettingSource = { env: "CDKTF_INCLUDE_STATE_BOOTSTRAP", context: "includeStateBootstrap" };
/** Location of the state store. @default "swedencentral" */
export const STATE_LOCATION: StateSettingSource = { env: "CDKTF_STATE_LOCATION", context: "stateLocation" };
/** Comma-separated object IDs of service principals that deploy (granted data access to the state). */
export const STATE_DEPLOYER_OBJECT_IDS: StateSettingSource = { env: "CDKTF_STATE_DEPLOYER_OBJECT_IDS", context: "stateDeployerObjectIds" };
/** Comma-separated public IPv4 ranges allowed to reach the state; unset allows any network (Entra ID still required). */
export const STATE_ALLOWED_IP_RANGES: StateSettingSource = { env: "CDKTF_STATE_ALLOWED_IP_RANGES", context: "stateAllowedIpRanges" };

/** Why the app's bootstrap opens the public endpoint: the workflows run on GitHub-hosted runners. */
const GITHUB_HOSTED_RUNNERS_REASON =
  "GitHub-hosted runners reach the state over the internet; access needs Entra ID and a data role (shared keys are off)";

/**
 * Adds the {@link StateBootstrapStack} to the app when `CDKTF_INCLUDE_STATE_BOOTSTRAP=1` (or context
 * `includeStateBootstrap`), named from the same settings the backend reads (`CDKTF_STATE_*`);
 * returns it, or undefined when not asked for.
 */
export function addStateBootstrap(app: Construct, env: EnvironmentVariables = process.env): StateBootstrapStack | undefined {
  if (!isTrue(readSetting(app, INCLUDE_STATE_BOOTSTRAP, env))) return undefined;
  const settings = readStateSettings(app, env);
  const list = (source: StateSettingSource) =>
    (readSetting(app, source, env) ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  const deployerIds = list(STATE_DEPLOYER_OBJECT_IDS);
  const stack = new StateBootstrapStack(app, STATE_BOOTSTRAP_STACK_ID, {
    location: readSetting(app, STATE_LOCATION, env) ?? "swedencentral",
    storageAccountName: settings.storageAccountName ?? "",
    resourceGroupName: settings.resourceGroupName ?? "",
    containerName: settings.containerName ?? "",
    subscriptionId: settings.subscriptionId,
    tenantId: settings.tenantId,
    ...(deployerIds.length > 0
      ? { deployers: deployerIds.map((principalId) => ({ principalId, principalType: "ServicePrincipal" as const })) }
      : {}),
    publicNetworkAccess: { reason: GITHUB_HOSTED_RUNNERS_REASON, allowedIpRanges: list(STATE_ALLOWED_IP_RANGES) },
  });
  addPropChecks(stack, (c) => {
    for (const name of ["storageAccountName", "resourceGroupName", "containerName"] as const) {
      if (settings[name] === undefined) {
        c.fail(describeSetting(STATE_SETTINGS[name]), undefined, `allowed: a value; ${INCLUDE_STATE_BOOTSTRAP.env} needs the names of the state store`);
      }
    }
  });
  return stack;
}
