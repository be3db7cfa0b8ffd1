import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Testing, TerraformStack } from "cdktf";
import { environment, REFERENCE_APP_CONTEXT, synthEnvironment } from "../helpers/environment";
import { AzapiResource, azapiProvider } from "../../lib/core/azapi";
import { RuleContext } from "../../lib/governance/compliance/context";
import { CustomerManagedKeyVault, CustomerManagedKeyVaultProps } from "../../lib/governance";
import { keyVaultIn } from "../helpers/governance";
import { workspaceIn } from "../helpers/monitoring";
import { onlyResource, resourceList, resources, synthJson, TEST_CONTEXT, testStack, TerraformJson, validationErrors } from "../helpers/synth";
import { constructProblems, failed, problemsIn } from "../helpers/problems";

function synthOne(overrides: Partial<CustomerManagedKeyVaultProps> = {}): { json: TerraformJson; vault: CustomerManagedKeyVault; stack: TerraformStack } {
  const stack = testStack();
  const vault = keyVaultIn(stack, overrides);
  return { json: synthJson(stack), vault, stack };
}

describe("CustomerManagedKeyVault", () => {
  const { json, vault, stack } = synthOne();

  test("no data-plane key: no azurerm_key_vault_key, the key is a Resource Manager azapi_resource (F3, F4)", () => {
    expect(resourceList(json, "azurerm_key_vault_key")).toEqual([]);
    expect(onlyResource(json, "azapi_resource")).toEqual({
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
      ignore_casing: true,
      ignore_body_changes: ["properties.rotationPolicy"],
    });
  });

  test("required_providers has azapi and the stack has one azapi provider block", () => {
    expect(json.terraform.required_providers.azapi).toEqual({ source: "azure/azapi", version: "~> 2.12" });
    expect(json.provider?.azapi).toEqual([{}]);
  });

  test("the vault is Premium, uses access policies, refuses public traffic and lets trusted services through (F2)", () => {
    const kv = onlyResource(json, "azurerm_key_vault");
    expect(kv).toMatchObject({
      name: "aoaitkv",
      location: "swedencentral",
      sku_name: "premium",
      rbac_authorization_enabled: false,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
      network_acls: { default_action: "Deny", bypass: "AzureServices" },
      tenant_id: "${data.azurerm_client_config.client-config.tenant_id}",
    });
    // Inline policies would fight the account's separate access policy; contact is a data-plane call.
    expect(kv.access_policy).toBeUndefined();
    expect(kv.contact).toBeUndefined();
    expect(kv.tags).toBeUndefined();
  });

  test("references no account: no access policy, no CMK resource, no cognitive account anywhere", () => {
    expect(resourceList(json, "azurerm_key_vault_access_policy")).toEqual([]);
    expect(resourceList(json, "azurerm_cognitive_account_customer_managed_key")).toEqual([]);
    expect(resourceList(json, "azurerm_cognitive_account")).toEqual([]);
    expect(JSON.stringify(json)).not.toMatch(/cognitive/i);
  });

  test("the vault and the key keep their construct IDs, so their Terraform addresses do not move", () => {
    expect(Object.keys(json.resource!.azurerm_key_vault)).toEqual(["cmk_vault_BB613D54"]);
    expect(Object.keys(json.resource!.azapi_resource)).toEqual(["cmk_key_5C35322E"]);
  });

  test("the vault is the construct's default child", () => {
    expect(vault.node.defaultChild).toBe(vault.keyVault);
    expect(new RuleContext(stack).resolve(vault.keyVaultId)).toBe("${azurerm_key_vault.cmk_vault_BB613D54.id}");
  });

  test("keyReference() is what an account's customerManagedKey takes: the vault ID and the versioned key URI", () => {
    const context = new RuleContext(stack);
    const reference = vault.keyReference();
    expect(context.resolve(reference.keyVaultId)).toBe("${azurerm_key_vault.cmk_vault_BB613D54.id}");
    // Without the port Resource Manager writes (N1): azurerm reads the account's key ID back without it.
    expect(context.resolve(reference.keyUriWithVersion)).toBe('${replace(azapi_resource.cmk_key_5C35322E.output.properties.keyUriWithVersion, ":443/", "/")}');
    expect(context.resolve(vault.keyUriWithVersion)).toBe("${azapi_resource.cmk_key_5C35322E.output.properties.keyUriWithVersion}");
    expect(reference.identityClientId).toBeUndefined();
    expect(vault.keyReference({ identityClientId: "client-1" }).identityClientId).toBe("client-1");
    expect(context.resolve(vault.keyUri)).toBe("${azapi_resource.cmk_key_5C35322E.output.properties.keyUri}");
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

  test("a given tenant replaces the client config data source", () => {
    const { json: custom } = synthOne({ tenantId: "00000000-0000-0000-0000-000000000001" });
    expect(onlyResource(custom, "azurerm_key_vault").tenant_id).toBe("00000000-0000-0000-0000-000000000001");
    expect(custom.data?.azurerm_client_config).toBeUndefined();
  });
});

describe("CustomerManagedKeyVault lock", () => {
  test("prevent_destroy and a CanNotDelete lock on the vault's ID, with the reason", () => {
    const stack = testStack();
    const vault = keyVaultIn(stack, { lock: { reason: "Holds the customer-managed key; without it the data is unreadable" } });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_key_vault").lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, "azurerm_management_lock")).toEqual({
      name: "do-not-delete-cmk",
      scope: "${azurerm_key_vault.cmk_vault_BB613D54.id}",
      lock_level: "CanNotDelete",
      notes: "Holds the customer-managed key; without it the data is unreadable",
    });
    expect(vault.lock?.node.path).toBe("test/cmk/lock");
    expect(onlyResource(json, "azapi_resource").lifecycle).toBeUndefined();
  });

  test("no lock unless asked", () => {
    const { json } = synthOne();
    expect(resourceList(json, "azurerm_management_lock")).toEqual([]);
    expect(onlyResource(json, "azurerm_key_vault").lifecycle).toBeUndefined();
  });
});

describe("CustomerManagedKeyVault diagnosticSettings", () => {
  test("target the vault with Key Vault categories, named after their key", () => {
    const stack = testStack();
    const workspace = workspaceIn(stack);
    const vault = keyVaultIn(stack, { diagnosticSettings: { audit: { workspace } } });
    const setting = onlyResource(synthJson(stack), "azurerm_monitor_diagnostic_setting");
    expect(setting).toMatchObject({
      name: "audit",
      target_resource_id: "${azurerm_key_vault.cmk_vault_BB613D54.id}",
      enabled_log: [{ category: "AuditEvent" }, { category: "AzurePolicyEvaluationDetails" }],
      enabled_metric: [{ category: "AllMetrics" }],
    });
    expect(setting.log_analytics_workspace_id).toMatch(/^\$\{azurerm_log_analytics_workspace\.workspace_resource_\w+\.id\}$/);
    expect(Object.keys(vault.diagnosticSettings)).toEqual(["audit"]);
    expect(vault.diagnosticSettings.audit.node.path).toBe("test/cmk/diagnostics-audit");
    expect(validationErrors(stack)).toEqual([]);
  });

  test("the audit category group is accepted, an OpenAI category is not", () => {
    const stack = testStack();
    const workspace = workspaceIn(stack);
    keyVaultIn(stack, { diagnosticSettings: { audit: { workspace, categoryGroups: ["audit"] } } });
    expect(onlyResource(synthJson(stack), "azurerm_monitor_diagnostic_setting").enabled_log).toEqual([{ category_group: "audit" }]);
    const bad = testStack();
    keyVaultIn(bad, { diagnosticSettings: { wrong: { workspace: workspaceIn(bad), categories: ["RequestResponse" as never] } } });
    expect(constructProblems(bad)).toEqual([
      failed("categories[0]", { path: "test/cmk/diagnostics-wrong", value: "RequestResponse", rule: /AuditEvent, AzurePolicyEvaluationDetails/ }),
    ]);
  });
});

describe("CustomerManagedKeyVault roleAssignments", () => {
  test("are made on the vault", () => {
    const stack = testStack();
    const vault = keyVaultIn(stack, { roleAssignments: { auditors: { principalId: "11111111-2222-3333-4444-555555555555", principalType: "Group", role: "Reader" } } });
    const assignments = Object.values(resources(synthJson(stack), "azurerm_role_assignment")) as any[];
    expect(assignments).toHaveLength(1);
    expect(assignments[0].scope).toBe("${azurerm_key_vault.cmk_vault_BB613D54.id}");
    expect(new RuleContext(stack).resolve(vault.scopeId)).toBe("${azurerm_key_vault.cmk_vault_BB613D54.id}");
    expect(validationErrors(stack)).toEqual([]);
  });
});

describe("CustomerManagedKeyVault validation", () => {
  const errors = (overrides: Partial<CustomerManagedKeyVaultProps>) => {
    const stack = testStack();
    keyVaultIn(stack, overrides);
    return validationErrors(stack).filter((e) => e.startsWith("[test/cmk"));
  };
  test("accepts the defaults", () => expect(errors({})).toEqual([]));
  test("rejects an expiry not longer than the rotation", () =>
    expect(problemsIn(errors({ rotation: { rotateAfter: "P90D", expireAfter: "P60D" } }))).toEqual([failed("rotation.expireAfter", { value: "P60D", rule: /longer than rotation\.rotateAfter/ })]));
  test("rejects a non-day duration", () => expect(problemsIn(errors({ rotation: { rotateAfter: "3 months" } }))).toContainEqual(failed("rotation.rotateAfter", { value: "3 months" })));
  test("rejects a notification less than seven days before expiry", () =>
    expect(problemsIn(errors({ rotation: { notifyBeforeExpiry: "P3D" } }))).toEqual([failed("rotation.notifyBeforeExpiry", { value: "P3D", rule: /at least P7D/ })]));
  test("rejects a bad vault name, and skips the check for a reference", () => {
    expect(problemsIn(errors({ name: "kv--bad" }))).toEqual([failed("name", { path: "test/cmk", value: "kv--bad" })]);
    const stack = testStack();
    const other = keyVaultIn(stack, {}, "other");
    keyVaultIn(stack, { name: other.keyVault.name });
    expect(validationErrors(stack)).toEqual([]);
  });
  test("rejects a bad key name and an empty location", () => {
    expect(problemsIn(errors({ keyName: "cmk_key" }))).toEqual([failed("keyName", { value: "cmk_key", rule: /1-127 letters, digits or hyphens/ })]);
    expect(problemsIn(errors({ location: "" }))).toEqual([failed("location", { path: "test/cmk", value: "", rule: /an Azure location/ })]);
  });
  test("rejects soft delete outside 7-90 days", () => expect(problemsIn(errors({ softDeleteRetentionDays: 5 }))).toEqual([failed("softDeleteRetentionDays", { value: 5 })]));
  test("rejects a lock without a real reason", () => expect(problemsIn(errors({ lock: { reason: "keep" } }))).toEqual([failed("lock.reason", { value: "keep" })]));
});

describe("azapi bindings", () => {
  test("two keys in one stack share one azapi provider", () => {
    const stack = testStack();
    keyVaultIn(stack, {}, "cmk-se");
    keyVaultIn(stack, { name: "aoaitkvfr", location: "francecentral", keyName: "aoai-fr-cmk" }, "cmk-fr");
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

describe("the key's state moves from azurerm_key_vault_key to azapi_resource (N7)", () => {
  const released = JSON.parse(require("fs").readFileSync(require("path").join(__dirname, "../addresses/released-0.1.0.json"), "utf8")) as Record<string, string[]>;
  // The reference app has state from 0.1, so it opts in to the legacy moves.
  const prod = synthEnvironment(environment("prod")) as TerraformJson & { moved?: { from: string; to: string }[] };
  const keys = Object.keys(resources(prod, "azapi_resource")).filter((id) => id.includes("-cmk_key_"));

  test("prod: one moved block per key, from the 0.1.0 address of the azurerm key to the same logical ID as azapi_resource", () => {
    expect(keys).toHaveLength(2);
    for (const id of keys) {
      const from = `azurerm_key_vault_key.${id}`;
      expect(released.prod).toContain(from);
      expect(prod.moved).toContainEqual({ from, to: `azapi_resource.${id}` });
    }
  });

  test("prod: every account's key ID is the versioned key without the :443 Resource Manager writes (N1)", () => {
    const cmks = resourceList(prod, "azurerm_cognitive_account_customer_managed_key");
    expect(cmks).toHaveLength(2);
    for (const cmk of cmks) {
      expect(cmk.key_vault_key_id).toMatch(/^\$\{replace\(azapi_resource\.[^.]+\.output\.properties\.keyUriWithVersion, ":443\/", "\/"\)\}$/);
    }
  });

  test("no moved block in an app without the legacy-moves opt-in (no state from 0.1)", () => {
    const stack = new TerraformStack(Testing.app({ context: TEST_CONTEXT }), "fresh");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    keyVaultIn(stack);
    expect((synthJson(stack) as { moved?: unknown[] }).moved).toBeUndefined();
  });

  test("a construct-level key moves from the azurerm key at its own logical ID (with the opt-in)", () => {
    const stack = new TerraformStack(Testing.app({ context: REFERENCE_APP_CONTEXT }), "test");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    keyVaultIn(stack);
    const json = synthJson(stack);
    expect((json as { moved?: unknown[] }).moved).toEqual([{ from: "azurerm_key_vault_key.cmk_key_5C35322E", to: "azapi_resource.cmk_key_5C35322E" }]);
  });
});
