import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { AccessMatrix, grantRole, IGrantee, IRoleTarget, RbacAssignment, RoleGrants } from "../../lib/identity";
import { failedProps, resources, synthJson, testStack } from "../helpers/synth";
import { ACCOUNT_ID, FakeTarget, GUIDS, SP_ID, subscriptionFormRoleId, WORKSPACE_ID } from "./fixtures";

const chatbot: IGrantee = { principalId: SP_ID, principalType: "ServicePrincipal", granteeKey: "chatbot" };

function assignments(stack: TerraformStack): Record<string, any> {
  return resources(synthJson(stack), "azurerm_role_assignment");
}

describe("RoleGrants: the one grant path", () => {
  test("of(target).role assigns on the target's scope as a child of the target", () => {
    const stack = testStack();
    const account = new FakeTarget(stack, "account", ACCOUNT_ID);
    const assignment = RoleGrants.of(account).role(chatbot, "OpenAiUser");
    expect(assignment.node.scope).toBe(account);
    expect(assignment.node.id).toBe("grant-OpenAiUser-chatbot");
    const [resource] = Object.values(assignments(stack));
    expect(resource).toMatchObject({
      scope: ACCOUNT_ID,
      principal_id: SP_ID,
      principal_type: "ServicePrincipal",
      role_definition_id: subscriptionFormRoleId(GUIDS.OpenAiUser),
    });
  });

  test("grantRole and RoleGrants give the same assignment (one path, one registry)", () => {
    const stack = testStack();
    const account = new FakeTarget(stack, "account", ACCOUNT_ID);
    const first = grantRole(account, chatbot, "Reader");
    expect(RoleGrants.of(account).role(chatbot, "Reader")).toBe(first);
    expect(Object.keys(assignments(stack))).toHaveLength(1);
  });

  test("on(parent, scopeId) grants on a scope that is not a construct, under the parent", () => {
    const stack = testStack();
    const parent = new Construct(stack, "logging");
    const assignment = RoleGrants.on(parent, WORKSPACE_ID).role(chatbot, "LogAnalyticsReader");
    expect(assignment.node.scope).toBe(parent);
    expect(assignment.scopeId).toBe(WORKSPACE_ID);
  });

  test("assign keeps the caller's construct ID, so an existing address stays", () => {
    const stack = testStack();
    const parent = new Construct(stack, "logging");
    const assignment = RoleGrants.on(parent, WORKSPACE_ID).assign("metrics-publisher", chatbot, "MonitoringMetricsPublisher");
    expect(assignment.node.path).toBe("test/logging/metrics-publisher");
  });

  test("assign reports a duplicate of another route instead of reusing it", () => {
    const stack = testStack();
    const account = new FakeTarget(stack, "account", ACCOUNT_ID);
    const granted = RoleGrants.of(account).role(chatbot, "OpenAiUser");
    const assigned = RoleGrants.on(stack, ACCOUNT_ID).assign("direct", chatbot, "OpenAiUser");
    expect(assigned).not.toBe(granted);
    expect(failedProps(stack)).toContainEqual(expect.objectContaining({ path: "test/direct", prop: "role", value: "OpenAiUser" }));
  });

  test("a derived ID from a token principal without a key is reported as data", () => {
    const stack = testStack();
    const account = new FakeTarget(stack, "account", ACCOUNT_ID);
    const identity = new RbacAssignment(stack, "other", { scope: WORKSPACE_ID, principalId: SP_ID, principalType: "ServicePrincipal", role: "Reader" });
    RoleGrants.of(account).role({ principalId: identity.resource.principalId, principalType: "ServicePrincipal" }, "Reader");
    expect(failedProps(stack)).toContainEqual(expect.objectContaining({ path: "test/account/grant-Reader-unkeyed", prop: "grantee.granteeKey" }));
  });

  test("a role target that is not a construct is refused", () => {
    const stack = testStack();
    const fake = { node: stack.node, scopeId: ACCOUNT_ID } as unknown as IRoleTarget;
    expect(() => RoleGrants.of(fake).role(chatbot, "Reader")).toThrow(TypeError);
  });

  test("the access matrix goes through it and keeps its key-based addresses", () => {
    const stack = testStack();
    const matrix = new AccessMatrix(stack, "access", {
      scopes: { "openai-sdc": { scopeId: ACCOUNT_ID, kind: "openai" } },
      entries: [{ principalId: SP_ID, principalType: "ServicePrincipal", role: "OpenAiUser", key: "chatbot" }],
    });
    expect(matrix.assignments.map((a) => a.node.path)).toEqual(["test/access/chatbot-OpenAiUser-openai-sdc"]);
    // A later grant of the same role on the same scope reuses the matrix's assignment.
    expect(RoleGrants.on(stack, ACCOUNT_ID).role(chatbot, "OpenAiUser")).toBe(matrix.assignments[0]);
  });
});
