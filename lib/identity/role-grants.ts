import { Construct, IConstruct } from "constructs";
import { Justification } from "../core/justification";
import { addPropChecks, constructKeyProblem, isToken } from "../core/validation";
import { IGrantee } from "./principal";
import { freeChildId } from "./private/child-id";
import { RbacAssignment } from "./role-assignment";
import { resolveRole, RoleSpec } from "./role-ref";
import { IRoleTarget } from "./role-target";

/** Options of a grant ({@link RoleGrants.role}, {@link grantRole}). */
export interface GrantOptions {
  /**
   * Reason for a privileged role (Owner, Contributor, User Access Administrator, Cognitive
   * Services Contributor), written to the description.
   * @default - none: privileged roles fail the synth
   */
  readonly privileged?: Justification;
  /**
   * Description of the assignment.
   * @default - none
   */
  readonly description?: string;
}

/** What the one grant path needs: the construct ID, or how to derive it, and what to do with a duplicate. */
interface GrantRequest {
  readonly grantee: IGrantee;
  readonly role: RoleSpec;
  readonly options: GrantOptions;
  /** The construct ID; without it `grant-<role key>-<grantee key>`, and an existing identical assignment is returned. */
  readonly id?: string;
}

/**
 * The one way the library assigns a role on a scope, as aws-cdk's `BucketGrants.fromBucket`:
 * every `grant*` method of a construct, the grant functions ({@link grantRole}, `grantUse`, ...),
 * the `roleAssignments` feature prop and `AccessMatrix` go through its one private `grant()`, so
 * every assignment gets the same checks and an address from stable keys (never from a principal
 * ID known only at apply, nor from creation order).
 *
 * ```ts
 * RoleGrants.of(archive).role(auditors, "StorageBlobDataReader");
 * ```
 */
export class RoleGrants {
  /** Grants on `target`'s scope; the assignments become children of `target`. */
  public static of(target: IRoleTarget): RoleGrants {
    return new RoleGrants(target, target.scopeId);
  }

  /**
   * Grants on `scopeId`, a scope that is not a construct of its own (a resource another
   * construct made, a resource group); the assignments become children of `parent`, so their
   * addresses follow it. For a scope you want as a construct, use `RoleScope`.
   */
  public static on(parent: IConstruct, scopeId: string): RoleGrants {
    return new RoleGrants(parent, scopeId);
  }

  private constructor(
    private readonly parent: IConstruct,
    /** Azure resource ID the roles are assigned on. */
    public readonly scopeId: string,
  ) {}

  /**
   * Assigns `role` to `grantee` with the construct ID `grant-<role key>-<grantee key>`. When the
   * stack already assigns that role to that principal on this scope, returns that assignment
   * instead of creating a second one (its options stay as first given).
   */
  public role(grantee: IGrantee, role: RoleSpec, options: GrantOptions = {}): RbacAssignment {
    return this.grant({ grantee, role, options });
  }

  /**
   * Assigns `role` to `grantee` under a construct ID the caller chose (an address that already
   * exists, or one from its own keys, as the access matrix builds them). A second assignment of
   * the same role to the same principal on this scope is reported by the synth, not reused.
   */
  public assign(id: string, grantee: IGrantee, role: RoleSpec, options: GrantOptions = {}): RbacAssignment {
    return this.grant({ grantee, role, options, id });
  }

  private grant(request: GrantRequest): RbacAssignment {
    const { grantee, role, options } = request;
    const parent = asConstruct(this.parent);
    if (request.id === undefined) {
      const existing = RbacAssignment.find(parent, this.scopeId, grantee.principalId, role);
      if (existing) return existing;
    }
    const resolved = resolveRole(role);
    const granteeKey = grantee.granteeKey ?? (isToken(grantee.principalId) ? undefined : grantee.principalId);
    const wantedId = request.id ?? `grant-${resolved.key ?? "custom-role"}-${granteeKey ?? "unkeyed"}`;
    const id = request.id ?? freeChildId(parent, wantedId);
    const assignment = new RbacAssignment(parent, id, {
      scope: this.scopeId,
      principalId: grantee.principalId,
      principalType: grantee.principalType,
      role,
      privileged: options.privileged,
      description: options.description,
    });
    if (request.id !== undefined) return assignment;
    // A derived construct ID becomes a Terraform address: it must come from stable keys, never
    // from token strings (their numbering follows creation order).
    addPropChecks(assignment, (c) => {
      if (granteeKey === undefined) {
        c.fail("grantee.granteeKey", undefined, "allowed: a stable key, required when principalId is a Terraform reference");
      } else if (constructKeyProblem(granteeKey) !== undefined) {
        c.fail("grantee.granteeKey", granteeKey, constructKeyProblem(granteeKey)!);
      }
      if (resolved.key === undefined && resolved.problem === undefined) {
        c.fail("role.key", undefined, "allowed: a stable key, required when customRoleDefinitionId is a Terraform reference");
      }
      if (id !== wantedId) {
        c.fail("grantee.granteeKey", granteeKey, `allowed: a key no other principal granted ${resolved.displayName} on this scope uses`);
      }
    });
    return assignment;
  }
}

/** Every role target the library makes is a construct; a hand-made `IRoleTarget` must be one too. */
function asConstruct(scope: IConstruct): Construct {
  if (Construct.isConstruct(scope)) return scope;
  throw new TypeError(`A role target must be a construct (${(scope as IConstruct).node.path}): role assignments become its children`);
}
