import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Fn, TerraformStack } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { applyWeakenings, WeakeningMap } from "../core/applied-weakening";
import { WEAKENING_KEYS } from "../core/weakening-keys";
import { Justification } from "../core/justification";
import { addPropChecks, isToken } from "../core/validation";
import { ENTRA_OBJECT_ID_PATTERN, PRINCIPAL_TYPES, PrincipalType } from "./principal";
import { ResolvedRole, resolveRole, roleDefinitionId, RoleSpec } from "./role-ref";
import { currentSubscription } from "./private/subscription";
import { PropKeys } from "../core/known-props";

/** Props of {@link RbacAssignment}. */
export interface RbacAssignmentProps {
  /** Azure resource ID the role is assigned on (often a Terraform reference). */
  readonly scope: string;
  /** Entra object ID of the principal: a GUID, unless it is a Terraform reference. */
  readonly principalId: string;
  /** Kind of principal. Required: it avoids failures while a new principal replicates. */
  readonly principalType: PrincipalType;
  /** The role: a built-in key such as `"OpenAiUser"` or `{ customRoleDefinitionId }`. */
  readonly role: RoleSpec;
  /**
   * Required for Owner, Contributor, User Access Administrator and Cognitive Services
   * Contributor; the reason is written to the assignment's description.
   * @default - none: privileged roles fail the synth
   */
  readonly privileged?: Justification;
  /**
   * Description of the assignment; a privileged reason is appended. Literal text: `${` and
   * `%{` are refused (Terraform would evaluate them), a token of this app is accepted.
   * @default - none, or the privileged reason
   */
  readonly description?: string;
}

/** The neutral key the one weakening of an assignment, a privileged role, is acknowledged under. */
const ASSIGNMENT_WEAKENINGS: WeakeningMap<"privileged"> = { privileged: WEAKENING_KEYS.privilegedRole };

const SCOPE_PATTERN = /^\/(subscriptions|providers)\/[^/]+(\/[^/]+)*$/i;
const registries = new WeakMap<TerraformStack, Map<string, RbacAssignment>>();

/** The props RbacAssignment accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const RBAC_ASSIGNMENT_PROP_KEYS: PropKeys<RbacAssignmentProps> = { scope: true, principalId: true, principalType: true, role: true, privileged: true, description: true };

/**
 * A role assignment (`azurerm_role_assignment`) that is least-privilege by construction:
 * the role definition ID in subscription form, a deterministic name (Terraform's `uuidv5` of
 * scope, principal and role, so a re-synth never renames it), `principal_type` set, and
 * privileged roles only with a stated reason. One assignment per scope, principal and role per
 * stack: a second one fails validation (the grant functions return the first instead).
 */
export class RbacAssignment extends Construct {
  /**
   * The assignment of `role` to `principalId` on `scopeId` already made in the stack of
   * `scope`, or undefined. Token strings of the same reference are equal, so references match.
   */
  public static find(scope: IConstruct, scopeId: string, principalId: string, role: RoleSpec): RbacAssignment | undefined {
    return registry(scope).get(assignmentKey(scopeId, principalId, resolveRole(role)));
  }

  /** The `azurerm_role_assignment` resource. */
  public readonly resource: RoleAssignment;
  /** Azure resource ID the role is assigned on. */
  public readonly scopeId: string;
  /** Entra object ID of the principal. */
  public readonly principalId: string;
  /** Kind of principal. */
  public readonly principalType: PrincipalType;
  /** The role, looked up in the catalog. */
  public readonly role: ResolvedRole;
  /** The emitted `role_definition_id`. */
  public readonly roleDefinitionId: string;
  /** The emitted `description`, if any. */
  public readonly description?: string;
  /** The reason given for a privileged role, if any. */
  public readonly privilegedReason?: string;

  constructor(scope: Construct, id: string, props: RbacAssignmentProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, RBAC_ASSIGNMENT_PROP_KEYS));
    this.scopeId = props.scope;
    this.principalId = props.principalId;
    this.principalType = props.principalType;
    this.role = resolveRole(props.role);
    this.roleDefinitionId = roleDefinitionId(this.role, currentSubscription(this).id);
    this.description = describe(props.description, props.privileged);
    this.privilegedReason = props.privileged?.reason;
    applyWeakenings(this, "", { privileged: props.privileged }, ASSIGNMENT_WEAKENINGS);

    const key = assignmentKey(props.scope, props.principalId, this.role);
    const stackRegistry = registry(this);
    const first = stackRegistry.get(key);
    if (first === undefined) stackRegistry.set(key, this);

    this.resource = new RoleAssignment(this, "resource", {
      name: Fn.uuidv5("url", Fn.lower(Fn.join("|", [props.scope, props.principalId, this.role.identity]))),
      scope: props.scope,
      principalId: props.principalId,
      principalType: props.principalType,
      roleDefinitionId: this.roleDefinitionId,
      description: this.description,
    });
    this.node.defaultChild = this.resource;

    addPropChecks(this, (c) => {
      c.matches("principalId", props.principalId, ENTRA_OBJECT_ID_PATTERN, "an Entra object ID (GUID 8-4-4-4-12), or a Terraform reference");
      if (props.principalType === undefined) c.fail("principalType", undefined, `allowed: ${PRINCIPAL_TYPES.join(", ")}`);
      c.oneOf("principalType", props.principalType, PRINCIPAL_TYPES);
      c.matches("scope", props.scope, SCOPE_PATTERN, "an Azure resource ID starting /subscriptions/ or /providers/, or a Terraform reference");
      if (this.role.problem) c.fail("role", props.role, this.role.problem);
      if (this.role.privileged && props.privileged === undefined) {
        c.fail(
          "role",
          props.role,
          `allowed: ${this.role.displayName} is privileged; grant a least-privilege role (OpenAiUser, OpenAiContributor, Reader) or set privileged: { reason } to assign it`,
        );
      }
      c.justification("privileged", props.privileged);
      c.literalText("description", props.description);
      if (first !== undefined) {
        c.fail("role", props.role, `allowed: one assignment per scope, principal and role; ${first.node.path} already assigns it`);
      }
    });
  }
}

function registry(scope: IConstruct): Map<string, RbacAssignment> {
  const stack = TerraformStack.of(scope);
  let map = registries.get(stack);
  if (map === undefined) registries.set(stack, (map = new Map()));
  return map;
}

/** Same scope, principal and role give the same key; literal IDs compare without case, as Azure does. */
function assignmentKey(scopeId: string, principalId: string, role: ResolvedRole): string {
  const norm = (value: string) => (isToken(value) ? value : value.toLowerCase());
  return [norm(scopeId), norm(principalId), norm(role.identity)].join("|");
}

function describe(description: string | undefined, privileged: Justification | undefined): string | undefined {
  const parts = [description, privileged ? `Privileged: ${privileged.reason}` : undefined].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(". ") : undefined;
}
