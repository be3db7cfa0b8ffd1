import { Construct, IConstruct } from "constructs";
import { PropKeys } from "../core/known-props";
import { addPropChecks } from "../core/validation";

/**
 * A construct a role can be assigned on, such as an OpenAI account or a log workspace. Role
 * assignments made on it ({@link RoleGrants.of}, the grant functions) become its children, so
 * their Terraform addresses follow the target's; it must therefore be a construct. For a scope
 * known only by its ID, use {@link RoleScope}.
 */
export interface IRoleTarget extends IConstruct {
  /** Azure resource ID the role is assigned on (often a Terraform reference). */
  readonly scopeId: string;
}

/** Props of {@link RoleScope}. */
export interface RoleScopeProps {
  /** Azure resource ID of the scope: a resource, resource group, subscription or management group. */
  readonly scopeId: string;
}

/** The props RoleScope accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const ROLE_SCOPE_PROP_KEYS: PropKeys<RoleScopeProps> = { scopeId: true };

/**
 * A scope known only by its ID (a resource from another stack, a resource group), to grant roles
 * on with the grant functions: `grantRead(new RoleScope(this, "rg", { scopeId }), grantee)`.
 */
export class RoleScope extends Construct implements IRoleTarget {
  /** Azure resource ID of the scope. */
  public readonly scopeId: string;

  constructor(scope: Construct, id: string, props: RoleScopeProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, ROLE_SCOPE_PROP_KEYS));
    this.scopeId = props.scopeId;
  }
}
