// Problems as data for assertions: which construct, which prop or config path (and the value
// where it matters), never the wording. The wording of each rule is pinned once, in
// test/core/message-catalogue.test.ts.
import { TerraformStack } from "cdktf";
import { GuardedApp, SynthValidationError } from "../../lib/core/guarded-app";
import { validateConstruct } from "../../lib/core/validation";
import { validateEnvironmentConfig } from "../../lib/environment/config-schema";

/** Where a problem is: the construct path (absent for a bare config) and the prop or config path it names. */
export interface ProblemSite {
  readonly path?: string;
  /** The prop or config path (`regions[0].location`), or undefined when the message names none. */
  readonly prop?: string;
  /** Only when the message names no prop: the message, so the failure still shows it. */
  readonly message?: string;
}

// A prop path as the library writes it: identifiers, `[0]`, `["a b"]`, and `/` between alternatives
// (`workspace/archive`); or `(config)` for the config as a whole.
const SEGMENT = String.raw`(?:[A-Za-z_$][\w$-]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])`;
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

/**
 * Every validation problem under the stack, as sites: prop checks from their data, other
 * validations from the prop their message names. The construct-level counterpart of
 * `validationErrors`, without the wording.
 */
export function validationSites(stack: TerraformStack): ProblemSite[] {
  return stack.node.findAll().flatMap((c) => {
    const { problems, others } = validateConstruct(c);
    return [...problems.map((p) => ({ path: c.node.path, prop: p.prop })), ...others.map((m) => site(c.node.path, m))];
  });
}

/** The problems of a failing synth as sites (fails the test if the synth passed). */
export function synthProblemSites(app: GuardedApp): ProblemSite[] {
  try {
    app.synth();
  } catch (error) {
    if (error instanceof SynthValidationError) return error.details.map((d) => (d.check ? { path: d.path, prop: d.check.prop } : site(d.path, d.message)));
    throw error;
  }
  throw new Error("expected the synth to fail, but it passed");
}
