import { TerraformVariable } from "cdktf";
import { AccessEntry, AccessMatrix, AccessScope, grantUse, RbacAssignment, WorkloadIdentity, WorkloadIdentityProps } from "../../lib/identity";
import { GovernanceTags } from "../../lib/core/governance-tags";
import { testStack, validationErrors } from "../helpers/synth";
import { ACCOUNT_ID, FakeTarget, GROUP_ID, SP_ID } from "./fixtures";
import { constructProblems, failed } from "../helpers/problems";

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
    expect(constructProblems(stack)).toEqual([
      failed("entries[ai/devs/OpenAiUser].key", { path: "test/access", value: "ai/devs", rule: /a key without "\/" or/ }),
    ]);
  });

  test("a scope key with '/' is refused and not assigned on", () => {
    const { stack, build } = matrix([developers], { "openai/sdc": { scopeId: ACCOUNT_ID, kind: "openai" }, "openai--sdc": { scopeId: ACCOUNT_ID, kind: "openai" } });
    expect(build).not.toThrow();
    expect(constructProblems(stack)).toContainEqual(failed("scopes", { value: "openai/sdc", rule: /a key without "\/"/ }));
  });

  test("a token as key is refused before a construct is made from it", () => {
    const stack = testStack();
    const key = new TerraformVariable(stack, "k", {}).stringValue;
    const construct = new AccessMatrix(stack, "access", { scopes, entries: [{ ...developers, key }] });
    expect(construct.assignments).toEqual([]);
    expect(constructProblems(stack)).toContainEqual(failed(/^entries\[\$\{TfToken\[TOKEN\.\d+\]\}\/OpenAiUser\]\.key$/, { value: key, rule: /known at synth, not a Terraform reference/ }));
  });

  test("duplicates are still one problem each", () => {
    const { stack, build } = matrix([developers, developers]);
    build();
    expect(constructProblems(stack)).toContainEqual(failed("entries[ai-developers/OpenAiUser]", { rule: /one entry per principal key, role and scope/ }));
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
    expect(constructProblems(stack)).toEqual([
      failed("entries[ai-developers/OpenAiUser].displayName", { path: "test/access", value: "AI ${var.team}", rule: /literal text without "\$\{" or/ }),
    ]);
  });

  test("RbacAssignment description and privileged reason", () => {
    const stack = testStack();
    new RbacAssignment(stack, "a", { scope: ACCOUNT_ID, principalId: SP_ID, principalType: "ServicePrincipal", role: "Owner", privileged: { reason: "break-glass ${var.x}" }, description: "x %{y}" });
    const errors = constructProblems(stack);
    expect(errors).toContainEqual(failed("privileged.reason", { path: "test/a", value: "break-glass ${var.x}", rule: /literal text without/ }));
    expect(errors).toContainEqual(failed("description", { path: "test/a", value: "x %{y}" }));
  });

  test("a token look-alike in a description is refused, a real token is accepted", () => {
    const stack = testStack();
    const real = new TerraformVariable(stack, "d", {}).stringValue;
    new RbacAssignment(stack, "real", { scope: ACCOUNT_ID, principalId: SP_ID, principalType: "ServicePrincipal", role: "Reader", description: `owner ${real}` });
    new RbacAssignment(stack, "fake", { scope: ACCOUNT_ID, principalId: GROUP_ID, principalType: "Group", role: "Reader", description: "${TfToken[TOKEN.987654]}" });
    expect(constructProblems(stack)).toEqual([
      failed("description", { path: "test/fake", value: "${TfToken[TOKEN.987654]}", rule: /a Terraform reference created in/ }),
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
    expect(constructProblems(stack)).toEqual([failed("location", { path: "test/id", value: "eastus", rule: /inside residency "eu" \(.*swedencentral/ })]);
  });

  test("a custom residency given as residency is enforced", () => {
    const stack = testStack();
    new WorkloadIdentity(stack, "id", { ...identityProps, location: "francecentral", residency: { name: "nordics", regions: ["swedencentral", "norwayeast"] } });
    expect(constructProblems(stack)).toContainEqual(failed("location", { value: "francecentral", rule: /inside residency "nordics" \(swedencentral, norwayeast\)/ }));
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
    expect(constructProblems(stack)).toEqual([failed("application", { path: "test/id", value: "bot %{x}" })]);
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
    expect(constructProblems(stack)).toContainEqual(failed("name", { path: "test/a", value: "chat/bot" }));
  });
});
