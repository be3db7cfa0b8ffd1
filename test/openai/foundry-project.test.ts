import { FoundryProject, OpenAiAccount, OpenAiAccountProps } from "../../lib/openai";
import { gpt, openAiAccount } from "../helpers/openai";
import { failedProps, onlyResource, resources, synthJson, testStack } from "../helpers/synth";

const GROUP = "7d1b8a52-3c4e-4f60-9a1b-2c3d4e5f6a7b";
const FOUNDRY_USER = "53ca6127-db72-4b80-b1b0-d745d6d5456d";

function account(props: Partial<OpenAiAccountProps> = {}) {
  const stack = testStack();
  return { stack, construct: openAiAccount(stack, props) };
}

/** The logical id of the resource a `${type.id...}` reference in depends_on names. */
const ref = (type: string, logicalId: string) => `${type}.${logicalId}`;

describe("FoundryProject", () => {
  test("a project has its own identity, display name and description, in the account's region", () => {
    const { stack, construct } = account({
      projects: [{ name: "team-a", displayName: "Team A", description: "Chat assistants of team A" }],
    });
    expect(failedProps(stack)).toEqual([]);
    const json = synthJson(stack);
    const project = onlyResource(json, "azurerm_cognitive_account_project");
    expect(project).toMatchObject({
      name: "team-a",
      location: "swedencentral",
      display_name: "Team A",
      description: "Chat assistants of team A",
      identity: { type: "SystemAssigned" },
    });
    expect(project.cognitive_account_id).toMatch(/^\$\{azurerm_cognitive_account\.[^.]+\.id\}$/);
    expect(construct.projects.map((p) => p.endpoint)).toEqual(["https://aoai-test-sdc-oai.services.ai.azure.com/api/projects/team-a"]);
  });

  test("projects are serialized with the account's other children: after the deployments, one at a time, before the key", () => {
    const { stack } = account({
      deployments: [gpt("chat")],
      projects: [{ name: "team-a" }, { name: "team-b" }],
      customerManagedKey: {
        keyVaultId: "/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/kv",
        keyUriWithVersion: "https://kv.vault.azure.net/keys/k/0123456789abcdef",
      },
    });
    const json = synthJson(stack);
    const [deploymentId] = Object.keys(resources(json, "azurerm_cognitive_deployment"));
    const projects = resources(json, "azurerm_cognitive_account_project");
    const [aId, bId] = Object.keys(projects).sort();
    expect(projects[aId].depends_on).toEqual([ref("azurerm_cognitive_deployment", deploymentId)]);
    expect(projects[bId].depends_on).toEqual([ref("azurerm_cognitive_account_project", aId)]);
    const cmk = onlyResource(json, "azurerm_cognitive_account_customer_managed_key");
    expect(cmk.depends_on).toEqual(expect.arrayContaining([ref("azurerm_cognitive_account_project", bId)]));
  });

  test("roleAssignments and grants use the shared vocabulary on the project's scope", () => {
    const { stack, construct } = account({
      projects: [
        {
          name: "team-a",
          roleAssignments: { "team-a-devs": { principalId: GROUP, principalType: "Group", role: "FoundryUser" } },
        },
      ],
    });
    const project = construct.projects[0];
    project.grantRead({ principalId: GROUP, principalType: "Group", granteeKey: "team-a-devs" });
    const assignments = Object.values(resources(synthJson(stack), "azurerm_role_assignment"));
    expect(assignments).toHaveLength(2);
    for (const a of assignments) expect(a.scope).toMatch(/^\$\{azurerm_cognitive_account_project\.[^.]+\.id\}$/);
    expect(assignments.map((a) => a.role_definition_id)).toEqual(
      expect.arrayContaining([expect.stringContaining(`/roleDefinitions/${FOUNDRY_USER}`)]),
    );
    expect(failedProps(stack)).toEqual([]);
  });

  test("grantManage (Foundry Project Manager) is privileged: it needs a reason", () => {
    const { stack, construct } = account({ projects: [{ name: "team-a" }] });
    construct.projects[0].grantManage({ principalId: GROUP, principalType: "Group", granteeKey: "leads" }, { privileged: { reason: "x" } });
    expect(failedProps(stack).map((p) => p.prop)).toContain("privileged.reason");
  });

  test("a lock protects the project: prevent_destroy and CanNotDelete on its ID", () => {
    const { stack } = account({ projects: [{ name: "team-a", lock: { reason: "Agents and evaluations of team A" } }] });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_cognitive_account_project").lifecycle).toEqual({ prevent_destroy: true });
    const lock = onlyResource(json, "azurerm_management_lock");
    expect(lock.lock_level).toBe("CanNotDelete");
    expect(lock.scope).toMatch(/^\$\{azurerm_cognitive_account_project\./);
  });

  test("projects need kind AIServices and project management", () => {
    const openAi = account({ kind: "OpenAI", foundryUpgrade: { decision: "allow" }, projects: [{ name: "team-a" }] });
    expect(failedProps(openAi.stack).map((p) => p.prop)).toContain("account.kind");
    const off = account({ projectManagement: false, projects: [{ name: "team-a" }] });
    expect(failedProps(off.stack).map((p) => p.prop)).toContain("account.projectManagement");
  });

  test("names, duplicates, empty texts and identities are checked", () => {
    const { stack } = account({
      projects: [
        { name: "-bad" },
        { name: "team-a", displayName: " " },
        { name: "TEAM-A" },
        { name: "team-c", managedIdentities: { systemAssigned: false } },
      ],
    });
    const failed = failedProps(stack).map((p) => `${p.prop}=${JSON.stringify(p.value)}`);
    expect(failed).toEqual(
      expect.arrayContaining(['name="-bad"', 'displayName=" "', 'projects[].name="TEAM-A"', expect.stringMatching(/^managedIdentities=/)]),
    );
  });

  test("an imported Foundry account takes projects; an imported one of unknown kind is OpenAI and refuses them", () => {
    const stack = testStack();
    const id = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/shared";
    const foundry = OpenAiAccount.fromAccountId(stack, "shared", id, { location: "swedencentral", kind: "AIServices" });
    new FoundryProject(stack, "p", { account: foundry, name: "team-x" });
    expect(onlyResource(synthJson(stack), "azurerm_cognitive_account_project").cognitive_account_id).toBe(id);
    const legacy = OpenAiAccount.fromAccountId(stack, "legacy", id, { location: "swedencentral" });
    new FoundryProject(stack, "q", { account: legacy, name: "team-y" });
    expect(failedProps(stack).map((p) => p.prop)).toContain("account.kind");
  });
});
