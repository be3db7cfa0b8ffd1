// Problems as data for assertions: which construct, which prop or config path (and the value
// where it matters), never the wording. The wording of each rule is pinned once, in
// test/core/message-catalogue.test.ts.
import { TerraformStack } from "cdktf";
import { validateConstruct } from "../../lib/core/validation";
import { checkEnvironmentConfig as validateEnvironmentConfig } from "../../lib/environment/config-schema";
import { Matcher, MatchFailure, matchFailures } from "./match";

/** Where a problem is: the construct path (absent for a bare config) and the prop or config path it names. */
export interface ProblemSite {
  readonly path?: string;
  /** The prop or config path (`regions[0].location`), or undefined when the message names none. */
  readonly prop?: string;
  /** Only when the message names no prop: the message, so the failure still shows it. */
  readonly message?: string;
}

// A prop path as the library writes it: identifiers, `[0]` or `[key]`, `["a b"]`, and `/` between alternatives
// (`workspace/archive`); or `(config)` for the config as a whole.
const SEGMENT = String.raw`(?:[A-Za-z_$][\w$-]*|\[[^\]"\s]+\]|\["(?:[^"\\]|\\.)*"\])`;
const PROP = new RegExp(String.raw`^(\(config\)|${SEGMENT}(?:\.?${SEGMENT}|/${SEGMENT})*): `);

/** The prop or config path a problem message names (`prop: value is not allowed; ...`), or undefined. */
export function propOf(message: string): string | undefined {
  return PROP.exec(message)?.[1];
}

function site(path: string | undefined, message: string): ProblemSite {
  const prop = propOf(message);
  const where = path === undefined ? {} : { path };
  return prop === undefined ? { ...where, message } : { ...where, prop };
}

/** The sites of problem lines, as `validateEnvironmentConfig` or `synthProblems` return them (`[path] prop: ...`). */
export function problemSites(lines: readonly string[]): ProblemSite[] {
  return lines.map((line) => {
    const bracketed = /^\[([^\]]*)\] ([\s\S]*)$/.exec(line);
    return bracketed ? site(bracketed[1], bracketed[2]) : site(undefined, line);
  });
}

/** The config paths an environment config fails on (empty when it is valid). */
export function configProblemPaths(config: unknown, scope?: Parameters<typeof validateEnvironmentConfig>[1]): (string | undefined)[] {
  const result = validateEnvironmentConfig(config, scope);
  return result.ok ? [] : problemSites(result.problems).map((p) => p.prop ?? p.message);
}

/** One problem under a stack: prop checks with their data, other validations with their message. */
export interface FoundProblem {
  readonly path: string;
  readonly prop?: string;
  readonly value?: unknown;
  /** What is allowed (prop checks). */
  readonly rule?: string;
  /** The whole message (validations that are not prop checks). */
  readonly message?: string;
}

/** Every validation problem under the stack, in construct order. */
export function constructProblems(stack: TerraformStack): FoundProblem[] {
  return stack.node.findAll().flatMap((c) => {
    const { problems, others } = validateConstruct(c);
    return [
      ...problems.map((p): FoundProblem => ({ path: c.node.path, prop: p.prop, value: p.value, rule: p.rule })),
      ...others.map((m): FoundProblem => ({ path: c.node.path, prop: propOf(m), message: m })),
    ];
  });
}

/** What `failed` may check besides the prop. */
export interface FailedOptions {
  /** The construct path (`test/net`). */
  readonly path?: string;
  /** The value given (a plain object matches like `Match.objectLike`). */
  readonly value?: unknown;
  /** A keyword of the rule that tells it from other rules on the same prop (not its wording). */
  readonly rule?: RegExp;
}

class FailedMatch extends Matcher {
  public readonly name: string;
  constructor(
    private readonly prop: string | RegExp,
    private readonly options: FailedOptions,
  ) {
    super();
    this.name = `failed(${String(prop)})`;
  }

  public test(actual: unknown, path: string): MatchFailure[] {
    const found = actual as FoundProblem;
    if (typeof found !== "object" || found === null) return [{ path, message: `expected a problem, found ${String(actual)}` }];
    const failures: MatchFailure[] = [];
    const propMatches = typeof this.prop === "string" ? found.prop === this.prop : found.prop !== undefined && this.prop.test(found.prop);
    if (!propMatches) failures.push({ path: `${path}.prop`, message: `expected ${this.prop}, found ${found.prop}` });
    if (this.options.path !== undefined && found.path !== this.options.path) failures.push({ path: `${path}.path`, message: `expected ${this.options.path}, found ${found.path}` });
    if ("value" in this.options) {
      if (!("value" in found)) failures.push({ path: `${path}.value`, message: "expected a value, but the problem carries none (its text shows none as JSON)" });
      else failures.push(...matchFailures(this.options.value, found.value, `${path}.value`));
    }
    const rule = found.rule ?? found.message ?? "";
    if (this.options.rule && !this.options.rule.test(rule)) failures.push({ path: `${path}.rule`, message: `expected a rule matching ${this.options.rule}, found ${JSON.stringify(rule)}` });
    return failures;
  }
}

/**
 * A pattern for one problem: the prop (a RegExp when it holds a generated part), and where it matters the construct path, the value and a
 * keyword of the rule. Use it inside `toEqual`: `expect(constructProblems(stack)).toEqual([failed("subnetId")])`.
 */
export function failed(prop: string | RegExp, options: FailedOptions = {}): Matcher {
  return new FailedMatch(prop, options);
}

/**
 * Problem lines (`[path] prop: value is not allowed; ...`, as `validateEnvironmentConfig` and
 * `synthProblems` return them) read back as found problems, for sources that give only text:
 * the prop from the grammar, the value when it is written as JSON or `(missing)`, the line as message.
 */
export function problemsIn(lines: readonly string[]): FoundProblem[] {
  return lines.map((line) => {
    const bracketed = /^\[([^\]]*)\] ([\s\S]*)$/.exec(line);
    const message = bracketed ? bracketed[2] : line;
    const prop = propOf(message);
    const found: FoundProblem = { path: bracketed ? bracketed[1] : "", prop, message };
    if (prop === undefined) return found;
    const shown = /^(.*?) is not allowed/s.exec(message.slice(prop.length + 2))?.[1];
    if (shown === "(missing)") return { ...found, value: undefined };
    try {
      return shown === undefined ? found : { ...found, value: JSON.parse(shown) };
    } catch {
      return found;
    }
  });
}
