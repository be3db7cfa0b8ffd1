import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { TerraformStack } from "cdktf";
import {
  grantLogReader,
  grantManageDeployments,
  grantRead,
  grantRole,
  grantUse,
  IGrantee,
  IRoleTarget,
  RbacAssignment,
  RoleScope,
} from "../../lib/identity";
import { resources, synthJson, testStack, validationErrors } from "../helpers/synth";
import { ACCOUNT_ID, FakeTarget, GROUP_ID, GUIDS, SP_ID, subscriptionFormRoleId, USER_ID, WORKSPACE_ID } from "./fixtures";
import { constructProblems, failed } from "../helpers/problems";

const chatbot: IGrantee = { principalId: SP_ID, principalType: "ServicePrincipal" };

function setup() {
  const stack = testStack();
  const account = new FakeTarget(stack, "account", ACCOUNT_ID);
  const workspace = new FakeTarget(stack, "workspace", WORKSPACE_ID);
  return { stack, account, workspace };
}

function onlyAssignment(stack: TerraformStack): any {
  const all = Object.values(resources(synthJson(stack), "azurerm_role_assignment"));
  expect(all).toHaveLength(1);
  return all[0];
}

describe("grant helpers", () => {
  const cases: [string, (t: IRoleTarget, g: IGrantee) => RbacAssignment, "account" | "workspace", string][] = [
    ["grantUse", grantUse, "account", GUIDS.OpenAiUser],
    ["grantManageDeployments", grantManageDeployments, "account", GUIDS.OpenAiContributor],
    ["grantRead", grantRead, "account", GUIDS.Reader],
    ["grantLogReader", grantLogReader, "workspace", GUIDS.LogAnalyticsReader],
  ];

  test.each(cases)("%s assigns its role GUID on the target's scope", (_name, grant, targetKey, guid) => {
    const { stack, ...targets } = setup();
    const target = targets[targetKey];
    const assignment = grant(target, chatbot);
    const resource = onlyAssignment(stack);
    expect(resource.role_definition_id).toBe(subscriptionFormRoleId(guid));
    expect(resource.scope).toBe(target.scopeId);
    expect(resource.principal_id).toBe(SP_ID);
    expect(resource.principal_type).toBe("ServicePrincipal");
    expect(assignment.role.guid).toBe(guid);
    expect(assignment.node.scope).toBe(target);
  });

  test("construct IDs come from role and grantee keys, not order", () => {
    const { account } = setup();
    expect(grantUse(account, { principalId: GROUP_ID, principalType: "Group" }).node.id).toBe(`grant-OpenAiUser-${GROUP_ID}`);
    expect(grantRead(account, { ...chatbot, granteeKey: "svc-chatbot-prod" }).node.id).toBe("grant-Reader-svc-chatbot-prod");
  });
});

describe("grantRole", () => {
  test("granting the same role twice returns the first assignment and emits one", () => {
    const { stack, account } = setup();
    const first = grantUse(account, chatbot);
    const second = grantUse(account, { principalId: SP_ID.toUpperCase(), principalType: "ServicePrincipal" });
    expect(second).toBe(first);
    onlyAssignment(stack);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("a grant after a direct assignment of the same role returns that assignment", () => {
    const { stack, account } = setup();
    const direct = new RbacAssignment(stack, "direct", { scope: ACCOUNT_ID, principalId: SP_ID, principalType: "ServicePrincipal", role: "OpenAiUser" });
    expect(grantUse(account, chatbot)).toBe(direct);
    onlyAssignment(stack);
  });

  test("a reference grantee is merged too", () => {
    const { stack, account } = setup();
    const identity = new UserAssignedIdentity(stack, "identity", { name: "chat-prod-id", resourceGroupName: "rg", location: "swedencentral" });
    const grantee: IGrantee = { principalId: identity.principalId, principalType: "ServicePrincipal", granteeKey: "chatbot" };
    expect(grantUse(account, grantee)).toBe(grantUse(account, grantee));
    onlyAssignment(stack);
  });

  test("different roles for one grantee are separate assignments", () => {
    const { stack, account } = setup();
    grantUse(account, chatbot);
    grantRead(account, chatbot);
    expect(Object.keys(resources(synthJson(stack), "azurerm_role_assignment"))).toHaveLength(2);
  });

  test("a reference principal without a grantee key fails", () => {
    const { stack, account } = setup();
    const identity = new UserAssignedIdentity(stack, "identity", { name: "chat-prod-id", resourceGroupName: "rg", location: "swedencentral" });
    grantUse(account, { principalId: identity.principalId, principalType: "ServicePrincipal" });
    expect(constructProblems(stack)).toEqual([failed("grantee.granteeKey", { value: undefined, rule: /a stable key, required when/ })]);
  });

  test("two principals sharing a grantee key fail instead of throwing", () => {
    const { stack, account } = setup();
    grantUse(account, { principalId: GROUP_ID, principalType: "Group", granteeKey: "devs" });
    grantUse(account, { principalId: USER_ID, principalType: "User", granteeKey: "devs" });
    expect(constructProblems(stack)).toEqual([failed("grantee.granteeKey", { value: "devs", rule: /a key no other principal/ })]);
  });

  test("a privileged role needs a reason through the grant too", () => {
    const { stack, account } = setup();
    grantRole(account, chatbot, "Contributor");
    expect(constructProblems(stack)).toEqual([failed("role", { value: "Contributor", rule: /Contributor is privileged/ })]);
  });

  test("a privileged role with a reason is granted, reason in the description", () => {
    const { stack, account } = setup();
    grantRole(account, chatbot, "Contributor", { privileged: { reason: "deployment pipeline manages the account" } });
    expect(onlyAssignment(stack).description).toBe("Privileged: deployment pipeline manages the account");
  });

  test("a RoleScope wraps a scope known only by ID", () => {
    const stack = testStack();
    const rg = new RoleScope(stack, "rg", { scopeId: "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-chat-prod" });
    grantRead(rg, chatbot);
    expect(onlyAssignment(stack).scope).toBe(rg.scopeId);
  });
});
