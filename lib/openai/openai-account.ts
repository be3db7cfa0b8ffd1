import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { dependable, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { nameProblem } from "../core/naming";
import { grantManageDeployments, grantRead, grantUse } from "../identity/grants";
import { IGrantee } from "../identity/principal";
import { RbacAssignment } from "../identity/role-assignment";
import { IRoleTarget } from "../identity/role-target";
import { checkGovernanceTags, governanceTags } from "../core/tags";
import { addPropChecks, isToken, PropChecks } from "../core/validation";
import { checkNetworkRules, networkAclsBlock, OpenAiNetworkRules } from "../network/network-rules";
import { findRegion, knownRegionNames } from "../core/region-catalog";
import { ContentFilter, ContentFilterOptions } from "./content-filter";
import { DEPLOYMENT_NAME_RULE, ModelDeploymentOptions } from "./deployment-options";
import { ModelDeployment } from "./model-deployment";
import { IOpenAiAccount } from "./openai-account-ref";

/** A deliberate weakening of a secure default, with the reason an auditor will read. */
export interface SecurityException {
  /** Why the weakening is needed (at least 10 characters). */
  readonly reason: string;
}

/** Weakenings of the account's secure defaults. Each one is listed in `securityExceptions`. */
export interface OpenAiAccountSecurityExceptions {
  /**
   * Turn public network access on. Traffic from the internet can then reach the account,
   * limited only by network ACLs.
   * @default - public network access off
   */
  readonly publicNetworkAccess?: SecurityException;
  /**
   * Turn local authentication (API keys) on. Keys bypass Entra ID, RBAC and its audit trail.
   * @default - local authentication off: Entra ID only
   */
  readonly localAuth?: SecurityException;
  /**
   * Let the account call any outbound address instead of only `allowedFqdns`.
   * @default - outbound network access restricted
   */
  readonly unrestrictedOutbound?: SecurityException;
}

/** Managed identities of the account. */
export interface OpenAiAccountIdentity {
  /**
   * Give the account a system-assigned identity.
   * @default true
   */
  readonly systemAssigned?: boolean;
  /**
   * User-assigned identities to attach (resource IDs), for example the identity a
   * customer-managed key is read with.
   * @default - none
   */
  readonly userAssignedIdentityIds?: string[];
}

/** Props of {@link OpenAiAccount}. */
export interface OpenAiAccountProps {
  /** Account name: 2-64 letters, digits or hyphens, starting and ending with a letter or digit. */
  readonly name: string;
  /** Resource group the account is created in. */
  readonly resourceGroupName: string;
  /** Azure location; must offer Azure OpenAI (see `OPENAI_REGIONS`). */
  readonly location: string;
  /** Environment name, written to the `environment` tag. */
  readonly environment: string;
  /**
   * Accountable team or person, written to the `owner` tag. Literal text: `${` and `%{` are
   * refused (Terraform would evaluate them), as in every tag value.
   */
  readonly owner: string;
  /**
   * Data-residency promise, written to the `data-residency` tag.
   * @default - the region's data zone in lower case (`eu`, `us`), else the location
   */
  readonly dataResidency?: string;
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
  readonly identity?: OpenAiAccountIdentity;
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
   * Extra tags. The governance tags (environment, owner, data-residency, managed-by) override
   * keys of the same name.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

/** A weakening in force on an account, for the compliance report. */
export interface AppliedSecurityException {
  /** Which default was weakened. */
  readonly setting: keyof OpenAiAccountSecurityExceptions;
  /** The stated reason. */
  readonly reason: string;
}

const FQDN = /^(?=.{1,253}$)(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

/**
 * An Azure OpenAI account (`azurerm_cognitive_account`, kind `OpenAI`, sku `S0`) that is secure
 * by default: no public network access, no API keys, outbound calls restricted, a managed
 * identity, and a custom subdomain for Entra ID and private endpoints.
 */
export class OpenAiAccount extends Construct implements IOpenAiAccount, IRoleTarget {
  /** The `azurerm_cognitive_account` resource. */
  public readonly resource: CognitiveAccount;
  /** Azure resource ID. */
  public readonly accountId: string;
  /** Account name. */
  public readonly accountName: string;
  /** Azure location. */
  public readonly location: string;
  /** Custom subdomain. */
  public readonly customSubdomainName: string;
  /** Data-residency tag value. */
  public readonly dataResidency: string;
  /** Weakenings in force, with their reasons. */
  public readonly securityExceptions: readonly AppliedSecurityException[];

  /** The content filter, when one was asked for. */
  public readonly contentFilter?: ContentFilter;

  private readonly deploymentList: ModelDeployment[] = [];
  private readonly duplicateDeploymentNames: string[] = [];
  private readonly deploymentProblems: ((c: PropChecks) => void)[] = [];
  private invalidDeployments = 0;
  private lastOperation?: TerraformResource;

  constructor(scope: Construct, id: string, props: OpenAiAccountProps) {
    super(scope, id);
    const exceptions = props.securityExceptions ?? {};
    this.accountName = props.name;
    this.location = props.location;
    this.customSubdomainName = props.customSubdomainName ?? props.name;
    this.dataResidency = props.dataResidency ?? defaultResidency(props.location);
    this.securityExceptions = (Object.keys(exceptions) as (keyof OpenAiAccountSecurityExceptions)[])
      .filter((setting) => exceptions[setting] !== undefined)
      .map((setting) => ({ setting, reason: exceptions[setting]!.reason }));

    addPropChecks(this, (c) => this.checkProps(c, props));

    const identity = props.identity ?? {};
    const systemAssigned = identity.systemAssigned ?? true;
    const userAssigned = identity.userAssignedIdentityIds ?? [];
    this.resource = new CognitiveAccount(this, "resource", {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      kind: "OpenAI",
      skuName: "S0",
      customSubdomainName: this.customSubdomainName,
      publicNetworkAccessEnabled: exceptions.publicNetworkAccess !== undefined,
      localAuthEnabled: exceptions.localAuth !== undefined,
      outboundNetworkAccessRestricted: exceptions.unrestrictedOutbound === undefined,
      fqdns: props.allowedFqdns && props.allowedFqdns.length > 0 ? props.allowedFqdns : undefined,
      networkAcls: networkAclsBlock(props.networkRules),
      identity: identityBlock(systemAssigned, userAssigned),
      tags: governanceTags(
        { environment: props.environment, owner: props.owner, dataResidency: this.dataResidency },
        props.tags,
      ),
    });
    this.accountId = this.resource.id;

    if (props.contentFilter) {
      this.contentFilter = new ContentFilter(this, "content-filter", { ...props.contentFilter, account: this });
    }
    (props.deployments ?? []).forEach((d) => this.addDeployment(d));
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
      const existing = this.deploymentList.find((d) => typeof d.options.name === "string" && d.options.name.toLowerCase() === name.toLowerCase());
      if (existing) {
        if (existing.options.name === name) this.duplicateDeploymentNames.push(name);
        else {
          const first = existing.options.name;
          this.deploymentProblems.push((c) =>
            c.fail("deployments", name, `allowed: each deployment name once per account, ignoring case (Azure treats ${JSON.stringify(first)} and ${JSON.stringify(name)} as the same deployment)`),
          );
        }
        return existing;
      }
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

  /** Lets `grantee` read the account's configuration (Reader). */
  public grantRead(grantee: IGrantee): RbacAssignment {
    return grantRead(this, grantee);
  }

  /** The model deployments, in creation order. */
  public get deployments(): readonly ModelDeployment[] {
    return this.deploymentList;
  }

  /** Records a deployment made on the account (called by {@link ModelDeployment}); see {@link IOpenAiAccount.registerDeployment}. */
  public registerDeployment(deployment: ModelDeployment): void {
    this.deploymentList.push(deployment);
  }

  /** See {@link IOpenAiAccount.chainOperation}. */
  public chainOperation(resource: TerraformResource): void {
    const previous = this.lastOperation;
    if (previous) resource.dependsOn = [...(resource.dependsOn ?? []), dependable(previous)];
    this.lastOperation = resource;
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

  private invalidDeploymentId(): string {
    let id: string;
    do id = `invalid-deployment-${++this.invalidDeployments}`;
    while (this.node.tryFindChild(id) !== undefined);
    return id;
  }

  private checkProps(c: PropChecks, props: OpenAiAccountProps): void {
    const nameRule = nameProblem("openAiAccount", props.name);
    if (nameRule) c.fail("name", props.name, nameRule);
    const subdomainRule = nameProblem("openAiAccount", this.customSubdomainName);
    if (subdomainRule) c.fail("customSubdomainName", this.customSubdomainName, subdomainRule);
    if (!findRegion(props.location)) {
      c.fail("location", props.location, `Azure OpenAI is offered in: ${knownRegionNames().join(", ")}`);
    }
    if (!props.owner || props.owner.trim() === "") c.fail("owner", props.owner, "allowed: a team or person accountable for the account");
    checkGovernanceTags(c, { environment: props.environment, owner: props.owner, dataResidency: this.dataResidency }, props.tags);
    const identity = props.identity ?? {};
    if (identity.systemAssigned === false && (identity.userAssignedIdentityIds ?? []).length === 0) {
      c.fail("identity", identity, "allowed: a system-assigned identity, user-assigned identities, or both (Entra ID needs one)");
    }
    (props.allowedFqdns ?? []).forEach((fqdn, i) =>
      c.matches(`allowedFqdns[${i}]`, fqdn, FQDN, "a host name such as mystorage.blob.core.windows.net"),
    );
    checkNetworkRules(c, props.networkRules, props.securityExceptions?.publicNetworkAccess !== undefined);
    for (const applied of this.securityExceptions) c.reason(`securityExceptions.${applied.setting}.reason`, applied.reason);
    if (this.duplicateDeploymentNames.length > 0) {
      c.fail("deployments", this.duplicateDeploymentNames, "allowed: each deployment name once per account");
    }
    this.deploymentProblems.forEach((problem) => problem(c));
  }
}

function identityBlock(systemAssigned: boolean, userAssignedIds: string[]) {
  const hasUser = userAssignedIds.length > 0;
  if (!systemAssigned && !hasUser) return undefined;
  const type = systemAssigned && hasUser ? "SystemAssigned, UserAssigned" : systemAssigned ? "SystemAssigned" : "UserAssigned";
  return { type, identityIds: hasUser ? userAssignedIds : undefined };
}

function defaultResidency(location: string): string {
  return findRegion(location)?.dataZone?.toLowerCase() ?? location;
}
