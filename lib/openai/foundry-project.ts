import { CognitiveAccountProject } from "@cdktf/provider-azurerm/lib/cognitive-account-project";
import { ManagementLock } from "@cdktf/provider-azurerm/lib/management-lock";
import { Construct } from "constructs";
import { applyLock, LockProps } from "../core/features/lock";
import { checkManagedIdentities, identityBlock, ManagedIdentitiesProps } from "../core/features/managed-identities";
import { addPropChecks, isToken, PropChecks } from "../core/validation";
import { grantRole, GrantOptions } from "../identity/grants";
import { IGrantee } from "../identity/principal";
import { RbacAssignment } from "../identity/role-assignment";
import { applyRoleAssignments, RoleAssignmentsProps } from "../identity/role-assignments-prop";
import { IRoleTarget } from "../identity/role-target";
import { IOpenAiAccount } from "./openai-account-ref";
import { PropKeys } from "../core/known-props";
import { LOCK_PROP_KEYS } from "../core/features/lock-keys";

/** Project names: 2-64 letters, digits, '-', '_' or '.', starting with a letter or digit (azurerm 4.55). */
export const PROJECT_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/;

/** The rule of {@link PROJECT_NAME_PATTERN} in words. */
export const PROJECT_NAME_RULE = "2-64 letters, digits, '-', '_' or '.', starting with a letter or digit";

/** What a project is, besides the account it belongs to: the options of `addProject`. */
export interface FoundryProjectOptions {
  /** Project name, the last segment of its ID and its endpoint path ({@link PROJECT_NAME_RULE}). */
  readonly name: string;
  /**
   * Name shown in the Foundry portal. Once set it cannot be emptied without replacing the
   * project (the API refuses empty values; azurerm 4.55 then forces a new resource).
   * @default - none
   */
  readonly displayName?: string;
  /**
   * What the project is for. Like `displayName`, it cannot be emptied in place.
   * @default - none
   */
  readonly description?: string;
  /**
   * The project's own managed identities (azurerm requires one): agents and connections of the
   * project act as it, not as the account.
   * @default - a system-assigned identity only
   */
  readonly managedIdentities?: ManagedIdentitiesProps;
  /**
   * Roles on the project, by a stable key (the grantee key of each assignment's construct ID),
   * for example `{ "team-a": { principalId, principalType: "Group", role: "FoundryUser" } }`.
   * @default - none; grant more with `grantUse`, `grantManage`, `grantRead`
   */
  readonly roleAssignments?: RoleAssignmentsProps;
  /**
   * Protection from deletion: `prevent_destroy`, and by default a CanNotDelete lock on the project.
   * @default - none (a lock on the account is inherited by its projects)
   */
  readonly lock?: LockProps;
}

/** Props of {@link FoundryProject}. */
export interface FoundryProjectProps extends FoundryProjectOptions {
  /**
   * The Foundry resource the project belongs to: kind `AIServices`, with project management on
   * (`OpenAiAccount` checks its identity and custom subdomain itself). The project joins its
   * operation chain.
   */
  readonly account: IOpenAiAccount;
}

/** The props FoundryProject accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const FOUNDRY_PROJECT_PROP_KEYS: PropKeys<FoundryProjectProps> = { account: true, name: true, displayName: true, description: true, managedIdentities: true, roleAssignments: true, lock: LOCK_PROP_KEYS };

/**
 * A Microsoft Foundry project (`azurerm_cognitive_account_project`): the unit of access, data
 * isolation and cost inside a Foundry resource, with its own managed identity. It is created in
 * the account's operation chain, after the account's earlier children: azurerm 4.x takes no lock
 * on the parent account for projects (5.2 does), and Azure runs one operation on an account at a
 * time (409 "Another operation is being performed on the parent resource").
 */
export class FoundryProject extends Construct implements IRoleTarget {
  /** The `azurerm_cognitive_account_project` resource (also `node.defaultChild`). */
  public readonly resource: CognitiveAccountProject;
  /** The account the project belongs to. */
  public readonly account: IOpenAiAccount;
  /** Project name. */
  public readonly projectName: string;
  /** Azure resource ID of the project. */
  public readonly projectId: string;
  /**
   * The endpoint Foundry SDKs call for this project:
   * `https://<subdomain>.services.ai.azure.com/api/projects/<name>`.
   */
  public readonly endpoint: string;
  /** The assignments of `roleAssignments`, in key order. */
  public readonly roleAssignments: readonly RbacAssignment[];
  /** The management lock of `lock`, when one was made. */
  public readonly lock?: ManagementLock;

  constructor(scope: Construct, id: string, props: FoundryProjectProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, FOUNDRY_PROJECT_PROP_KEYS));
    this.account = props.account;
    this.projectName = props.name;
    addPropChecks(this, (c) => checkProjectProps(c, props));

    this.resource = new CognitiveAccountProject(this, "resource", {
      name: props.name,
      cognitiveAccountId: props.account.accountId,
      location: props.account.location,
      displayName: props.displayName,
      description: props.description,
      // The provider requires an identity; an invalid choice is reported above.
      identity: identityBlock(props.managedIdentities) ?? { type: "SystemAssigned" },
    });
    this.node.defaultChild = this.resource;
    props.account.chainOperation(this.resource);
    this.projectId = this.resource.id;
    this.endpoint = `https://${props.account.customSubdomainName}.services.ai.azure.com/api/projects/${props.name}`;
    this.lock = applyLock(this, this.resource, props.lock);
    this.roleAssignments = applyRoleAssignments(this, props.roleAssignments);
  }

  /** Resource ID roles on the project are assigned at. */
  public get scopeId(): string {
    return this.projectId;
  }

  /** The principal ID of the project's system-assigned identity (known after apply). */
  public get principalId(): string {
    return this.resource.identity.principalId;
  }

  /** Lets `grantee` build in the project: agents, evaluations, model calls (Foundry User). */
  public grantUse(grantee: IGrantee): RbacAssignment {
    return grantRole(this, grantee, "FoundryUser");
  }

  /**
   * Lets `grantee` manage the project and give others Foundry User on it (Foundry Project
   * Manager). Privileged: it changes access, so it needs a stated reason.
   */
  public grantManage(grantee: IGrantee, options: GrantOptions & Required<Pick<GrantOptions, "privileged">>): RbacAssignment {
    return grantRole(this, grantee, "FoundryProjectManager", options);
  }

  /** Lets `grantee` read the project's configuration (Reader). */
  public grantRead(grantee: IGrantee): RbacAssignment {
    return grantRole(this, grantee, "Reader");
  }
}

/** Checks a project's props against the account it goes on and azurerm's rules. */
function checkProjectProps(c: PropChecks, props: FoundryProjectProps): void {
  c.matches("name", props.name, PROJECT_NAME_PATTERN, PROJECT_NAME_RULE);
  for (const prop of ["displayName", "description"] as const) {
    const value = props[prop];
    if (value === undefined) continue;
    c.literalText(prop, value);
    if (!isToken(value) && typeof value === "string" && value.trim() === "") {
      c.fail(prop, value, "allowed: non-empty text, or leave it out (Azure refuses an empty value)");
    }
  }
  checkManagedIdentities(c, props.managedIdentities);
  const account = props.account;
  if (account.kind !== "AIServices") {
    c.fail("account.kind", account.kind, 'allowed: "AIServices": projects exist only on Foundry resources');
  }
  const projectManagement = (account as { readonly projectManagement?: boolean }).projectManagement;
  if (account.kind === "AIServices" && projectManagement === false) {
    c.fail("account.projectManagement", false, "allowed: true: projects need project management on the account (project_management_enabled)");
  }
}
