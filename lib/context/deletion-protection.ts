import type { DeletionProtectionMode, LockProps } from "../core/features/lock";

/** Deletion protection per kind of resource: `"lock"`, `"preventDestroy"` or `false` (none). */
export interface DeletionProtectionScopes {
  /**
   * The Azure OpenAI accounts (a lock blocks replacing their deployments and content filters),
   * and the AI gateway in front of them.
   * @default "lock"
   */
  readonly accounts?: DeletionProtectionMode | false;
  /**
   * The Log Analytics workspace (a lock blocks replacing its saved searches).
   * @default "lock"
   */
  readonly workspace?: DeletionProtectionMode | false;
  /**
   * The archive storage accounts (a lock blocks deleting their containers).
   * @default "lock"
   */
  readonly archives?: DeletionProtectionMode | false;
  /**
   * The customer-managed key vaults.
   * @default "lock"
   */
  readonly keyVaults?: DeletionProtectionMode | false;
}

/** An environment's deletion protection: `true` protects every kind with a lock. */
export type DeletionProtection = boolean | DeletionProtectionScopes;

/** The kinds of resource deletion protection covers. */
export type ProtectedKind = keyof DeletionProtectionScopes | "gateway";

/** Why each kind is protected, written to the lock's notes. */
const PROTECTION_REASONS: Readonly<Record<ProtectedKind, string>> = {
  accounts: "Production Azure OpenAI account; deleting it loses its deployments and endpoint",
  workspace: "Audit log workspace of a regulated environment",
  archives: "Write-once audit archive; evidence for auditors",
  keyVaults: "Holds the customer-managed key; without it the account's data is unreadable",
  gateway: "The AI gateway of a regulated environment: every call's audit record and limits run through it",
};

/** Lock names of earlier releases: a lock's name is part of the Azure resource, so it stays. */
const LOCK_NAMES: Readonly<Record<ProtectedKind, (location: string | undefined) => string>> = {
  accounts: (location) => `do-not-delete-openai-${location}`,
  workspace: () => "do-not-delete-workspace",
  archives: (location) => `do-not-delete-archive-${location}`,
  keyVaults: (location) => `do-not-delete-vault-${location}`,
  gateway: () => "do-not-delete-ai-gateway",
};

/** The mode protecting `kind`, or undefined when it is not protected. The gateway is protected as the accounts are. */
export function protectionModeOf(protection: DeletionProtection | undefined, kind: ProtectedKind): DeletionProtectionMode | undefined {
  if (!protection) return undefined;
  const scopes: DeletionProtectionScopes = protection === true ? {} : protection;
  const chosen = scopes[kind === "gateway" ? "accounts" : kind] ?? "lock";
  return chosen === false ? undefined : chosen;
}

/**
 * The `lock` prop of a resource of `kind` (in `location`, for the per-region kinds) under
 * `protection`: the one place that turns an environment's deletion protection into locks, with
 * the reasons and the lock names every release has used.
 */
export function lockFor(protection: DeletionProtection | undefined, kind: ProtectedKind, location?: string): LockProps | undefined {
  const mode = protectionModeOf(protection, kind);
  return mode === undefined ? undefined : { protection: mode, reason: PROTECTION_REASONS[kind], name: LOCK_NAMES[kind](location) };
}
