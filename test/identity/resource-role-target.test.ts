/** ResourceRoleTarget: the one Reader grant of the account, workspace, archive and vault, and of a user's own kind. */
import { Construct } from "constructs";
import { ResourceRoleTarget } from "../../lib/identity/resource-role-target";
import { AuditWorkspace } from "../../lib/monitoring/audit-workspace";
import { RetentionArchive } from "../../lib/monitoring/retention-archive";
import { CustomerManagedKeyVault } from "../../lib/governance/customer-managed-key";
import { OpenAiAccount } from "../../lib/openai/openai-account";
import { GUIDS, subscriptionFormRoleId } from "./fixtures";
import { resourceList, synthJson, testStack } from "../helpers/synth";

const READERS = { principalId: "7d1b8a52-3c4e-4f60-9a1b-2c3d4e5f6a7b", principalType: "Group" as const, granteeKey: "readers" };
const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers";

/** A resource kind the library does not know, made a role target by extending the base. */
class SearchService extends ResourceRoleTarget {
  public readonly location = "swedencentral";
  constructor(scope: Construct, id: string, public readonly searchServiceId: string) {
    super(scope, id);
  }
  public get scopeId(): string {
    return this.searchServiceId;
  }
}

test("grantRead assigns Reader on the resource's ID for every kind, imported or the user's own", () => {
  const stack = testStack();
  const targets: ResourceRoleTarget[] = [
    OpenAiAccount.fromAccountId(stack, "account", `${RG}/Microsoft.CognitiveServices/accounts/aoai`, { location: "swedencentral" }) as ResourceRoleTarget,
    AuditWorkspace.fromWorkspaceAttributes(stack, "workspace", { workspaceId: `${RG}/Microsoft.OperationalInsights/workspaces/law`, location: "swedencentral" }) as ResourceRoleTarget,
    RetentionArchive.fromStorageAccountAttributes(stack, "archive", { storageAccountId: `${RG}/Microsoft.Storage/storageAccounts/st`, location: "swedencentral" }) as ResourceRoleTarget,
    CustomerManagedKeyVault.fromKeyVaultAttributes(stack, "vault", { keyVaultId: `${RG}/Microsoft.KeyVault/vaults/kv`, location: "swedencentral" }) as ResourceRoleTarget,
    new SearchService(stack, "search", `${RG}/Microsoft.Search/searchServices/srch`),
  ];
  for (const target of targets) {
    expect(target).toBeInstanceOf(ResourceRoleTarget);
    expect(target.grantRead(READERS).node.scope).toBe(target);
  }
  const assignments = resourceList(synthJson(stack), "azurerm_role_assignment");
  // Terraform JSON is ordered by logical ID, not by creation: compare as sets.
  const written = assignments.map((a) => [a.scope, a.role_definition_id, a.principal_id]);
  const expected = targets.map((t) => [t.scopeId, subscriptionFormRoleId(GUIDS.Reader), READERS.principalId]);
  expect(written).toHaveLength(expected.length);
  expect(written).toEqual(expect.arrayContaining(expected));
});
