import { TerraformVariable } from "cdktf";
import { AccessEntry, AccessMatrix, AccessScope, grantUse, RbacAssignment, WorkloadIdentity, WorkloadIdentityProps } from "../../lib/identity";
import { GovernanceTags } from "../../lib/core/governance-tags";
import { failedProps, testStack, validationErrors } from "../helpers/synth";
import { ACCOUNT_ID, FakeTarget, GROUP_ID, SP_ID } from "./fixtures";

const scopes: Record<string, AccessScope> = { "openai-sdc": { scopeId: ACCOUNT_ID, kind: "openai" } };
const developers: AccessEntry = { key: "ai-developers", principalId: GROUP_ID, principalType: "Group", role: "OpenAiUser" };

function matrix(entries: AccessEntry[], matrixScopes: Record<string, AccessScope> = scopes) {
  const stack = testStack();
  const build = () => new AccessMatrix(stack, "access", { scopes: matrixScopes, entries });
  return { stack, build };
}

describe("AccessMatrix keys become construct IDs (issue 12)", () => {
  test("keys that collide after constructs rewrites '/' give a problem, not a constructs error", () => {
    const { stack, build } = matrix([
      { ...developers, key: "ai/devs" },
      { ...developers, key: "ai--devs" },
    ]);
    expect(build).not.toThrow();
    expect(validationErrors(stack)).toEqual([
      '[test/access] entries[ai/devs/OpenAiUser].key: "ai/devs" is not allowed; allowed: a key without "/" or line breaks (it becomes a construct ID, and constructs rewrites them to "--")',
    ]);
  });

  test("a scope key with '/' is refused and not assigned on", () => {
    const { stack, build } = matrix([developers], { "openai/sdc": { scopeId: ACCOUNT_ID, kind: "openai" }, "openai--sdc": { scopeId: ACCOUNT_ID, kind: "openai" } });
    expect(build).not.toThrow();
    expect(validationErrors(stack)).toContainEqual(expect.stringContaining('scopes: "openai/sdc" is not allowed; allowed: a key without "/"'));
  });

  test("a token as key is refused before a construct is made from it", () => {
    const stack = testStack();
    const key = new TerraformVariable(stack, "k", {}).stringValue;
    const construct = new AccessMatrix(stack, "access", { scopes, entries: [{ ...developers, key }] });
    expect(construct.assignments).toEqual([]);
    expect(validationErrors(stack)).toContainEqual(expect.stringContaining("allowed: a key known at synth, not a Terraform reference"));
  });

  test("duplicates are still one problem each", () => {
    const { stack, build } = matrix([developers, developers]);
    build();
    expect(validationErrors(stack)).toContainEqual(expect.stringContaining("allowed: one entry per principal key, role and scope"));
  });
});

describe("free text written into descriptions is refused when Terraform would evaluate it (issue 12)", () => {
  test.each([
    ["displayName", { displayName: "AI ${var.team}" }],
    ["description", { description: "runs %{ if true }x%{ endif }" }],
  ] as const)("AccessMatrix %s", (prop, extra) => {
    const { stack, build } = matrix([{ ...developers, ...extra }]);
    const construct = build();
    expect(construct.assignments).toEqual([]);
    expect(validationErrors(stack)).toContainEqual(expect.stringContaining(`[test/access] entries[ai-developers/OpenAiUser].${prop}: `));
  });

  test("the exact problem for an interpolation in a display name", () => {
    const { stack, build } = matrix([{ ...developers, displayName: "AI ${var.team}" }]);
    build();
    expect(validationErrors(stack)).toEqual([
      '[test/access] entries[ai-developers/OpenAiUser].displayName: "AI ${var.team}" is not allowed; allowed: literal text without "${" or "%{" (Terraform reads them as an interpolation or a directive); Terraform references belong in resource ID fields only',
    ]);
  });

  test("RbacAssignment description and privileged reason", () => {
    const stack = testStack();
    new RbacAssignment(stack, "a", { scope: ACCOUNT_ID, principalId: SP_ID, principalType: "ServicePrincipal", role: "Owner", privileged: { reason: "break-glass ${var.x}" }, description: "x %{y}" });
    const errors = validationErrors(stack);
    expect(errors).toContainEqual(expect.stringContaining('[test/a] privileged.reason: "break-glass ${var.x}" is not allowed; allowed: literal text without'));
    expect(errors).toContainEqual(expect.stringContaining('[test/a] description: "x %{y}" is not allowed'));
  });

  test("a token look-alike in a description is refused, a real token is accepted", () => {
    const stack = testStack();
    const real = new TerraformVariable(stack, "d", {}).stringValue;
    new RbacAssignment(stack, "real", { scope: ACCOUNT_ID, principalId: SP_ID, principalType: "ServicePrincipal", role: "Reader", description: `owner ${real}` });
    new RbacAssignment(stack, "fake", { scope: ACCOUNT_ID, principalId: GROUP_ID, principalType: "Group", role: "Reader", description: "${TfToken[TOKEN.987654]}" });
    expect(validationErrors(stack)).toEqual([
      '[test/fake] description: "${TfToken[TOKEN.987654]}" is not allowed; allowed: a Terraform reference created in this app, or a literal value (this looks like a token but none was created)',
    ]);
  });
});

const identityProps: WorkloadIdentityProps = {
  name: "chat-prod-sdc-chatbot-id",
  resourceGroupName: "rg-chat-prod",
  location: "swedencentral",
  application: "chatbot",
};

describe("WorkloadIdentity residency and text (issue 12)", () => {
  test("a location outside the residency it is tagged with is refused", () => {
    const stack = testStack();
    new WorkloadIdentity(stack, "id", { ...identityProps, location: "eastus", residency: "eu" });
    expect(failedProps(stack)).toEqual([expect.objectContaining({ path: "test/id", prop: "location", value: "eastus" })]);
  });

  test("a custom residency given as residency is enforced", () => {
    const stack = testStack();
    new WorkloadIdentity(stack, "id", { ...identityProps, location: "francecentral", residency: { name: "nordics", regions: ["swedencentral", "norwayeast"] } });
    expect(failedProps(stack)).toContainEqual(expect.objectContaining({ path: "test/id", prop: "location", value: "francecentral" }));
    const ok = testStack();
    new WorkloadIdentity(ok, "id", { ...identityProps, residency: { name: "nordics", regions: ["swedencentral"] } });
    expect(validationErrors(ok)).toEqual([]);
  });

  test("an unknown custom residency name in the tag is not checked; a region in the residency passes", () => {
    const stack = testStack();
    GovernanceTags.apply(stack, { environment: "prod", owner: "platform-team", dataResidency: "nordics" });
    new WorkloadIdentity(stack, "a", { ...identityProps });
    new WorkloadIdentity(stack, "b", { ...identityProps, name: "chat-prod-sdc-other-id", residency: "eu" });
    expect(validationErrors(stack)).toEqual([]);
  });

  test("an application with ${ is refused", () => {
    const stack = testStack();
    new WorkloadIdentity(stack, "id", { ...identityProps, application: "bot %{x}" });
    expect(validationErrors(stack)).toEqual([expect.stringContaining('[test/id] application: "bot %{x}" is not allowed')]);
  });

  test("a name with '/' does not become a grant's construct ID", () => {
    const stack = testStack();
    const target = new FakeTarget(stack, "account", ACCOUNT_ID);
    const a = new WorkloadIdentity(stack, "a", { ...identityProps, name: "chat/bot" });
    const b = new WorkloadIdentity(stack, "b", { ...identityProps, name: "chat--bot" });
    expect(() => {
      grantUse(target, a);
      grantUse(target, b);
    }).not.toThrow();
    expect(validationErrors(stack)).toContainEqual(expect.stringContaining('[test/a] name: "chat/bot" is not allowed'));
  });
});
