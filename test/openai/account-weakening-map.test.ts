import { acknowledgedWeakenings } from "../../lib/core/justification";
import { WEAKENING_KEYS } from "../../lib/core/weakening-keys";
import { OpenAiAccountSecurityExceptions } from "../../lib/openai";
import { failedProps, onlyResource, synthJson, testStack } from "../helpers/synth";
import { gpt, openAiAccount } from "../helpers/openai";

const REASON = { reason: "partner integration, ADR-12, until 2027-06" };

describe("OpenAiAccount weakenings through one map", () => {
  test("every exception is acknowledged under its neutral key and listed as an AppliedException", () => {
    const stack = testStack();
    const account = openAiAccount(stack, {
      securityExceptions: { unrestrictedOutbound: REASON, publicNetworkAccess: REASON, localAuth: REASON },
    });
    expect(acknowledgedWeakenings(account).map((w) => [w.key, w.prop])).toEqual([
      [WEAKENING_KEYS.publicNetworkAccess, "securityExceptions.publicNetworkAccess"],
      [WEAKENING_KEYS.localAuth, "securityExceptions.localAuth"],
      [WEAKENING_KEYS.unrestrictedOutbound, "securityExceptions.unrestrictedOutbound"],
    ]);
    expect(account.securityExceptions).toEqual([
      { setting: "publicNetworkAccess", reason: REASON.reason },
      { setting: "localAuth", reason: REASON.reason },
      { setting: "unrestrictedOutbound", reason: REASON.reason },
    ]);
  });

  test("without exceptions nothing is acknowledged and every secure default holds", () => {
    const stack = testStack();
    const account = openAiAccount(stack);
    expect(acknowledgedWeakenings(account)).toEqual([]);
    expect(account.securityExceptions).toEqual([]);
    const resource = onlyResource(synthJson(stack), "azurerm_cognitive_account");
    expect(resource.public_network_access_enabled).toBe(false);
    expect(resource.local_auth_enabled).toBe(false);
    expect(resource.outbound_network_access_restricted).toBe(true);
  });

  test("a misspelt exception fails the synth instead of being dropped", () => {
    const stack = testStack();
    const exceptions = { publicNetworkAcess: REASON } as unknown as OpenAiAccountSecurityExceptions;
    openAiAccount(stack, { securityExceptions: exceptions });
    expect(failedProps(stack).map((p) => p.prop)).toEqual(["securityExceptions.publicNetworkAcess"]);
  });

  test("a deployment's content filter override and kept stored completions go through the same loop", () => {
    const stack = testStack();
    const account = openAiAccount(stack, {
      storedCompletions: { reason: "evaluation team distils from stored completions" },
      deployments: [gpt("chat", { contentFilterOverride: { reason: "red-team deployment, ADR-40" } })],
    });
    expect(acknowledgedWeakenings(account).map((w) => [w.key, w.prop])).toEqual([[WEAKENING_KEYS.storedCompletions, "storedCompletions"]]);
    expect(acknowledgedWeakenings(account.deployments[0]).map((w) => [w.key, w.prop])).toEqual([
      [WEAKENING_KEYS.contentFilterOverride, "contentFilterOverride"],
    ]);
  });
});
