// The built-in Azure role definition GUIDs the tests expect, written out independently of
// lib/identity's role catalog so that a wrong GUID there fails a test. One table for every test.

/** Built-in role definition GUIDs, by role. */
export const ROLE_GUIDS = {
  OpenAiUser: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
  OpenAiContributor: "a001fd3d-188f-4b5d-821b-7da978bf7442",
  CognitiveServicesUser: "a97b65f3-24c7-4388-baec-2e87135dc908",
  CognitiveServicesContributor: "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68",
  Reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
  MonitoringReader: "43d0d8ad-25c7-4714-9337-8ba259a9fe05",
  LogAnalyticsReader: "73c42c96-874c-492b-b04d-ab87d138a893",
  KeyVaultCryptoServiceEncryptionUser: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
  // Storage built-in roles page and the role-definitions page (role JSON); docs/evidence/vocabulary.md.
  StorageBlobDataReader: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
  // "Azure built-in roles for Integration" (ms.date 04/13/2024); docs/evidence/gateway-vocabulary.md.
  ApiManagementServiceReader: "71522526-b88f-4d52-b57f-d31fc3546d0d",
  ApiManagementServiceOperator: "e022efe7-f5ba-4159-bbe4-b44f577e9b61",
  Owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  Contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
  UserAccessAdministrator: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
  // Foundry roles: Learn "Role-based access control for Microsoft Foundry" (role JSON) and the
  // built-in roles page (Azure AI Developer); see docs/evidence/foundry.md.
  FoundryUser: "53ca6127-db72-4b80-b1b0-d745d6d5456d",
  FoundryProjectManager: "eadc314b-1a2d-4efa-be10-5d325db5065e",
  FoundryAccountOwner: "e47c6f54-e4a2-4754-9501-8e0985b135e1",
  AzureAiDeveloper: "64702f94-c441-49e6-a78b-ef80e0188fee",
} as const;

/** Roles that can write data-plane keys, change access or own the resource: no environment grants them. */
export const PRIVILEGED_ROLE_GUIDS: readonly string[] = [
  ROLE_GUIDS.Owner,
  ROLE_GUIDS.Contributor,
  ROLE_GUIDS.UserAccessAdministrator,
  ROLE_GUIDS.CognitiveServicesContributor,
];

/** The GUID at the end of a role assignment's `role_definition_id`. */
export function roleGuidOf(assignment: { readonly role_definition_id?: unknown }): string | undefined {
  return String(assignment.role_definition_id).split("/").pop();
}
