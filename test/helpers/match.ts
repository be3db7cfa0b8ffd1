// Patterns for synthesized Terraform JSON, in the spirit of aws-cdk's `Match` (assertions/lib/match.ts).
// A pattern is a Matcher, a jest asymmetric matcher (`expect.stringMatching`), or a plain value:
// a plain object matches like `Match.objectLike`, a plain array element by element with the same
// length, anything else by strict equality.

/** One reason a value does not match, with where in the value it is (`sku.capacity`, `rule[0]`). */
export interface MatchFailure {
  readonly path: string;
  readonly message: string;
}

/** A pattern that explains why a value does not match it. */
export abstract class Matcher {
  /** What the pattern stands for, in failure messages. */
  public abstract readonly name: string;
  /** The failures of `actual` against this pattern (empty when it matches). `path` locates `actual`. */
  public abstract test(actual: unknown, path: string): MatchFailure[];

  /** Lets a Matcher sit inside `expect(...).toEqual(...)` like jest's own asymmetric matchers. */
  public asymmetricMatch(actual: unknown): boolean {
    return this.test(actual, "").length === 0;
  }

  public toAsymmetricMatcher(): string {
    return `Match.${this.name}`;
  }
}

interface AsymmetricMatcher {
  asymmetricMatch(actual: unknown): boolean;
}

const isAsymmetric = (value: unknown): value is AsymmetricMatcher =>
  typeof value === "object" && value !== null && typeof (value as AsymmetricMatcher).asymmetricMatch === "function";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isAsymmetric(value);

const show = (value: unknown): string => {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

const at = (path: string, key: string | number): string =>
  typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;

/** The failures of `actual` against any pattern (see the file comment for plain values). */
export function matchFailures(pattern: unknown, actual: unknown, path = ""): MatchFailure[] {
  if (pattern instanceof Matcher) return pattern.test(actual, path);
  if (isAsymmetric(pattern)) return pattern.asymmetricMatch(actual) ? [] : [{ path, message: `expected ${String(pattern)}, found ${show(actual)}` }];
  if (Array.isArray(pattern)) return new ArrayMatch(pattern, false).test(actual, path);
  if (isPlainObject(pattern)) return new ObjectMatch(pattern, true).test(actual, path);
  return Object.is(pattern, actual) ? [] : [{ path, message: `expected ${show(pattern)}, found ${show(actual)}` }];
}

class ObjectMatch extends Matcher {
  public readonly name: string;
  constructor(
    private readonly pattern: Record<string, unknown>,
    private readonly partial: boolean,
  ) {
    super();
    this.name = partial ? "objectLike" : "objectEquals";
  }

  public test(actual: unknown, path: string): MatchFailure[] {
    if (!isPlainObject(actual)) return [{ path, message: `expected an object, found ${show(actual)}` }];
    const failures: MatchFailure[] = [];
    if (!this.partial) {
      for (const key of Object.keys(actual)) if (!(key in this.pattern)) failures.push({ path: at(path, key), message: `unexpected key (value ${show(actual[key])})` });
    }
    for (const [key, expected] of Object.entries(this.pattern)) {
      const here = at(path, key);
      if (!(expected instanceof AbsentMatch) && !Object.prototype.hasOwnProperty.call(actual, key)) {
        failures.push({ path: here, message: `missing key (expected ${expected instanceof Matcher ? `Match.${expected.name}` : show(expected)})` });
        continue;
      }
      failures.push(...matchFailures(expected, actual[key], here));
    }
    return failures;
  }
}

class ArrayMatch extends Matcher {
  public readonly name: string;
  constructor(
    private readonly pattern: readonly unknown[],
    private readonly subset: boolean,
  ) {
    super();
    this.name = subset ? "arrayWith" : "arrayEquals";
  }

  public test(actual: unknown, path: string): MatchFailure[] {
    if (!Array.isArray(actual)) return [{ path, message: `expected a list, found ${show(actual)}` }];
    if (!this.subset) {
      if (actual.length !== this.pattern.length) return [{ path, message: `expected a list of ${this.pattern.length}, found ${actual.length}: ${show(actual)}` }];
      return this.pattern.flatMap((p, i) => matchFailures(p, actual[i], at(path, i)));
    }
    // Each pattern element matches a different element, in order (aws-cdk's arrayWith).
    let from = 0;
    for (const [i, p] of this.pattern.entries()) {
      const found = actual.findIndex((a, j) => j >= from && matchFailures(p, a, "").length === 0);
      if (found === -1) return [{ path, message: `no element (after index ${from - 1}) matches pattern element ${i} ${p instanceof Matcher ? `Match.${p.name}` : show(p)}; found ${show(actual)}` }];
      from = found + 1;
    }
    return [];
  }
}

class AbsentMatch extends Matcher {
  public readonly name = "absent";
  public test(actual: unknown, path: string): MatchFailure[] {
    return actual === undefined ? [] : [{ path, message: `expected no value, found ${show(actual)}` }];
  }
}

class AnyValueMatch extends Matcher {
  public readonly name = "anyValue";
  public test(actual: unknown, path: string): MatchFailure[] {
    return actual === undefined || actual === null ? [{ path, message: "expected a value, found none" }] : [];
  }
}

class RegexpMatch extends Matcher {
  public readonly name: string;
  constructor(private readonly pattern: RegExp) {
    super();
    this.name = `stringLikeRegexp(${pattern})`;
  }
  public test(actual: unknown, path: string): MatchFailure[] {
    if (typeof actual !== "string") return [{ path, message: `expected a string matching ${this.pattern}, found ${show(actual)}` }];
    return this.pattern.test(actual) ? [] : [{ path, message: `expected a string matching ${this.pattern}, found ${show(actual)}` }];
  }
}

class ExactMatch extends Matcher {
  public readonly name = "exact";
  constructor(private readonly pattern: unknown) {
    super();
  }
  public test(actual: unknown, path: string): MatchFailure[] {
    return matchFailures(toExactPattern(this.pattern), actual, path);
  }
}

/** `value` as a pattern with no partial matching: every object must have exactly its keys. */
function toExactPattern(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toExactPattern);
  if (isPlainObject(value)) return new ObjectMatch(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toExactPattern(v)])), false);
  return value;
}

class NotMatch extends Matcher {
  public readonly name: string;
  constructor(private readonly pattern: unknown) {
    super();
    this.name = `not(${pattern instanceof Matcher ? `Match.${pattern.name}` : show(pattern)})`;
  }
  public test(actual: unknown, path: string): MatchFailure[] {
    return matchFailures(this.pattern, actual, path).length === 0 ? [{ path, message: `expected anything but ${this.name.slice(4, -1)}, found ${show(actual)}` }] : [];
  }
}

/** The pattern vocabulary (aws-cdk's names). */
export const Match = {
  /** The listed keys match (nested plain objects likewise); other keys may be present. */
  objectLike: (pattern: Record<string, unknown>): Matcher => new ObjectMatch(pattern, true),
  /** The listed keys match and no other key is present. */
  objectEquals: (pattern: Record<string, unknown>): Matcher => new ObjectMatch(pattern, false),
  /** A list holding elements that match each pattern element, in this order; other elements may be present. */
  arrayWith: (pattern: readonly unknown[]): Matcher => new ArrayMatch(pattern, true),
  /** The key is not set (or is undefined). */
  absent: (): Matcher => new AbsentMatch(),
  /** Any value that is neither undefined nor null. */
  anyValue: (): Matcher => new AnyValueMatch(),
  /** A string the regular expression matches. */
  stringLikeRegexp: (pattern: RegExp | string): Matcher => new RegexpMatch(typeof pattern === "string" ? new RegExp(pattern) : pattern),
  /** Deep equality with no partial matching anywhere inside. */
  exact: (pattern: unknown): Matcher => new ExactMatch(pattern),
  /** Anything that does not match `pattern`. */
  not: (pattern: unknown): Matcher => new NotMatch(pattern),
};
