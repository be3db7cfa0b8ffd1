import { acknowledgedWeakenings } from "../../lib/core/justification";
import { DefenderForAi, DefenderForAiOwner } from "../../lib/governance";
import { failedProps, resourceList, synthJson, testStack } from "../helpers/synth";

function defender(owner: DefenderForAiOwner) {
  const stack = testStack();
  const construct = new DefenderForAi(stack, "defender", { defender: owner }, stack);
  return { stack, construct };
}

describe("DefenderForAi", () => {
  test("owner environment: the subscription's Defender for AI plan, resource type AI, tier Standard", () => {
    const { stack } = defender({ owner: "environment" });
    expect(failedProps(stack)).toEqual([]);
    expect(resourceList(synthJson(stack), "azurerm_security_center_subscription_pricing")).toEqual([{ resource_type: "AI", tier: "Standard" }]);
    expect(acknowledgedWeakenings(stack)).toEqual([]);
  });

  test("owner central: no plan, the reason recorded on the report scope as a weakening", () => {
    const reason = "Defender is run by the group security team in the landing zone (SEC-112)";
    const { stack } = defender({ owner: "central", reason });
    expect(failedProps(stack)).toEqual([]);
    expect(resourceList(synthJson(stack), "azurerm_security_center_subscription_pricing")).toEqual([]);
    expect(acknowledgedWeakenings(stack)).toEqual([{ key: "defenderForAiCentral", prop: "defenderForAi", reason }]);
  });

  test("owner central without a usable reason fails at defender.reason and suppresses nothing", () => {
    const { stack } = defender({ owner: "central", reason: "sec" });
    expect(failedProps(stack).map((p) => p.prop)).toContain("defender.reason");
    expect(acknowledgedWeakenings(stack)).toEqual([]);
  });

  test("an unknown owner fails at defender.owner", () => {
    const { stack } = defender({ owner: "subscription" } as never);
    expect(failedProps(stack).map((p) => p.prop)).toContain("defender.owner");
  });
});
