import { RetentionCategory } from "./log-categories";

/**
 * Days the archive keeps each category before its lifecycle rule deletes it, for example
 * `{ Audit: 365, RequestResponse: 90, Trace: 30, AzureOpenAIRequestUsage: 90, metrics: 90 }`.
 * A category left out keeps its default ({@link DEFAULT_ARCHIVE_RETENTION_DAYS}).
 */
export type RetentionDays = { readonly [C in RetentionCategory]?: number };

/**
 * Write-once (WORM) protection of one category's container: a time-based retention policy
 * with protected append writes, so Azure Monitor can keep appending to its hourly blobs but
 * nobody can change or delete what was written until the period has passed.
 */
export interface ContainerImmutability {
  /**
   * Days each blob stays immutable after it is created. At most the category's deletion age:
   * a blob cannot be deleted while it is immutable.
   * @default - the category's deletion age
   */
  readonly periodDays?: number;
  /**
   * Lock the policy. LOCKING CANNOT BE UNDONE: a locked policy can only have its period
   * extended (at most 5 times), never shortened or removed, and the container and the whole
   * storage account cannot be deleted until every blob has passed its period. Lock only in
   * environments whose archive must outlive this stack (production audit trails).
   * @default false - unlocked: the policy protects the blobs but an administrator can remove it
   */
  readonly locked?: boolean;
}

/** Per-category retention of the archive storage account, and its write-once protection. */
export interface ArchiveRetention {
  /**
   * Deletion age per category, in days since the blob was last written.
   * @default - {@link DEFAULT_ARCHIVE_RETENTION_DAYS}
   */
  readonly days?: RetentionDays;
  /**
   * Write-once protection per category, for example `{ Audit: { locked: true } }` in production.
   * @default - none: no container is immutable
   */
  readonly immutability?: { readonly [C in RetentionCategory]?: ContainerImmutability };
}

/**
 * Default deletion ages. Audit 2190 (six years, HIPAA's documentation period, 45 CFR
 * 164.316(b)(2)): the seed's 365 days would fail the library's own HIPAA pack, which every
 * environment applies by default; Audit records are small. RequestResponse 90 and metrics 90 are
 * the seed's periods. Trace is diagnostic detail for support cases: 30 days. AzureOpenAIRequestUsage is the
 * per-request usage record used for cost attribution: 90 days, like the metrics it complements.
 */
export const DEFAULT_ARCHIVE_RETENTION_DAYS: Readonly<Record<RetentionCategory, number>> = Object.freeze({
  Audit: 2190,
  RequestResponse: 90,
  Trace: 30,
  AzureOpenAIRequestUsage: 90,
  metrics: 90,
});

/**
 * Bounds chosen for lifecycle deletion ages. Azure's management policy accepts 0-99999 days;
 * 0 would delete every blob at the next daily lifecycle run, which defeats an archive, so the
 * minimum is 1. The maximum is Azure's own (about 273 years).
 */
export const ARCHIVE_RETENTION_BOUNDS = Object.freeze({ minDays: 1, maxDays: 99_999 });
