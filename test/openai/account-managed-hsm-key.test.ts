/**
 * An account's customerManagedKey given a Managed HSM key: the system-assigned identity's local
 * RBAC role on that key, then the key set through azapi (Resource Manager's encryption), with the
 * Key Vault path and its resources untouched.
 */
import { ManagedHsmKey } from "../../lib/governance";
import { MANAGED_HSM_ENCRYPTION_TYPE, OpenAiAccount } from "../../lib/openai";
import { keyIdParts } from "../../lib/openai/managed-hsm-encryption";
import { gpt, openAiAccount } from "../helpers/openai";
import { failedProps, onlyResource, resourceList, synthJson, testStack } from "../helpers/synth";

const SUB = "11111111-2222-3333-4444-555555555555";
const HSM_ID = `/subscriptions/${SUB}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/managedHSMs/hsm-contoso-sdc`;
const HSM_KEY_ID = "https://hsm-contoso-sdc.managedhsm.azure.net/keys/aoai-cmk/0123456789abcdef0123456789abcdef";
const UAI_CLIENT_ID = "c0ffee00-1111-2222-3333-444444444444";
const ENCRYPTION_USER = "/Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/33413926-3206-4cdd-b39a-83574fe37a17";

const ref = (account: OpenAiAccount, attribute: string) => `\${azurerm_cognitive_account.${account.resource.friendlyUniqueId}.${attribute}}`;
const hsmEncryption = (json: ReturnType<typeof synthJson>) => resourceList(json, "azapi_update_resource").filter((u) => u.body?.properties?.encryption !== undefined);

describe("OpenAiAccount customerManagedKey from a Managed HSM", () => {
  const stack = testStack();
  const key = new ManagedHsmKey(stack, "hsm-key", { managedHsmId: HSM_ID, keyName: "aoai-cmk" });
  const account = openAiAccount(stack, { deployments: [gpt("chat")], customerManagedKey: key.keyReference() });
  const json = synthJson(stack);
  const keyRef = (attribute: string) => `\${azurerm_key_vault_managed_hardware_security_module_key.${key.key.friendlyUniqueId}.${attribute}}`;

  test("the system-assigned identity gets Managed HSM Crypto Service Encryption User on that one key", () => {
    const role = onlyResource(json, "azurerm_key_vault_managed_hardware_security_module_role_assignment");
    expect(role).toMatchObject({
      managed_hsm_id: HSM_ID,
      scope: "/keys/aoai-cmk",
      principal_id: ref(account, "identity[0].principal_id"),
      role_definition_id: ENCRYPTION_USER,
    });
  });

  test("then the key's current version is set on the account through Resource Manager, after the role and the earlier writes", () => {
    const [update] = hsmEncryption(json);
    expect(update.type).toBe(MANAGED_HSM_ENCRYPTION_TYPE);
    expect(update.resource_id).toBe(ref(account, "id"));
    expect(update.body).toEqual({
      properties: {
        encryption: {
          keySource: "Microsoft.KeyVault",
          keyVaultProperties: {
            keyVaultUri: `https://\${element(split("/", ${keyRef("versioned_id").slice(2, -1)}), 2)}`,
            keyName: "aoai-cmk",
            keyVersion: `\${element(split("/", ${keyRef("versioned_id").slice(2, -1)}), 5)}`,
          },
        },
      },
    });
    const roleAddress = `azurerm_key_vault_managed_hardware_security_module_role_assignment.${account.customerManagedHsmKey!.roleAssignment!.friendlyUniqueId}`;
    const deploymentAddress = `azurerm_cognitive_deployment.${account.deployments[0].resource.friendlyUniqueId}`;
    expect(update.depends_on).toEqual(expect.arrayContaining([roleAddress, deploymentAddress]));
  });

  test("the account ignores its own customer_managed_key and no Key Vault resources are made", () => {
    const made = onlyResource(json, "azurerm_cognitive_account");
    expect(made.lifecycle.ignore_changes).toContain("customer_managed_key");
    expect(made.customer_managed_key).toBeUndefined();
    expect(resourceList(json, "azurerm_cognitive_account_customer_managed_key")).toEqual([]);
    expect(resourceList(json, "azurerm_key_vault_access_policy")).toEqual([]);
    expect(account.customerManagedKey).toBeUndefined();
    expect([account.customerManagedHsmKey!.roleAssignment!.node.path, account.customerManagedHsmKey!.encryption.node.path]).toEqual(["test/openai/cmk-hsm-role", "test/openai/cmk-hsm"]);
  });

  test("valid props pass", () => {
    expect(failedProps(stack)).toEqual([]);
  });
});

describe("a Managed HSM key read by a user-assigned identity", () => {
  test("no role from the account; the identity's client ID in the encryption", () => {
    const stack = testStack();
    openAiAccount(stack, {
      managedIdentities: { systemAssigned: false, userAssignedResourceIds: [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/cmk-id`] },
      customerManagedKey: { managedHsmId: HSM_ID, keyName: "aoai-cmk", keyUriWithVersion: HSM_KEY_ID, identityClientId: UAI_CLIENT_ID },
    });
    const json = synthJson(stack);
    expect(resourceList(json, "azurerm_key_vault_managed_hardware_security_module_role_assignment")).toEqual([]);
    const [update] = hsmEncryption(json);
    expect(update.body.properties.encryption.keyVaultProperties).toEqual({
      keyVaultUri: "https://hsm-contoso-sdc.managedhsm.azure.net",
      keyName: "aoai-cmk",
      keyVersion: "0123456789abcdef0123456789abcdef",
      identityClientId: UAI_CLIENT_ID,
    });
  });

  test("keyIdParts strips the port Resource Manager writes", () => {
    expect(keyIdParts("https://hsm-a.managedhsm.azure.net:443/keys/k/abc")).toEqual({ keyVaultUri: "https://hsm-a.managedhsm.azure.net", keyVersion: "abc" });
  });
});

describe("Managed HSM key checks", () => {
  const problems = (customerManagedKey: object, extra: object = {}) => {
    const stack = testStack();
    openAiAccount(stack, { customerManagedKey: customerManagedKey as never, ...extra });
    return failedProps(stack).map((p) => p.prop);
  };

  test.each<[string, object, object, string]>([
    ["a vault ID as the HSM", { managedHsmId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv`, keyName: "aoai-cmk", keyUriWithVersion: HSM_KEY_ID }, {}, "customerManagedKey.managedHsmId"],
    ["a Key Vault key URI", { managedHsmId: HSM_ID, keyName: "aoai-cmk", keyUriWithVersion: "https://kv.vault.azure.net/keys/aoai-cmk/0123" }, {}, "customerManagedKey.keyUriWithVersion"],
    ["a versionless key ID", { managedHsmId: HSM_ID, keyName: "aoai-cmk", keyUriWithVersion: "https://hsm-contoso-sdc.managedhsm.azure.net/keys/aoai-cmk" }, {}, "customerManagedKey.keyUriWithVersion"],
    ["a key name the ID does not name", { managedHsmId: HSM_ID, keyName: "other", keyUriWithVersion: HSM_KEY_ID }, {}, "customerManagedKey.keyName"],
    ["an unknown role", { managedHsmId: HSM_ID, keyName: "aoai-cmk", keyUriWithVersion: HSM_KEY_ID, role: "Administrator" }, {}, "customerManagedKey.role"],
    ["both a vault and an HSM", { keyVaultId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv`, managedHsmId: HSM_ID, keyName: "aoai-cmk", keyUriWithVersion: HSM_KEY_ID }, {}, "customerManagedKey.keyVaultId"],
    [
      "no identity to read the key",
      { managedHsmId: HSM_ID, keyName: "aoai-cmk", keyUriWithVersion: HSM_KEY_ID },
      { managedIdentities: { systemAssigned: false, userAssignedResourceIds: [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/x`] } },
      "customerManagedKey.identityClientId",
    ],
  ])("%s fails on its prop", (_, key, extra, prop) => {
    expect(problems(key, extra)).toContain(prop);
  });

  test("a missing key ID (a JavaScript caller) is reported, not thrown", () => {
    expect(problems({ managedHsmId: HSM_ID, keyName: "aoai-cmk" })).toContain("customerManagedKey.keyUriWithVersion");
  });

  test("a Managed HSM key URI on the Key Vault path fails: the separate CMK resource refuses it", () => {
    expect(problems({ keyVaultId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv`, keyUriWithVersion: HSM_KEY_ID })).toContain("customerManagedKey.keyUriWithVersion");
  });
});
