import { IConstruct } from "constructs";
import { MIN_REASON_LENGTH } from "../../core/justification";
import { RbacAssignment } from "../../identity/role-assignment";
import { ModelDeployment } from "../../openai/model-deployment";
import { OpenAiAccount, OpenAiAccountSecurityExceptions } from "../../openai/openai-account";
import {
  CognitiveLocalAuthDisabled,
  CognitiveOutboundRestricted,
  CognitivePublicNetworkAccessDisabled,
  DeploymentContentFilter,
  NoPrivilegedRoleAssignment,
} from "./rules";

/** The rule each OpenAiAccount weakening breaks. */
const RULE_OF_EXCEPTION: Readonly<Record<keyof OpenAiAccountSecurityExceptions, string>> = {
  publicNetworkAccess: CognitivePublicNetworkAccessDisabled.ID,
  localAuth: CognitiveLocalAuthDisabled.ID,
  unrestrictedOutbound: CognitiveOutboundRestricted.ID,
};

/**
 * A weakening given to an OpenAiAccount (`securityExceptions`), a ModelDeployment's
 * `contentFilterOverride: { reason }` or a privileged role given with `privileged: { reason }`
 * already states why, so it suppresses the rule it breaks instead of asking for the same reason
 * twice; the report shows it as suppressed with that reason.
 * Returns undefined for other constructs and rules.
 */
export function exceptionSuppression(scope: IConstruct, ruleId: string): { ruleId: string; reason: string } | undefined {
  if (scope instanceof RbacAssignment) {
    const reason = scope.privilegedReason;
    if (ruleId !== NoPrivilegedRoleAssignment.ID || !reason || reason.trim().length < MIN_REASON_LENGTH) return undefined;
    return { ruleId, reason: `privileged: ${reason}` };
  }
  if (scope instanceof ModelDeployment) {
    const reason = scope.contentFilterOverrideReason;
    if (ruleId !== DeploymentContentFilter.ID || typeof reason !== "string" || reason.trim().length < MIN_REASON_LENGTH) return undefined;
    return { ruleId, reason: `contentFilterOverride: ${reason}` };
  }
  if (!(scope instanceof OpenAiAccount)) return undefined;
  const applied = scope.securityExceptions.find(
    (e) => RULE_OF_EXCEPTION[e.setting] === ruleId && e.reason.trim().length >= MIN_REASON_LENGTH,
  );
  return applied ? { ruleId, reason: `securityExceptions.${applied.setting}: ${applied.reason}` } : undefined;
}
