import { TerraformResource } from "cdktf";
import type { RuleContext } from "./context";

/** How a rule judged one resource. */
export type RuleOutcome = "compliant" | "non-compliant" | "not-applicable";

/** A rule's verdict on one resource, with what it found. */
export interface RuleJudgement {
  /** The verdict. */
  readonly outcome: RuleOutcome;
  /**
   * What was found, in words an auditor can check against the Terraform JSON (for example
   * `local_auth_enabled is true`).
   * @default - no detail
   */
  readonly detail?: string;
}

/**
 * One compliance rule: judges one synthesized provider resource. Rules read the resource's
 * synthesized attributes (snake_case, as in the Terraform JSON) through the context, and may
 * look at the rest of the stack (private endpoints, diagnostic settings, keys) through it too.
 */
export interface ComplianceRule {
  /** Stable rule ID, used in findings, the report and suppressions (for example `CognitiveLocalAuthDisabled`). */
  readonly id: string;
  /** What the rule requires, in one sentence. */
  readonly description: string;
  /** How to become compliant, in one sentence. */
  readonly fix: string;
  /** Terraform resource types the rule judges (for example `azurerm_cognitive_account`); others are skipped. */
  readonly resourceTypes: readonly string[];
  /**
   * Keys of the weakenings that acknowledge a break of this rule (see `WEAKENING_KEYS` in
   * `core/weakening-keys`): a non-compliant finding on a resource whose construct, or one of
   * its scopes, recorded one of them with `acknowledgeWeakening` is reported as suppressed with
   * the weakening's reason, without a second suppression.
   * @default - none: only an explicit suppression accepts a break
   */
  readonly acknowledgedBy?: readonly string[];
  /** Judges one resource of a type in `resourceTypes`. */
  evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement;
}

/** The resource satisfies the rule. */
export function compliant(detail?: string): RuleJudgement {
  return { outcome: "compliant", detail };
}

/** The resource breaks the rule; `detail` says what was found. */
export function nonCompliant(detail: string): RuleJudgement {
  return { outcome: "non-compliant", detail };
}

/** The rule does not apply to this resource; `detail` says why. */
export function notApplicable(detail: string): RuleJudgement {
  return { outcome: "not-applicable", detail };
}
