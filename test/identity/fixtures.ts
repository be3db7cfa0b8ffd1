import { Construct } from "constructs";
import { IRoleTarget } from "../../lib/identity";
import { ROLE_GUIDS } from "../helpers/roles";

/** A resource ID in literal form, as a scope. */
export const ACCOUNT_ID =
  "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-chat-prod/providers/Microsoft.CognitiveServices/accounts/chat-prod-sdc-oai";
export const WORKSPACE_ID =
  "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-chat-prod/providers/Microsoft.OperationalInsights/workspaces/chat-prod-sdc-log";

export const GROUP_ID = "7d1b8a52-3c4e-4f60-9a1b-2c3d4e5f6a7b";
export const USER_ID = "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f";
export const SP_ID = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

/** The built-in role GUIDs (one table for every test: test/helpers/roles.ts). */
export const GUIDS = ROLE_GUIDS;

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
