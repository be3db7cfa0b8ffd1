import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { environment, synthEnvironment } from "../helpers/environment";
import { resources } from "../helpers/synth";

/**
 * Migrating prod (kind OpenAI, decision allow) to a Foundry resource after Microsoft's upgrade:
 * the config switches to kind AIServices. Nothing that forces a new account in azurerm 4.55
 * (name, location, resource group, custom subdomain; kind is already AIServices in the state)
 * may change, and no address may move (docs/FOUNDRY.md, "Migrating").
 */
const before = environment("prod");
const { kind: _kind, foundryUpgrade: _upgrade, ...rest } = before;
const after: EnvironmentConfig = { ...rest, kind: "AIServices" };

/** Attributes of azurerm_cognitive_account 4.55 that force a new resource (ForceNew or CustomizeDiff). */
const REPLACE_FORCING = ["name", "location", "resource_group_name", "custom_subdomain_name", "sku_name", "identity"];

describe("prod from OpenAI (upgrade allowed) to AIServices", () => {
  const old = synthEnvironment(before);
  const migrated = synthEnvironment(after);
  const oldAccounts = resources(old, "azurerm_cognitive_account");
  const newAccounts = resources(migrated, "azurerm_cognitive_account");

  test("before: the upgraded account is kept, because kind and project management are ignored", () => {
    for (const account of Object.values(oldAccounts)) {
      expect(account.kind).toBe("OpenAI");
      expect(account.lifecycle.ignore_changes).toEqual(expect.arrayContaining(["kind", "project_management_enabled"]));
      expect(account.lifecycle.prevent_destroy).toBe(true);
    }
  });

  test("every account keeps its address and every replace-forcing attribute", () => {
    expect(Object.keys(newAccounts).sort()).toEqual(Object.keys(oldAccounts).sort());
    for (const [id, account] of Object.entries(newAccounts)) {
      for (const attribute of REPLACE_FORCING) expect([id, attribute, account[attribute]]).toEqual([id, attribute, oldAccounts[id][attribute]]);
    }
  });

  test("after: the config says what the upgrade made (AIServices, project management on), and nothing of the account is ignored but the key", () => {
    for (const account of Object.values(newAccounts)) {
      expect(account.kind).toBe("AIServices");
      expect(account.project_management_enabled).toBe(true);
      expect(account.lifecycle).toEqual({ ignore_changes: ["customer_managed_key"], prevent_destroy: true });
    }
  });

  test("no address of the stack disappears; the Foundry DNS zone and its links are new", () => {
    const addresses = (json: typeof old) => new Set(Object.entries(json.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`)));
    const was = addresses(old);
    const is = addresses(migrated);
    expect([...was].filter((a) => !is.has(a))).toEqual([]);
    const added = [...is].filter((a) => !was.has(a));
    expect(added.every((a) => /^azurerm_private_dns_zone(_virtual_network_link)?\./.test(a) && /aiservices/.test(a))).toBe(true);
    expect(added.length).toBeGreaterThan(0);
  });
});
