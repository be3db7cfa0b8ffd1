// Resolution and checks of an ArchiveRetention; not part of the public API.
import { isToken, PropChecks } from "../../core/validation";
import { RETENTION_CATEGORIES, RetentionCategory } from "../log-categories";
import { ARCHIVE_RETENTION_BOUNDS, ArchiveRetention, DEFAULT_ARCHIVE_RETENTION_DAYS } from "../retention";

/** Resolved archive retention: a deletion age for every category. */
export function resolveRetentionDays(retention: ArchiveRetention = {}): Record<RetentionCategory, number> {
  const days = retention.days ?? {};
  return Object.fromEntries(
    RETENTION_CATEGORIES.map((c) => [c, days[c] ?? DEFAULT_ARCHIVE_RETENTION_DAYS[c]]),
  ) as Record<RetentionCategory, number>;
}

/** The immutability settings per category, with the period filled in. */
export function resolveImmutability(
  retention: ArchiveRetention = {},
): { category: RetentionCategory; periodDays: number; locked: boolean }[] {
  const days = resolveRetentionDays(retention);
  const immutability = retention.immutability ?? {};
  return RETENTION_CATEGORIES.filter((c) => immutability[c] !== undefined).map((c) => ({
    category: c,
    periodDays: immutability[c]!.periodDays ?? days[c],
    locked: immutability[c]!.locked ?? false,
  }));
}

/**
 * Checks an archive retention config: known categories only (a misspelt key would silently
 * fall back to a default), deletion ages within {@link ARCHIVE_RETENTION_BOUNDS}, and each
 * immutability period no longer than its category's deletion age.
 */
export function checkArchiveRetention(c: PropChecks, prop: string, retention: ArchiveRetention = {}): void {
  const allowedKeys = `allowed keys: ${RETENTION_CATEGORIES.join(", ")}`;
  const days = retention.days ?? {};
  for (const key of Object.keys(days)) {
    if (!isRetentionCategory(key)) {
      c.fail(`${prop}.days.${key}`, days[key as RetentionCategory], allowedKeys);
      continue;
    }
    c.integerInRange(`${prop}.days.${key}`, days[key], ARCHIVE_RETENTION_BOUNDS.minDays, ARCHIVE_RETENTION_BOUNDS.maxDays, "days");
  }
  const resolved = resolveRetentionDays(retention);
  const immutability = retention.immutability ?? {};
  for (const key of Object.keys(immutability)) {
    const path = `${prop}.immutability.${key}`;
    if (!isRetentionCategory(key)) {
      c.fail(path, immutability[key as RetentionCategory], allowedKeys);
      continue;
    }
    const period = immutability[key]?.periodDays;
    if (period === undefined || isToken(period)) continue;
    const deleteAfter = resolved[key];
    c.integerInRange(`${path}.periodDays`, period, 1, ARCHIVE_RETENTION_BOUNDS.maxDays, "days");
    if (!isToken(deleteAfter) && period > deleteAfter) {
      c.fail(
        `${path}.periodDays`,
        period,
        `allowed: at most ${deleteAfter} days, the deletion age of ${key} (the lifecycle rule cannot delete a blob that is still immutable)`,
      );
    }
  }
}

function isRetentionCategory(key: string): key is RetentionCategory {
  return (RETENTION_CATEGORIES as readonly string[]).includes(key);
}
