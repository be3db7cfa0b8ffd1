import { TerraformStack } from "cdktf";
import { AzapiResource, azapiProvider } from "../../lib/core/azapi";
import { CognitiveCustomerManagedKey, RuleContext } from "../../lib/governance/compliance";
import { CustomerManagedKey, CustomerManagedKeyProps } from "../../lib/governance/customer-managed-key";
import { OpenAiAccount } from "../../lib/openai/openai-account";
import { judge } from "./compliance/fixtures";
import { onlyResource, resourceList, synthJson, testStack, TerraformJson } from "../helpers/synth";

const account = (stack: TerraformStack, name = "aoai-t", location = "swedencentral") =>
  new OpenAiAccount(stack, `openai-${location}`, { name, resourceGroupName: "rg", location, environment: "prod", owner: "team" });

const cmk = (stack: TerraformStack, a: OpenAiAccount, overrides: Partial<CustomerManagedKeyProps> = {}, id = "cmk") =>
  new CustomerManagedKey(stack, id, { account: a, keyVaultName: "aoaitkv", resourceGroupName: "rg", environment: "prod", owner: "team", dataResidency: "eu", ...overrides });

function synthOne(overrides: Partial<CustomerManagedKeyProps> = {}): { json: TerraformJson; key: CustomerManagedKey; account: OpenAiAccount } {
  const stack = testStack();
  const a = account(stack);
  const key = cmk(stack, a, overrides);
  return { json: synthJson(stack), key, account: a };
}

describe("CustomerManagedKey", () => {
  const { json } = synthOne();

  test("the account ignores customer_managed_key, which the separate resource owns (F1)", () => {
    expect(onlyResource(json, "azurerm_cognitive_account").lifecycle).toEqual({ ignore_changes: ["customer_managed_key"] });
  });

  test("no data-plane key: no azurerm_key_vault_key, the key is a Resource Manager azapi_resource (F3, F4)", () => {
    expect(resourceList(json, "azurerm_key_vault_key")).toEqual([]);
    const key = onlyResource(json, "azapi_resource");
    expect(key).toEqual({
      type: "Microsoft.KeyVault/vaults/keys@2023-07-01",
      name: "aoai-t-cmk",
      parent_id: "${azurerm_key_vault.cmk_vault_BB613D54.id}",
      body: {
        properties: {
          kty: "RSA-HSM",
          keySize: 2048,
          keyOps: ["wrapKey", "unwrapKey"],
          rotationPolicy: {
            attributes: { expiryTime: "P365D" },
            lifetimeActions: [
              { trigger: { timeAfterCreate: "P90D" }, action: { type: "rotate" } },
              { trigger: { timeBeforeExpiry: "P30D" }, action: { type: "notify" } },
            ],
          },
        },
      },
      response_export_values: ["properties.keyUri", "properties.keyUriWithVersion"],
    });
  });

  test("required_providers has azapi and the stack has one azapi provider block", () => {
    expect(json.terraform.required_providers.azapi).toEqual({ source: "azure/azapi", version: "~> 2.0" });
    expect(json.provider?.azapi).toEqual([{}]);
  });

  test("the vault uses access policies, refuses public traffic and lets trusted services through (F2)", () => {
    const vault = onlyResource(json, "azurerm_key_vault");
    expect(vault).toMatchObject({
      rbac_authorization_enabled: false,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
      network_acls: { default_action: "Deny", bypass: "AzureServices" },
    });
    // Inline policies would fight the separate resource; contact is a data-plane call.
    expect(vault.access_policy).toBeUndefined();
    expect(vault.contact).toBeUndefined();
  });

  test("the account's system identity gets exactly Get, WrapKey and UnwrapKey on keys, nothing else", () => {
    const policy = onlyResource(json, "azurerm_key_vault_access_policy");
    expect(policy).toEqual({
      key_vault_id: "${azurerm_key_vault.cmk_vault_BB613D54.id}",
      tenant_id: "${azurerm_cognitive_account.openai-swedencentral_resource_8708116A.identity[0].tenant_id}",
      object_id: "${azurerm_cognitive_account.openai-swedencentral_resource_8708116A.identity[0].principal_id}",
      key_permissions: ["Get", "WrapKey", "UnwrapKey"],
    });
    expect(resourceList(json, "azurerm_role_assignment")).toEqual([]);
  });

  test("the CMK uses the versioned key URI and waits for the access policy (F10)", () => {
    const resource = onlyResource(json, "azurerm_cognitive_account_customer_managed_key");
    expect(resource.key_vault_key_id).toBe("${azapi_resource.cmk_key_5C35322E.output.properties.keyUriWithVersion}");
    expect(resource.depends_on).toContain("azurerm_key_vault_access_policy.cmk_access-policy_6DA440B8");
    expect(resource.cognitive_account_id).toBe("${azurerm_cognitive_account.openai-swedencentral_resource_8708116A.id}");
  });

  test("Terraform addresses of the vault and the CMK resource keep their construct IDs", () => {
    expect(Object.keys(json.resource!.azurerm_key_vault)).toEqual(["cmk_vault_BB613D54"]);
    expect(Object.keys(json.resource!.azurerm_cognitive_account_customer_managed_key)).toEqual(["cmk_resource_D5D8BC94"]);
  });

  test("the construct exposes both key URIs as expressions", () => {
    const stack = testStack();
    const key = cmk(stack, account(stack));
    expect(new RuleContext(stack).resolve(key.keyUri)).toBe("${azapi_resource.cmk_key_5C35322E.output.properties.keyUri}");
    expect(new RuleContext(stack).resolve(key.keyUriWithVersion)).toBe("${azapi_resource.cmk_key_5C35322E.output.properties.keyUriWithVersion}");
  });

  test("custom rotation reaches the key body", () => {
    const { json: custom } = synthOne({ rotation: { rotateAfter: "P30D", expireAfter: "P400D", notifyBeforeExpiry: "P14D" } });
    expect(onlyResource(custom, "azapi_resource").body.properties.rotationPolicy).toEqual({
      attributes: { expiryTime: "P400D" },
      lifetimeActions: [
        { trigger: { timeAfterCreate: "P30D" }, action: { type: "rotate" } },
        { trigger: { timeBeforeExpiry: "P14D" }, action: { type: "notify" } },
      ],
    });
  });

  test("the compliance finding says what rotates by itself and what needs an apply", () => {
    const stack = testStack();
    const a = account(stack);
    cmk(stack, a);
    expect(judge(new CognitiveCustomerManagedKey(), a.resource)).toEqual({
      outcome: "compliant",
      detail:
        "customer-managed key test/cmk/resource; rotation: Key Vault creates new key versions by itself; the key's current version is read on every plan and the account moves to it at the next apply",
    });
  });
});

describe("OpenAiAccount.ignoreChanges", () => {
  test("merges into the lifecycle without dropping prevent_destroy or earlier ignore_changes", () => {
    const stack = testStack();
    const a = account(stack);
    a.resource.lifecycle = { preventDestroy: true, ignoreChanges: ["tags"] };
    cmk(stack, a);
    a.ignoreChanges("customer_managed_key");
    expect(onlyResource(synthJson(stack), "azurerm_cognitive_account").lifecycle).toEqual({
      prevent_destroy: true,
      ignore_changes: ["tags", "customer_managed_key"],
    });
  });

  test("keeps ignore_changes = all", () => {
    const stack = testStack();
    const a = account(stack);
    a.resource.lifecycle = { ignoreChanges: "all" };
    a.ignoreChanges("customer_managed_key");
    expect(onlyResource(synthJson(stack), "azurerm_cognitive_account").lifecycle).toEqual({ ignore_changes: "all" });
  });
});

describe("azapi bindings", () => {
  test("two keys in one stack share one azapi provider", () => {
    const stack = testStack();
    cmk(stack, account(stack, "aoai-se", "swedencentral"), {}, "cmk-se");
    cmk(stack, account(stack, "aoai-fr", "francecentral"), { keyVaultName: "aoaitkvfr" }, "cmk-fr");
    const json = synthJson(stack);
    expect(resourceList(json, "azapi_resource")).toHaveLength(2);
    expect(json.provider?.azapi).toHaveLength(1);
    expect(azapiProvider(stack)).toBe(azapiProvider(stack));
  });

  test("an output path that is not exported fails loudly", () => {
    const stack = testStack();
    const r = new AzapiResource(stack, "r", { type: "Microsoft.KeyVault/vaults/keys@2023-07-01", name: "k", parentId: "/x", responseExportValues: ["properties.keyUri"] });
    expect(() => r.outputString("properties.kty")).toThrow(/"properties.kty" is not in responseExportValues/);
  });
});
