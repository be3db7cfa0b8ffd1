import { Construct } from "constructs";
import { Justification } from "../core/justification";
import { addPropChecks, constructKeyProblem, isToken, literalTextProblem, PropChecks } from "../core/validation";
import { BUILT_IN_ROLES, BuiltInRoleKey, builtInRole, HUMAN_ROLE_CEILING, RoleScopeKind } from "./role-catalog";
import { HUMAN_PRINCIPAL_TYPES, PrincipalType } from "./principal";
import { RbacAssignment } from "./role-assignment";
import { ResolvedRole, resolveRole, RoleSpec } from "./role-ref";
import { RoleGrants } from "./role-grants";
import { PropKeys } from "../core/known-props";

/** Kinds of scope in an access matrix, for validation messages. */
export const ROLE_SCOPE_KINDS: readonly RoleScopeKind[] = Object.freeze(["openai", "foundryProject", "logs", "keyVault", "other"]);

/** A named scope roles are assigned on. */
export interface AccessScope {
  /** Azure resource ID (often a Terraform reference). */
  readonly scopeId: string;
  /**
   * What the scope is: an entry without `scopes` goes on every scope of its role's default kind
   * (OpenAI, Cognitive Services, Reader and Monitoring Reader roles: `openai`; Foundry User:
   * `foundryProject`, a project of a Foundry resource; Log Analytics Reader: `logs`; Key Vault
   * Crypto Service Encryption User: `keyVault`).
   */
  readonly kind: RoleScopeKind;
}

/** One row of the access matrix: a principal, a role and where it applies. */
export interface AccessEntry {
  /** Entra object ID: a GUID (see `principalIdFromEnv` for config without Entra ID access). */
  readonly principalId: string;
  /** Kind of principal. User and Group are held to the human-role ceiling. */
  readonly principalType: PrincipalType;
  /** The role: a built-in key such as `"OpenAiUser"` or `{ customRoleDefinitionId }`. */
  readonly role: RoleSpec;
  /**
   * Stable key of the principal for construct IDs (Terraform addresses), for example
   * `ai-developers`. Set it when the ID comes from the environment, so a placeholder and the
   * real ID give the same address.
   * @default - the principal ID
   */
  readonly key?: string;
  /**
   * Who the principal is, for example `AI developers (Entra group)`; written to the description.
   * @default - none
   */
  readonly displayName?: string;
  /**
   * Why the principal has the role; written to the description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Keys of the scopes (in the matrix's `scopes`) the role is assigned on.
   * @default - every scope of the role's default kind; privileged and custom roles have none and must name them
   */
  readonly scopes?: readonly string[];
  /**
   * Reason for a privileged role (Owner, Contributor, User Access Administrator, Cognitive
   * Services Contributor), written to the description.
   * @default - none: privileged roles fail the synth
   */
  readonly privileged?: Justification;
  /**
   * Reason for giving a User or Group a role above the human-role ceiling, written to the
   * description.
   * @default - none: roles above the ceiling fail the synth for people
   */
  readonly exception?: Justification;
}

/** Props of {@link AccessMatrix}. */
export interface AccessMatrixProps {
  /** Scopes by key, for example `{ "openai-sdc": { scopeId, kind: "openai" }, logs: { scopeId, kind: "logs" } }`. */
  readonly scopes: Readonly<Record<string, AccessScope>>;
  /** Who gets which role. */
  readonly entries: readonly AccessEntry[];
  /**
   * Built-in roles a User or Group may hold without an `exception`. Widen it for development
   * environments, for example with `OpenAiContributor`. Custom roles are always above it.
   * @default HUMAN_ROLE_CEILING - OpenAI User and the read-only roles (Reader, Monitoring Reader, Log Analytics Reader)
   */
  readonly humanRoleCeiling?: readonly BuiltInRoleKey[];
}

/** The props AccessMatrix accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const ACCESS_MATRIX_PROP_KEYS: PropKeys<AccessMatrixProps> = { scopes: true, entries: true, humanRoleCeiling: true };

/**
 * The access of one environment as data: each entry assigns its role on its scopes (through
 * {@link RoleGrants}, the one grant path), with
 * construct IDs from `<principal key>-<role key>-<scope key>` so adding or reordering entries
 * never renames an assignment. Keys must be safe as construct IDs (text known at synth, no `/`
 * or line breaks) and each principal key, role and scope is assigned once; a display name,
 * description or reason holding `${` or `%{` is refused (Terraform would evaluate it). Such
 * entries are reported and not assigned. People (User, Group) are held to a role ceiling; above it they
 * need a stated exception, and privileged roles need a stated reason.
 */
export class AccessMatrix extends Construct {
  /** The role assignments made, one per entry and scope. */
  public readonly assignments: readonly RbacAssignment[];

  constructor(scope: Construct, id: string, props: AccessMatrixProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, ACCESS_MATRIX_PROP_KEYS));
    const ceiling = props.humanRoleCeiling ?? HUMAN_ROLE_CEILING;
    const problems: Problem[] = [];
    // Scope keys become construct IDs: a bad one is reported and not assigned on.
    const badScopeKeys = new Set(Object.keys(props.scopes).filter((key) => constructKeyProblem(key) !== undefined));
    const scopes = Object.fromEntries(Object.entries(props.scopes).filter(([key]) => !badScopeKeys.has(key)));
    this.assignments = props.entries.flatMap((entry) => this.applyEntry(entry, scopes, ceiling, problems));

    addPropChecks(this, (c) => {
      for (const key of badScopeKeys) c.fail("scopes", key, `${constructKeyProblem(key)} (the key)`);
      for (const [key, target] of Object.entries(scopes)) {
        c.oneOf(`scopes.${key}.kind`, target.kind, ROLE_SCOPE_KINDS);
      }
      for (const role of ceiling) {
        if (builtInRole(role)?.privileged !== false) {
          c.fail("humanRoleCeiling", role, "allowed: non-privileged built-in role keys (privileged roles need a per-entry reason)");
        }
      }
      problems.forEach((problem) => problem(c));
    });
  }

  /** Assigns one entry's role on its scopes; records what is wrong with it in `problems`. */
  private applyEntry(
    entry: AccessEntry,
    scopes: Readonly<Record<string, AccessScope>>,
    ceiling: readonly BuiltInRoleKey[],
    problems: Problem[],
  ): RbacAssignment[] {
    const role = resolveRole(entry.role);
    const principalKey = entry.key ?? (isToken(entry.principalId) ? undefined : entry.principalId);
    const label = `entries[${principalKey ?? "?"}/${role.key ?? "?"}]`;
    if (principalKey === undefined) {
      problems.push((c) => c.fail(`${label}.key`, undefined, "allowed: a stable key, required when principalId is a Terraform reference"));
      return [];
    }
    const keyProblem = constructKeyProblem(principalKey);
    if (keyProblem !== undefined) {
      problems.push((c) => c.fail(entry.key !== undefined ? `${label}.key` : `${label}.principalId`, principalKey, keyProblem));
      return [];
    }
    // Text written into the assignment's description must reach Azure as written.
    const textProblems = (
      [
        ["displayName", entry.displayName],
        ["description", entry.description],
        ["exception.reason", entry.exception?.reason],
        ["privileged.reason", entry.privileged?.reason],
      ] as const
    ).flatMap(([prop, value]) => {
      const problem = value === undefined ? undefined : literalTextProblem(value);
      return problem === undefined ? [] : [{ prop, value, problem }];
    });
    if (textProblems.length > 0) {
      for (const t of textProblems) problems.push((c) => c.fail(`${label}.${t.prop}`, t.value, t.problem));
      return [];
    }
    if (role.problem !== undefined) {
      problems.push((c) => c.fail(`${label}.role`, entry.role, role.problem!));
      return [];
    }
    if (role.key === undefined) {
      problems.push((c) => c.fail(`${label}.role.key`, undefined, "allowed: a stable key, required when customRoleDefinitionId is a Terraform reference"));
      return [];
    }
    const roleKeyProblem = constructKeyProblem(role.key);
    if (roleKeyProblem !== undefined) {
      problems.push((c) => c.fail(`${label}.role.key`, role.key, roleKeyProblem));
      return [];
    }
    const withinCeiling = role.builtIn !== undefined && ceiling.includes(role.builtIn);
    if (HUMAN_PRINCIPAL_TYPES.includes(entry.principalType) && !withinCeiling && entry.exception === undefined) {
      problems.push((c) =>
        c.fail(
          `${label}.role`,
          entry.role,
          `allowed for ${entry.principalType} principals without an exception: ${ceiling.join(", ")}; set exception: { reason } to go above the ceiling`,
        ),
      );
    }
    problems.push((c) => c.justification(`${label}.exception`, entry.exception));

    const scopeKeys = entry.scopes ?? defaultScopeKeys(scopes, role);
    if (scopeKeys.length === 0) problems.push((c) => c.fail(`${label}.scopes`, entry.scopes, noScopeMessage(scopes, role)));
    const made: RbacAssignment[] = [];
    for (const scopeKey of scopeKeys) {
      const target = Object.prototype.hasOwnProperty.call(scopes, scopeKey) ? scopes[scopeKey] : undefined;
      if (target === undefined) {
        problems.push((c) => c.fail(`${label}.scopes`, scopeKey, `allowed: a key of scopes (${Object.keys(scopes).join(", ")})`));
        continue;
      }
      // The address comes from keys, never from the entry's position in the list.
      const assignmentId = `${principalKey}-${role.key}-${scopeKey}`;
      if (this.node.tryFindChild(assignmentId) !== undefined) {
        problems.push((c) => c.fail(label, `${principalKey}/${role.key}/${scopeKey}`, "allowed: one entry per principal key, role and scope"));
        continue;
      }
      made.push(
        RoleGrants.on(this, target.scopeId).assign(assignmentId, { principalId: entry.principalId, principalType: entry.principalType }, entry.role, {
          privileged: entry.privileged,
          description: describeEntry(entry),
        }),
      );
    }
    return made;
  }
}

type Problem = (checks: PropChecks) => void;

function defaultScopeKeys(scopes: Readonly<Record<string, AccessScope>>, role: ResolvedRole): string[] {
  const kind = role.builtIn ? BUILT_IN_ROLES[role.builtIn].defaultScopeKind : undefined;
  if (kind === undefined) return [];
  return Object.keys(scopes).filter((key) => scopes[key].kind === kind);
}

function noScopeMessage(scopes: Readonly<Record<string, AccessScope>>, role: ResolvedRole): string {
  const kind = role.builtIn ? BUILT_IN_ROLES[role.builtIn].defaultScopeKind : undefined;
  const keys = Object.keys(scopes).join(", ") || "none";
  if (kind === undefined) return `allowed: the scope keys to assign ${role.displayName} on (it has no default scope); scopes: ${keys}`;
  return `allowed: scope keys (scopes: ${keys}); no scope of kind "${kind}", the default for ${role.displayName}`;
}

function describeEntry(entry: AccessEntry): string | undefined {
  const parts = [entry.displayName, entry.description, entry.exception ? `Exception: ${entry.exception.reason}` : undefined];
  const text = parts.filter((p): p is string => !!p).join(". ");
  return text === "" ? undefined : text;
}
