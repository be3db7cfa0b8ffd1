import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { z } from "zod";
import { isKnownToken, isReferenceOfApp, NO_INTERPOLATION, UNKNOWN_TOKEN } from "../core/validation";
import { ConfigPath, didYouMean } from "./config-problems";

// The small zod vocabulary both config schemas are written in (config-schema.ts and
// gateway-config-schema.ts). Its one job is shape: types, unknown keys, enums, and the
// bounds and patterns of one field. Rules between fields are the constructs' functions
// (lib/regions, lib/governance, lib/gateway), called by the config boundary afterwards.

type Ctx = z.core.$RefinementCtx<unknown>;

/** Adds a problem (`allowed: ...`) at `path` below the value being checked. */
export const fail = (ctx: Ctx, message: string, path: ConfigPath = []) => ctx.addIssue({ code: "custom", message, path: [...path] });

/** Re-adds the issues of a nested parse below `path`. */
function forward(ctx: Ctx, issues: readonly z.core.$ZodIssue[], path: ConfigPath = []): void {
  for (const issue of issues) ctx.addIssue({ ...(issue as z.core.$ZodIssue & { code: "custom" }), path: [...path, ...issue.path] });
}

/** Most entries in a list or record of the config: far above any real environment. */
export const MAX_ITEMS = 100;

/** The rule of a {@link text} field. */
export interface TextRule {
  /** Longest accepted, checked before anything else. */
  readonly max: number;
  /** The rule in words: `allowed: <rule>`. */
  readonly rule: string;
  /** Pattern checked after the length (linear patterns only). */
  readonly pattern?: RegExp;
  /** Not empty or blank. */
  readonly nonBlank?: boolean;
  /** A Terraform reference (token) this app created is accepted as well. */
  readonly reference?: boolean;
  /** Further check on the bounded string; returns the `allowed:` text of a problem. */
  readonly check?: (value: string) => string | undefined;
}

/**
 * The construct whose app a config is validated for (set for the duration of one synchronous
 * validation): a reference in the config must come from that app, not merely exist.
 */
let validatingIn: IConstruct | undefined;

/** Runs `validate` with references checked against the app of `scope`. */
export function validatingFor<T>(scope: IConstruct | undefined, validate: () => T): T {
  validatingIn = scope;
  try {
    return validate();
  } finally {
    validatingIn = undefined;
  }
}

/** A string checked for length first, then interpolation, then its pattern: bounded work. */
export function text(rule: TextRule) {
  return z.string().superRefine((value, ctx) => {
    if (value.length > rule.max) return fail(ctx, `allowed: ${rule.rule} (at most ${rule.max} characters; this has ${value.length})`);
    if (Token.isUnresolved(value)) {
      if (!rule.reference) return fail(ctx, `allowed: ${rule.rule}, known at synth (not a Terraform reference: it becomes a name or construct ID)`);
      if (!isKnownToken(value) || (validatingIn !== undefined && !isReferenceOfApp(value, validatingIn))) return fail(ctx, UNKNOWN_TOKEN);
      return;
    }
    if (value.includes("${") || value.includes("%{")) return fail(ctx, NO_INTERPOLATION);
    if (rule.nonBlank && value.trim() === "") return fail(ctx, `allowed: ${rule.rule}`);
    if (rule.pattern && !rule.pattern.test(value)) return fail(ctx, `allowed: ${rule.rule}`);
    const problem = rule.check?.(value);
    if (problem) fail(ctx, problem);
  });
}

/** A string of at most `max` characters matching `pattern`; one message for both. */
export function matching(pattern: RegExp, max: number, allowed: string) {
  return z.string().superRefine((v, ctx) => {
    if (v.length > max || !pattern.test(v)) fail(ctx, `allowed: ${allowed}`);
  });
}

/** A whole number in [min, max]; NaN, Infinity and strings are refused. */
export function integer(min: number, max: number, unit = "") {
  return z.number().superRefine((n, ctx) => {
    if (!Number.isInteger(n) || n < min || n > max) fail(ctx, `allowed: a whole number from ${min} to ${max}${unit ? ` ${unit}` : ""}`);
  });
}

/** A finite number above 0 and at most `max`. */
export function amount(max: number, unit: string) {
  return z.number().superRefine((n, ctx) => {
    if (!Number.isFinite(n) || n <= 0 || n > max) fail(ctx, `allowed: a number above 0 and at most ${max} ${unit}`);
  });
}

/** One of `values`, exact case, with a suggestion for near misses; `what` names them, `why` follows them. */
export function oneOf<const T extends string>(values: readonly T[], what = "", why = "") {
  return z.custom<T>().superRefine((value, ctx) => {
    if (typeof value === "string" && value.length <= 64 && (values as readonly string[]).includes(value)) return;
    fail(ctx, `allowed: ${what ? `${what}: ` : "one of "}${values.join(", ")}${why ? ` (${why})` : ""}${didYouMean(value, values)}`);
  });
}

/**
 * A list of at most `max` items, each checked by `item`; the length is checked first. Every
 * list of the config is one of these: a plain array schema skips the holes of a sparse list.
 */
export function list<T extends z.ZodType>(item: T, options: { min?: number; max?: number; what: string; minMessage?: string }) {
  const max = options.max ?? MAX_ITEMS;
  return z.custom<readonly z.output<T>[]>().superRefine((value, ctx) => {
    if (!Array.isArray(value)) return fail(ctx, `allowed: a list of ${options.what}`);
    if (value.length > max) return fail(ctx, `allowed: at most ${max} ${options.what} (found ${value.length})`);
    if (value.length < (options.min ?? 0)) {
      return fail(ctx, options.minMessage ?? (options.min === 1 ? `allowed: a non-empty list of ${options.what}` : `allowed: at least ${options.min} ${options.what}`));
    }
    // A plain loop: forEach skips the holes of a sparse list (`[a, , b]`), which must be refused too.
    for (let i = 0; i < value.length; i++) {
      const result = item.safeParse(value[i]);
      if (!result.success) forward(ctx, result.error.issues, [i]);
    }
  });
}

/** An object of at most `max` entries with checked keys and values; the count is checked first. */
export function record<T extends z.ZodType>(key: z.ZodType<string>, valueSchema: T, options: { max?: number; what: string }) {
  const max = options.max ?? MAX_ITEMS;
  return z.custom<Readonly<Record<string, z.output<T>>>>().superRefine((value, ctx) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return fail(ctx, `allowed: an object of ${options.what}`);
    const keys = Object.keys(value);
    if (keys.length > max) return fail(ctx, `allowed: at most ${max} ${options.what} (found ${keys.length})`);
    for (const k of keys) {
      const keyResult = key.safeParse(k);
      if (!keyResult.success) {
        ctx.addIssue({ code: "custom", message: keyResult.error.issues[0]?.message ?? "allowed: another key", path: [k], params: { value: k, key: true } });
        continue;
      }
      const result = valueSchema.safeParse((value as Record<string, unknown>)[k]);
      if (!result.success) forward(ctx, result.error.issues, [k]);
    }
  });
}

/** Exactly `value`; `allowed` says what is allowed otherwise. */
export function literal<const T extends string | boolean>(value: T, allowed: string) {
  return z.custom<T>().superRefine((v, ctx) => {
    if (v !== value) fail(ctx, allowed);
  });
}

/** A strict object's shape with one schema per key of `keys` (harm categories, retention categories). */
export function keyed<const K extends string, S extends z.ZodType>(keys: readonly K[], schema: () => S): { [P in K]: S } {
  // Object.fromEntries loses the key type; the keys are `keys`, each given `schema()`.
  return Object.fromEntries(keys.map((k) => [k, schema()])) as { [P in K]: S };
}

/** The branches of {@link byType}, by the JavaScript type of the value. */
interface TypeBranches {
  readonly boolean?: z.ZodType;
  readonly string?: z.ZodType;
  readonly object?: z.ZodType;
}

/** The output of whichever branch applies. */
type BranchOutput<B extends TypeBranches> = { [K in keyof B]: B[K] extends z.ZodType ? z.output<B[K]> : never }[keyof B];

/** Dispatches on the JavaScript type of the value; `expected` says what is allowed otherwise. */
export function byType<const B extends TypeBranches>(branches: B, expected: string) {
  return z.custom<BranchOutput<B>>().superRefine((value, ctx) => {
    const kind = value === null || Array.isArray(value) ? "other" : typeof value;
    const schema = kind === "boolean" || kind === "string" || kind === "object" ? branches[kind] : undefined;
    if (!schema) return fail(ctx, `allowed: ${expected}`);
    const result = schema.safeParse(value);
    if (!result.success) forward(ctx, result.error.issues);
  });
}

/** `A` and `B` are the same type (readonly aside): a schema that drifts from its interface fails `tsc`. */
export type SameType<A, B> = (<T>() => T extends Plain<A> ? 1 : 2) extends <T>() => T extends Plain<B> ? 1 : 2 ? true : false;

/** `T` with readonly dropped at every depth (zod's output types are not readonly). */
type Plain<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Plain<T[K]> }
      : T;

/**
 * A union of object types as one object (what a schema that checks the members' rules between
 * fields afterwards accepts): a key of every member keeps its requiredness, the others are optional.
 */
export type MergedUnion<U> = Flat<{ [K in RequiredInEvery<U>]: ValueIn<U, K> } & { [K in Exclude<KeyOfAny<U>, RequiredInEvery<U>>]?: ValueIn<U, K> }>;
type KeyOfAny<U> = U extends unknown ? keyof U : never;
type OptionalKeysOf<M> = { [K in keyof M]-?: {} extends Pick<M, K> ? K : never }[keyof M];
/** Keys some member lacks or has as optional. */
type LooseIn<U, All> = U extends unknown ? Exclude<KeyOfAny<All>, keyof U> | OptionalKeysOf<U> : never;
type RequiredInEvery<U> = Exclude<KeyOfAny<U>, LooseIn<U, U>>;
type ValueIn<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;
type Flat<T> = { [K in keyof T]: T[K] };

/** Compiles only for `true`: `const _: Holds<SameType<A, B>> = true`. */
export type Holds<T extends true> = T;
