import type { core } from "zod";
import { didYouMean } from "../core/suggestion";
import { describeValue, PropProblem } from "../core/validation";

/** A path into the user's config, as written: `["regions", 1, "network", "addressSpace"]`. */
export type ConfigPath = readonly (string | number)[];

/** One problem with a config: where, the value found there, and what is allowed. */
export interface ConfigProblem {
  /** Where in the config. */
  readonly path: ConfigPath;
  /** The value found (undefined when missing). */
  readonly value: unknown;
  /** What is allowed, starting with `allowed:` (or another clause of the same kind). */
  readonly allowed: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;
const MAX_KEY_SHOWN = 40;
/** Unknown keys of one object reported one by one; the rest are counted. */
const MAX_UNKNOWN_KEYS_REPORTED = 20;

/** A config path as the user would write it: `regions[1].network.addressSpace`, `tags["a b"]`. */
export function formatPath(path: ConfigPath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === "" ? segment : `.${segment}`;
    else {
      const shown = segment.length > MAX_KEY_SHOWN ? `${segment.slice(0, MAX_KEY_SHOWN)}…` : segment;
      text += `[${JSON.stringify(shown)}]`;
    }
  }
  return text === "" ? "(config)" : text;
}

/** A problem in the PropChecks form: `path: value is not allowed; allowed: ...`. */
export function formatProblem(problem: ConfigProblem): string {
  return `${formatPath(problem.path)}: ${describeValue(problem.value)} is not allowed; ${problem.allowed}`;
}

const SEGMENT = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The path of a name {@link formatPath} wrote (`regions[1].location`, `tags["a b"]`): its inverse. */
export function parsePath(text: string): ConfigPath {
  const path: (string | number)[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < text.length) {
    const m = SEGMENT.exec(text);
    if (!m) return [text];
    path.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string)));
  }
  return path;
}

/**
 * A problem of a shared rule (lib/regions, lib/governance, lib/gateway), which names what it
 * checks with {@link formatPath} at the config boundary, as a problem of the config.
 */
export function configProblemOf(problem: PropProblem): ConfigProblem {
  return { path: parsePath(problem.prop), value: problem.value, allowed: problem.rule };
}

/** The value at `path` in `root`, looking only at own properties; undefined when absent. */
export function valueAt(root: unknown, path: ConfigPath): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || (typeof current !== "object" && typeof current !== "function")) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

// Moved to lib/core so construct props share it; kept here for the config modules.
export { closestMatch, didYouMean } from "../core/suggestion";

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a finite number",
  int: "a whole number",
  boolean: "true or false (a boolean, not a string)",
  object: "an object",
  record: "an object of key-value pairs",
  array: "a list",
  bigint: "a number (not a BigInt)",
};

/** Known keys of the object at a path, for unknown-key suggestions; supplied by the schema. */
export type KnownKeys = (path: ConfigPath) => readonly string[];

/** Our problems for one zod issue: the user's path, the value found there, what is allowed. */
export function problemsOfIssue(issue: core.$ZodIssue, root: unknown, knownKeys: KnownKeys): ConfigProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const value = valueAt(root, path);
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_WORDS[issue.expected] ?? `a ${issue.expected}`;
      const required = value === undefined ? " (required)" : "";
      return [{ path, value, allowed: `allowed: ${expected}${required}` }];
    }
    case "unrecognized_keys": {
      const known = knownKeys(path);
      const shown = issue.keys.slice(0, MAX_UNKNOWN_KEYS_REPORTED);
      const rest: ConfigProblem[] =
        issue.keys.length > shown.length
          ? [{ path, value: `${issue.keys.length} unknown properties`, allowed: `allowed: only ${known.join(", ") || "known properties"} (the first ${shown.length} are reported one by one)` }]
          : [];
      return shown.map((key): ConfigProblem => ({
        path: [...path, key],
        value: valueAt(root, [...path, key]),
        allowed: `allowed: no property ${JSON.stringify(key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}…` : key)} here${didYouMean(key, known)}${known.length > 0 ? ` (known: ${known.join(", ")})` : ""}`,
      })).concat(rest);
    }
    case "invalid_value": {
      const values = issue.values.map((v) => (typeof v === "string" ? v : String(v)));
      return [{ path, value, allowed: `allowed: one of ${values.join(", ")}${didYouMean(value, values)}` }];
    }
    case "too_small":
    case "too_big":
      return [{ path, value, allowed: `allowed: ${sizeRule(issue)}` }];
    case "custom": {
      // Problems with a record's key carry the key as the value: the name is what is wrong.
      const params = (issue.params ?? {}) as { value?: unknown; key?: boolean };
      if (params.key) return [{ path, value: params.value, allowed: `${issue.message} (the key)` }];
      const required = value === undefined && !issue.message.includes("required") ? " (required)" : "";
      return [{ path, value, allowed: `${issue.message}${required}` }];
    }
    default:
      return [{ path, value, allowed: `allowed: ${issue.message}` }];
  }
}

function sizeRule(issue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig): string {
  const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const word = issue.code === "too_small" ? "at least" : "at most";
  switch (issue.origin) {
    case "string":
      return `${word} ${bound} character${bound === 1 ? "" : "s"}`;
    case "array":
    case "set":
      return `${word} ${bound} item${bound === 1 ? "" : "s"}`;
    default:
      return inclusive ? `${word} ${bound}` : `${issue.code === "too_small" ? "more than" : "less than"} ${bound}`;
  }
}
