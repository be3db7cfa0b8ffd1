import { SecurityCenterSubscriptionPricing } from "@cdktf/provider-azurerm/lib/security-center-subscription-pricing";
import { Aspects, TerraformStack, Testing } from "cdktf";
import { DefenderForAi } from "../../../lib/governance";
import {
  CognitiveStoredCompletionsDisabled,
  CompliancePack,
  ContentFilterPromptShields,
  DefenderForAiEnabled,
  GdprPack,
  HipaaPack,
  REQUIRED_SHIELD_FILTERS,
  Soc2Pack,
} from "../../../lib/governance/compliance";
import { SHIELD_FILTERS } from "../../../lib/openai";
import { testStack } from "../../helpers/synth";
import { judge, libraryAccount, secureAccount } from "./fixtures";

const ACCOUNT = { name: "aoai-sp", resourceGroupName: "rg", location: "swedencentral" } as const;
const REASON = "Evaluation team distils gpt-4.1 until 2027-03; approved by the CISO";

/** result (and suppression reason) of `ruleId` on the account, under `pack`. */
function finding(stack: TerraformStack, pack: CompliancePack, ruleId: string): string[] {
  Aspects.of(stack).add(pack);
  Testing.synth(stack);
  return pack
    .findingsFor(stack)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => (f.suppressionReason ? `${f.result}: ${f.suppressionReason}` : f.result));
}

describe("CognitiveStoredCompletionsDisabled", () => {
  test("the library's account is compliant: its azapi update sets storedCompletionsDisabled", () => {
    const account = libraryAccount(testStack(), "a", ACCOUNT);
    expect(judge(new CognitiveStoredCompletionsDisabled(), account.resource).outcome).toBe("compliant");
  });

  test("an account that keeps them is non-compliant, and the reason suppresses the finding in every pack", () => {
    const account = libraryAccount(testStack(), "a", { ...ACCOUNT, storedCompletions: { reason: REASON } });
    expect(judge(new CognitiveStoredCompletionsDisabled(), account.resource).outcome).toBe("non-compliant");
    for (const pack of [() => new Soc2Pack(), () => new HipaaPack(), () => new GdprPack()]) {
      const stack = testStack();
      libraryAccount(stack, "a", { ...ACCOUNT, storedCompletions: { reason: REASON } });
      expect(finding(stack, pack(), CognitiveStoredCompletionsDisabled.ID)).toEqual([`suppressed: storedCompletions: ${REASON}`]);
    }
  });

  test("a Content Safety account (the gateway's) keeps no stored completions: not applicable; an OpenAI kind without the update is not", () => {
    const rule = new CognitiveStoredCompletionsDisabled();
    expect(judge(rule, secureAccount(testStack(), "cs", { kind: "ContentSafety" })).outcome).toBe("not-applicable");
    expect(judge(rule, secureAccount(testStack(), "oai", { kind: "OpenAI" })).outcome).toBe("non-compliant");
    expect(judge(rule, secureAccount(testStack(), "ais", { kind: "AIServices" })).outcome).toBe("non-compliant");
  });
});

describe("ContentFilterPromptShields", () => {
  test("the rule requires exactly the shields the content filter writes", () => {
    expect([...REQUIRED_SHIELD_FILTERS]).toEqual(SHIELD_FILTERS.map((f) => f.name));
  });

  test("the default content filter is compliant; one without document-attack shields is not, and says which", () => {
    const on = libraryAccount(testStack(), "a", { ...ACCOUNT, contentFilter: {} });
    expect(judge(new ContentFilterPromptShields(), on.contentFilter!.resource).outcome).toBe("compliant");
    const off = libraryAccount(testStack(), "a", { ...ACCOUNT, contentFilter: { blockIndirectAttacks: false } });
    expect(judge(new ContentFilterPromptShields(), off.contentFilter!.resource)).toEqual({ outcome: "non-compliant", detail: "not on and blocking: Indirect Attack" });
  });
});

describe("DefenderForAiEnabled", () => {
  test("non-compliant without a plan; compliant with the AI plan at Standard, not with another type or tier", () => {
    const stack = testStack();
    const account = libraryAccount(stack, "a", ACCOUNT);
    expect(judge(new DefenderForAiEnabled(), account.resource).outcome).toBe("non-compliant");
    new SecurityCenterSubscriptionPricing(stack, "vm", { tier: "Standard", resourceType: "VirtualMachines" });
    new SecurityCenterSubscriptionPricing(stack, "free", { tier: "Free", resourceType: "AI" });
    expect(judge(new DefenderForAiEnabled(), account.resource).outcome).toBe("non-compliant");
    const other = testStack("other");
    const covered = libraryAccount(other, "a", ACCOUNT);
    new DefenderForAi(other, "defender", { defender: { owner: "environment" } });
    expect(judge(new DefenderForAiEnabled(), covered.resource).outcome).toBe("compliant");
  });

  test("a centrally run Defender suppresses the finding with its reason, as a warning of SOC 2", () => {
    const stack = testStack();
    libraryAccount(stack, "a", ACCOUNT);
    const reason = "Defender is run by the group security team in the landing zone (SEC-112)";
    new DefenderForAi(stack, "defender", { defender: { owner: "central", reason } }, stack);
    expect(finding(stack, new Soc2Pack(), DefenderForAiEnabled.ID)).toEqual([`suppressed: defenderForAi: ${reason}`]);
  });

  test("the packs map the new rules to their controls as warnings", () => {
    const controls = (pack: CompliancePack) =>
      Object.fromEntries(pack.rules.filter((r) => [DefenderForAiEnabled.ID, ContentFilterPromptShields.ID, CognitiveStoredCompletionsDisabled.ID].includes(r.rule.id)).map((r) => [r.rule.id, `${r.level} ${r.controls.join(",")}`]));
    expect(controls(new GdprPack())).toEqual({
      DefenderForAiEnabled: "warning Art. 32",
      ContentFilterPromptShields: "warning Art. 32",
      CognitiveStoredCompletionsDisabled: "warning Art. 5(1)(c),Art. 25",
    });
    expect(Object.keys(controls(new Soc2Pack()))).toHaveLength(3);
    expect(Object.keys(controls(new HipaaPack()))).toHaveLength(3);
  });
});
