// ResourceLocks is gone: each construct that holds data or keys takes a `lock` prop (see the
// workspace, archive and key vault tests). What is left here is the environment's wiring of
// those props (`deletionProtection`), which the environment stack owns.
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { environment, synthEnvironment } from "../helpers/environment";
import { onlyResource, resourceList, resources } from "../helpers/synth";

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
      "azurerm_cognitive_account", // the gateway's Content Safety account
      "azurerm_key_vault",
      "azurerm_key_vault",
      "azurerm_log_analytics_workspace",
      "azurerm_storage_account",
      "azurerm_storage_account",
    ]);
    expect(resourceList(all, "azurerm_management_lock").map((l) => l.name).sort()).toEqual([
      "do-not-delete-ai-gateway",
      "do-not-delete-ai-gateway-content-safety",
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
    // The account locks are the accounts' own children (openai_<location>_lock_...); the AI
    // gateway follows the accounts: prevent_destroy, no lock.
    expect(lockAddresses(json)).toEqual(lockAddresses(all).filter((a) => !/^openai_(swedencentral|francecentral)_lock_/.test(a) && !/^gateway_.*lock/.test(a)));
    for (const account of resourceList(json, "azurerm_cognitive_account")) expect(account.lifecycle).toMatchObject({ prevent_destroy: true });
  });

  test("false on a kind: neither lock nor prevent_destroy for it", () => {
    const json = withProtection({ workspace: false, archives: "preventDestroy", keyVaults: "lock" });
    // The AI gateway (and its Content Safety account) is protected as the accounts are.
    expect(lockedTypes(json)).toEqual(["azurerm_api_management", "azurerm_cognitive_account", "azurerm_cognitive_account", "azurerm_cognitive_account", "azurerm_key_vault", "azurerm_key_vault"]);
    expect(onlyResource(json, "azurerm_log_analytics_workspace").lifecycle?.prevent_destroy).toBeUndefined();
    for (const archive of resourceList(json, "azurerm_storage_account")) expect(archive.lifecycle).toMatchObject({ prevent_destroy: true });
  });

  test("false and undefined protect nothing", () => {
    expect(resourceList(withProtection(false), "azurerm_management_lock")).toEqual([]);
    expect(resourceList(withProtection(undefined), "azurerm_management_lock")).toEqual([]);
  });
});
