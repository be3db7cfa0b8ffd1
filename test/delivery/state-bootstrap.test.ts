import { App, Testing, TerraformStack } from "cdktf";
import {
  addStateBootstrap,
  STATE_BOOTSTRAP_STACK_ID,
  StateBootstrapStack,
  StateBootstrapStackProps,
  STORAGE_BLOB_DATA_CONTRIBUTOR,
} from "../../lib/environment/state-bootstrap-stack";
import { onlyResource, resourceList, resources, synthJson, TerraformJson, validationErrors } from "../helpers/synth";
import { FULL_STATE_CONFIG, isolateEnvironment, setEnv } from "./env";
import { constructProblems, failed } from "../helpers/problems";
import { Matcher } from "../helpers/match";

isolateEnvironment();

const BASE: StateBootstrapStackProps = {
  location: "swedencentral",
  resourceGroupName: "rg-aoai-tfstate",
  storageAccountName: "staoaitfstate01",
  containerName: "tfstate",
};
const CI_PRINCIPAL = "11111111-1111-1111-1111-111111111111";
const ENGINEER = "22222222-2222-2222-2222-222222222222";
const CONTAINER_SCOPE =
  "${azurerm_storage_account.storage-account.id}/blobServices/default/containers/${azurerm_storage_container.container.name}";

function bootstrap(props: Partial<StateBootstrapStackProps> = {}): StateBootstrapStack {
  return new StateBootstrapStack(Testing.app(), "state-bootstrap", { ...BASE, ...props });
}

function synth(props: Partial<StateBootstrapStackProps> = {}): TerraformJson {
  return synthJson(bootstrap(props));
}

describe("the state storage account", () => {
  const json = synth();
  const account = onlyResource(json, "azurerm_storage_account");

  test("is hardened: TLS 1.2, HTTPS only, no public blobs, Entra ID only, no public network", () => {
    expect(account).toMatchObject({
      name: "staoaitfstate01",
      location: "swedencentral",
      account_kind: "StorageV2",
      account_tier: "Standard",
      account_replication_type: "ZRS",
      min_tls_version: "TLS1_2",
      https_traffic_only_enabled: true,
      allow_nested_items_to_be_public: false,
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      allowed_copy_scope: "AAD",
      cross_tenant_replication_enabled: false,
      infrastructure_encryption_enabled: true,
      local_user_enabled: false,
      sftp_enabled: false,
      public_network_access_enabled: false,
      network_rules: { default_action: "Deny", bypass: ["None"] },
    });
  });

  test("keeps versions and soft-deleted blobs and containers for 30 days, for state recovery", () => {
    expect(account.blob_properties).toEqual({
      versioning_enabled: true,
      delete_retention_policy: { days: 30 },
      container_delete_retention_policy: { days: 30 },
    });
  });

  test("is locked against deletion", () => {
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({
      scope: "${azurerm_storage_account.storage-account.id}",
      lock_level: "CanNotDelete",
    });
  });

  test("has a private container created through Resource Manager", () => {
    expect(onlyResource(json, "azurerm_storage_container")).toEqual({
      name: "tfstate",
      storage_account_id: "${azurerm_storage_account.storage-account.id}",
      container_access_type: "private",
    });
  });

  test("the provider uses Entra ID for the storage data plane (shared keys are off)", () => {
    expect(json.provider.azurerm[0].storage_use_azuread).toBe(true);
  });

  test("its own state is local, with a relative path", () => {
    expect(json.terraform.backend).toEqual({ local: { path: "terraform.state-bootstrap.tfstate" } });
  });

  test("outputs the names the backend settings need", () => {
    expect(Object.keys(json.output ?? {}).sort()).toEqual(["state_container", "state_resource_group", "state_storage_account"]);
  });
});

describe("deployer access", () => {
  test("by default the bootstrapping identity gets Storage Blob Data Contributor on the container only", () => {
    const assignment = onlyResource(synth(), "azurerm_role_assignment");
    expect(assignment).toMatchObject({
      scope: CONTAINER_SCOPE,
      principal_id: "${data.azurerm_client_config.current.object_id}",
      role_definition_id: `/subscriptions/\${data.azurerm_client_config.current.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe`,
    });
    expect(STORAGE_BLOB_DATA_CONTRIBUTOR).toBe("ba92f5b4-2d11-453d-a403-e96b0029c9fe");
    expect(assignment.name).toMatch(/^\$\{uuidv5\("url", /);
  });

  test("each deployer gets one assignment keyed by its principal, with its principal type", () => {
    const json = synth({
      deployers: [
        { principalId: CI_PRINCIPAL, principalType: "ServicePrincipal" },
        { principalId: ENGINEER, principalType: "User", key: "platform-engineer" },
      ],
    });
    const assignments = resources(json, "azurerm_role_assignment");
    expect(Object.keys(assignments).sort()).toEqual([
      `state-data-contributor-${CI_PRINCIPAL}`,
      "state-data-contributor-platform-engineer",
    ]);
    expect(assignments[`state-data-contributor-${CI_PRINCIPAL}`]).toMatchObject({
      principal_id: CI_PRINCIPAL,
      principal_type: "ServicePrincipal",
      scope: CONTAINER_SCOPE,
    });
    for (const a of resourceList(json, "azurerm_role_assignment")) {
      expect(a.role_definition_id).toMatch(/\/roleDefinitions\/ba92f5b4-2d11-453d-a403-e96b0029c9fe$/);
    }
  });
});

describe("explicit weakenings", () => {
  test("public network access needs a reason and stays Entra ID only", () => {
    const account = onlyResource(synth({ publicNetworkAccess: { reason: "GitHub-hosted runners plan and deploy" } }), "azurerm_storage_account");
    expect(account).toMatchObject({
      public_network_access_enabled: true,
      shared_access_key_enabled: false,
      network_rules: { default_action: "Allow" },
    });
  });

  test("allowed IP ranges deny every other network", () => {
    const account = onlyResource(
      synth({ publicNetworkAccess: { reason: "self-hosted runners behind NAT", allowedIpRanges: ["203.0.113.0/24", "198.51.100.7"] } }),
      "azurerm_storage_account",
    );
    expect(account.network_rules).toEqual({ default_action: "Deny", bypass: ["None"], ip_rules: ["203.0.113.0/24", "198.51.100.7"] });
  });

  test("the delete lock can be left out with a reason", () => {
    expect(resourceList(synth({ withoutDeleteLock: { reason: "lock managed by the landing zone" } }), "azurerm_management_lock")).toEqual([]);
  });
});

describe("validation", () => {
  // Each bad input is one problem at its prop (the wording is in test/core/message-catalogue.md).
  const cases: [string, Partial<StateBootstrapStackProps>, Matcher][] = [
    ["storage account name", { storageAccountName: "St-State" }, failed("storageAccountName", { value: "St-State" })],
    ["container name", { containerName: "-tfstate" }, failed("containerName", { value: "-tfstate" })],
    ["resource group name", { resourceGroupName: "rg." }, failed("resourceGroupName", { value: "rg." })],
    ["replication type", { replicationType: "XRS" as never }, failed("replicationType", { value: "XRS", rule: /LRS, ZRS, GRS, GZRS, RAGRS, RAGZRS/ })],
    ["soft delete below a week", { softDeleteRetentionDays: 3 }, failed("softDeleteRetentionDays", { value: 3, rule: /7 to 365/ })],
    ["soft delete above a year", { softDeleteRetentionDays: 400 }, failed("softDeleteRetentionDays", { value: 400, rule: /7 to 365/ })],
    ["short public access reason", { publicNetworkAccess: { reason: "CI" } }, failed("publicNetworkAccess.reason", { value: "CI", rule: /at least 10 characters/ })],
    ["a /32 range", { publicNetworkAccess: { reason: "self-hosted runners", allowedIpRanges: ["198.51.100.7/32"] } }, failed("publicNetworkAccess.allowedIpRanges", { value: "198.51.100.7/32" })],
    ["short lock reason", { withoutDeleteLock: { reason: "no" } }, failed("withoutDeleteLock.reason", { value: "no" })],
    ["subscription id", { subscriptionId: "prod" }, failed("subscriptionId", { value: "prod", rule: /subscription ID \(GUID\)/ })],
    ["principal id", { deployers: [{ principalId: "ci-app", key: "ci" }] }, failed("deployers.principalId", { value: "ci-app", rule: /Entra object ID/ })],
    ["duplicate deployer", { deployers: [{ principalId: CI_PRINCIPAL }, { principalId: CI_PRINCIPAL }] }, failed("deployers", { value: CI_PRINCIPAL, rule: /each deployer once/ })],
    ["principal type", { deployers: [{ principalId: CI_PRINCIPAL, principalType: "App" as never }] }, failed("deployers.principalType", { value: "App" })],
  ];

  test.each(cases)("rejects a bad %s", (_name, props, problem) => {
    expect(constructProblems(bootstrap(props))).toEqual([problem]);
  });

  test("a deployer known only at apply time needs a stable key", () => {
    const app = Testing.app();
    const stack = new StateBootstrapStack(app, "state-bootstrap", BASE);
    const other = new StateBootstrapStack(app, "other", {
      ...BASE,
      deployers: [{ principalId: stack.container.name }],
    });
    expect(constructProblems(other)).toContainEqual(failed(/^deployers/, { rule: /a stable key when principalId is only known at apply time/ }));
  });

  test("the defaults pass", () => {
    expect(validationErrors(bootstrap())).toEqual([]);
  });
});

describe("addStateBootstrap", () => {
  test("adds nothing unless asked", () => {
    setEnv(FULL_STATE_CONFIG);
    const app = Testing.app();
    expect(addStateBootstrap(app)).toBeUndefined();
    expect(app.node.findAll().filter(TerraformStack.isStack)).toEqual([]);
  });

  test("with CDKTF_INCLUDE_STATE_BOOTSTRAP=1 adds the stack named from the backend settings", () => {
    setEnv({
      ...FULL_STATE_CONFIG,
      CDKTF_INCLUDE_STATE_BOOTSTRAP: "1",
      CDKTF_STATE_DEPLOYER_OBJECT_IDS: `${CI_PRINCIPAL}, ${ENGINEER}`,
      CDKTF_STATE_LOCATION: "francecentral",
    });
    const app: App = Testing.app();
    const stack = addStateBootstrap(app)!;
    expect(stack.node.id).toBe(STATE_BOOTSTRAP_STACK_ID);
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_storage_account")).toMatchObject({
      name: FULL_STATE_CONFIG.CDKTF_STATE_STORAGE_ACCOUNT,
      location: "francecentral",
      // The app's workflows run on GitHub-hosted runners: public endpoint, Entra ID only.
      public_network_access_enabled: true,
      shared_access_key_enabled: false,
    });
    expect(onlyResource(json, "azurerm_resource_group").name).toBe(FULL_STATE_CONFIG.CDKTF_STATE_RESOURCE_GROUP);
    expect(onlyResource(json, "azurerm_storage_container").name).toBe(FULL_STATE_CONFIG.CDKTF_STATE_CONTAINER);
    expect(resourceList(json, "azurerm_role_assignment").map((a) => [a.principal_id, a.principal_type])).toEqual([
      [CI_PRINCIPAL, "ServicePrincipal"],
      [ENGINEER, "ServicePrincipal"],
    ]);
  });

  test("names the missing settings when asked without them", () => {
    setEnv({ CDKTF_INCLUDE_STATE_BOOTSTRAP: "true", CDKTF_STATE_STORAGE_ACCOUNT: "staoaitfstate01" });
    const props = constructProblems(addStateBootstrap(Testing.app())!).map((p) => [p.prop, p.value]);
    expect(props).toContainEqual(['CDKTF_STATE_RESOURCE_GROUP (context "stateResourceGroup")', undefined]);
    expect(props).toContainEqual(['CDKTF_STATE_CONTAINER (context "stateContainer")', undefined]);
    expect(props.map(([prop]) => prop)).not.toContain('CDKTF_STATE_STORAGE_ACCOUNT (context "stateStorageAccount")');
  });

  test("can be asked for through cdktf context", () => {
    const app = Testing.app({
      context: { includeStateBootstrap: "1", stateStorageAccount: "stctx01", stateResourceGroup: "rg-ctx", stateContainer: "state" },
    });
    expect(addStateBootstrap(app)?.node.id).toBe(STATE_BOOTSTRAP_STACK_ID);
  });
});
