import { DataAzurermSubscription } from "@cdktf/provider-azurerm/lib/data-azurerm-subscription";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { TerraformStack } from "cdktf";
import { RbacAssignment, RbacAssignmentProps } from "../../lib/identity";
import { resourceList, synthJson, testStack, validationErrors } from "../helpers/synth";
import { ACCOUNT_ID, GROUP_ID, GUIDS, SP_ID, subscriptionFormRoleId, WORKSPACE_ID } from "./fixtures";
import { constructProblems, failed } from "../helpers/problems";

const base: RbacAssignmentProps = { scope: ACCOUNT_ID, principalId: GROUP_ID, principalType: "Group", role: "OpenAiUser" };

function assign(props: Partial<RbacAssignmentProps> = {}, stack: TerraformStack = testStack()) {
  const construct = new RbacAssignment(stack, "assignment", { ...base, ...props });
  return { stack, construct };
}

function assignments(stack: TerraformStack): any[] {
  return resourceList(synthJson(stack), "azurerm_role_assignment");
}

describe("RbacAssignment output", () => {
  const { stack } = assign();
  const json = synthJson(stack);
  const [resource] = resourceList(json, "azurerm_role_assignment");

  test("role_definition_id is in subscription form from the subscription data source", () => {
    expect(resource.role_definition_id).toBe(subscriptionFormRoleId(GUIDS.OpenAiUser));
    expect(resource.role_definition_id.startsWith("${data.azurerm_subscription.current.id}")).toBe(true);
    expect(resource.role_definition_id.endsWith(`/providers/Microsoft.Authorization/roleDefinitions/${GUIDS.OpenAiUser}`)).toBe(true);
    expect(resource.role_definition_name).toBeUndefined();
  });

  test("scope, principal and principal_type are set", () => {
    expect(resource.scope).toBe(ACCOUNT_ID);
    expect(resource.principal_id).toBe(GROUP_ID);
    expect(resource.principal_type).toBe("Group");
  });

  test("name is Terraform's uuidv5 of scope, principal and role GUID", () => {
    expect(resource.name).toBe(`\${uuidv5("url", lower(join("|", ["${ACCOUNT_ID}", "${GROUP_ID}", "${GUIDS.OpenAiUser}"])))}`);
  });

  test("the subscription data source reads the provider's subscription", () => {
    expect(json.data?.azurerm_subscription).toEqual({ current: {} });
  });

  test("no description unless one is given", () => {
    expect(resource.description).toBeUndefined();
  });
});

describe("RbacAssignment subscription data source", () => {
  test("one per stack, however many assignments", () => {
    const stack = testStack();
    const roles = ["OpenAiUser", "OpenAiContributor", "Reader", "MonitoringReader"] as const;
    roles.forEach((role) => new RbacAssignment(stack, `a-${role}`, { ...base, role }));
    new RbacAssignment(stack, "logs", { ...base, scope: WORKSPACE_ID, role: "LogAnalyticsReader" });
    const json = synthJson(stack);
    expect(Object.keys(json.data?.azurerm_subscription ?? {})).toEqual(["current"]);
    expect(resourceList(json, "azurerm_role_assignment")).toHaveLength(5);
  });

  test("an existing one is reused instead of adding a second", () => {
    const stack = testStack();
    new DataAzurermSubscription(stack, "mine", {});
    assign({}, stack);
    const json = synthJson(stack);
    expect(Object.keys(json.data?.azurerm_subscription ?? {})).toEqual(["mine"]);
    expect(resourceList(json, "azurerm_role_assignment")[0].role_definition_id).toBe(
      `\${data.azurerm_subscription.mine.id}/providers/Microsoft.Authorization/roleDefinitions/${GUIDS.OpenAiUser}`,
    );
  });

  test("one for another subscription is not taken for the current one", () => {
    const stack = testStack();
    new DataAzurermSubscription(stack, "other", { subscriptionId: "11111111-2222-3333-4444-555555555555" });
    assign({}, stack);
    expect(Object.keys(synthJson(stack).data?.azurerm_subscription ?? {}).sort()).toEqual(["current", "other"]);
  });

  test("separate stacks each get their own", () => {
    const first = assign().stack;
    const second = assign().stack;
    expect(Object.keys(synthJson(first).data?.azurerm_subscription ?? {})).toEqual(["current"]);
    expect(Object.keys(synthJson(second).data?.azurerm_subscription ?? {})).toEqual(["current"]);
  });
});

describe("RbacAssignment names are stable", () => {
  function build(): any[] {
    const stack = testStack();
    const identity = new UserAssignedIdentity(stack, "identity", { name: "chat-prod-id", resourceGroupName: "rg", location: "swedencentral" });
    new RbacAssignment(stack, "group", base);
    new RbacAssignment(stack, "identity-use", { scope: ACCOUNT_ID, principalId: identity.principalId, principalType: "ServicePrincipal", role: "OpenAiUser" });
    return assignments(stack);
  }

  test("the same stack built in two apps gives identical assignment names", () => {
    const first = build().map((r) => r.name);
    const second = build().map((r) => r.name);
    expect(first).toHaveLength(2);
    expect(second).toEqual(first);
  });

  test("a reference principal is hashed through its Terraform expression", () => {
    const names = build().map((r) => r.name);
    expect(names[1]).toBe(
      `\${uuidv5("url", lower(join("|", ["${ACCOUNT_ID}", azurerm_user_assigned_identity.identity.principal_id, "${GUIDS.OpenAiUser}"])))}`,
    );
  });

  test("a different role, principal or scope gives a different name", () => {
    const name = (props: Partial<RbacAssignmentProps>) => assignments(assign(props).stack)[0].name;
    const reference = name({});
    expect(name({ role: "Reader" })).not.toBe(reference);
    expect(name({ principalId: SP_ID })).not.toBe(reference);
    expect(name({ scope: WORKSPACE_ID })).not.toBe(reference);
  });
});

describe("RbacAssignment validation", () => {
  test.each(["not-a-guid", "5e0bd9bd7b934f28af8719fc36ad61bd", "", "{7d1b8a52-3c4e-4f60-9a1b-2c3d4e5f6a7b}"])(
    "principal ID %j is rejected",
    (principalId) => {
      expect(constructProblems(assign({ principalId }).stack)).toEqual([failed("principalId", { path: "test/assignment", rule: /an Entra object ID \(GUID/ })]);
    },
  );

  test("a reference principal ID is not checked at synth", () => {
    const stack = testStack();
    const identity = new UserAssignedIdentity(stack, "identity", { name: "chat-prod-id", resourceGroupName: "rg", location: "swedencentral" });
    assign({ principalId: identity.principalId, principalType: "ServicePrincipal" }, stack);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("principal type is required and must be User, Group or ServicePrincipal", () => {
    expect(constructProblems(assign({ principalType: undefined as never }).stack)).toEqual([failed("principalType", { value: undefined, rule: /User, Group, ServicePrincipal/ })]);
    expect(constructProblems(assign({ principalType: "Application" as never }).stack)).toEqual([failed("principalType", { value: "Application", rule: /User, Group, ServicePrincipal/ })]);
  });

  test("a scope that is not a resource ID is rejected", () => {
    expect(constructProblems(assign({ scope: "chat-prod-sdc-oai" }).stack)).toEqual([failed("scope", { value: "chat-prod-sdc-oai", rule: /an Azure resource ID/ })]);
  });

  test("an unknown role key is rejected", () => {
    expect(constructProblems(assign({ role: "Admin" as never }).stack)).toEqual([failed("role", { value: "Admin", rule: /one of OpenAiUser/ })]);
  });
});

describe("least-privilege guard", () => {
  test.each(["Owner", "Contributor", "UserAccessAdministrator", "CognitiveServicesContributor"] as const)(
    "%s fails without a reason",
    (role) => {
      expect(constructProblems(assign({ role }).stack)).toEqual([failed("role", { value: role, rule: /is privileged; .*privileged: \{ reason \}/ })]);
    },
  );

  test("a built-in privileged GUID passed as a custom role is still guarded", () => {
    expect(validationErrors(assign({ role: { customRoleDefinitionId: GUIDS.Owner } }).stack)).toEqual([
      expect.stringMatching(/Owner is privileged/),
    ]);
  });

  test("a short reason fails", () => {
    expect(constructProblems(assign({ role: "Owner", privileged: { reason: "because" } }).stack)).toEqual([failed("privileged.reason", { value: "because" })]);
  });

  test("with a reason it is accepted and the reason is in the description", () => {
    const reason = "break-glass account for the platform team, ticket SEC-42";
    const { stack, construct } = assign({ role: "CognitiveServicesContributor", privileged: { reason }, description: "Platform admins" });
    expect(validationErrors(stack)).toEqual([]);
    const [resource] = assignments(stack);
    expect(resource.role_definition_id).toBe(subscriptionFormRoleId(GUIDS.CognitiveServicesContributor));
    expect(resource.description).toBe(`Platform admins. Privileged: ${reason}`);
    expect(construct.privilegedReason).toBe(reason);
  });

  test("custom roles need no reason and keep their GUID in subscription form", () => {
    const guid = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    const { stack } = assign({ role: { customRoleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${guid}` } });
    expect(validationErrors(stack)).toEqual([]);
    expect(assignments(stack)[0].role_definition_id).toBe(subscriptionFormRoleId(guid));
  });
});

describe("duplicate assignments", () => {
  test("the same scope, principal and role twice fails on the second", () => {
    const stack = testStack();
    new RbacAssignment(stack, "first", base);
    new RbacAssignment(stack, "second", { ...base, principalId: GROUP_ID.toUpperCase() });
    expect(constructProblems(stack)).toEqual([failed("role", { path: "test/second", value: "OpenAiUser", rule: /one assignment per scope, principal and role; test\/first already assigns it/ })]);
  });

  test("the same reference twice is a duplicate too", () => {
    const stack = testStack();
    const identity = new UserAssignedIdentity(stack, "identity", { name: "chat-prod-id", resourceGroupName: "rg", location: "swedencentral" });
    const props = { ...base, principalId: identity.principalId, principalType: "ServicePrincipal" as const };
    new RbacAssignment(stack, "first", props);
    new RbacAssignment(stack, "second", props);
    expect(validationErrors(stack)).toEqual([expect.stringMatching(/\[test\/second\] .*test\/first already assigns it/)]);
  });

  test("the same principal and role on another scope is not a duplicate", () => {
    const stack = testStack();
    new RbacAssignment(stack, "first", base);
    new RbacAssignment(stack, "second", { ...base, scope: WORKSPACE_ID });
    expect(validationErrors(stack)).toEqual([]);
  });

  test("a custom role with a built-in GUID duplicates the built-in one", () => {
    const stack = testStack();
    new RbacAssignment(stack, "first", base);
    new RbacAssignment(stack, "second", { ...base, role: { customRoleDefinitionId: GUIDS.OpenAiUser } });
    expect(validationErrors(stack)).toEqual([expect.stringMatching(/\[test\/second\] .*already assigns it/)]);
  });
});
