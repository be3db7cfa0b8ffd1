import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { GuardedApp, SynthValidationError } from "../../lib/core/guarded-app";
import { OpenAiEnvironmentStack } from "../../lib/environment/openai-environment-stack";
import { ENVIRONMENTS } from "../../stacks/environments";

/** What one generated config led to. */
export type Outcome = "clean" | "valid" | "crash" | "bypass";

/**
 * The result of running one config through the app's own path. `ms` is reported by
 * `npm run fuzz` (its slowest case) and judged by nothing: a case runs synchronously, so a real
 * hang never returns, and the jest test's own timeout is the watchdog for it.
 */
export interface CaseResult {
  readonly outcome: Outcome;
  readonly ms: number;
  readonly detail?: string;
}

/** Problem lines: `[construct path] prop: ...`. */
const PROBLEM_LINE = /^\[[^\]\n]+\] \S[^\n]*: [^\n]* is not allowed; |^\[[^\]\n]+\] [A-Za-z][^\n]*: /;

const clone = (v: unknown): any => JSON.parse(JSON.stringify(v));
const BASES = ENVIRONMENTS.map(clone);

/** Every path of a value down to depth 4 (arrays: their first items). */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (prefix.length > 0) out.push(prefix);
  if (prefix.length >= 4 || value === null || typeof value !== "object") return out;
  const entries = Array.isArray(value) ? value.slice(0, 2).map((v, i) => [i, v] as const) : Object.entries(value);
  for (const [k, v] of entries) pathsOf(v, [...prefix, k], out);
  return out;
}

const HUGE = "x".repeat(70_000);
const JUNK: unknown[] = [
  undefined, null, NaN, Infinity, -Infinity, -1, 0, 1.5, 1e21, "", " ", "\n", "EU", "Eu", "false", "true", "0",
  "${TfToken[TOKEN.1]}", "${var.x}", "%{if true}x%{endif}", "__proto__", "valueOf", "constructor", "toString",
  "gpt/4", "gpt--4", "constructor", "hasOwnProperty", "a", "workspace", "swedencentral-network", "mars", "SOC2", "a\nb", "*?[]{}!", "a b",
  HUGE, `a@${".".repeat(40_000)} `, [], {}, [{}], [null], { a: 1 }, 10n, () => 1, true, false,
  Array.from({ length: 200 }, (_, i) => `v${i}`), Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`k${i}`, "v"])),
];

const setAt = (root: any, p: (string | number)[], value: unknown): any => {
  const copy = clone(root);
  let cur = copy;
  for (const seg of p.slice(0, -1)) cur = cur[seg];
  const last = p[p.length - 1];
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return copy;
};

const flipCase = (v: unknown) => (typeof v === "string" ? (v === v.toUpperCase() ? v.toLowerCase() : v.toUpperCase()) : v);

/** Configs the way users get them wrong: one-field mutations of the default environments, and worse. */
export const configArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  // One field replaced by junk, a random value, or the same value in another case.
  fc.integer({ min: 0, max: BASES.length - 1 }).chain((b) => {
    const paths = pathsOf(BASES[b]);
    return fc.tuple(
      fc.constantFrom(...paths),
      fc.oneof(fc.constantFrom(...JUNK), fc.string(), fc.integer(), fc.double(), fc.constant("__flip__"), fc.constant("__dup__")),
    ).map(([p, junk]) => {
      if (junk === "__flip__") return setAt(BASES[b], p, flipCase(p.reduce((v: any, s) => v?.[s], BASES[b])));
      if (junk === "__dup__") {
        const v = p.reduce((x: any, s) => x?.[s], BASES[b]);
        return Array.isArray(v) ? setAt(BASES[b], p, [...v, ...v]) : setAt(BASES[b], p, v);
      }
      return setAt(BASES[b], p, junk);
    });
  }),
  // An unknown key next to a known one.
  fc.tuple(fc.integer({ min: 0, max: BASES.length - 1 }), fc.constantFrom("regoins", "tag", "Name", "budgets", "__proto__", "x")).map(([b, k]) => ({ ...BASES[b], [k]: 1 })),
  // Two fields at once.
  fc.tuple(fc.integer({ min: 0, max: BASES.length - 1 }), fc.constantFrom(...JUNK), fc.constantFrom(...JUNK)).map(([b, x, y]) => ({ ...BASES[b], owner: x, tags: y })),
  // Junk where the whole config is expected.
  fc.oneof(fc.constantFrom(...JUNK), fc.anything()),
  // Unchanged defaults: must stay valid.
  fc.constantFrom(...BASES),
);

function check(config: any, json: any): string | undefined {
  const text = JSON.stringify(json);
  if (text.includes("retention_policy")) return "retention_policy present";
  const accounts = Object.values<any>(json.resource?.azurerm_cognitive_account ?? {});
  if (accounts.length === 0) return "no account";
  for (const a of accounts) {
    if (a.public_network_access_enabled !== false) return "public network access";
    if (a.local_auth_enabled !== false) return "local auth";
    const acls = Array.isArray(a.network_acls) ? a.network_acls[0] : a.network_acls;
    if (acls?.default_action !== "Deny") return "network ACL default not Deny";
  }
  const policies = Object.entries<any>(json.resource?.azurerm_cognitive_account_rai_policy ?? {});
  const filterNames = new Set(policies.flatMap(([id, p]) => [p.name, `\${azurerm_cognitive_account_rai_policy.${id}.name}`]));
  let total = 0;
  for (const d of Object.values<any>(json.resource?.azurerm_cognitive_deployment ?? {})) {
    const overridden = config.contentFilterOverrides && Object.prototype.hasOwnProperty.call(config.contentFilterOverrides, d.name);
    if (!overridden && !filterNames.has(d.rai_policy_name)) return `deployment ${d.name} uses ${d.rai_policy_name}`;
    const sku = d.sku?.name ?? d.sku?.[0]?.name;
    if (!String(sku).endsWith("ProvisionedManaged")) total += d.sku?.capacity ?? d.sku?.[0]?.capacity ?? 0;
  }
  if (total > config.capacityCapK) return `capacity ${total} over cap ${config.capacityCapK}`;
  return undefined;
}

/** Runs one config through a GuardedApp, as `stacks/main.ts` would, and classifies the outcome. */
export function runCase(config: unknown): CaseResult {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-fuzz-"));
  // As stacks/main.ts runs the app: cdktf's per-token stack traces are not formatted (under jest
  // they go through source maps, which made the bigger stacks' time depend on the test runner).
  const formatStack = Error.prepareStackTrace;
  Error.prepareStackTrace = () => "";
  const started = Date.now();
  let result: { outcome: Outcome; detail?: string };
  try {
    const app = new GuardedApp({ outdir, printWarnings: false });
    const stack = new OpenAiEnvironmentStack(app, config as any);
    app.synth();
    const file = path.join(outdir, "stacks", stack.node.id, "cdk.tf.json");
    const problem = check(config, JSON.parse(fs.readFileSync(file, "utf8")));
    result = problem ? { outcome: "bypass", detail: problem } : { outcome: "valid" };
  } catch (error) {
    if (error instanceof SynthValidationError && error.unexpected.length === 0 && error.problems.length > 0 && error.problems.every((p) => PROBLEM_LINE.test(p))) {
      result = { outcome: "clean" };
    } else {
      const message = error instanceof SynthValidationError ? error.problems.find((p) => !PROBLEM_LINE.test(p)) ?? error.message : String(error);
      result = { outcome: "crash", detail: message.slice(0, 300) };
    }
  } finally {
    Error.prepareStackTrace = formatStack;
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  return { ...result, ms: Date.now() - started };
}
