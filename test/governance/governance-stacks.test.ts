import * as fs from "fs";
import * as path from "path";
import { ENVIRONMENTS } from "../../stacks/environments";
import { OpenAiEnvironmentStack } from "../../lib/environment/openai-environment-stack";
import { environment, synthEnvironment } from "../helpers/environment";
import { referenceAppOutdir } from "../helpers/reference-app";
import { resourceList, resources, synthProblems, testApp } from "../helpers/synth";
import { ROLE_GUIDS } from "../helpers/roles";
import { failed, problemsIn } from "../helpers/problems";

const prod = environment("prod");
const dev = environment("dev");
const prodJson = synthEnvironment(prod);
const devJson = synthEnvironment(dev);

describe("prod keys", () => {
  test("each region has a hardened Key Vault using access policies (Azure OpenAI CMK needs them)", () => {
    const vaults = resourceList(prodJson, "azurerm_key_vault");
    expect(vaults.map((v) => v.location).sort()).toEqual(["francecentral", "swedencentral"]);
    for (const vault of vaults) {
      expect(vault).toMatchObject({
        sku_name: "premium",
        purge_protection_enabled: true,
        soft_delete_retention_days: 90,
        rbac_authorization_enabled: false,
        public_network_access_enabled: false,
        network_acls: { default_action: "Deny", bypass: "AzureServices" },
      });
      expect(vault.access_policy).toBeUndefined();
      expect(vault.contact).toBeUndefined();
    }
  });

  test("keys are created through Resource Manager (azapi): RSA-HSM 2048, wrap/unwrap only, rotated every 90 days", () => {
    expect(resourceList(prodJson, "azurerm_key_vault_key")).toEqual([]);
    const keys = resourceList(prodJson, "azapi_resource").filter((r) => r.type.startsWith("Microsoft.KeyVault/vaults/keys@"));
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key.parent_id).toMatch(/^\$\{azurerm_key_vault\.[^.]+\.id\}$/);
      expect(key.body.properties).toEqual({
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
      });
    }
    expect(prodJson.terraform.required_providers.azapi).toEqual({ source: "azure/azapi", version: "~> 2.12" });
  });

  test("every account is encrypted with its region's key, versioned, after its identity's access policy", () => {
    const cmks = resourceList(prodJson, "azurerm_cognitive_account_customer_managed_key");
    expect(cmks).toHaveLength(2);
    const policies = resources(prodJson, "azurerm_key_vault_access_policy");
    expect(Object.keys(policies)).toHaveLength(2);
    for (const cmk of cmks) {
      expect(cmk.key_vault_key_id).toMatch(/^\$\{replace\(azapi_resource\.[^.]+\.output\.properties\.keyUriWithVersion, ":443\/", "\/"\)\}$/);
      const policyAddress = cmk.depends_on.find((d: string) => d.startsWith("azurerm_key_vault_access_policy."));
      const policy = policies[policyAddress.split(".")[1]];
      expect(policy.key_permissions).toEqual(["Get", "WrapKey", "UnwrapKey"]);
      expect(policy.object_id).toMatch(/^\$\{azurerm_cognitive_account\.[^.]+\.identity\[0\]\.principal_id\}$/);
    }
    expect(resourceList(prodJson, "azurerm_role_assignment").filter((r) => r.role_definition_id.endsWith(ROLE_GUIDS.KeyVaultCryptoServiceEncryptionUser))).toEqual([]);
  });

  test("dev has no customer-managed keys and no azapi resources; azapi only disables stored completions there (and reads capacity)", () => {
    expect(resourceList(devJson, "azurerm_cognitive_account_customer_managed_key")).toEqual([]);
    expect(resourceList(devJson, "azapi_resource")).toEqual([]);
    const updates = resourceList(devJson, "azapi_update_resource");
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) expect(u.body).toEqual({ properties: { storedCompletionsDisabled: true } });
  });
});

describe("prod locks", () => {
  test("CanNotDelete locks on both accounts, the workspace, both archives, both vaults, the AI gateway and its Content Safety account", () => {
    const locks = resourceList(prodJson, "azurerm_management_lock");
    expect(locks).toHaveLength(9);
    for (const lock of locks) expect(lock.lock_level).toBe("CanNotDelete");
    const scopes = locks.map((l) => l.scope.split(".")[0].replace("${", "")).sort();
    expect(scopes).toEqual([
      "azurerm_api_management",
      "azurerm_cognitive_account",
      "azurerm_cognitive_account",
      "azurerm_cognitive_account",
      "azurerm_key_vault",
      "azurerm_key_vault",
      "azurerm_log_analytics_workspace",
      "azurerm_storage_account",
      "azurerm_storage_account",
    ]);
  });

  test("the locked resources also carry prevent_destroy", () => {
    for (const type of ["azurerm_cognitive_account", "azurerm_log_analytics_workspace", "azurerm_storage_account", "azurerm_key_vault"]) {
      // toMatchObject: the lock keeps whatever else the resource's lifecycle holds (e.g. ignore_changes).
      for (const r of resourceList(prodJson, type)) expect(r.lifecycle).toMatchObject({ prevent_destroy: true });
    }
  });

  test("dev has no locks", () => {
    expect(resourceList(devJson, "azurerm_management_lock")).toEqual([]);
  });

  test("prod's audit containers (the accounts' and the gateway's) are locked write-once; dev has no immutability", () => {
    const policies = resourceList(prodJson, "azurerm_storage_container_immutability_policy");
    expect(policies).toHaveLength(3);
    for (const p of policies) {
      expect(p).toMatchObject({ immutability_period_in_days: 2190, locked: true, protected_append_writes_enabled: true });
      expect(p.storage_container_resource_manager_id ?? p.storage_container_id).toMatch(/insights-logs-(audit|gatewaylogs)/);
    }
    expect(resourceList(devJson, "azurerm_storage_container_immutability_policy")).toEqual([]);
  });
});

describe("policy assignments", () => {
  const effects = (json: typeof prodJson) =>
    Object.fromEntries(
      resourceList(json, "azurerm_resource_group_policy_assignment").map((p) => [
        p.policy_definition_id.split("/").pop(),
        JSON.parse(p.parameters).effect.value,
      ]),
    );

  test("prod denies where the built-in can and the deploy allows it, audits the rest", () => {
    expect(effects(prodJson)).toEqual({
      "71ef260a-8f18-47b7-abcb-62d0673d94dc": "Deny",
      "037eea7a-bd0a-46c5-9a66-03aea78705d3": "Deny",
      "d6759c02-b87f-42b7-892e-71b3f471d782": "Audit",
      // CMK is applied after the account exists, so a Deny would refuse the account itself.
      "67121cc7-ff39-4ab8-b7e3-95b84dab487d": "Audit",
      "fe3fd216-4f83-4fc1-8984-2bbec80a3418": "Deny",
      "1b4d1c4e-934c-4703-944c-27c82c06bebb": "AuditIfNotExists",
    });
  });

  test("dev and staging only audit", () => {
    for (const json of [devJson, synthEnvironment(environment("staging"))]) {
      expect(new Set(Object.values(effects(json)))).toEqual(new Set(["Audit", "AuditIfNotExists"]));
    }
  });

  test("assignment names fit Azure's 64 characters at resource-group scope", () => {
    for (const p of resourceList(prodJson, "azurerm_resource_group_policy_assignment")) expect(p.name.length).toBeLessThanOrEqual(64);
  });
});

describe("budgets", () => {
  test.each(ENVIRONMENTS.map((e) => [e.name, e] as const))("%s has a monthly budget with the seed's thresholds", (_, config) => {
    const [budget] = resourceList(synthEnvironment(config), "azurerm_consumption_budget_resource_group");
    // No start date in the config: the month of the synth (test/governance/budget.test.ts pins
    // the exact value), ignored once the budget exists.
    expect(config.budget.startDate).toBeUndefined();
    expect(budget).toMatchObject({ amount: config.budget.amount, time_grain: "Monthly", time_period: { start_date: expect.stringMatching(/^20\d\d-(0[1-9]|1[0-2])-01T00:00:00Z$/) } });
    expect(budget.lifecycle).toEqual({ ignore_changes: ["time_period[0].start_date"] });
    expect(budget.notification.map((n: any) => [n.threshold, n.threshold_type])).toEqual([
      [50, "Actual"],
      [80, "Actual"],
      [100, "Actual"],
      [100, "Forecasted"],
    ]);
    for (const n of budget.notification) expect(n.contact_emails).toEqual(config.budget.contactEmails);
  });
});

describe("the default app", () => {
  test("synthesizes every stack with a passing compliance report, a manifest and no unsuppressed error", () => {
    const outdir = referenceAppOutdir();
    for (const config of ENVIRONMENTS) {
      const dir = path.join(outdir, "stacks", config.name);
      const report = JSON.parse(fs.readFileSync(path.join(dir, "compliance-report.json"), "utf8"));
      expect(report.summary).toMatchObject({ passed: true, errors: 0 });
      expect(report.packs.map((p: any) => p.name ?? p)).toEqual(expect.arrayContaining(["SOC2", "HIPAA", "GDPR"]));
      expect(fs.readFileSync(path.join(dir, "compliance-report.md"), "utf8")).toMatch(/\| Pack \| Compliant \|/);
      expect(fs.existsSync(path.join(dir, "routing-manifest.json"))).toBe(true);
    }
  });
});

describe("insecure compositions fail the synth with the rule and control they break", () => {
  const problemsOf = (config: typeof prod) => {
    const app = testApp();
    new OpenAiEnvironmentStack(app, config);
    return synthProblems(app).join("\n");
  };

  test("prod without customer-managed keys breaks HIPAA 164.312(a)(1)", () => {
    expect(problemsOf({ ...prod, customerManagedKeys: false })).toMatch(/HIPAA CognitiveCustomerManagedKey \(controls 164\.312\(a\)\(1\)\)/);
  });

  test("keeping prompts for a year in the archive breaks GDPR Art. 5(1)(e)", () => {
    const archive = { ...prod.logging!.archive!, days: { ...prod.logging!.archive!.days!, RequestResponse: 365 } };
    expect(problemsOf({ ...prod, logging: { ...prod.logging, archive } })).toMatch(/GDPR RequestResponseRetentionLimit \(controls Art\. 5\(1\)\(e\)\)/);
  });

  test("audit logs kept 90 days break SOC 2 CC7.2 and HIPAA", () => {
    const archive = { ...dev.logging!.archive!, days: { ...dev.logging!.archive!.days!, Audit: 90 } };
    const problems = problemsOf({ ...dev, logging: { ...dev.logging, archive } });
    expect(problems).toMatch(/SOC2 AuditLogRetention \(controls CC7\.2\)/);
    expect(problems).toMatch(/HIPAA AuditLogRetention/);
  });

  test("a model outside the allowlist fails the synth", () => {
    const [current] = dev.deployments;
    const config = { ...dev, deployments: [{ ...current, capacity: 50 }, { ...current, name: "o3", model: "o3", version: "2025-04-16", capacity: 50 }] };
    expect(problemsIn(problemsOf(config).split("\n"))).toContainEqual(failed(/^deployments\[[^\]]+\]\.model$/, { path: "dev", value: "o3", rule: /gpt-5\.4$/ }));
  });
});
