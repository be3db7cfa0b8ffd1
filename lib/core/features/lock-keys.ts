import type { PropKeys } from "../known-props";
import type { LockProps } from "./lock";

/** The keys of {@link LockProps}, for checking the `lock` prop of a construct (`lock.kidn` fails). */
export const LOCK_PROP_KEYS: PropKeys<LockProps> = { protection: true, name: true, reason: true };
