import { OpenAiAccountProps } from "../../lib/openai";
import { openAiAccount } from "../helpers/openai";
import { onlyResource, synthJson, testStack, validationErrors } from "../helpers/synth";
import { ROLE_GUIDS } from "../helpers/roles";
import { constructProblems, failed } from "../helpers/problems";

function account(props: Partial<OpenAiAccountProps> = {}) {
  const stack = testStack();
  const construct = openAiAccount(stack, props);
  return { stack, construct };
}

describe("OpenAiAccount secure defaults", () => {
  const { stack } = account();
  const resource = onlyResource(synthJson(stack), "azurerm_cognitive_account");

  test("is a Foundry resource (kind AIServices, S0) with project management on", () => {
    expect(resource.kind).toBe("AIServices");
    expect(resource.sku_name).toBe("S0");
    expect(resource.project_management_enabled).toBe(true);
  });

  test("has public network access, local auth and unrestricted outbound off", () => {
    expect(resource.public_network_access_enabled).toBe(false);
    expect(resource.local_auth_enabled).toBe(false);
    expect(resource.outbound_network_access_restricted).toBe(true);
  });

  test("has a system-assigned identity and the name as custom subdomain", () => {
    expect(resource.identity).toEqual({ type: "SystemAssigned" });
    expect(resource.custom_subdomain_name).toBe("aoai-test-sdc-oai");
  });

  test("carries no tags of its own (GovernanceTags tags it)", () => {
    expect(resource.tags).toBeUndefined();
  });

  test("does not turn on dynamic throttling (an error for kind OpenAI)", () => {
    expect(resource.dynamic_throttling_enabled).toBeUndefined();
  });
});

describe("OpenAiAccount weakenings", () => {
  test("each weakening needs an explicit exception and is listed with its reason", () => {
    const { stack, construct } = account({
      securityExceptions: {
        publicNetworkAccess: { reason: "CI runners outside the VNet, see ADR-12" },
        localAuth: { reason: "legacy tool without Entra ID, retire by Q3" },
        unrestrictedOutbound: { reason: "calls an external evaluation service" },
      },
    });
    const resource = onlyResource(synthJson(stack), "azurerm_cognitive_account");
    expect(resource.public_network_access_enabled).toBe(true);
    expect(resource.local_auth_enabled).toBe(true);
    expect(resource.outbound_network_access_restricted).toBe(false);
    expect(construct.securityExceptions.map((e) => e.setting).sort()).toEqual(
      ["localAuth", "publicNetworkAccess", "unrestrictedOutbound"],
    );
  });

  test("a weakening with a short reason fails", () => {
    const { stack } = account({ securityExceptions: { localAuth: { reason: "needed" } } });
    expect(constructProblems(stack)).toEqual([failed("securityExceptions.localAuth.reason", { path: "test/openai", value: "needed" })]);
  });
});

describe("OpenAiAccount managedIdentities", () => {
  test("user-assigned identities are added beside the system-assigned one", () => {
    const { stack } = account({ managedIdentities: { userAssignedResourceIds: ["/subscriptions/x/id1"] } });
    const resource = onlyResource(synthJson(stack), "azurerm_cognitive_account");
    expect(resource.identity).toEqual({ type: "SystemAssigned, UserAssigned", identity_ids: ["/subscriptions/x/id1"] });
  });

  test("no identity at all fails", () => {
    const { stack } = account({ managedIdentities: { systemAssigned: false } });
    expect(constructProblems(stack)).toEqual([failed("managedIdentities", { path: "test/openai", rule: /Entra ID needs one/ })]);
  });

  test("only user-assigned identities: type UserAssigned", () => {
    const { stack } = account({ managedIdentities: { systemAssigned: false, userAssignedResourceIds: ["/subscriptions/x/id1"] } });
    expect(onlyResource(synthJson(stack), "azurerm_cognitive_account").identity).toEqual({ type: "UserAssigned", identity_ids: ["/subscriptions/x/id1"] });
  });
});

describe("OpenAiAccount input validation", () => {
  test.each([
    ["a", "too short"],
    ["-abc", "leading hyphen"],
    ["abc-", "trailing hyphen"],
    ["ab_c", "underscore"],
    ["x".repeat(65), "65 characters"],
  ])("rejects subdomain %j (%s)", (subdomain) => {
    const { stack } = account({ customSubdomainName: subdomain });
    expect(constructProblems(stack)).toEqual([failed("customSubdomainName", { path: "test/openai", value: subdomain, rule: /2-64 letters, digits or hyphens/ })]);
  });

  test.each(["ab", "a-b", "x".repeat(64), "Contoso-OpenAI-01"])("accepts subdomain %j", (subdomain) => {
    const { stack } = account({ customSubdomainName: subdomain });
    expect(validationErrors(stack)).toEqual([]);
  });

  test("rejects an account name that breaks the rule", () => {
    const { stack } = account({ name: "bad_name!" });
    expect(constructProblems(stack)).toContainEqual(failed("name", { value: "bad_name!" }));
  });

  test("rejects a location without Azure OpenAI and lists the allowed ones", () => {
    const { stack } = account({ location: "westus2" });
    expect(constructProblems(stack)).toContainEqual(failed("location", { value: "westus2", rule: /a location where Azure OpenAI/ }));
  });

  test("rejects an allowed FQDN that is not a host name", () => {
    const { stack } = account({ allowedFqdns: ["https://example.com/path"] });
    expect(constructProblems(stack)).toContainEqual(failed("allowedFqdns[0]", { value: "https://example.com/path" }));
  });

  test("reports every problem of the account at once", () => {
    const { stack } = account({ name: "-", location: "mars" });
    expect(validationErrors(stack)).toHaveLength(3); // name, subdomain (defaults to name), location
  });
});

describe("OpenAiAccount grants", () => {
  const app = { principalId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", principalType: "ServicePrincipal" as const };

  test.each([
    ["grantUse", ROLE_GUIDS.OpenAiUser],
    ["grantManageDeployments", ROLE_GUIDS.OpenAiContributor],
    ["grantRead", ROLE_GUIDS.Reader],
  ] as const)("%s assigns role %s on the account and returns it", (method, guid) => {
    const { stack, construct } = account();
    const created = construct[method](app);
    expect(created.role.guid).toBe(guid);
    const assignment = onlyResource(synthJson(stack), "azurerm_role_assignment");
    expect(assignment.scope).toMatch(/^\$\{azurerm_cognitive_account\.[^.]+\.id\}$/);
    expect(assignment.role_definition_id).toMatch(new RegExp(`/providers/Microsoft.Authorization/roleDefinitions/${guid}\\}?$`));
    expect(assignment.principal_id).toBe(app.principalId);
    expect(assignment.principal_type).toBe("ServicePrincipal");
  });

  test("granting the same role twice returns the first assignment", () => {
    const { stack, construct } = account();
    expect(construct.grantUse(app)).toBe(construct.grantUse(app));
    expect(Object.keys(synthJson(stack).resource!.azurerm_role_assignment)).toHaveLength(1);
  });
});
