import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { TerraformStack } from "cdktf";
import { AccessEntry, AccessMatrix, AccessMatrixProps, AccessScope } from "../../lib/identity";
import { failingPropNames, resources, synthJson, testStack, validationErrors } from "../helpers/synth";
import { ACCOUNT_ID, GROUP_ID, GUIDS, SP_ID, subscriptionFormRoleId, USER_ID, WORKSPACE_ID } from "./fixtures";
import { constructProblems, failed } from "../helpers/problems";

const FRANCE_ACCOUNT_ID = ACCOUNT_ID.replace("sdc", "frc");
const KEY_VAULT_ID = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-chat-prod/providers/Microsoft.KeyVault/vaults/chat-prod-kv";

const scopes: Record<string, AccessScope> = {
  "openai-sdc": { scopeId: ACCOUNT_ID, kind: "openai" },
  "openai-frc": { scopeId: FRANCE_ACCOUNT_ID, kind: "openai" },
  logs: { scopeId: WORKSPACE_ID, kind: "logs" },
  keys: { scopeId: KEY_VAULT_ID, kind: "keyVault" },
};

const developers: AccessEntry = { key: "ai-developers", principalId: GROUP_ID, principalType: "Group", role: "OpenAiUser", displayName: "AI developers" };

function matrix(entries: AccessEntry[], extra: Partial<AccessMatrixProps> = {}, stack: TerraformStack = testStack()) {
  const construct = new AccessMatrix(stack, "access", { scopes, entries, ...extra });
  return { stack, construct };
}

/** Synthesized assignments keyed by their construct ID under the matrix. */
function byId(construct: AccessMatrix): Record<string, any> {
  const all = resources(synthJson(construct.node.scope as TerraformStack), "azurerm_role_assignment");
  return Object.fromEntries(construct.assignments.map((a) => [a.node.id, all[a.resource.friendlyUniqueId]]));
}

describe("AccessMatrix scopes", () => {
  test("data-plane and Reader roles default to every OpenAI account", () => {
    const { construct } = matrix([developers, { ...developers, role: "Reader" }]);
    const assignments = byId(construct);
    expect(Object.keys(assignments).sort()).toEqual([
      "ai-developers-OpenAiUser-openai-frc",
      "ai-developers-OpenAiUser-openai-sdc",
      "ai-developers-Reader-openai-frc",
      "ai-developers-Reader-openai-sdc",
    ]);
    expect(assignments["ai-developers-OpenAiUser-openai-sdc"]).toMatchObject({
      scope: ACCOUNT_ID,
      principal_id: GROUP_ID,
      principal_type: "Group",
      role_definition_id: subscriptionFormRoleId(GUIDS.OpenAiUser),
      description: "AI developers",
    });
    expect(assignments["ai-developers-Reader-openai-frc"]).toMatchObject({ scope: FRANCE_ACCOUNT_ID, role_definition_id: subscriptionFormRoleId(GUIDS.Reader) });
  });

  test("Log Analytics Reader defaults to the workspace, Key Vault crypto to the vault", () => {
    const { construct } = matrix([
      { principalId: USER_ID, principalType: "User", role: "LogAnalyticsReader", key: "auditor" },
      { principalId: SP_ID, principalType: "ServicePrincipal", role: "KeyVaultCryptoServiceEncryptionUser", key: "cmk-identity" },
    ]);
    const assignments = byId(construct);
    expect(Object.keys(assignments).sort()).toEqual(["auditor-LogAnalyticsReader-logs", "cmk-identity-KeyVaultCryptoServiceEncryptionUser-keys"]);
    expect(assignments["auditor-LogAnalyticsReader-logs"]).toMatchObject({ scope: WORKSPACE_ID, role_definition_id: subscriptionFormRoleId(GUIDS.LogAnalyticsReader) });
    expect(assignments["cmk-identity-KeyVaultCryptoServiceEncryptionUser-keys"]).toMatchObject({
      scope: KEY_VAULT_ID,
      role_definition_id: subscriptionFormRoleId(GUIDS.KeyVaultCryptoServiceEncryptionUser),
    });
  });

  test("an entry's scopes replace the default", () => {
    const { construct } = matrix([{ ...developers, scopes: ["openai-sdc"] }]);
    expect(construct.assignments.map((a) => a.node.id)).toEqual(["ai-developers-OpenAiUser-openai-sdc"]);
  });

  test("construct IDs do not depend on entry order", () => {
    const entries: AccessEntry[] = [developers, { principalId: USER_ID, principalType: "User", role: "LogAnalyticsReader", key: "auditor" }];
    // Each Terraform address must keep pointing at the same principal, role and scope.
    const addresses = (list: AccessEntry[]) =>
      Object.fromEntries(matrix(list).construct.assignments.map((a) => [a.resource.friendlyUniqueId, `${a.principalId}|${a.role.key}|${a.scopeId}`]));
    const forward = addresses(entries);
    expect(Object.keys(forward)).toHaveLength(3);
    expect(addresses([...entries].reverse())).toEqual(forward);
  });

  test("the principal ID is the key when none is given", () => {
    const { construct } = matrix([{ principalId: SP_ID, principalType: "ServicePrincipal", role: "OpenAiUser", scopes: ["openai-sdc"] }]);
    expect(construct.assignments[0].node.id).toBe(`${SP_ID}-OpenAiUser-openai-sdc`);
  });

  test("an unknown scope key fails", () => {
    const { stack } = matrix([{ ...developers, scopes: ["openai-weu"] }]);
    expect(constructProblems(stack)).toEqual([
      failed("entries[ai-developers/OpenAiUser].scopes", { value: "openai-weu", rule: /a key of scopes \(openai-sdc/ }),
    ]);
  });

  test("a role whose default kind has no scope fails", () => {
    const { stack } = matrix([{ ...developers, role: "LogAnalyticsReader" }], { scopes: { "openai-sdc": scopes["openai-sdc"] } });
    expect(constructProblems(stack)).toEqual([failed("entries[ai-developers/LogAnalyticsReader].scopes", { rule: /no scope of kind "logs"/ })]);
  });

  test("privileged and custom roles must name their scopes", () => {
    const { stack } = matrix([
      { principalId: SP_ID, principalType: "ServicePrincipal", role: "Contributor", key: "deployer", privileged: { reason: "CI deploys the accounts" } },
      { principalId: SP_ID, principalType: "ServicePrincipal", role: { customRoleDefinitionId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", key: "quota-reader" }, key: "deployer" },
    ]);
    expect(constructProblems(stack)).toEqual([
      failed("entries[deployer/Contributor].scopes", { value: undefined, rule: /no default scope/ }),
      failed("entries[deployer/quota-reader].scopes", { value: undefined, rule: /no default scope/ }),
    ]);
  });

  test("a scope kind outside the list fails", () => {
    const { stack } = matrix([], { scopes: { odd: { scopeId: ACCOUNT_ID, kind: "storage" as never } } });
    expect(constructProblems(stack)).toEqual([failed("scopes.odd.kind", { value: "storage", rule: /openai, foundryProject, logs, keyVault, other/ })]);
  });
});

describe("AccessMatrix human-role ceiling", () => {
  test("people get OpenAI User and read-only roles without an exception", () => {
    const { stack } = matrix([
      developers,
      { principalId: USER_ID, principalType: "User", role: "Reader", key: "auditor" },
      { principalId: USER_ID, principalType: "User", role: "MonitoringReader", key: "auditor" },
      { principalId: USER_ID, principalType: "User", role: "LogAnalyticsReader", key: "auditor" },
    ]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test.each(["OpenAiContributor", "CognitiveServicesUser"] as const)("a group with %s fails without an exception", (role) => {
    const { stack } = matrix([{ ...developers, role }]);
    // The rule lists the ceiling's roles for the principal type: that list is data.
    expect(constructProblems(stack)).toEqual([
      failed(`entries[ai-developers/${role}].role`, { path: "test/access", value: role, rule: /Group principals without an exception: OpenAiUser, Reader, MonitoringReader, LogAnalyticsReader/ }),
    ]);
  });

  test("a user with a custom role is above the ceiling", () => {
    const { stack } = matrix([
      { principalId: USER_ID, principalType: "User", role: { customRoleDefinitionId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d" }, key: "jane", scopes: ["openai-sdc"] },
    ]);
    expect(constructProblems(stack)).toEqual([failed("entries[jane/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d].role", { rule: /for User principals without an exception/ })]);
  });

  test("service principals are not held to the ceiling", () => {
    const { stack } = matrix([{ principalId: SP_ID, principalType: "ServicePrincipal", role: "OpenAiContributor", key: "ci-pipeline" }]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("an exception with a reason lets a person above the ceiling, shown in the description", () => {
    const reason = "model evaluation team tunes deployments, ADR-7";
    const { construct } = matrix([{ ...developers, role: "OpenAiContributor", scopes: ["openai-sdc"], exception: { reason } }]);
    expect(validationErrors(construct.node.scope as TerraformStack)).toEqual([]);
    const resource = byId(construct)["ai-developers-OpenAiContributor-openai-sdc"];
    expect(resource.role_definition_id).toBe(subscriptionFormRoleId(GUIDS.OpenAiContributor));
    expect(resource.description).toBe(`AI developers. Exception: ${reason}`);
  });

  test("an exception with a short reason fails", () => {
    const { stack } = matrix([{ ...developers, role: "OpenAiContributor", exception: { reason: "needed" } }]);
    expect(constructProblems(stack)).toEqual([failed("entries[ai-developers/OpenAiContributor].exception.reason", { value: "needed" })]);
  });

  test("a widened ceiling (development) allows more roles", () => {
    const { stack } = matrix([{ ...developers, role: "OpenAiContributor" }], { humanRoleCeiling: ["OpenAiUser", "OpenAiContributor", "Reader"] });
    expect(validationErrors(stack)).toEqual([]);
  });

  test("a ceiling cannot include privileged roles", () => {
    const { stack } = matrix([], { humanRoleCeiling: ["OpenAiUser", "Owner"] });
    expect(constructProblems(stack)).toEqual([failed("humanRoleCeiling", { value: "Owner", rule: /non-privileged built-in role keys/ })]);
  });

  test("a privileged role for a person needs both an exception and a privileged reason", () => {
    const entry: AccessEntry = { ...developers, role: "Owner", scopes: ["openai-sdc"] };
    expect(constructProblems(matrix([entry]).stack)).toEqual([
      failed("entries[ai-developers/Owner].role", { path: "test/access", value: "Owner", rule: /for Group principals/ }),
      failed("role", { path: "test/access/ai-developers-Owner-openai-sdc", value: "Owner", rule: /privileged/ }),
    ]);
    const both = matrix([{ ...entry, exception: { reason: "break-glass group, PIM-activated" }, privileged: { reason: "emergency access per policy SEC-9" } }]);
    expect(validationErrors(both.stack)).toEqual([]);
    expect(byId(both.construct)["ai-developers-Owner-openai-sdc"].description).toBe(
      "AI developers. Exception: break-glass group, PIM-activated. Privileged: emergency access per policy SEC-9",
    );
  });
});

describe("AccessMatrix entry checks", () => {
  test("the same principal key, role and scope twice fails instead of throwing", () => {
    const { stack, construct } = matrix([developers, { ...developers, scopes: ["openai-sdc"] }]);
    expect(construct.assignments).toHaveLength(2);
    expect(constructProblems(stack)).toEqual([
      failed("entries[ai-developers/OpenAiUser]", { value: "ai-developers/OpenAiUser/openai-sdc", rule: /one entry per principal key/ }),
    ]);
  });

  test("the same principal under two keys is a duplicate assignment", () => {
    const { stack } = matrix([developers, { ...developers, key: "devs-again", scopes: ["openai-sdc"] }]);
    expect(constructProblems(stack)).toEqual([failed("role", { path: "test/access/devs-again-OpenAiUser-openai-sdc", rule: /already assigns it/ })]);
  });

  test("a bad principal ID fails on its assignment", () => {
    const { stack } = matrix([{ ...developers, principalId: "ai-developers@example.com", scopes: ["openai-sdc"] }]);
    expect(constructProblems(stack)).toEqual([failed("principalId", { value: "ai-developers@example.com" })]);
  });

  test("an unknown role fails once, naming the allowed keys", () => {
    const { stack, construct } = matrix([{ ...developers, role: "Admin" as never }]);
    expect(construct.assignments).toHaveLength(0);
    expect(constructProblems(stack)).toEqual([failed("entries[ai-developers/?].role", { value: "Admin", rule: /one of OpenAiUser/ })]);
  });

  test("a reference principal needs a key", () => {
    const stack = testStack();
    const identity = new UserAssignedIdentity(stack, "identity", { name: "chat-prod-id", resourceGroupName: "rg", location: "swedencentral" });
    matrix([{ principalId: identity.principalId, principalType: "ServicePrincipal", role: "OpenAiUser" }], {}, stack);
    expect(constructProblems(stack)).toEqual([failed("entries[?/OpenAiUser].key", { value: undefined, rule: /a stable key/ })]);
  });
});

describe("AccessMatrix and Foundry projects", () => {
  test("Foundry User goes on every project scope by default, never on the accounts", () => {
    const { stack } = matrix([{ principalId: GROUP_ID, principalType: "Group", key: "team-a", role: "FoundryUser", exception: { reason: "project developers build agents here" } }], {
      scopes: {
        "openai-sdc": { scopeId: ACCOUNT_ID, kind: "openai" },
        "project-chat": { scopeId: `${ACCOUNT_ID}/projects/chat`, kind: "foundryProject" },
      },
    });
    const json = synthJson(stack);
    const scopes = Object.values(json.resource!.azurerm_role_assignment).map((a: any) => a.scope);
    expect(scopes).toEqual([`${ACCOUNT_ID}/projects/chat`]);
    expect(Object.values(json.resource!.azurerm_role_assignment).map((a: any) => a.role_definition_id)).toEqual([subscriptionFormRoleId(GUIDS.FoundryUser)]);
  });

  test("Foundry Project Manager is privileged: without a reason it fails, and it must name its scopes", () => {
    const { stack } = matrix([{ principalId: SP_ID, principalType: "ServicePrincipal", key: "lead", role: "FoundryProjectManager" }], {
      scopes: { "openai-sdc": { scopeId: ACCOUNT_ID, kind: "openai" } },
    });
    expect(failingPropNames(stack)).toEqual(expect.arrayContaining(["entries[lead/FoundryProjectManager].scopes"]));
  });
});
