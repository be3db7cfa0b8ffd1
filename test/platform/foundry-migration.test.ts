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
  // The model accounts; the gateway's Content Safety account is another kind, not migrated.
  const modelAccounts = (json: ReturnType<typeof synthEnvironment>) =>
    Object.fromEntries(Object.entries(resources(json, "azurerm_cognitive_account")).filter(([, a]) => a.kind !== "ContentSafety"));
  const oldAccounts = modelAccounts(old);
  const newAccounts = modelAccounts(migrated);

  test("before: the upgraded account is kept, because kind and project management are ignored", () => {
    expect(Object.keys(oldAccounts)).toHaveLength(2);
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

describe("an opted-out environment as HCL (cdktf synth --hcl)", () => {
  test("writes the azapi opt-out with its body as an HCL object", () => {
    const { synthEnvironmentFiles } = jest.requireActual("../helpers/environment") as typeof import("../helpers/environment");
    const previous = process.env.SYNTH_HCL_OUTPUT;
    process.env.SYNTH_HCL_OUTPUT = "true";
    let hcl: string;
    try {
      const optedOut: EnvironmentConfig = { ...before, foundryUpgrade: { decision: "optOut", reason: "Approved as Azure OpenAI only until the 2027 review" } };
      hcl = synthEnvironmentFiles(optedOut, ["cdk.tf"]).files["cdk.tf"];
    } finally {
      if (previous === undefined) delete process.env.SYNTH_HCL_OUTPUT;
      else process.env.SYNTH_HCL_OUTPUT = previous;
    }
    const blocks = hcl.split(/\nresource /).filter((b) => /^"azapi_update_resource" "openai_[a-z]+_foundry-upgrade-opt-out_/.test(b));
    expect(blocks).toHaveLength(2); // one per region (besides the updates that disable stored completions)
    for (const block of blocks) {
      expect(block).toContain('type = "Microsoft.CognitiveServices/accounts@2026-01-15-preview"');
      expect(block).toMatch(/body = \{\s*properties = \{\s*foundryAutoUpgrade = \{\s*mode = "Disabled"/);
      expect(block).toMatch(/resource_id = "\$\{azurerm_cognitive_account\.openai_\w+\.id\}"/);
    }
  });
});
