import { IConstruct } from "constructs";
import { acknowledgeWeakening, Justification } from "./justification";
import { WEAKENING_KEYS } from "./weakening-keys";

/**
 * A weakening in force on a resource, for the compliance report: which secure default was
 * weakened, and the {@link Justification} given for it. The one shape of an applied exception
 * on every construct.
 */
export interface AppliedException extends Justification {
  /** Which default was weakened, as the prop names it (for example `sharedKeyAccess`). */
  readonly setting: string;
}

/** A neutral weakening key (see {@link WEAKENING_KEYS}). */
export type WeakeningKey = (typeof WEAKENING_KEYS)[keyof typeof WEAKENING_KEYS];

/**
 * The weakenings a construct's `securityExceptions` (or similar) prop can carry, each mapped to
 * the neutral key the compliance rules know it by. One map per construct, read by
 * {@link applyWeakenings}, instead of one hand-written line per weakening.
 */
export type WeakeningMap<K extends string> = Readonly<Record<K, WeakeningKey>>;

/**
 * The weakenings given in `exceptions` (keys whose value is set), in the map's key order:
 * each is acknowledged on `scope` under its neutral key (prop `<prefix>.<setting>`, or the
 * setting alone with an empty prefix) and returned as an {@link AppliedException}.
 */
export function applyWeakenings<K extends string>(
  scope: IConstruct,
  prefix: string,
  exceptions: Partial<Record<K, Justification>> | undefined,
  keys: WeakeningMap<K>,
): AppliedException[] {
  const applied: AppliedException[] = [];
  for (const setting of Object.keys(keys) as K[]) {
    const justification = exceptions?.[setting];
    if (justification === undefined || justification === null) continue; // JavaScript callers may pass null
    acknowledgeWeakening(scope, keys[setting], prefix ? `${prefix}.${setting}` : setting, justification);
    applied.push({ setting, reason: justification.reason });
  }
  return applied;
}
