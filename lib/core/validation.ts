import { Token, Tokenization } from "cdktf";
import { IConstruct } from "constructs";
import { isValidReason, Justification, MIN_REASON_LENGTH } from "./justification";
import { PropKeys, unknownProps } from "./known-props";
import { nameProblem, ResourceKind } from "./naming";

/**
 * One problem with a construct's input, as data: which prop, the value given, and the rule it
 * breaks. {@link GuardedApp} collects these with the construct path, without parsing text.
 */
export interface PropProblem {
  /** The prop, as the user wrote it, for example `regions[0].location`. */
  readonly prop: string;
  /** The value given (`undefined` when it is missing). */
  readonly value: unknown;
  /** What is allowed, in words, starting with `allowed:`. */
  readonly rule: string;
}

/** The one-line text of a problem: `prop: value is not allowed; allowed: ...`. */
export function formatPropProblem(problem: PropProblem): string {
  return `${problem.prop}: ${describeValue(problem.value)} is not allowed; ${problem.rule}`;
}

/**
 * Collects the problems of one construct's input. Every problem names the prop, the value
 * and what is allowed; the construct path is added when the errors are reported. Every check
 * leaves a Terraform reference of this app to Terraform, and refuses a token look-alike.
 */
export class PropChecks {
  private readonly found: PropProblem[] = [];

  /** Records a problem with a prop: what was given and what is allowed. */
  public fail(prop: string, value: unknown, allowed: string): void {
    this.found.push({ prop, value, rule: allowed });
  }

  /** `value` must be given: not missing, and not empty or blank text. `what` says what is expected. */
  public required(prop: string, value: unknown, what: string): void {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      this.fail(prop, value, `allowed: ${what}`);
    }
  }

  /** `value` must be a valid Azure name of `kind` (see `NAME_RULES`). */
  public name(prop: string, kind: ResourceKind, value: string | undefined): void {
    if (value === undefined || isToken(value)) return;
    const problem = nameProblem(kind, value);
    if (problem) this.fail(prop, value, problem);
  }

  /**
   * Each of `values` at most once (literal values only; references cannot be compared).
   * `ignoreCase` for names Azure compares without case.
   */
  public unique(prop: string, values: readonly unknown[], what: string, options: { readonly ignoreCase?: boolean } = {}): void {
    const seen = new Set<unknown>();
    const repeated: unknown[] = [];
    for (const value of values) {
      if (isToken(value)) continue;
      const key = options.ignoreCase && typeof value === "string" ? value.toLowerCase() : value;
      if (seen.has(key) && !repeated.includes(value)) repeated.push(value);
      seen.add(key);
    }
    if (repeated.length > 0) this.fail(prop, repeated, `allowed: each ${what} once${options.ignoreCase ? ", ignoring case" : ""}`);
  }

  /**
   * `value` must be one of the `offered` Azure locations (canonical form, `swedencentral`);
   * `what` names who offers them, for example `Azure OpenAI`.
   */
  public location(prop: string, value: string | undefined, offered: readonly string[], what: string): void {
    if (value === undefined || isToken(value)) return;
    if (!offered.includes(value)) this.fail(prop, value, `allowed: a location where ${what} is offered: ${offered.join(", ")}`);
  }

  /** `value` must be an e-mail address ({@link isEmailAddress}). */
  public email(prop: string, value: unknown): void {
    if (value === undefined || isToken(value)) return;
    if (!isEmailAddress(value)) this.fail(prop, value, EMAIL_RULE);
  }

  /** A weakening's {@link Justification}: a reason of at least `MIN_REASON_LENGTH` characters, literal text. */
  public justification(prop: string, value: Justification | undefined): void {
    if (value === undefined) return;
    this.reason(`${prop}.reason`, value.reason);
    this.literalText(`${prop}.reason`, value.reason);
  }

  /** `value` must be one of `allowed`. Unresolved tokens are left to Terraform. */
  public oneOf<T extends string>(prop: string, value: T | undefined, allowed: readonly T[]): void {
    if (value === undefined || isToken(value)) return;
    if (!allowed.includes(value)) this.fail(prop, value, `allowed: ${allowed.join(", ")}`);
  }

  /** `value` must be a whole number in [min, max]. */
  public integerInRange(prop: string, value: number | undefined, min: number, max: number, unit = ""): void {
    if (value === undefined || isToken(value)) return;
    if (!Number.isInteger(value) || value < min || value > max) {
      const suffix = unit ? ` ${unit}` : "";
      this.fail(prop, value, `allowed: a whole number from ${min} to ${max}${suffix}`);
    }
  }

  /** `value` must match `pattern`; `rule` says the rule in words. */
  public matches(prop: string, value: string | undefined, pattern: RegExp, rule: string): void {
    if (value === undefined || isToken(value)) return;
    if (!pattern.test(value)) this.fail(prop, value, `allowed: ${rule}`);
  }

  /**
   * Free text written into a resource (an owner, a tag value, a description, a display name):
   * Terraform must read it as it is, so `${` and `%{` (an interpolation or a directive) are
   * refused rather than escaped, as the environment config refuses them. A token of this app
   * is accepted when `tokens` is true (its literal parts are still checked); a string that looks
   * like a token but is none of this app's is refused.
   */
  public literalText(prop: string, value: unknown, options: { readonly tokens?: boolean } = {}): void {
    if (value === undefined) return;
    const problem = literalTextProblem(value, options.tokens ?? true);
    if (problem) this.fail(prop, value, problem);
  }

  /** A stated reason for a weakening or exception: at least `MIN_REASON_LENGTH` characters. */
  public reason(prop: string, value: string | undefined): void {
    if (value === undefined || isToken(value)) return;
    if (!isValidReason(value)) {
      this.fail(prop, value, `allowed: a reason of at least ${MIN_REASON_LENGTH} characters saying why`);
    }
  }

  /**
   * `props` has no prop outside `keys` (a typo such as `lcok` fails with a "did you mean"
   * instead of silently dropping the feature); nested key lists are checked too (`lock.kidn`).
   * `keys` is a {@link PropKeys} record, so the compiler keeps it complete.
   */
  public knownProps<T>(props: T, keys: PropKeys<T>, prefix = ""): void {
    for (const problem of unknownProps(prefix, props, keys)) this.fail(problem.prop, problem.value, problem.allowed);
  }

  /** The problems recorded so far, as data. */
  public get problems(): readonly PropProblem[] {
    return this.found;
  }

  /** The problems recorded so far, as text. */
  public get messages(): readonly string[] {
    return this.found.map(formatPropProblem);
  }
}

/** A construct's registered checks, and what they found when they last ran. */
class PropValidation {
  public last: readonly PropProblem[] = [];
  constructor(private readonly check: (checks: PropChecks) => void) {}
  public validate(): string[] {
    const checks = new PropChecks();
    this.check(checks);
    this.last = checks.problems;
    return [...checks.messages];
  }
}

const VALIDATIONS = new WeakMap<IConstruct, PropValidation[]>();

/**
 * Registers input checks that run at synth with every other validation of the app, so all
 * problems of a run are reported together and nothing is written for a failing stack.
 */
export function addPropChecks(scope: IConstruct, check: (checks: PropChecks) => void): void {
  const validation = new PropValidation(check);
  scope.node.addValidation(validation);
  const list = VALIDATIONS.get(scope) ?? [];
  list.push(validation);
  VALIDATIONS.set(scope, list);
}

/**
 * Validates `construct` (every validation added to it, not its children): the problems of its
 * prop checks as data, and the text of any other validation (a construct of another library).
 */
export function validateConstruct(construct: IConstruct): { readonly problems: readonly PropProblem[]; readonly others: readonly string[] } {
  const messages = construct.node.validate();
  const problems = (VALIDATIONS.get(construct) ?? []).flatMap((v) => v.last);
  const own = problems.map(formatPropProblem);
  const others = [...messages];
  for (const text of own) {
    const at = others.indexOf(text);
    if (at !== -1) others.splice(at, 1);
  }
  return { problems, others };
}

/**
 * True when the value is a Terraform reference of this app that can only be known at apply
 * time: it holds cdktf tokens, and every one of them was created in this app. A string that
 * only looks like a token (`${TfToken[TOKEN.99]}` typed or copied in) is not one: it is checked
 * like any literal, so it fails the rule the literal breaks instead of skipping the check.
 */
export function isToken(value: unknown): boolean {
  return isKnownToken(value);
}

/** True when `value` holds cdktf tokens and each of them was created in this app. */
export function isKnownToken(value: unknown): boolean {
  if (typeof value === "number") return Token.isUnresolved(value) && Tokenization.reverseNumber(value) !== undefined;
  if (typeof value !== "string" || !Token.isUnresolved(value)) return false;
  try {
    Tokenization.reverseString(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when `value` is a token whose every part is a Terraform reference (of a resource, data
 * source, variable or remote state) made in the app of `scope`. The token registry is shared by
 * every app in the process, so "created in this app" alone would accept a typed
 * `${TfToken[TOKEN.1]}` once any earlier app had made token 1; a reference knows its stack.
 */
export function isReferenceOfApp(value: unknown, scope: IConstruct): boolean {
  if (typeof value !== "string" || !isKnownToken(value)) return false;
  const root = scope.node.root;
  return Tokenization.reverseString(value).tokens.every((token) => {
    const origin = (token as { readonly originStack?: IConstruct }).originStack;
    return origin !== undefined && origin.node.root === root;
  });
}

/** True for a string that looks like a cdktf token but holds one this app did not create. */
export function isTokenLookAlike(value: unknown): boolean {
  return typeof value === "string" && Token.isUnresolved(value) && !isKnownToken(value);
}

/** The `allowed:` text for literal text that holds `${` or `%{`. */
export const NO_INTERPOLATION =
  'allowed: literal text without "${" or "%{" (Terraform reads them as an interpolation or a directive); Terraform references belong in resource ID fields only';

/** The `allowed:` text for a string that looks like a token but is none of this app's. */
export const UNKNOWN_TOKEN =
  "allowed: a Terraform reference created in this app, or a literal value (this looks like a token but none was created)";

/**
 * Why `value` cannot be written as literal text into a Terraform string, or undefined: not a
 * string, a token look-alike, a token where `tokens` is false, or `${` / `%{` in its literal
 * parts. Linear in the length of the value.
 */
export function literalTextProblem(value: unknown, tokens = true): string | undefined {
  if (typeof value !== "string") return "allowed: text";
  if (Token.isUnresolved(value)) {
    if (!isKnownToken(value)) return UNKNOWN_TOKEN;
    if (!tokens) return "allowed: literal text known at synth (not a Terraform reference)";
    const literals = Tokenization.reverseString(value).literals.map((l) => String(l));
    return literals.some(hasInterpolation) ? NO_INTERPOLATION : undefined;
  }
  return hasInterpolation(value) ? NO_INTERPOLATION : undefined;
}

function hasInterpolation(text: string): boolean {
  return text.includes("${") || text.includes("%{");
}

/** Longest key accepted where a key becomes (part of) a construct ID. */
export const MAX_CONSTRUCT_KEY_LENGTH = 128;

/**
 * Why `key` cannot become (part of) a construct ID, or undefined. constructs rewrites `/` and
 * line breaks in IDs to `--` (so `a/b` and `a--b` would share one ID and the second construct
 * would fail with "There is already a Construct with name"), and cdktf refuses tokens in IDs;
 * keys must be non-empty text of at most {@link MAX_CONSTRUCT_KEY_LENGTH} characters. Check
 * keys with this before creating constructs from them, then check for duplicates.
 */
export function constructKeyProblem(key: unknown): string | undefined {
  if (typeof key !== "string" || key.length === 0) return "allowed: a non-empty text key (it becomes a construct ID)";
  if (Token.isUnresolved(key)) return "allowed: a key known at synth, not a Terraform reference (it becomes a construct ID)";
  if (key.length > MAX_CONSTRUCT_KEY_LENGTH) return `allowed: a key of at most ${MAX_CONSTRUCT_KEY_LENGTH} characters (it becomes a construct ID)`;
  if (/[/\n\r]/.test(key)) return 'allowed: a key without "/" or line breaks (it becomes a construct ID, and constructs rewrites them to "--")';
  return undefined;
}

/** Longest text of a value shown in a message; the rest is counted, not printed. */
export const MAX_DESCRIBED_LENGTH = 320;

/**
 * A value as a message shows it: bounded in length (long values are cut and their length
 * given), newlines and control characters escaped, `NaN`, `Infinity`, BigInt, functions and
 * symbols named as what they are (JSON would print `null` or fail). Works in bounded time for
 * any input: at most a few dozen entries of an object or list are looked at.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "(missing)";
  const text = render(value, 0);
  return text.length > MAX_DESCRIBED_LENGTH ? `${text.slice(0, MAX_DESCRIBED_LENGTH)}…` : text;
}

const MAX_RENDERED_ENTRIES = 8;
const MAX_RENDERED_STRING = 256;

function render(value: unknown, depth: number): string {
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "string":
      return value.length > MAX_RENDERED_STRING
        ? `${JSON.stringify(value.slice(0, MAX_RENDERED_STRING))}… (${value.length} characters)`
        : JSON.stringify(value);
    case "number":
      return Object.is(value, -0) ? "0" : String(value);
    case "bigint":
      return `${value}n (a BigInt)`;
    case "boolean":
      return String(value);
    case "function":
      return "(a function)";
    case "symbol":
      return "(a symbol)";
    default:
      break;
  }
  if (value === null) return "null";
  if (depth >= 2) return Array.isArray(value) ? "[…]" : "{…}";
  try {
    if (Array.isArray(value)) {
      const shown = value.slice(0, MAX_RENDERED_ENTRIES).map((v) => render(v, depth + 1));
      const more = value.length > MAX_RENDERED_ENTRIES ? `, … (${value.length} items)` : "";
      return `[${shown.join(",")}${more}]`;
    }
    const entries: string[] = [];
    let count = 0;
    for (const key in value as object) {
      // Like JSON: a property set to undefined is not shown.
      if (!Object.prototype.hasOwnProperty.call(value, key) || (value as Record<string, unknown>)[key] === undefined) continue;
      count++;
      if (entries.length < MAX_RENDERED_ENTRIES) {
        entries.push(`${render(key, depth + 1)}:${render((value as Record<string, unknown>)[key], depth + 1)}`);
      } else if (count > 1000) {
        break;
      }
    }
    const more = count > MAX_RENDERED_ENTRIES ? `,… (${count > 1000 ? "over 1000" : count} keys)` : "";
    return `{${entries.join(",")}${more}}`;
  } catch {
    return "(an unreadable value)";
  }
}

/** The `allowed:` text of an e-mail address problem. */
export const EMAIL_RULE = "allowed: an e-mail address such as team@example.com";

/** Longest e-mail address accepted (RFC 5321: 254 characters, local part at most 64). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * True for a plausible e-mail address: one `@`, a non-empty local part of at most 64
 * characters, a domain with a dot that is neither first nor last, no whitespace, at most
 * {@link MAX_EMAIL_LENGTH} characters. Linear in the input (no backtracking regex), and the
 * length is checked first.
 */
export function isEmailAddress(value: unknown): boolean {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_EMAIL_LENGTH) return false;
  if (/\s/.test(value)) return false;
  const at = value.indexOf("@");
  if (at <= 0 || at > 64 || value.indexOf("@", at + 1) !== -1) return false;
  const domain = value.slice(at + 1);
  const dot = domain.indexOf(".", 1);
  return dot !== -1 && dot < domain.length - 1;
}
