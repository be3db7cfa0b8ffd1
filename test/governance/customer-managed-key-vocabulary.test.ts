import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { RuleContext } from "../../lib/governance/compliance/context";
import { KeyVaultHardened } from "../../lib/governance/compliance/rules/KeyVaultHardened";
import { CustomerManagedKeyVault } from "../../lib/governance";
import { GUIDS, subscriptionFormRoleId } from "../identity/fixtures";
import { keyVaultIn } from "../helpers/governance";
import { failedProps, onlyResource, resourceList, resources, synthJson, testStack } from "../helpers/synth";

const OPERATORS = "7d1b8a52-3c4e-4f60-9a1b-2c3d4e5f6a7b";
const VAULT_ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/central-kv";

function vaultRef(json: ReturnType<typeof synthJson>): string {
  const [key] = Object.keys(resources(json, "azurerm_key_vault"));
  return `\${azurerm_key_vault.${key}.id}`;
}

describe("CustomerManagedKeyVault: the shared vocabulary", () => {
  test("resource is the vault and the default child; keyVault is its deprecated alias", () => {
    const vault = keyVaultIn(testStack());
    expect(vault.node.defaultChild).toBe(vault.resource);
    expect(vault.keyVault).toBe(vault.resource);
  });

  test("grantRead assigns Reader (control plane) on the vault", () => {
    const stack = testStack();
    const vault = keyVaultIn(stack);
    expect(vault.grantRead({ principalId: OPERATORS, principalType: "Group", granteeKey: "operators" }).node.path).toBe("test/cmk/grant-Reader-operators");
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({
      scope: vaultRef(json),
      principal_id: OPERATORS,
      principal_type: "Group",
      role_definition_id: subscriptionFormRoleId(GUIDS.Reader),
    });
  });

  test("roleAssignments are exposed, in key order", () => {
    const vault = keyVaultIn(testStack(), { roleAssignments: { operators: { principalId: OPERATORS, principalType: "Group", role: "Reader" } } });
    expect(vault.roleAssignments.map((a) => [a.node.id, a.role.guid])).toEqual([["grant-Reader-operators", GUIDS.Reader]]);
  });

  test("fromKeyVaultAttributes: an imported vault is a role scope and creates nothing", () => {
    const stack = testStack();
    const central = CustomerManagedKeyVault.fromKeyVaultAttributes(stack, "central", { keyVaultId: VAULT_ID, location: "swedencentral" });
    central.grantRead({ principalId: OPERATORS, principalType: "Group", granteeKey: "operators" });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_role_assignment")).toMatchObject({ scope: VAULT_ID, role_definition_id: subscriptionFormRoleId(GUIDS.Reader) });
    expect(resourceList(json, "azurerm_key_vault")).toHaveLength(0);
  });

  test("fromKeyVaultAttributes: missing or unknown attributes are problems with their path", () => {
    const stack = testStack();
    CustomerManagedKeyVault.fromKeyVaultAttributes(stack, "central", { keyVaultId: "", location: "swedencentral", name: "kv" } as never);
    expect(failedProps(stack).filter((p) => p.path === "test/central").map((p) => p.prop)).toEqual(expect.arrayContaining(["keyVaultId", "name"]));
  });
});

describe("CustomerManagedKeyVault.grantKeyWrapUnwrap", () => {
  function withIdentity() {
    const stack = testStack();
    const vault = keyVaultIn(stack);
    const identity = new UserAssignedIdentity(stack, "cmk-identity", { name: "aoai-cmk-id", resourceGroupName: "rg", location: "swedencentral" });
    return { stack, vault, grantee: { principalId: identity.principalId, principalType: "ServicePrincipal" as const, granteeKey: "cmk-identity" } };
  }

  test("an access policy with Get, WrapKey and UnwrapKey only, on the vault's tenant; no role assignment", () => {
    const { stack, vault, grantee } = withIdentity();
    const policy = vault.grantKeyWrapUnwrap(grantee);
    expect(policy.node.path).toBe("test/cmk/key-wrap-unwrap-cmk-identity");
    const json = synthJson(stack);
    const [key] = Object.keys(resources(json, "azurerm_key_vault"));
    expect(onlyResource(json, "azurerm_key_vault_access_policy")).toEqual({
      key_vault_id: vaultRef(json),
      tenant_id: `\${azurerm_key_vault.${key}.tenant_id}`,
      object_id: expect.stringMatching(/^\$\{azurerm_user_assigned_identity\..*\.principal_id\}$/),
      key_permissions: ["Get", "WrapKey", "UnwrapKey"],
    });
    expect(resourceList(json, "azurerm_role_assignment")).toHaveLength(0);
  });

  test("the vault stays compliant with KeyVaultHardened", () => {
    const { stack, vault, grantee } = withIdentity();
    vault.grantKeyWrapUnwrap(grantee);
    expect(new KeyVaultHardened().evaluate(vault.resource, new RuleContext(stack)).outcome).toBe("compliant");
  });

  test("granting one principal twice returns the first policy", () => {
    const { stack, vault, grantee } = withIdentity();
    expect(vault.grantKeyWrapUnwrap(grantee)).toBe(vault.grantKeyWrapUnwrap(grantee));
    expect(resourceList(synthJson(stack), "azurerm_key_vault_access_policy")).toHaveLength(1);
  });

  test("a reference principal without a grantee key is a problem", () => {
    const { stack, vault, grantee } = withIdentity();
    vault.grantKeyWrapUnwrap({ principalId: grantee.principalId, principalType: "ServicePrincipal" });
    expect(failedProps(stack)).toEqual([expect.objectContaining({ path: "test/cmk", prop: "grantKeyWrapUnwrap(?).granteeKey" })]);
  });
});
