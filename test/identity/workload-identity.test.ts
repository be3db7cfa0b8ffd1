import { TerraformOutput } from "cdktf";
import { GovernanceTags } from "../../lib/core/governance-tags";
import { grantUse, WorkloadIdentity, WorkloadIdentityProps } from "../../lib/identity";
import { EnvironmentContext } from "../../lib/context";
import { failedProps, onlyResource, resourceList, synthJson, testStack, validationErrors } from "../helpers/synth";
import { ACCOUNT_ID, FakeTarget, GUIDS, subscriptionFormRoleId } from "./fixtures";
import { constructProblems, failed } from "../helpers/problems";

const base: WorkloadIdentityProps = {
  name: "chat-prod-sdc-chatbot-id",
  resourceGroupName: "rg-chat-prod",
  location: "swedencentral",
  application: "chatbot",
};

function identity(props: Partial<WorkloadIdentityProps> = {}) {
  const stack = testStack();
  const construct = new WorkloadIdentity(stack, "chatbot", { ...base, ...props });
  return { stack, construct };
}

describe("WorkloadIdentity", () => {
  test("is a user-assigned identity with its application tag; GovernanceTags adds the governance tags", () => {
    const alone = onlyResource(synthJson(identity().stack), "azurerm_user_assigned_identity");
    expect(alone).toMatchObject({ name: base.name, resource_group_name: "rg-chat-prod", location: "swedencentral" });
    expect(alone.tags).toEqual({ application: "chatbot" });
    const { stack, construct } = identity();
    expect(construct.node.defaultChild).toBe(construct.resource);
    GovernanceTags.apply(stack, { environment: "prod", owner: "platform-team", dataResidency: "eu", tags: { costCenter: "42" } });
    const resource = onlyResource(synthJson(stack), "azurerm_user_assigned_identity");
    expect(resource.tags).toEqual({
      costCenter: "42",
      application: "chatbot",
      environment: "prod",
      owner: "platform-team",
      "data-residency": "eu",
      "managed-by": "cdktf",
    });
  });

  test("exposes client ID, resource ID and principal ID of the identity", () => {
    const { stack, construct } = identity();
    new TerraformOutput(stack, "client-id", { value: construct.clientId });
    new TerraformOutput(stack, "identity-id", { value: construct.identityId });
    new TerraformOutput(stack, "principal-id", { value: construct.principalId });
    const json = synthJson(stack);
    const address = `azurerm_user_assigned_identity.${construct.resource.friendlyUniqueId}`;
    expect(json.output?.["client-id"].value).toBe(`\${${address}.client_id}`);
    expect(json.output?.["identity-id"].value).toBe(`\${${address}.id}`);
    expect(json.output?.["principal-id"].value).toBe(`\${${address}.principal_id}`);
    expect(construct.principalType).toBe("ServicePrincipal");
    expect(construct.granteeKey).toBe(base.name);
  });

  test("is a grantee: grantUse assigns OpenAI User to its principal as a service principal", () => {
    const { stack, construct } = identity();
    const account = new FakeTarget(stack, "account", ACCOUNT_ID);
    const assignment = grantUse(account, construct);
    const resource = onlyResource(synthJson(stack), "azurerm_role_assignment");
    expect(resource.principal_id).toBe(`\${azurerm_user_assigned_identity.${construct.resource.friendlyUniqueId}.principal_id}`);
    expect(resource.principal_type).toBe("ServicePrincipal");
    expect(resource.role_definition_id).toBe(subscriptionFormRoleId(GUIDS.OpenAiUser));
    expect(assignment.node.id).toBe(`grant-OpenAiUser-${base.name}`);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("the seed's three service accounts each get their own identity", () => {
    const stack = testStack();
    for (const app of ["chatbot", "ci-pipeline", "eval-runner"]) {
      new WorkloadIdentity(stack, app, { ...base, name: `chat-prod-${app}-id`, application: app });
    }
    const names = resourceList(synthJson(stack), "azurerm_user_assigned_identity").map((r) => r.name);
    expect(names.sort()).toEqual(["chat-prod-chatbot-id", "chat-prod-ci-pipeline-id", "chat-prod-eval-runner-id"]);
  });

  test("the residency of the environment context above holds the location", () => {
    const context = { name: "prod", workload: "chat", owner: "platform-team", location: "swedencentral" };
    const { stack } = identity({ location: "eastus2" });
    EnvironmentContext.establish(stack, { ...context, residency: "eu" });
    expect(failedProps(stack)).toEqual([expect.objectContaining({ path: "test/chatbot", prop: "location", value: "eastus2" })]);
    const us = identity({ location: "eastus2" });
    EnvironmentContext.establish(us.stack, { ...context, location: "eastus2", residency: "us" });
    expect(failedProps(us.stack)).toEqual([]);
  });

  test("a governance tag alone checks nothing: residency comes from props or the context, never back from a tag", () => {
    const { stack } = identity({ location: "eastus2" });
    GovernanceTags.apply(stack, { environment: "prod", owner: "platform-team", dataResidency: "eu" });
    expect(failedProps(stack)).toEqual([]);
  });

  test("lock protects the identity: prevent_destroy and a CanNotDelete lock on its ID", () => {
    const { stack, construct } = identity({ lock: { reason: "the CMK of the prod account is read with it" } });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_user_assigned_identity").lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({
      scope: `\${azurerm_user_assigned_identity.${construct.resource.friendlyUniqueId}.id}`,
      lock_level: "CanNotDelete",
    });
  });

  test("a bad name fails with Azure's rule", () => {
    expect(constructProblems(identity({ name: "-bad name" }).stack)).toEqual([failed("name", { path: "test/chatbot", value: "-bad name", rule: /3-128 letters/ })]);
  });

  test("an empty application fails", () => {
    expect(constructProblems(identity({ application: "" }).stack)).toEqual([failed("application", { value: "" })]);
  });
});
