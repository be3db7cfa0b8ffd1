import { Testing, TerraformStack } from "cdktf";
import { configureBackend, stateKey, useOidc } from "../../lib/environment/backend";
import { synthJson } from "../helpers/synth";
import { FULL_STATE_CONFIG, isolateEnvironment, setEnv } from "./env";
import { constructProblems, failed } from "../helpers/problems";

isolateEnvironment();

function stackFor(env: string, context?: Record<string, unknown>): TerraformStack {
  const stack = new TerraformStack(Testing.app(context ? { context } : {}), env);
  configureBackend(stack, env);
  return stack;
}

function backendOf(env: string, context?: Record<string, unknown>): Record<string, any> {
  return synthJson(stackFor(env, context)).terraform.backend;
}

describe("without configuration", () => {
  test("the backend is local with a relative path", () => {
    expect(backendOf("dev")).toEqual({ local: { path: "terraform.dev.tfstate" } });
  });

  test("blank variables (unset GitHub variables expand to '') count as unset", () => {
    setEnv({ CDKTF_STATE_STORAGE_ACCOUNT: "", CDKTF_STATE_RESOURCE_GROUP: " ", CDKTF_STATE_CONTAINER: "" });
    expect(backendOf("dev")).toEqual({ local: { path: "terraform.dev.tfstate" } });
  });
});

describe("with the full configuration", () => {
  test.each(["dev", "staging", "prod"])("%s gets the azurerm backend with its own key, Entra ID auth and no key", (env) => {
    setEnv(FULL_STATE_CONFIG);
    const backend = backendOf(env);
    expect(backend).toEqual({
      azurerm: {
        storage_account_name: "staoaitfstate01",
        resource_group_name: "rg-aoai-tfstate",
        container_name: "tfstate",
        key: `${env}.terraform.tfstate`,
        use_azuread_auth: true,
      },
    });
    expect(backend.azurerm).not.toHaveProperty("access_key");
    expect(backend.azurerm).not.toHaveProperty("sas_token");
    expect(backend).not.toHaveProperty("local");
  });

  test("passes the subscription and tenant of the state account", () => {
    setEnv({
      ...FULL_STATE_CONFIG,
      CDKTF_STATE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000001",
      CDKTF_STATE_TENANT_ID: "00000000-0000-0000-0000-000000000002",
    });
    expect(backendOf("prod").azurerm).toMatchObject({
      subscription_id: "00000000-0000-0000-0000-000000000001",
      tenant_id: "00000000-0000-0000-0000-000000000002",
    });
  });

  test("uses OIDC when ARM_USE_OIDC=true", () => {
    setEnv({ ...FULL_STATE_CONFIG, ARM_USE_OIDC: "true" });
    expect(backendOf("dev").azurerm.use_oidc).toBe(true);
  });

  test("uses OIDC inside GitHub Actions", () => {
    setEnv({ ...FULL_STATE_CONFIG, GITHUB_ACTIONS: "true" });
    expect(backendOf("dev").azurerm.use_oidc).toBe(true);
  });

  test("ARM_USE_OIDC=false wins over GitHub Actions", () => {
    setEnv({ ...FULL_STATE_CONFIG, GITHUB_ACTIONS: "true", ARM_USE_OIDC: "false" });
    expect(backendOf("dev").azurerm).not.toHaveProperty("use_oidc");
  });

  test("the settings can come from cdktf context instead", () => {
    const backend = backendOf("staging", {
      stateStorageAccount: "stctx01",
      stateResourceGroup: "rg-ctx",
      stateContainer: "state",
    });
    expect(backend.azurerm).toMatchObject({
      storage_account_name: "stctx01",
      resource_group_name: "rg-ctx",
      container_name: "state",
      key: "staging.terraform.tfstate",
    });
  });

  test("environment variables win over context", () => {
    setEnv(FULL_STATE_CONFIG);
    const backend = backendOf("dev", { stateStorageAccount: "stctx01", stateResourceGroup: "rg-ctx", stateContainer: "state" });
    expect(backend.azurerm.storage_account_name).toBe("staoaitfstate01");
  });
});

describe("partial or invalid configuration fails the synth", () => {
  test("a storage account alone names the missing resource group and container", () => {
    setEnv({ CDKTF_STATE_STORAGE_ACCOUNT: "staoaitfstate01" });
    const stack = stackFor("dev");
    expect(constructProblems(stack)).toEqual([
      failed('CDKTF_STATE_RESOURCE_GROUP (context "stateResourceGroup")', { value: undefined, rule: /given: CDKTF_STATE_STORAGE_ACCOUNT/ }),
      failed('CDKTF_STATE_CONTAINER (context "stateContainer")', { value: undefined }),
    ]);
    expect(() => Testing.synth(stack, true)).toThrow(/CDKTF_STATE_CONTAINER/);
    // Never a half-configured azurerm backend, even unvalidated.
    expect(JSON.parse(Testing.synth(stack, false)).terraform.backend).toEqual({ local: { path: "terraform.dev.tfstate" } });
  });

  test("a subscription alone names all three required settings", () => {
    setEnv({ CDKTF_STATE_SUBSCRIPTION_ID: "00000000-0000-0000-0000-000000000001" });
    expect(constructProblems(stackFor("dev")).map((p) => p.prop?.split(" ")[0])).toEqual(["CDKTF_STATE_STORAGE_ACCOUNT", "CDKTF_STATE_RESOURCE_GROUP", "CDKTF_STATE_CONTAINER"]);
  });

  test("CDKTF_STATE_REQUIRED without configuration fails instead of falling back to local state", () => {
    setEnv({ CDKTF_STATE_REQUIRED: "1" });
    const problems = constructProblems(stackFor("prod"));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toEqual(failed(/^CDKTF_STATE_STORAGE_ACCOUNT/, { rule: /CDKTF_STATE_REQUIRED is set/ }));
  });

  test("an invalid storage account name is reported with its value", () => {
    setEnv({ ...FULL_STATE_CONFIG, CDKTF_STATE_STORAGE_ACCOUNT: "St_State" });
    expect(constructProblems(stackFor("dev"))).toEqual([failed('CDKTF_STATE_STORAGE_ACCOUNT (context "stateStorageAccount")', { path: "dev", value: "St_State" })]);
  });

  test("an invalid container name is reported", () => {
    setEnv({ ...FULL_STATE_CONFIG, CDKTF_STATE_CONTAINER: "tf--state" });
    expect(constructProblems(stackFor("dev"))).toContainEqual(failed('CDKTF_STATE_CONTAINER (context "stateContainer")', { value: "tf--state" }));
  });

  test("an invalid resource group name is reported", () => {
    setEnv({ ...FULL_STATE_CONFIG, CDKTF_STATE_RESOURCE_GROUP: "rg-state." });
    expect(constructProblems(stackFor("dev"))).toContainEqual(failed('CDKTF_STATE_RESOURCE_GROUP (context "stateResourceGroup")', { value: "rg-state." }));
  });

  test("a subscription or tenant that is not a GUID is reported", () => {
    setEnv({ ...FULL_STATE_CONFIG, CDKTF_STATE_SUBSCRIPTION_ID: "prod-subscription", CDKTF_STATE_TENANT_ID: "contoso.com" });
    expect(constructProblems(stackFor("dev"))).toEqual([
      failed(/^CDKTF_STATE_SUBSCRIPTION_ID/, { value: "prod-subscription", rule: /subscription ID/ }),
      failed(/^CDKTF_STATE_TENANT_ID/, { value: "contoso.com", rule: /tenant ID/ }),
    ]);
  });

  test("an environment name that cannot be a state key is reported", () => {
    const stack = new TerraformStack(Testing.app(), "bad");
    configureBackend(stack, "Prod/EU");
    expect(constructProblems(stack)).toEqual([failed("environmentName", { path: "bad", value: "Prod/EU" })]);
  });
});

test("the state key of an environment", () => {
  expect(stateKey("prod")).toBe("prod.terraform.tfstate");
});

test("OIDC detection reads only ARM_USE_OIDC and GITHUB_ACTIONS", () => {
  expect(useOidc({})).toBe(false);
  expect(useOidc({ ARM_USE_OIDC: "TRUE" })).toBe(true);
  expect(useOidc({ GITHUB_ACTIONS: "true" })).toBe(true);
  expect(useOidc({ GITHUB_ACTIONS: "true", ARM_USE_OIDC: "false" })).toBe(false);
});

test("a passed environment object is read instead of process.env", () => {
  setEnv(FULL_STATE_CONFIG);
  const stack = new TerraformStack(Testing.app(), "dev");
  configureBackend(stack, "dev", { env: {} });
  expect(synthJson(stack).terraform.backend).toEqual({ local: { path: "terraform.dev.tfstate" } });
});
