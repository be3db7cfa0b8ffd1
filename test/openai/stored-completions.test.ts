import { AzapiUpdateResource } from "../../lib/core/azapi";
import { acknowledgedWeakenings } from "../../lib/core/justification";
import { OpenAiAccountProps, STORED_COMPLETIONS_TYPE } from "../../lib/openai";
import { openAiAccount } from "../helpers/openai";
import { failedProps, onlyResource, resourceList, synthJson, testStack } from "../helpers/synth";

function account(props: Partial<OpenAiAccountProps> = {}) {
  const stack = testStack();
  const construct = openAiAccount(stack, props);
  return { stack, construct, json: () => synthJson(stack) };
}

const DEPLOYMENT = { name: "chat", model: "gpt-4.1", version: "2025-04-14", sku: "DataZoneStandard", capacity: 10 } as const;

describe("stored completions", () => {
  test("by default an account disables them through azapi on the first GA API that has the property", () => {
    const { stack, json } = account();
    expect(failedProps(stack)).toEqual([]);
    const update = onlyResource(json(), AzapiUpdateResource.tfResourceType);
    expect(STORED_COMPLETIONS_TYPE).toBe("Microsoft.CognitiveServices/accounts@2025-09-01");
    expect(update.type).toBe(STORED_COMPLETIONS_TYPE);
    expect(update.resource_id).toMatch(/^\$\{azurerm_cognitive_account\.[^.]+\.id\}$/);
    expect(update.body).toEqual({ properties: { storedCompletionsDisabled: true } });
    // Validated against azapi's embedded schema, which has the property in this version.
    expect(update.schema_validation_enabled).toBeUndefined();
  });

  test("the update is in the account's operation chain: the deployment waits for it (one write at a time)", () => {
    const { construct, json } = account({ deployments: [DEPLOYMENT] });
    const synthesized = json();
    const deployment = onlyResource(synthesized, "azurerm_cognitive_deployment");
    expect(construct.storedCompletionsOff).toBeDefined();
    expect(deployment.depends_on).toEqual([`azapi_update_resource.${construct.storedCompletionsOff!.friendlyUniqueId}`]);
  });

  test("a reason keeps them on: no update, and the weakening is recorded with its reason", () => {
    const reason = "Evaluation team distils gpt-4.1 until 2027-03; approved by CISO";
    const { stack, construct, json } = account({ storedCompletions: { reason } });
    expect(failedProps(stack)).toEqual([]);
    expect(resourceList(json(), AzapiUpdateResource.tfResourceType)).toEqual([]);
    expect(construct.storedCompletionsOff).toBeUndefined();
    expect(acknowledgedWeakenings(construct)).toContainEqual({ key: "storedCompletions", prop: "storedCompletions", reason });
  });

  test("a short reason fails the synth at storedCompletions.reason and suppresses nothing", () => {
    const { stack, construct } = account({ storedCompletions: { reason: "eval" } });
    expect(failedProps(stack).map((p) => p.prop)).toContain("storedCompletions.reason");
    expect(acknowledgedWeakenings(construct)).toEqual([]);
  });
});
