import { Construct } from "constructs";

/**
 * A construct a role can be assigned on, such as an OpenAI account or a log workspace. Role
 * assignments made by the grant functions become its children, so their Terraform addresses
 * follow the target's. For a scope known only by its ID, use {@link RoleScope}.
 */
export interface IRoleTarget extends Construct {
  /** Azure resource ID the role is assigned on (often a Terraform reference). */
  readonly scopeId: string;
}

/** Props of {@link RoleScope}. */
export interface RoleScopeProps {
  /** Azure resource ID of the scope: a resource, resource group, subscription or management group. */
  readonly scopeId: string;
}

/**
 * A scope known only by its ID (a resource from another stack, a resource group), to grant roles
 * on with the grant functions: `grantRead(new RoleScope(this, "rg", { scopeId }), grantee)`.
 */
export class RoleScope extends Construct implements IRoleTarget {
  /** Azure resource ID of the scope. */
  public readonly scopeId: string;

  constructor(scope: Construct, id: string, props: RoleScopeProps) {
    super(scope, id);
    this.scopeId = props.scopeId;
  }
}
