import {
  BUILT_IN_ROLE_KEYS,
  BUILT_IN_ROLES,
  builtInRoleKeyByGuid,
  HUMAN_ROLE_CEILING,
  resolveRole,
} from "../../lib/identity";
import { GUIDS } from "./fixtures";

describe("built-in role catalog", () => {
  test.each(Object.entries(GUIDS))("%s has the GUID from AZURE-FACTS", (key, guid) => {
    expect(BUILT_IN_ROLES[key as keyof typeof BUILT_IN_ROLES].guid).toBe(guid);
  });

  test("display names match Azure's", () => {
    expect(BUILT_IN_ROLES.OpenAiUser.displayName).toBe("Cognitive Services OpenAI User");
    expect(BUILT_IN_ROLES.OpenAiContributor.displayName).toBe("Cognitive Services OpenAI Contributor");
    expect(BUILT_IN_ROLES.CognitiveServicesContributor.displayName).toBe("Cognitive Services Contributor");
    expect(BUILT_IN_ROLES.KeyVaultCryptoServiceEncryptionUser.displayName).toBe("Key Vault Crypto Service Encryption User");
  });

  test("exactly the roles that change access or the resource are privileged (the Foundry owner and manager assign roles)", () => {
    expect(BUILT_IN_ROLE_KEYS.filter((k) => BUILT_IN_ROLES[k].privileged).sort()).toEqual(
      ["CognitiveServicesContributor", "Contributor", "FoundryAccountOwner", "FoundryProjectManager", "Owner", "UserAccessAdministrator"],
    );
  });

  test("the Foundry roles carry their current and former display names, and Foundry User lists keys", () => {
    expect(BUILT_IN_ROLES.FoundryUser).toMatchObject({ displayName: "Foundry User", formerDisplayNames: ["Azure AI User"], listsKeys: true, privileged: false });
    expect(BUILT_IN_ROLES.FoundryProjectManager.formerDisplayNames).toEqual(["Azure AI Project Manager"]);
    expect(BUILT_IN_ROLES.FoundryAccountOwner.formerDisplayNames).toEqual(["Azure AI Account Owner"]);
    expect(BUILT_IN_ROLES.FoundryUser.defaultScopeKind).toBe("foundryProject");
    // Privileged roles name their scopes; Azure AI Developer (hub era) has no default either.
    expect(BUILT_IN_ROLES.FoundryProjectManager.defaultScopeKind).toBeUndefined();
    expect(BUILT_IN_ROLES.AzureAiDeveloper.defaultScopeKind).toBeUndefined();
  });

  test("the human ceiling is OpenAI User and the read-only roles", () => {
    expect([...HUMAN_ROLE_CEILING].sort()).toEqual(["LogAnalyticsReader", "MonitoringReader", "OpenAiUser", "Reader"]);
  });

  test("roles are found by GUID in any case", () => {
    expect(builtInRoleKeyByGuid(GUIDS.Owner.toUpperCase())).toBe("Owner");
    expect(builtInRoleKeyByGuid("00000000-0000-0000-0000-000000000000")).toBeUndefined();
  });
});

describe("resolveRole", () => {
  const customGuid = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

  test("a built-in key resolves to its GUID and privilege", () => {
    expect(resolveRole("Owner")).toMatchObject({ builtIn: "Owner", guid: GUIDS.Owner, privileged: true });
    expect(resolveRole("OpenAiUser")).toMatchObject({ builtIn: "OpenAiUser", guid: GUIDS.OpenAiUser, privileged: false });
  });

  test("an unknown key is a problem naming the allowed keys", () => {
    expect(resolveRole("Admin" as never).problem).toMatch(/allowed: one of OpenAiUser, .*CognitiveServicesContributor/);
  });

  test.each([
    customGuid,
    customGuid.toUpperCase(),
    `/providers/Microsoft.Authorization/roleDefinitions/${customGuid}`,
    `/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.Authorization/roleDefinitions/${customGuid}`,
  ])("custom role %s resolves to its GUID, non-privileged", (id) => {
    expect(resolveRole({ customRoleDefinitionId: id })).toMatchObject({ guid: customGuid, privileged: false, key: customGuid });
  });

  test("a custom ID that is a built-in GUID is that built-in role, privilege included", () => {
    expect(resolveRole({ customRoleDefinitionId: GUIDS.UserAccessAdministrator })).toMatchObject({
      builtIn: "UserAccessAdministrator",
      privileged: true,
    });
  });

  test("a custom ID that is not a role definition is a problem", () => {
    expect(resolveRole({ customRoleDefinitionId: "my-role" }).problem).toMatch(/roleDefinitions\/<guid>/);
  });
});
