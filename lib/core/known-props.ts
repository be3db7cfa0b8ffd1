// Unknown props are errors, for JavaScript callers too: a typo (`lcok`) must not silently drop a
// security feature. TypeScript catches excess properties only in object literals, and JavaScript
// callers not at all, so each construct lists its props and checks what it was given.
import { Token } from "cdktf";
import { didYouMean } from "./suggestion";

/** Every key of `T`, of every member when `T` is a union (`keyof` alone gives only the shared keys). */
export type AllKeys<T> = T extends unknown ? keyof T : never;

/**
 * The props a construct accepts: every key of its props type set to `true`, or to the keys of
 * a nested object whose keys are checked too. Typed as a complete record so the compiler fails
 * when a prop is added to the interface but not here.
 */
export type PropKeys<T> = { readonly [K in AllKeys<T> & string]-?: true | PropKeysOf };

/** The keys of a nested object whose own keys are checked (for example `lock`). */
export type PropKeysOf = { readonly [key: string]: true | PropKeysOf };

/** Most unknown props of one object reported one by one. */
const MAX_UNKNOWN_REPORTED = 20;

/** One unknown prop: its path (`lock.kidn`), the value given, and what is allowed. */
export interface UnknownProp {
  readonly prop: string;
  readonly value: unknown;
  readonly allowed: string;
}

/**
 * The props of `value` not in `keys`, with a "did you mean" for near misses; nested objects
 * whose entry in `keys` is itself a key list are checked too. A prop set to `undefined` is not
 * reported (it has no effect). `prefix` is the path of `value` (empty for a construct's props).
 */
export function unknownProps(prefix: string, value: unknown, keys: PropKeysOf): UnknownProp[] {
  if (!isPlainObject(value)) return [];
  const known = Object.keys(keys);
  const found: UnknownProp[] = [];
  for (const key of Object.keys(value)) {
    const given = (value as Record<string, unknown>)[key];
    if (given === undefined) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const nested = Object.prototype.hasOwnProperty.call(keys, key) ? keys[key] : undefined;
    if (nested === undefined) {
      if (found.length < MAX_UNKNOWN_REPORTED) {
        found.push({ prop: path, value: given, allowed: `allowed: no prop ${JSON.stringify(key)} here${didYouMean(key, known)} (known: ${known.join(", ")})` });
      }
    } else if (nested !== true) {
      found.push(...unknownProps(path, given, nested));
    }
  }
  return found;
}

/** A plain object literal (not a list, a construct, a class instance or a token). */
function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== "object" || Array.isArray(value) || Token.isUnresolved(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
