import { Construct } from "constructs";
import { IRoleTarget } from "../../lib/identity";

/** A resource ID in literal form, as a scope. */
export const ACCOUNT_ID =
  "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-chat-prod/providers/Microsoft.CognitiveServices/accounts/chat-prod-sdc-oai";
export const WORKSPACE_ID =
  "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-chat-prod/providers/Microsoft.OperationalInsights/workspaces/chat-prod-sdc-log";

export const GROUP_ID = "7d1b8a52-3c4e-4f60-9a1b-2c3d4e5f6a7b";
export const USER_ID = "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f";
export const SP_ID = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

export const GUIDS = {
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

/** What every role_definition_id must look like for a built-in GUID. */
export function subscriptionFormRoleId(guid: string): string {
  return `\${data.azurerm_subscription.current.id}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

/** A stand-in for an OpenAI account or workspace: a construct with a scope ID. */
export class FakeTarget extends Construct implements IRoleTarget {
  constructor(
    scope: Construct,
    id: string,
    public readonly scopeId: string,
  ) {
    super(scope, id);
  }
}
