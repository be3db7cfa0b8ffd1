import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { CognitiveAccountCustomerManagedKeyA } from "@cdktf/provider-azurerm/lib/cognitive-account-customer-managed-key";
import { KeyVaultAccessPolicyA } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { KeyVaultManagedHardwareSecurityModuleRoleAssignment } from "@cdktf/provider-azurerm/lib/key-vault-managed-hardware-security-module-role-assignment";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { Fn, TerraformResource } from "cdktf";
import { AzapiUpdateResource } from "../core/azapi";
import { Construct } from "constructs";
import { AppliedException, applyWeakenings, WeakeningMap } from "../core/applied-weakening";
import { WEAKENING_KEYS } from "../core/weakening-keys";
import { AccountCustomerManagedKeyProps, CustomerManagedKeyProps, isManagedHsmKey, ManagedHsmCustomerManagedKeyProps } from "../core/features/customer-managed-key";
import { assignManagedHsmKeyRole, MANAGED_HSM_KEY_ROLE_NAMES } from "../core/features/managed-hsm-key-role";
import { DiagnosticSettingsProps } from "../core/features/diagnostic-settings";
import { applyLock, LockProps } from "../core/features/lock";
import { checkManagedIdentities, identityBlock, ManagedIdentitiesProps } from "../core/features/managed-identities";
import { PrivateEndpointProps, PrivateEndpointsProps } from "../core/features/private-endpoints";
import { Justification } from "../core/justification";
import { OperationChain } from "../core/operation-chain";
import { knownRegionNames } from "../core/region-catalog";
import { addPropChecks, constructKeyProblem, isToken, PropChecks } from "../core/validation";
import { grantManageDeployments, grantUse } from "../identity/grants";
import { ResourceRoleTarget } from "../identity/resource-role-target";
import { IGrantee } from "../identity/principal";
import { RbacAssignment } from "../identity/role-assignment";
import { applyRoleAssignments, RoleAssignmentsProps } from "../identity/role-assignments-prop";
import { addDiagnosticSettings, ResourceDiagnosticSetting } from "../monitoring/diagnostic-setting";
import { OPENAI_DIAGNOSTICS, OpenAiLogCategory } from "../monitoring/log-categories";
import { OpenAiNetworkRules } from "../network/network-rules";
import { OpenAiPrivateEndpoint } from "../network/private-endpoint";
import { checkNetworkRules, networkAclsBlock } from "../network/private/network-rules";
import { AgentSubnet, checkAgentSubnet } from "./agent-subnet";
import { ContentFilter, ContentFilterOptions } from "./content-filter";
import { DEPLOYMENT_NAME_RULE, ModelDeploymentOptions } from "./deployment-options";
import { ModelDeployment } from "./model-deployment";
import {
  AccountKind,
  checkKindSettings,
  DEFAULT_ACCOUNT_KIND,
  FOUNDRY_AUTO_UPGRADE_TYPE,
  FOUNDRY_UPGRADE_IGNORED_ATTRIBUTES,
  foundryOptOutBody,
  FoundryUpgradeDecision,
} from "./foundry-upgrade";
import { FoundryProject, FoundryProjectOptions } from "./foundry-project";
import { applyStoredCompletions, StoredCompletionsException } from "./stored-completions";
import { IOpenAiAccount } from "./openai-account-ref";
import { MANAGED_HSM_ENCRYPTION_TYPE, MANAGED_HSM_VERSIONED_KEY_ID, managedHsmEncryptionBody } from "./managed-hsm-encryption";
import { updateAccount } from "./private/account-update";
import { PropKeys } from "../core/known-props";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";

/** Weakenings of the account's secure defaults. Each one is listed in `securityExceptions`. */
export interface OpenAiAccountSecurityExceptions {
  /**
   * Turn public network access on. Traffic from the internet can then reach the account,
   * limited only by network ACLs.
   * @default - public network access off
   */
  readonly publicNetworkAccess?: Justification;
  /**
   * Turn local authentication (API keys) on. Keys bypass Entra ID, RBAC and its audit trail.
   * @default - local authentication off: Entra ID only
   */
  readonly localAuth?: Justification;
  /**
   * Let the account call any outbound address instead of only `allowedFqdns`.
   * @default - outbound network access restricted
   */
  readonly unrestrictedOutbound?: Justification;
}

/** The neutral weakening key of each account exception (one map, read by `applyWeakenings`). */
const ACCOUNT_WEAKENINGS: WeakeningMap<keyof OpenAiAccountSecurityExceptions> = {
  publicNetworkAccess: WEAKENING_KEYS.publicNetworkAccess,
  localAuth: WEAKENING_KEYS.localAuth,
  unrestrictedOutbound: WEAKENING_KEYS.unrestrictedOutbound,
};

/**
 * One private endpoint of an account's `privateEndpoints`: the shared
 * {@link PrivateEndpointProps}, made with `OpenAiPrivateEndpoint` (subresource `account`), in
 * the account's operation chain.
 */
export interface AccountPrivateEndpointOptions extends Omit<PrivateEndpointProps, "lock"> {
  /**
   * IDs of the private DNS zones the endpoint registers its address in. Must include the
   * `privatelink.openai` zone, and for a Foundry account (kind `AIServices`) also
   * `privatelink.cognitiveservices` and `privatelink.services.ai`. Required unless
   * `dnsManagedByPolicy` is true.
   * @default - none
   */
  readonly privateDnsZoneIds?: string[];
  /**
   * Endpoint name.
   * @default - `pe-<account name>-<key>`
   */
  readonly name?: string;
  /**
   * Protection of the endpoint from deletion, or `false` for none. As AVM asks, an account's
   * lock is applied to its endpoints too (with the same reason, lock name
   * `do-not-delete-private-endpoint-<key>`), unless the entry says otherwise. A CanNotDelete
   * lock reaches the endpoint's DNS zone group, which azurerm deletes and makes again when its
   * name or a zone ID changes: lift the lock for such a change (docs/evidence/account-private-endpoints.md).
   * @default - the account's `lock`, when it has one
   */
  readonly lock?: LockProps | false;
}

/**
 * Props of {@link OpenAiAccount}. The account takes no tags: {@link GovernanceTags} tags every
 * resource under a scope once.
 */
export interface OpenAiAccountProps {
  /** Account name: 2-64 letters, digits or hyphens, starting and ending with a letter or digit. */
  readonly name: string;
  /**
   * The account kind: `AIServices` (a Microsoft Foundry resource: Azure OpenAI and the other
   * Foundry models, projects, agents) or `OpenAI` (a classic Azure OpenAI resource). Both get
   * every guarantee of the library. Changing the kind of an existing account replaces it on
   * azurerm 4.55 (docs/FOUNDRY.md says how to migrate without a replacement).
   * @default "AIServices"
   */
  readonly kind?: AccountKind;
  /**
   * What happens when Microsoft upgrades this kind-`OpenAI` account to a Foundry resource:
   * `{ decision: "allow" }` keeps the upgraded account, `{ decision: "optOut", reason }` opts out
   * (azapi, preview API). Required for kind `OpenAI`, refused for `AIServices`.
   * @default - none: a kind-OpenAI account without it fails the synth
   */
  readonly foundryUpgrade?: FoundryUpgradeDecision;
  /**
   * Projects on the account (`project_management_enabled`), kind `AIServices` only. Once on it
   * cannot be turned off: azurerm replaces the account when it is switched off.
   * @default - true for kind AIServices, off for OpenAI
   */
  readonly projectManagement?: boolean;
  /**
   * A delegated subnet for Foundry Agent Service (`network_injection`, scenario `agent`), kind
   * `AIServices` only. Its range must be in 172.16.0.0/12 or 192.168.0.0/16 and at least a /27.
   * @default - none: no agent subnet
   */
  readonly agentSubnet?: AgentSubnet;
  /** Resource group the account is created in. */
  readonly resourceGroupName: string;
  /** Azure location; must offer Azure OpenAI (see `OPENAI_REGIONS`). */
  readonly location: string;
  /**
   * Custom subdomain (`https://<subdomain>.openai.azure.com`), required for private endpoints and
   * Entra ID authentication. Globally unique and cannot be changed once created.
   * @default - the account name
   */
  readonly customSubdomainName?: string;
  /**
   * Managed identities of the account.
   * @default - a system-assigned identity only
   */
  readonly managedIdentities?: ManagedIdentitiesProps;
  /**
   * Hosts the account may call while outbound access is restricted (for example a storage
   * account used for batch files).
   * @default - none
   */
  readonly allowedFqdns?: string[];
  /**
   * Weakenings of the secure defaults, each with a reason.
   * @default - none: public access off, local auth off, outbound restricted
   */
  readonly securityExceptions?: OpenAiAccountSecurityExceptions;
  /**
   * Keep stored completions on, with a reason (a weakening, shown in the compliance report).
   * Otherwise the account disables them through azapi (`storedCompletionsDisabled`, child
   * `stored-completions-off`, in the operation chain): see `stored-completions.ts`.
   * @default - stored completions disabled
   */
  readonly storedCompletions?: StoredCompletionsException;
  /**
   * Networks accepted on the public endpoint besides the private endpoints (IP and subnet
   * rules), which need `securityExceptions.publicNetworkAccess`. `network_acls` is always
   * emitted with `default_action = "Deny"` and `bypass = "None"` unless the rules say otherwise.
   * @default - no rules: everything not through a private endpoint is denied
   */
  readonly networkRules?: OpenAiNetworkRules;
  /**
   * A content filter (RAI policy) created before the deployments; every deployment without its
   * own `raiPolicyName` uses it.
   * @default - none: deployments use Azure's Microsoft.DefaultV2 policy
   */
  readonly contentFilter?: ContentFilterOptions;
  /**
   * Model deployments, created one after another in this order.
   * @default - none; add them later with `addDeployment`
   */
  readonly deployments?: ModelDeploymentOptions[];
  /**
   * Foundry projects on the account (kind `AIServices` with project management), created after
   * the deployments, one at a time, each with its own identity; child `project-<name>`.
   * @default - none; add them later with `addProject`
   */
  readonly projects?: FoundryProjectOptions[];
  /**
   * Protection from deletion: `prevent_destroy`, and by default a CanNotDelete lock on the
   * account, which its deployments and content filter inherit.
   * @default - none
   */
  readonly lock?: LockProps;
  /**
   * Roles on the account, by a stable key (the grantee key of each assignment's construct ID).
   * @default - none; grant more with `grantUse`, `grantManageDeployments`, `grantRead`
   */
  readonly roleAssignments?: RoleAssignmentsProps;
  /**
   * Where the account's logs and metrics go: one diagnostic setting per key, child
   * `diagnostics-<key>`, named after the key unless a name is given.
   * @default - none
   */
  readonly diagnosticSettings?: DiagnosticSettingsProps<OpenAiLogCategory>;
  /**
   * Encrypt the account's data with a key from Key Vault. Without `identityClientId` the
   * account's system-assigned identity reads the key: the account then gives it Get, WrapKey
   * and UnwrapKey on the vault (an access policy; Azure OpenAI needs a vault with access
   * policies). The key is set with `azurerm_cognitive_account_customer_managed_key` after the
   * access policy, in the account's operation chain, and the account ignores changes to its own
   * `customer_managed_key`. The vault and key are made elsewhere (`CustomerManagedKeyVault`).
   *
   * A key in a Managed HSM (`ManagedHsmKey.keyReference()`, for a FIPS 140-3 Level 3 policy):
   * the account gives its system-assigned identity a local RBAC role on that one key (child
   * `cmk-hsm-role`) and then sets the key through azapi (child `cmk-hsm`, Resource Manager's
   * `properties.encryption`), in its operation chain; `azurerm_cognitive_account_customer_managed_key`
   * refuses Managed HSM key IDs in azurerm 4.55, and the account's own inline block would set
   * the key at creation, before a system-assigned identity can hold a role. See
   * docs/evidence/managed-hsm.md.
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKey?: AccountCustomerManagedKeyProps;
  /**
   * Private endpoints of the account, by a stable key (child `private-endpoint-<key>`, so adding
   * one renames nothing). Each is an `OpenAiPrivateEndpoint` in the account's resource group
   * and location unless the entry says otherwise. `OpenAiPrivateEndpoint` stays usable on its
   * own, for an endpoint that belongs to another construct (the platform makes its own).
   * @default - none; add them later with `addPrivateEndpoint`
   */
  readonly privateEndpoints?: PrivateEndpointsProps<AccountPrivateEndpointOptions>;
}

/** What a Managed HSM key in the `customerManagedKey` prop made on an account. */
export interface AccountManagedHsmKey {
  /**
   * The local RBAC role of the system-assigned identity on the key (child `cmk-hsm-role`).
   * @default - none, when a user-assigned identity reads the key (`identityClientId`)
   */
  readonly roleAssignment?: KeyVaultManagedHardwareSecurityModuleRoleAssignment;
  /** The `azapi_update_resource` that sets the key on the account (child `cmk-hsm`). */
  readonly encryption: AzapiUpdateResource;
}

/**
 * A weakening in force on an account, for the compliance report.
 * @deprecated Use {@link AppliedException}, the one applied-weakening type; this alias goes in the next minor version.
 */
export type AppliedSecurityException = AppliedException;

const FQDN = /^(?=.{1,253}$)(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const ACCOUNT_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.CognitiveServices\/accounts\/[^/]+$/i;
const KEY_VAULT_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+$/i;
const VERSIONED_KEY_URI = /^https:\/\/[^/]+\/keys\/[^/]+\/[^/]+$/i;
const MANAGED_HSM_HOST = /^https:\/\/[^/]+\.managedhsm\./i;
const MANAGED_HSM_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/managedHSMs\/[^/]+$/i;
const HSM_KEY_NAME = /^[A-Za-z0-9-]{1,127}$/;

/**
 * The key permissions the account's system-assigned identity gets on a customer-managed key's
 * vault, exactly those Microsoft's Azure OpenAI encryption-at-rest page lists.
 */
export const CMK_KEY_PERMISSIONS: readonly string[] = Object.freeze(["Get", "WrapKey", "UnwrapKey"]);

/** What an account made elsewhere is known by, for {@link OpenAiAccount.fromAccountId}. */
export interface OpenAiAccountAttributes {
  /** Azure location of the account. */
  readonly location: string;
  /**
   * Account name.
   * @default - the last segment of the account ID
   */
  readonly accountName?: string;
  /**
   * Custom subdomain of the account.
   * @default - the account name
   */
  readonly customSubdomainName?: string;
  /**
   * Kind of the account: `AIServices` for a Foundry resource (projects can then be made on it,
   * and its private endpoints must register all three private DNS zones).
   * @default "OpenAI" - the kind of every account made by earlier releases
   */
  readonly kind?: AccountKind;
}

/** The resources the `customerManagedKey` prop made on an account. */
export interface AccountCustomerManagedKey {
  /**
   * The access policy that gives the system-assigned identity the key permissions.
   * @default - none, when the key is read with a user-assigned identity (`identityClientId`)
   */
  readonly accessPolicy?: KeyVaultAccessPolicyA;
  /** The `azurerm_cognitive_account_customer_managed_key` resource. */
  readonly resource: CognitiveAccountCustomerManagedKeyA;
}

/**
 * What an account made here and one made elsewhere share: their IDs and the grants. Roles
 * granted on either become children of the account construct.
 */
export abstract class OpenAiAccountBase extends ResourceRoleTarget implements IOpenAiAccount {
  /** Azure resource ID. */
  public abstract readonly accountId: string;
  /** Account name. */
  public abstract readonly accountName: string;
  /** Custom subdomain. */
  public abstract readonly customSubdomainName: string;
  /** Kind of the account. */
  public abstract readonly kind: AccountKind;

  /** Azure resource ID (the account ID), for constructs that connect to any chained resource. */
  public get resourceId(): string {
    return this.accountId;
  }

  /** Resource ID roles on the account are assigned at. */
  public get scopeId(): string {
    return this.accountId;
  }

  /** Lets `grantee` call the models (Cognitive Services OpenAI User): inference only, no keys. */
  public grantUse(grantee: IGrantee): RbacAssignment {
    return grantUse(this, grantee);
  }

  /** Lets `grantee` create and change deployments (Cognitive Services OpenAI Contributor). */
  public grantManageDeployments(grantee: IGrantee): RbacAssignment {
    return grantManageDeployments(this, grantee);
  }

  /** See {@link IOpenAiAccount.chainOperation}. */
  public abstract chainOperation(resource: TerraformResource): void;
}

/** The props OpenAiAccount accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const OPENAI_ACCOUNT_PROP_KEYS: PropKeys<OpenAiAccountProps> = { name: true, kind: true, foundryUpgrade: true, projectManagement: true, agentSubnet: true, resourceGroupName: true, location: true, customSubdomainName: true, managedIdentities: true, allowedFqdns: true, securityExceptions: { publicNetworkAccess: true, localAuth: true, unrestrictedOutbound: true }, storedCompletions: true, networkRules: true, contentFilter: true, deployments: true, projects: true, lock: LOCK_PROP_KEYS, roleAssignments: true, diagnosticSettings: true, customerManagedKey: true, privateEndpoints: true };

/**
 * A Microsoft Foundry resource (`azurerm_cognitive_account`, kind `AIServices` with project
 * management) or a classic Azure OpenAI account (kind `OpenAI`, with a reviewed decision on
 * Microsoft's upgrade), sku `S0`, secure by default either way: no public network access, no
 * API keys, outbound calls restricted, a managed identity, and a custom subdomain for Entra ID
 * and private endpoints.
 */
export class OpenAiAccount extends OpenAiAccountBase {
  /**
   * An account made elsewhere (another stack, another team), known by its resource ID: grant
   * roles on it, deploy models on it, connect a private endpoint to it. Terraform manages
   * nothing of the account itself. `chainOperation` does nothing: operations this app makes on
   * the account are not ordered after those of whoever owns it, so keep them few or order them
   * yourself with `depends_on`.
   */
  public static fromAccountId(scope: Construct, id: string, accountId: string, attributes: OpenAiAccountAttributes): IOpenAiAccount {
    return new ImportedOpenAiAccount(scope, id, accountId, attributes);
  }

  /** The `azurerm_cognitive_account` resource (also `node.defaultChild`). */
  public readonly resource: CognitiveAccount;
  /** Azure resource ID. */
  public readonly accountId: string;
  /** Account name. */
  public readonly accountName: string;
  /** Azure location. */
  public readonly location: string;
  /** Custom subdomain. */
  public readonly customSubdomainName: string;
  /** Kind of the account. */
  public readonly kind: AccountKind;
  /** Whether projects can be made on the account (`project_management_enabled`). */
  public readonly projectManagement: boolean;
  /** The upgrade decision of a kind-OpenAI account. */
  public readonly foundryUpgrade?: FoundryUpgradeDecision;
  /** The azapi update that opts the account out of the automatic upgrade (decision `optOut`). */
  public readonly foundryUpgradeOptOut?: AzapiUpdateResource;
  /** The azapi update that disables stored completions, unless `storedCompletions` keeps them on. */
  public readonly storedCompletionsOff?: AzapiUpdateResource;
  /** Weakenings in force, with their reasons. */
  public readonly securityExceptions: readonly AppliedException[];
  /** The content filter, when one was asked for. */
  public readonly contentFilter?: ContentFilter;
  /** The management lock of `lock`, when one was made. */
  public readonly lock?: ManagementLock;
  /** The assignments of `roleAssignments`, in key order. */
  public readonly roleAssignments: readonly RbacAssignment[];
  /** The settings of `diagnosticSettings`, by key. */
  public readonly diagnosticSettings: Readonly<Record<string, ResourceDiagnosticSetting>>;
  /** What `customerManagedKey` made, when it was given a Key Vault key. */
  public readonly customerManagedKey?: AccountCustomerManagedKey;
  /** What `customerManagedKey` made, when it was given a Managed HSM key. */
  public readonly customerManagedHsmKey?: AccountManagedHsmKey;

  private readonly operations = new OperationChain();
  private readonly deploymentNames: string[] = [];
  private readonly deploymentProblems: ((c: PropChecks) => void)[] = [];
  private readonly projectProblems: ((c: PropChecks) => void)[] = [];
  private invalidDeployments = 0;
  private readonly endpoints: Record<string, OpenAiPrivateEndpoint> = {};
  private readonly endpointEntries: { readonly key: string; readonly options: AccountPrivateEndpointOptions; readonly name: string }[] = [];
  private readonly endpointProblems: ((c: PropChecks) => void)[] = [];
  private readonly resourceGroupName: string;
  private readonly accountLock?: LockProps;

  constructor(scope: Construct, id: string, props: OpenAiAccountProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, OPENAI_ACCOUNT_PROP_KEYS));
    const exceptions = props.securityExceptions ?? {};
    this.accountName = props.name;
    this.location = props.location;
    this.customSubdomainName = props.customSubdomainName ?? props.name;
    this.kind = props.kind ?? DEFAULT_ACCOUNT_KIND;
    this.projectManagement = this.kind === "AIServices" && props.projectManagement !== false;
    this.foundryUpgrade = props.foundryUpgrade;
    this.resourceGroupName = props.resourceGroupName;
    this.accountLock = props.lock;
    this.securityExceptions = applyWeakenings(this, "securityExceptions", exceptions, ACCOUNT_WEAKENINGS);

    addPropChecks(this, (c) => this.checkProps(c, props));

    this.resource = new CognitiveAccount(this, "resource", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      kind: this.kind,
      skuName: "S0",
      customSubdomainName: this.customSubdomainName,
      // Left out for kind OpenAI, so accounts of earlier releases synthesize as before.
      projectManagementEnabled: this.kind === "AIServices" ? this.projectManagement : undefined,
      networkInjection: props.agentSubnet ? { scenario: "agent", subnetId: props.agentSubnet.subnetId } : undefined,
      publicNetworkAccessEnabled: exceptions.publicNetworkAccess !== undefined,
      localAuthEnabled: exceptions.localAuth !== undefined,
      outboundNetworkAccessRestricted: exceptions.unrestrictedOutbound === undefined,
      fqdns: props.allowedFqdns && props.allowedFqdns.length > 0 ? props.allowedFqdns : undefined,
      networkAcls: networkAclsBlock(props.networkRules),
      identity: identityBlock(props.managedIdentities),
    });
    this.node.defaultChild = this.resource;
    this.accountId = this.resource.id;
    this.foundryUpgradeOptOut = this.applyUpgradeDecision();
    this.storedCompletionsOff = applyStoredCompletions(this, this, props.storedCompletions);

    this.lock = applyLock(this, this.resource, props.lock);
    this.roleAssignments = applyRoleAssignments(this, props.roleAssignments);
    this.diagnosticSettings = addDiagnosticSettings(this, { targetResourceId: this.accountId, location: this.location }, props.diagnosticSettings, OPENAI_DIAGNOSTICS);

    if (props.contentFilter) {
      this.contentFilter = new ContentFilter(this, "content-filter", { ...props.contentFilter, account: this });
    }
    (props.deployments ?? []).forEach((d) => this.addDeployment(d));
    (props.projects ?? []).forEach((p) => this.addProject(p));
    const key = props.customerManagedKey;
    if (key && isManagedHsmKey(key)) this.customerManagedHsmKey = this.setManagedHsmKey(key);
    else if (key) this.customerManagedKey = this.setCustomerManagedKey(key);
    for (const [key, options] of Object.entries(props.privateEndpoints ?? {})) this.addPrivateEndpoint(key, options);
  }

  /**
   * Makes a private endpoint of the account, after every earlier operation on it: an
   * `OpenAiPrivateEndpoint`, child `private-endpoint-<key>`, in the account's resource group and
   * location unless `options` says otherwise, locked like the account unless `options.lock`
   * says otherwise. A key that cannot be a construct ID, or one used before, fails the synth
   * (the endpoint is then made under a stand-in ID, or the first one is returned).
   */
  public addPrivateEndpoint(key: string, options: AccountPrivateEndpointOptions): OpenAiPrivateEndpoint {
    const keyProblem = constructKeyProblem(key);
    if (keyProblem === undefined && this.endpoints[key] !== undefined) {
      this.endpointProblems.push((c) => c.fail("privateEndpoints", key, "allowed: each private endpoint key once"));
      return this.endpoints[key];
    }
    if (keyProblem !== undefined) this.endpointProblems.push((c) => c.fail("privateEndpoints", key, keyProblem));
    const id = keyProblem === undefined ? `private-endpoint-${key}` : `invalid-private-endpoint-${this.endpointProblems.length}`;
    const { lock, ...endpoint } = options ?? ({} as AccountPrivateEndpointOptions);
    const name = endpoint.name ?? `pe-${this.accountName}-${key}`;
    const made = new OpenAiPrivateEndpoint(this, id, {
      ...endpoint,
      name,
      resourceGroupName: endpoint.resourceGroupName ?? this.resourceGroupName,
      // AVM: a lock on the resource is applied to its private endpoints too, unless turned off.
      lock: lock === false ? undefined : (lock ?? inheritedLock(this.accountLock)),
      account: this,
    });
    if (keyProblem === undefined) {
      this.endpoints[key] = made;
      this.endpointEntries.push({ key, options: endpoint, name });
    }
    return made;
  }

  /** The private endpoints of `privateEndpoints` and `addPrivateEndpoint`, by key. */
  public get privateEndpoints(): Readonly<Record<string, OpenAiPrivateEndpoint>> {
    return { ...this.endpoints };
  }

  /**
   * Deploys a model on the account, after every earlier operation on it. The deployment's
   * construct ID is `deployment-<name>`, so the name must be a literal deployment name (2-64
   * letters, digits, '-', '_' or '.'). A second deployment of the same name, or of a name that
   * differs only in case (Azure compares deployment names without case), fails the synth and
   * returns the first. A deployment whose name is not valid fails the synth too; unless its
   * name is safe as a construct ID, it is made under a stand-in ID (`invalid-deployment-<n>`)
   * so that construction never fails.
   */
  public addDeployment(options: ModelDeploymentOptions): ModelDeployment {
    const name: unknown = options.name;
    const literal = typeof name === "string" && !isToken(name);
    if (literal) {
      this.deploymentNames.push(name);
      const existing = this.deployments.find((d) => typeof d.options.name === "string" && d.options.name.toLowerCase() === name.toLowerCase());
      if (existing) return existing;
    } else {
      // An invalid literal name is reported by the deployment itself; a reference cannot be checked there.
      this.deploymentProblems.push((c) =>
        c.fail("deployments[].name", name, `allowed: ${DEPLOYMENT_NAME_RULE}, known at synth (it becomes the construct ID deployment-<name>)`),
      );
    }
    // constructs rewrites "/" (and newlines) in IDs, so "gpt/4" would take the ID of "gpt--4":
    // such a name (refused by the deployment's checks) gets a stand-in ID instead.
    const safe = literal && name.length > 0 && name.length <= 64 && !/[/\n]/.test(name);
    const id = safe && this.node.tryFindChild(`deployment-${name}`) === undefined ? `deployment-${name}` : this.invalidDeploymentId();
    return new ModelDeployment(this, id, { ...options, account: this });
  }

  /**
   * Makes a Foundry project on the account, after every earlier operation on it (child
   * `project-<name>`, so the name must be known at synth). A second project of the same name,
   * ignoring case, fails the synth and returns the first.
   */
  public addProject(options: FoundryProjectOptions): FoundryProject {
    const name: unknown = options.name;
    if (typeof name !== "string" || isToken(name) || name.length === 0 || /[/\n]/.test(name)) {
      this.projectProblems.push((c) => c.fail("projects[].name", name, "allowed: a literal project name known at synth (it becomes the construct ID project-<name>)"));
      return new FoundryProject(this, `invalid-project-${this.projectProblems.length}`, { ...options, account: this });
    }
    const existing = this.projects.find((p) => p.projectName.toLowerCase() === name.toLowerCase());
    if (existing) {
      this.projectProblems.push((c) => c.fail("projects[].name", name, "allowed: each project name once, ignoring case"));
      return existing;
    }
    return new FoundryProject(this, `project-${name}`, { ...options, account: this });
  }

  /** The Foundry projects on the account, in creation order. */
  public get projects(): readonly FoundryProject[] {
    return this.node.children.filter((c): c is FoundryProject => c instanceof FoundryProject);
  }

  /** The model deployments on the account, in creation order (also those made with `new ModelDeployment`). */
  public get deployments(): readonly ModelDeployment[] {
    return ModelDeployment.onAccount(this);
  }

  /** See {@link IOpenAiAccount.chainOperation}. */
  public chainOperation(resource: TerraformResource): void {
    this.operations.add(resource);
  }

  /**
   * Adds attributes (snake_case, as in the Terraform JSON, for example `customer_managed_key`)
   * to the account's `lifecycle.ignore_changes`, keeping `prevent_destroy` and the attributes
   * already ignored. For settings another resource owns, such as the key set by
   * `azurerm_cognitive_account_customer_managed_key`.
   */
  public ignoreChanges(...attributes: string[]): void {
    const lifecycle = this.resource.lifecycle ?? {};
    const current = lifecycle.ignoreChanges;
    if (current === "all") return;
    const merged = [...(current ?? [])];
    for (const attribute of attributes) if (!merged.includes(attribute)) merged.push(attribute);
    this.resource.lifecycle = { ...lifecycle, ignoreChanges: merged };
  }

  /**
   * Carries out the upgrade decision of a kind-OpenAI account: `allow` keeps the attributes the
   * upgrade changes out of the diff; `optOut` sets `foundryAutoUpgrade.mode = Disabled` through
   * azapi (child `foundry-upgrade-opt-out`), in the operation chain: it writes the account.
   */
  private applyUpgradeDecision(): AzapiUpdateResource | undefined {
    if (this.kind !== "OpenAI" || this.foundryUpgrade === undefined) return undefined;
    if (this.foundryUpgrade.decision === "allow") {
      this.ignoreChanges(...FOUNDRY_UPGRADE_IGNORED_ATTRIBUTES);
      return undefined;
    }
    if (this.foundryUpgrade.decision !== "optOut") return undefined; // reported by the checks
    return updateAccount(this, "foundry-upgrade-opt-out", this, { type: FOUNDRY_AUTO_UPGRADE_TYPE, body: foundryOptOutBody() });
  }

  /** The access policy (unless a user-assigned identity reads the key) and the key setting, children `cmk-access-policy` and `cmk`. */
  private setCustomerManagedKey(key: CustomerManagedKeyProps): AccountCustomerManagedKey {
    const identity = this.resource.identity;
    const accessPolicy =
      key.identityClientId === undefined
        ? new KeyVaultAccessPolicyA(this, "cmk-access-policy", {
            keyVaultId: key.keyVaultId,
            tenantId: identity.tenantId,
            objectId: identity.principalId,
            keyPermissions: [...CMK_KEY_PERMISSIONS],
          })
        : undefined;
    const resource = new CognitiveAccountCustomerManagedKeyA(this, "cmk", {
      cognitiveAccountId: this.accountId,
      // Versioned on purpose: Microsoft says a rotated key must be set on the account again.
      keyVaultKeyId: key.keyUriWithVersion,
      identityClientId: key.identityClientId,
      dependsOn: accessPolicy ? [accessPolicy] : undefined,
    });
    this.chainOperation(resource);
    // The separate resource owns the encryption; without this the account's own (Optional, not
    // Computed) `customer_managed_key` would be planned away on every other apply.
    this.ignoreChanges("customer_managed_key");
    return { accessPolicy, resource };
  }

  /**
   * The system-assigned identity's role on the HSM key (unless a user-assigned identity reads
   * it) and the key setting, children `cmk-hsm-role` and `cmk-hsm`. Microsoft: grant the key
   * permissions before enabling CMK, and with a system-assigned identity create the resource
   * first; the update therefore depends on the role and follows the account's other operations.
   */
  private setManagedHsmKey(key: ManagedHsmCustomerManagedKeyProps): AccountManagedHsmKey {
    const roleAssignment =
      key.identityClientId === undefined
        ? assignManagedHsmKeyRole(this, "cmk-hsm-role", { managedHsmId: key.managedHsmId, keyName: key.keyName, principalId: this.resource.identity.principalId, role: key.role })
        : undefined;
    const encryption = updateAccount(this, "cmk-hsm", this, {
      type: MANAGED_HSM_ENCRYPTION_TYPE,
      body: managedHsmEncryptionBody(key),
      dependsOn: roleAssignment ? [roleAssignment] : undefined,
    });
    // As with a vault key: the account reads the key back into its (Optional, not Computed)
    // `customer_managed_key`; without this a later apply would plan it away, back to
    // Microsoft-managed keys (and, with project management, replace the account).
    this.ignoreChanges("customer_managed_key");
    return { roleAssignment, encryption };
  }

  private invalidDeploymentId(): string {
    let id: string;
    do id = `invalid-deployment-${++this.invalidDeployments}`;
    while (this.node.tryFindChild(id) !== undefined);
    return id;
  }

  private checkProps(c: PropChecks, props: OpenAiAccountProps): void {
    c.name("name", "openAiAccount", props.name);
    c.name("customSubdomainName", "openAiAccount", this.customSubdomainName);
    c.location("location", props.location, knownRegionNames(), "Azure OpenAI");
    checkManagedIdentities(c, props.managedIdentities);
    checkKindSettings(c, props);
    if (props.agentSubnet) checkAgentSubnet(c, "agentSubnet", props.agentSubnet);
    (props.allowedFqdns ?? []).forEach((fqdn, i) =>
      c.matches(`allowedFqdns[${i}]`, fqdn, FQDN, "a host name such as mystorage.blob.core.windows.net"),
    );
    c.unique("allowedFqdns", props.allowedFqdns ?? [], "host name", { ignoreCase: true });
    checkNetworkRules(c, props.networkRules, props.securityExceptions?.publicNetworkAccess !== undefined);
    for (const [setting, exception] of Object.entries(props.securityExceptions ?? {})) c.justification(`securityExceptions.${setting}`, exception);
    if (props.storedCompletions !== undefined) c.justification("storedCompletions", props.storedCompletions);
    c.unique("deployments", this.deploymentNames, "deployment name", { ignoreCase: true });
    this.deploymentProblems.forEach((problem) => problem(c));
    this.endpointProblems.forEach((problem) => problem(c));
    checkPrivateEndpointEntries(c, this.endpointEntries);
    this.projectProblems.forEach((problem) => problem(c));
    const key = props.customerManagedKey;
    if (key && isManagedHsmKey(key)) {
      checkManagedHsmKey(c, key, props.managedIdentities?.systemAssigned === false);
    } else if (key) {
      c.matches("customerManagedKey.keyVaultId", key.keyVaultId, KEY_VAULT_ID, "a Key Vault resource ID (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>)");
      c.matches("customerManagedKey.keyUriWithVersion", key.keyUriWithVersion, VERSIONED_KEY_URI, "a versioned key URI such as https://<vault>.vault.azure.net/keys/<name>/<version>");
      // azurerm_cognitive_account_customer_managed_key refuses Managed HSM key IDs (4.55); say so at synth.
      if (typeof key.keyUriWithVersion === "string" && !isToken(key.keyUriWithVersion) && MANAGED_HSM_HOST.test(key.keyUriWithVersion)) {
        c.fail("customerManagedKey.keyUriWithVersion", key.keyUriWithVersion, "allowed: a Key Vault key URI here; for a Managed HSM key give managedHsmId and keyName instead of keyVaultId (ManagedHsmKey.keyReference())");
      }
      if (key.identityClientId === undefined && props.managedIdentities?.systemAssigned === false) {
        c.fail("customerManagedKey.identityClientId", undefined, "allowed: the client ID of a user-assigned identity that reads the key, since the account has no system-assigned identity");
      }
    }
  }
}

/** The problems of a Managed HSM key in an account's `customerManagedKey`. */
function checkManagedHsmKey(c: PropChecks, key: ManagedHsmCustomerManagedKeyProps, noSystemIdentity: boolean): void {
  const prop = "customerManagedKey";
  if ((key as unknown as CustomerManagedKeyProps).keyVaultId !== undefined) {
    c.fail(`${prop}.keyVaultId`, (key as unknown as CustomerManagedKeyProps).keyVaultId, "allowed: either keyVaultId (a Key Vault key) or managedHsmId (a Managed HSM key), not both");
  }
  c.matches(`${prop}.managedHsmId`, key.managedHsmId, MANAGED_HSM_ID, "a Managed HSM resource ID (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/managedHSMs/<name>)");
  c.required(`${prop}.keyName`, key.keyName, "the name of the key in the HSM");
  c.matches(`${prop}.keyName`, key.keyName, HSM_KEY_NAME, "1-127 letters, digits or hyphens");
  c.required(`${prop}.keyUriWithVersion`, key.keyUriWithVersion, "the versioned key ID");
  c.matches(`${prop}.keyUriWithVersion`, key.keyUriWithVersion, MANAGED_HSM_VERSIONED_KEY_ID, "a versioned Managed HSM key ID such as https://<hsm>.managedhsm.azure.net/keys/<name>/<version>");
  const named = typeof key.keyUriWithVersion === "string" && !isToken(key.keyUriWithVersion) ? key.keyUriWithVersion.split("/")[4] : undefined;
  if (named !== undefined && typeof key.keyName === "string" && !isToken(key.keyName) && named !== key.keyName) {
    c.fail(`${prop}.keyName`, key.keyName, `allowed: the key the ID names (${named}); the role is scoped to that key`);
  }
  c.oneOf(`${prop}.role`, key.role, MANAGED_HSM_KEY_ROLE_NAMES);
  if (key.identityClientId === undefined && noSystemIdentity) {
    c.fail(`${prop}.identityClientId`, undefined, "allowed: the client ID of a user-assigned identity that holds a role on the key, since the account has no system-assigned identity");
  }
}

/** An account made elsewhere: IDs and grants, no resources (see {@link OpenAiAccount.fromAccountId}). */
class ImportedOpenAiAccount extends OpenAiAccountBase {
  public readonly accountId: string;
  public readonly accountName: string;
  public readonly location: string;
  public readonly customSubdomainName: string;
  public readonly kind: AccountKind;

  constructor(scope: Construct, id: string, accountId: string, attributes: OpenAiAccountAttributes) {
    super(scope, id);
    this.accountId = accountId;
    this.kind = attributes.kind ?? "OpenAI";
    this.location = attributes.location;
    // /subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.CognitiveServices/accounts/<name>: part 8 of the split.
    this.accountName = attributes.accountName ?? (isToken(accountId) ? Fn.element(Fn.split("/", accountId), 8) : (accountId.split("/")[8] ?? ""));
    this.customSubdomainName = attributes.customSubdomainName ?? this.accountName;
    addPropChecks(this, (c) => {
      c.matches("accountId", accountId, ACCOUNT_ID, "an Azure OpenAI account resource ID (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.CognitiveServices/accounts/<name>)");
      c.required("location", attributes.location, "the account's Azure location");
      c.name("accountName", "openAiAccount", attributes.accountName);
      c.name("customSubdomainName", "openAiAccount", attributes.customSubdomainName);
      c.oneOf("kind", attributes.kind, ["AIServices", "OpenAI"]);
    });
  }

  /** Does nothing: the account's operations are not this app's to order (see {@link OpenAiAccount.fromAccountId}). */
  public chainOperation(_resource: TerraformResource): void {}
}

/** The account's lock for one of its endpoints: the same protection and reason, the endpoint's own lock name. */
function inheritedLock(lock: LockProps | undefined): LockProps | undefined {
  return lock === undefined ? undefined : { reason: lock.reason, protection: lock.protection };
}

/**
 * What no single endpoint can see: two endpoints of the account with one name (Azure compares
 * names without case), or one static address given to two endpoints in one subnet.
 */
function checkPrivateEndpointEntries(c: PropChecks, entries: readonly { readonly key: string; readonly options: AccountPrivateEndpointOptions; readonly name: string }[]): void {
  const names = new Map<string, string>();
  const addresses = new Map<string, string>();
  for (const { key, options, name } of entries) {
    if (!isToken(name)) {
      const first = names.get(name.toLowerCase());
      if (first !== undefined) c.fail(`privateEndpoints.${key}.name`, name, `allowed: a name no other private endpoint of the account has, ignoring case (the endpoint of key ${JSON.stringify(first)} has it)`);
      else names.set(name.toLowerCase(), key);
    }
    const ip = options.privateIpAddress;
    if (ip !== undefined && !isToken(ip) && typeof options.subnetId === "string" && !isToken(options.subnetId)) {
      const slot = `${options.subnetId.toLowerCase()} ${ip}`;
      const first = addresses.get(slot);
      if (first !== undefined) c.fail(`privateEndpoints.${key}.privateIpAddress`, ip, `allowed: an address no other endpoint in the subnet has (the endpoint of key ${JSON.stringify(first)} has it)`);
      else addresses.set(slot, key);
    }
  }
}
