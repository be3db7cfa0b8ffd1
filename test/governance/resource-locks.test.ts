import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { ResourceLocks } from "../../lib";
import { environment, synthEnvironment } from "../helpers/environment";
import { onlyResource, resourceList, resources, synthJson, testStack, validationErrors } from "../helpers/synth";

describe("ResourceLocks protection modes", () => {
  test("lock (the default) and preventDestroy: both get prevent_destroy, only lock gets a CanNotDelete lock", () => {
    const stack = testStack();
    const locked = new ResourceGroup(stack, "locked", { name: "rg-a", location: "swedencentral" });
    const terraformOnly = new ResourceGroup(stack, "tf-only", { name: "rg-b", location: "swedencentral" });
    locked.lifecycle = { ignoreChanges: ["tags"] };
    new ResourceLocks(stack, "locks", {
      resources: {
        a: { resource: locked, reason: "holds the audit trail" },
        b: { resource: terraformOnly, reason: "children must stay replaceable", protection: "preventDestroy" },
      },
    });
    const json = synthJson(stack);
    expect(Object.keys(resources(json, "azurerm_management_lock"))).toEqual([expect.stringMatching(/^locks_a/)]);
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({ name: "do-not-delete-a", lock_level: "CanNotDelete", scope: "${azurerm_resource_group.locked.id}" });
    expect(resources(json, "azurerm_resource_group").locked.lifecycle).toEqual({ ignore_changes: ["tags"], prevent_destroy: true });
    expect(resources(json, "azurerm_resource_group")["tf-only"].lifecycle).toEqual({ prevent_destroy: true });
  });

  test("an unknown mode fails with the allowed values", () => {
    const stack = testStack();
    const rg = new ResourceGroup(stack, "rg", { name: "rg", location: "swedencentral" });
    new ResourceLocks(stack, "locks", { resources: { rg: { resource: rg, reason: "holds the audit trail", protection: "ReadOnly" as never } } });
    expect(validationErrors(stack)).toEqual(['[test/locks] resources.rg.protection: "ReadOnly" is not allowed; allowed: lock, preventDestroy']);
  });
});

describe("environment deletionProtection", () => {
  const prod = environment("prod");
  const withProtection = (deletionProtection: EnvironmentConfig["deletionProtection"]) => synthEnvironment({ ...prod, deletionProtection });
  const lockAddresses = (json: ReturnType<typeof synthEnvironment>) => Object.keys(resources(json, "azurerm_management_lock")).sort();
  const lockedTypes = (json: ReturnType<typeof synthEnvironment>) =>
    resourceList(json, "azurerm_management_lock").map((l) => l.scope.split(".")[0].replace("${", "")).sort();

  const all = withProtection(true);

  test("true locks every kind (today's prod), with the same lock names", () => {
    expect(lockedTypes(all)).toEqual([
      "azurerm_api_management",
      "azurerm_cognitive_account",
      "azurerm_cognitive_account",
      "azurerm_key_vault",
      "azurerm_key_vault",
      "azurerm_log_analytics_workspace",
      "azurerm_storage_account",
      "azurerm_storage_account",
    ]);
    expect(resourceList(all, "azurerm_management_lock").map((l) => l.name).sort()).toEqual([
      "do-not-delete-ai-gateway",
      "do-not-delete-archive-francecentral",
      "do-not-delete-archive-swedencentral",
      "do-not-delete-openai-francecentral",
      "do-not-delete-openai-swedencentral",
      "do-not-delete-vault-francecentral",
      "do-not-delete-vault-swedencentral",
      "do-not-delete-workspace",
    ]);
  });

  test("an empty object is the same as true, address for address", () => {
    expect(lockAddresses(withProtection({}))).toEqual(lockAddresses(all));
  });

  test("accounts preventDestroy: no lock on the accounts (deployments replaceable), prevent_destroy stays; the rest keep their locks at the same addresses", () => {
    const json = withProtection({ accounts: "preventDestroy" });
    expect(lockedTypes(json)).not.toContain("azurerm_cognitive_account");
    // The AI gateway follows the accounts: prevent_destroy, no lock.
    expect(lockAddresses(json)).toEqual(lockAddresses(all).filter((a) => !a.startsWith("locks_openai-") && !a.startsWith("gateway_locks_")));
    for (const account of resourceList(json, "azurerm_cognitive_account")) expect(account.lifecycle).toMatchObject({ prevent_destroy: true });
  });

  test("false on a kind: neither lock nor prevent_destroy for it", () => {
    const json = withProtection({ workspace: false, archives: "preventDestroy", keyVaults: "lock" });
    // The AI gateway is protected as the accounts are.
    expect(lockedTypes(json)).toEqual(["azurerm_api_management", "azurerm_cognitive_account", "azurerm_cognitive_account", "azurerm_key_vault", "azurerm_key_vault"]);
    expect(onlyResource(json, "azurerm_log_analytics_workspace").lifecycle?.prevent_destroy).toBeUndefined();
    for (const archive of resourceList(json, "azurerm_storage_account")) expect(archive.lifecycle).toMatchObject({ prevent_destroy: true });
  });

  test("false and undefined protect nothing", () => {
    expect(resourceList(withProtection(false), "azurerm_management_lock")).toEqual([]);
    expect(resourceList(withProtection(undefined), "azurerm_management_lock")).toEqual([]);
  });
});
