import { ManagedHsmKey } from "../../../lib/governance";
import { CognitiveCustomerManagedKey } from "../../../lib/governance/compliance/rules";
import { testStack } from "../../helpers/synth";
import { judge, libraryAccount } from "./fixtures";

const HSM_ID = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-keys/providers/Microsoft.KeyVault/managedHSMs/hsm-contoso-sdc";
const ACCOUNT = { name: "chat-prod-sdc-oai-ctso", resourceGroupName: "chat-prod-rg", location: "swedencentral" };

// A Managed HSM key reaches the account through an azapi update (azurerm 4.55 refuses HSM key IDs
// on its key resource): the CMK rule must count it as the account's customer-managed key.
describe("CognitiveCustomerManagedKey with a Managed HSM key", () => {
  test("a production account encrypted with an HSM key is compliant, and rotation follows the key's versioned_id", () => {
    const stack = testStack();
    const key = new ManagedHsmKey(stack, "hsm-key", { managedHsmId: HSM_ID, keyName: "aoai-cmk" });
    const account = libraryAccount(stack, "account", { ...ACCOUNT, customerManagedKey: key.keyReference() }, "prod");
    const judgement = judge(new CognitiveCustomerManagedKey({ production: true }), account.resource);
    expect(judgement.outcome).toBe("compliant");
    expect(judgement.detail).toContain("cmk-hsm");
    expect(judgement.detail).toContain("the account moves to it at the next apply");
  });

  test("the same production account without a key stays non-compliant", () => {
    const stack = testStack();
    const account = libraryAccount(stack, "account", ACCOUNT, "prod");
    expect(judge(new CognitiveCustomerManagedKey({ production: true }), account.resource).outcome).toBe("non-compliant");
  });
});
