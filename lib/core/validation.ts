import { Token } from "cdktf";
import { Construct } from "constructs";

/**
 * Collects the problems of one construct's input. Every message names the prop, the value
 * and what is allowed; the construct path is added when the errors are reported.
 */
export class PropChecks {
  private readonly problems: string[] = [];

  /** Records a problem with a prop: what was given and what is allowed. */
  public fail(prop: string, value: unknown, allowed: string): void {
    this.problems.push(`${prop}: ${describe(value)} is not allowed; ${allowed}`);
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

  /** A stated reason for a weakening or exception: at least `MIN_REASON_LENGTH` characters. */
  public reason(prop: string, value: string | undefined): void {
    if (value === undefined || isToken(value)) return;
    if (value.trim().length < MIN_REASON_LENGTH) {
      this.fail(prop, value, `allowed: a reason of at least ${MIN_REASON_LENGTH} characters saying why`);
    }
  }

  /** The problems recorded so far. */
  public get messages(): readonly string[] {
    return this.problems;
  }
}

/** Shortest reason accepted for a security exception (weakening, privileged role, suppression). */
export const MIN_REASON_LENGTH = 10;

/**
 * Registers input checks that run at synth with every other validation of the app, so all
 * problems of a run are reported together and nothing is written for a failing stack.
 */
export function addPropChecks(scope: Construct, check: (checks: PropChecks) => void): void {
  scope.node.addValidation({
    validate: () => {
      const checks = new PropChecks();
      check(checks);
      return [...checks.messages];
    },
  });
}

/** True when the value is a Terraform reference that can only be known at apply time. */
export function isToken(value: unknown): boolean {
  return (typeof value === "string" || typeof value === "number") && Token.isUnresolved(value);
}

function describe(value: unknown): string {
  if (value === undefined) return "(missing)";
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
