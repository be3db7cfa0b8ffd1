import { IConstruct } from "constructs";

/**
 * The written reason for a weakening of a secure default: a privileged role, a public endpoint,
 * a deployment without the account's content filter, a compliance suppression. One shape for
 * every weakening, so an auditor reads them all the same way.
 */
export interface Justification {
  /** Why the weakening is needed (at least 10 characters): the risk, who accepted it, until when. */
  readonly reason: string;
}

/** Shortest reason accepted for a weakening (privileged role, exception, suppression). */
export const MIN_REASON_LENGTH = 10;

/** True when `reason` is text of at least {@link MIN_REASON_LENGTH} characters besides spaces. */
export function isValidReason(reason: unknown): reason is string {
  return typeof reason === "string" && reason.trim().length >= MIN_REASON_LENGTH;
}

/**
 * A weakening a construct was given with a reason, recorded under a key (for example
 * `publicNetworkAccess`). Compliance rules name the keys that acknowledge them, so a rule broken
 * by an acknowledged weakening is reported as suppressed with the reason, without a second
 * suppression and without the rule knowing the construct.
 */
export interface AcknowledgedWeakening {
  /** What was weakened, as the rules know it, for example `publicNetworkAccess`. */
  readonly key: string;
  /** The prop the weakening was given in, for the report, for example `securityExceptions.localAuth`. */
  readonly prop: string;
  /** The stated reason. */
  readonly reason: string;
}

const WEAKENING_METADATA = "aoai/acknowledged-weakening";

/**
 * Records on `scope` that `key` was weakened on purpose. Only a valid reason is recorded (a
 * short one is reported by the construct's own checks and suppresses nothing).
 */
export function acknowledgeWeakening(scope: IConstruct, key: string, prop: string, justification: Justification): void {
  if (!isValidReason(justification.reason)) return;
  const entry: AcknowledgedWeakening = { key, prop, reason: justification.reason };
  scope.node.addMetadata(WEAKENING_METADATA, entry);
}

/** The weakenings recorded on `scope` itself (not its scopes or children). */
export function acknowledgedWeakenings(scope: IConstruct): AcknowledgedWeakening[] {
  return scope.node.metadata.filter((m) => m.type === WEAKENING_METADATA).map((m) => m.data as AcknowledgedWeakening);
}
