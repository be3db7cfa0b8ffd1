import { Construct, IConstruct } from "constructs";
import { acknowledgedWeakenings, isValidReason } from "../../core/justification";
import { addPropChecks } from "../../core/validation";
import { knownRuleIds } from "./rule-registry";

/** Accepting a rule's non-compliance on a construct, with the reason an auditor will read. */
export interface ComplianceSuppression {
  /** The rule ID, for example `CognitiveLocalAuthDisabled`. */
  readonly ruleId: string;
  /** Why the finding is accepted (at least 10 characters): the risk, who accepted it, until when. */
  readonly reason: string;
}

const METADATA_TYPE = "compliance/suppression";

/**
 * Suppressions in the style of cdk-nag: a suppressed rule does not fail the synth, and the
 * finding stays in the report as `suppressed` with its reason. A suppression covers the
 * construct and everything below it. A suppression with a reason shorter than 10 characters,
 * or naming an unknown rule, fails the synth and suppresses nothing.
 *
 * Suppressions name a rule ID, not a pack: one suppression accepts the rule in every pack
 * applied to the construct (the risk is the same whichever framework asks).
 */
export class ComplianceSuppressions {
  /** Suppresses `suppressions` on `scope` and its children. */
  public static add(scope: Construct, suppressions: readonly ComplianceSuppression[]): void {
    for (const suppression of suppressions) {
      scope.node.addMetadata(METADATA_TYPE, { ruleId: suppression.ruleId, reason: suppression.reason });
    }
    addPropChecks(scope, (c) => {
      const known = knownRuleIds(scope);
      for (const { ruleId, reason } of suppressions) {
        if (!known.includes(ruleId)) c.fail("complianceSuppressions.ruleId", ruleId, `allowed: a rule ID: ${known.join(", ")}`);
        c.reason(`complianceSuppressions[${ruleId}].reason`, reason);
      }
    });
  }

  /**
   * What accepts a break of rule `ruleId` on `construct`: the nearest suppression on the
   * construct or its scopes, where a scope's explicit suppression of the rule comes before a
   * weakening it recorded (`acknowledgeWeakening`) under one of the rule's `acknowledgedBy`
   * keys. A weakening's reason reads `<prop>: <reason>`, for example
   * `securityExceptions.localAuth: vendor tool needs keys`. Reasons shorter than 10 characters
   * are ignored.
   */
  public static find(construct: IConstruct, ruleId: string, acknowledgedBy: readonly string[] = []): ComplianceSuppression | undefined {
    for (const scope of [...construct.node.scopes].reverse()) {
      const own = scope.node.metadata
        .filter((entry) => entry.type === METADATA_TYPE)
        .map((entry) => entry.data as ComplianceSuppression)
        .find((s) => s.ruleId === ruleId && isValidReason(s.reason));
      if (own) return own;
      const weakening = acknowledgedWeakenings(scope).find((w) => acknowledgedBy.includes(w.key) && isValidReason(w.reason));
      if (weakening) return { ruleId, reason: `${weakening.prop}: ${weakening.reason}` };
    }
    return undefined;
  }
}
