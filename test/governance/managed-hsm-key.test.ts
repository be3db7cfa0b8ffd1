import { TerraformStack } from "cdktf";
import { ManagedHsmKey, ManagedHsmKeyProps } from "../../lib/governance";
import { MANAGED_HSM_KEY_ROLES, managedHsmRoleDefinitionId } from "../../lib/core";
import { failedProps, onlyResource, resourceList, synthJson, testStack, TerraformJson } from "../helpers/synth";

const HSM_ID = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-keys/providers/Microsoft.KeyVault/managedHSMs/hsm-contoso-sdc";
const PROPS: ManagedHsmKeyProps = { managedHsmId: HSM_ID, keyName: "aoai-prod-cmk" };

function build(overrides: Partial<ManagedHsmKeyProps> = {}): { key: ManagedHsmKey; stack: TerraformStack } {
  const stack = testStack();
  return { key: new ManagedHsmKey(stack, "hsm-key", { ...PROPS, ...overrides }), stack };
}

function synthOne(overrides: Partial<ManagedHsmKeyProps> = {}): { json: TerraformJson; key: ManagedHsmKey; stack: TerraformStack } {
  const { key, stack } = build(overrides);
  return { json: synthJson(stack), key, stack };
}

describe("ManagedHsmKey", () => {
  const { json, key, stack } = synthOne();

  test("an RSA-HSM 2048 key for wrap and unwrap only, on the existing HSM's data plane, protected from destroy", () => {
    const made = onlyResource(json, "azurerm_key_vault_managed_hardware_security_module_key");
    expect(made).toMatchObject({
      name: "aoai-prod-cmk",
      managed_hsm_id: HSM_ID,
      key_type: "RSA-HSM",
      key_size: 2048,
      key_opts: ["wrapKey", "unwrapKey"],
    });
    expect(made.lifecycle.prevent_destroy).toBe(true);
    // A rotated version's expiry comes from the policy: ignoring the dates keeps plans empty.
    expect(made.lifecycle.ignore_changes).toEqual(["expiration_date", "not_before_date"]);
    // The HSM itself is not made here (activation is outside Terraform).
    expect(resourceList(json, "azurerm_key_vault_managed_hardware_security_module")).toEqual([]);
    expect(resourceList(json, "azapi_resource")).toEqual([]);
  });

  test("a rotation policy on the key: rotate after 90 days, rotated versions expire after 365", () => {
    const policy = onlyResource(json, "azurerm_key_vault_managed_hardware_security_module_key_rotation_policy");
    expect(policy).toEqual(
      expect.objectContaining({
        managed_hsm_key_id: `\${azurerm_key_vault_managed_hardware_security_module_key.${key.key.friendlyUniqueId}.id}`,
        time_after_creation: "P90D",
        expire_after: "P365D",
      }),
    );
    expect(policy.time_before_expiry).toBeUndefined();
  });

  test("keyReference: the HSM, the key name and the version read on every plan", () => {
    expect(key.keyReference()).toEqual({
      managedHsmId: HSM_ID,
      keyName: "aoai-prod-cmk",
      keyUriWithVersion: key.keyIdWithVersion,
      identityClientId: undefined,
      role: undefined,
    });
  });

  test("grantServiceEncryption: Managed HSM Crypto Service Encryption User on this one key, a stable GUID name", () => {
    const stack2 = testStack();
    const key2 = new ManagedHsmKey(stack2, "hsm-key", PROPS);
    key2.grantServiceEncryption("cmk-identity", "99999999-8888-7777-6666-555555555555");
    const assignment = onlyResource(synthJson(stack2), "azurerm_key_vault_managed_hardware_security_module_role_assignment");
    expect(assignment).toMatchObject({
      managed_hsm_id: HSM_ID,
      scope: "/keys/aoai-prod-cmk",
      principal_id: "99999999-8888-7777-6666-555555555555",
      role_definition_id: "/Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/33413926-3206-4cdd-b39a-83574fe37a17",
    });
    expect(assignment.name).toMatch(/^\$\{uuidv5\("url", lower\(join\("\|", \[/);
    expect(managedHsmRoleDefinitionId("CryptoUser")).toMatch(new RegExp(`${MANAGED_HSM_KEY_ROLES.CryptoUser.id}$`));
  });

  test("valid props pass", () => {
    expect(failedProps(stack)).toEqual([]);
  });

  test.each<[string, Partial<ManagedHsmKeyProps>, string]>([
    ["a Key Vault ID", { managedHsmId: "/subscriptions/1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv" }, "managedHsmId"],
    ["a key name with a dot", { keyName: "aoai.cmk" }, "keyName"],
    ["rotation under Managed HSM's 28 days", { rotation: { rotateAfter: "P7D" } }, "rotation.rotateAfter"],
    ["expiry not after rotation", { rotation: { rotateAfter: "P90D", expireAfter: "P60D" } }, "rotation.expireAfter"],
    ["rotation in months", { rotation: { rotateAfter: "P3M" } }, "rotation.rotateAfter"],
    ["an unknown prop", { notifyBeforeExpiry: "P30D" } as Partial<ManagedHsmKeyProps>, "notifyBeforeExpiry"],
  ])("%s fails the synth on its prop", (_, overrides, prop) => {
    expect(failedProps(build(overrides).stack).map((p) => p.prop)).toContain(prop);
  });

  test("preventDestroy: false lifts prevent_destroy and keeps ignoring the dates", () => {
    const made = onlyResource(synthOne({ preventDestroy: false }).json, "azurerm_key_vault_managed_hardware_security_module_key");
    expect(made.lifecycle.prevent_destroy).toBe(false);
    expect(made.lifecycle.ignore_changes).toEqual(["expiration_date", "not_before_date"]);
  });
});
