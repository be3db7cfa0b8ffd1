import { SecurityCenterSubscriptionPricing } from "@cdktf/provider-azurerm/lib/security-center-subscription-pricing";
import { Construct, IConstruct } from "constructs";
import { applyWeakenings, WeakeningMap } from "../core/applied-weakening";
import { Justification } from "../core/justification";
import { PropKeys } from "../core/known-props";
import { addPropChecks } from "../core/validation";
import { WEAKENING_KEYS } from "../core/weakening-keys";

/**
 * Who runs Defender for AI (threat protection for AI services) for an environment's accounts:
 * - `environment`: this environment sets the subscription's Defender for AI plan to Standard.
 *   The plan is a SUBSCRIPTION-WIDE setting: it covers (and bills) every AI resource in the
 *   subscription, not only this environment's, and destroying the resource sets the plan back
 *   to Free for the whole subscription (azurerm v4.55.0 security_center_subscription_pricing
 *   Delete). Choose it only where the environment owns the subscription's settings.
 * - `central`: a security team runs Defender for the subscription (or the tenant) elsewhere;
 *   the reason is written to the compliance report.
 */
export type DefenderForAiOwner =
  | {
      /** This environment owns the subscription's Defender for AI plan. */
      readonly owner: "environment";
    }
  | ({
      /** Defender is managed centrally; this environment does not touch the subscription's plan. */
      readonly owner: "central";
    } & Justification);

/** Every owner, for messages. */
export const DEFENDER_FOR_AI_OWNERS = Object.freeze(["environment", "central"] as const);

/** The `resource_type` of the Defender for AI plan (azurerm v4.55.0 accepts "AI"). */
export const DEFENDER_FOR_AI_RESOURCE_TYPE = "AI";

/** Props of {@link DefenderForAi}. */
export interface DefenderForAiProps {
  /** Who runs Defender for AI; see {@link DefenderForAiOwner}. */
  readonly defender: DefenderForAiOwner;
}

// The prop name the report shows is the environment's (`defenderForAi`), as before.
const DEFENDER_WEAKENINGS: WeakeningMap<"defenderForAi"> = { defenderForAi: WEAKENING_KEYS.defenderForAiCentral };

const DEFENDER_FOR_AI_PROP_KEYS: PropKeys<DefenderForAiProps> = { defender: true };

/**
 * Defender for AI for the subscription the stack deploys to: an
 * `azurerm_security_center_subscription_pricing` (resource type `AI`, tier `Standard`, child
 * `plan`) when the environment owns the subscription's settings, or the recorded reason why a
 * security team runs it centrally. The weakening is recorded on `reportScope` (typically the
 * stack), so the compliance rule `DefenderForAiEnabled` reports every account in it as
 * suppressed with the reason.
 */
export class DefenderForAi extends Construct {
  /** The subscription plan, when this environment owns it. */
  public readonly plan?: SecurityCenterSubscriptionPricing;

  constructor(scope: Construct, id: string, props: DefenderForAiProps, reportScope: IConstruct = scope) {
    super(scope, id);
    addPropChecks(this, (c) => {
      c.knownProps(props, DEFENDER_FOR_AI_PROP_KEYS);
      c.oneOf("defender.owner", props.defender?.owner, DEFENDER_FOR_AI_OWNERS);
      if (props.defender?.owner === "central") c.justification("defender", props.defender);
    });
    const defender = props.defender;
    if (defender?.owner === "environment") {
      this.plan = new SecurityCenterSubscriptionPricing(this, "plan", { tier: "Standard", resourceType: DEFENDER_FOR_AI_RESOURCE_TYPE });
      this.node.defaultChild = this.plan;
    } else if (defender?.owner === "central") {
      applyWeakenings(reportScope, "", { defenderForAi: defender }, DEFENDER_WEAKENINGS);
    }
  }
}
