import { Construct, IConstruct } from "constructs";
import { MIN_REASON_LENGTH } from "../../core/justification";
import { addPropChecks } from "../../core/validation";
import { exceptionSuppression } from "./account-exceptions";
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
 */
export class ComplianceSuppressions {
  /** Suppresses `suppressions` on `scope` and its children. */
  public static add(scope: Construct, suppressions: readonly ComplianceSuppression[]): void {
    for (const suppression of suppressions) {
      scope.node.addMetadata(METADATA_TYPE, { ruleId: suppression.ruleId, reason: suppression.reason });
    }
    addPropChecks(scope, (c) => {
      const known = knownRuleIds();
      for (const { ruleId, reason } of suppressions) {
        if (!known.includes(ruleId)) c.fail("complianceSuppressions.ruleId", ruleId, `allowed: a rule ID: ${known.join(", ")}`);
        c.reason(`complianceSuppressions[${ruleId}].reason`, reason);
      }
    });
  }

  /**
   * The suppression of `ruleId` that covers `construct`: the nearest one on the construct or
   * its scopes. Suppressions with too short a reason are ignored. A weakening given to an
   * OpenAiAccount through `securityExceptions` counts as a suppression of the matching rule.
   */
  public static find(construct: IConstruct, ruleId: string): ComplianceSuppression | undefined {
    for (const scope of [...construct.node.scopes].reverse()) {
      const own = scope.node.metadata
        .filter((entry) => entry.type === METADATA_TYPE)
        .map((entry) => entry.data as ComplianceSuppression)
        .find((s) => s.ruleId === ruleId && isValidReason(s.reason));
      const found = own ?? exceptionSuppression(scope, ruleId);
      if (found) return found;
    }
    return undefined;
  }
}

function isValidReason(reason: unknown): boolean {
  return typeof reason === "string" && reason.trim().length >= MIN_REASON_LENGTH;
}
