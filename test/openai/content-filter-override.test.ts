import { Aspects, Testing } from "cdktf";
import { ModelDeployment, OpenAiAccountProps } from "../../lib/openai";
import { Soc2Pack } from "../../lib/governance/compliance";
import { gpt, openAiAccount } from "../helpers/openai";
import { resources, synthJson, testStack, validationErrors } from "../helpers/synth";
import { constructProblems, failed } from "../helpers/problems";

function account(extra: Partial<OpenAiAccountProps> = {}) {
  const stack = testStack();
  const openai = openAiAccount(stack, { contentFilter: {}, ...extra });
  return { stack, openai };
}

describe("a deployment's raiPolicyName on an account with a content filter", () => {
  test("without contentFilterOverride it is refused: it would silently replace the account's filter", () => {
    const { stack } = account({ deployments: [gpt("chat", { raiPolicyName: "lenient" })] });
    expect(constructProblems(stack)).toEqual([failed("raiPolicyName", { path: "test/openai/deployment-chat", value: "lenient", rule: /content filter "strict", or another policy only with contentFilterOverride/ })]);
  });

  test("with contentFilterOverride: { reason } it is accepted and the report shows the weakening with its reason", () => {
    const { stack } = account({
      deployments: [gpt("chat", { raiPolicyName: "lenient", contentFilterOverride: { reason: "vendor filter under evaluation until 2027-03" } })],
    });
    expect(validationErrors(stack)).toEqual([]);
    const pack = new Soc2Pack();
    Aspects.of(stack).add(pack);
    Testing.synth(stack);
    expect(pack.findingsFor(stack)).toContainEqual(
      expect.objectContaining({
        ruleId: "DeploymentContentFilter",
        resourcePath: "test/openai/deployment-chat/resource",
        result: "suppressed",
        suppressionReason: "contentFilterOverride: vendor filter under evaluation until 2027-03",
      }),
    );
  });

  test("the override's reason must say why", () => {
    const { stack } = account({ deployments: [gpt("chat", { raiPolicyName: "lenient", contentFilterOverride: { reason: "x" } })] });
    expect(constructProblems(stack)).toContainEqual(failed("contentFilterOverride.reason", { value: "x", rule: /at least 10 characters/ }));
  });

  test("naming the account's own filter needs no override, and a default deployment uses it (compliant)", () => {
    const { stack } = account({ deployments: [gpt("chat", { raiPolicyName: "strict" }), gpt("embed")] });
    expect(validationErrors(stack)).toEqual([]);
    const pack = new Soc2Pack();
    Aspects.of(stack).add(pack);
    Testing.synth(stack);
    const findings = pack.findingsFor(stack).filter((f) => f.ruleId === "DeploymentContentFilter");
    expect(findings.map((f) => f.result)).toEqual(["compliant", "compliant"]);
  });

  test("a ModelDeployment made directly on the account uses the account's filter by default", () => {
    const { stack, openai } = account();
    new ModelDeployment(stack, "direct", { ...gpt("direct"), account: openai });
    const deployment = Object.values(resources(synthJson(stack), "azurerm_cognitive_deployment"))[0];
    expect(deployment.rai_policy_name).toMatch(/^\$\{azurerm_cognitive_account_rai_policy\.openai_content-filter_resource_[0-9A-F]+\.name\}$/);
  });

  test("a ModelDeployment made directly with another policy needs the override too", () => {
    const { stack, openai } = account();
    new ModelDeployment(stack, "direct", { ...gpt("direct"), raiPolicyName: "other", account: openai });
    expect(constructProblems(stack)).toContainEqual(failed("raiPolicyName", { path: "test/direct", value: "other" }));
  });
});

describe("Microsoft.Nil (no content filtering)", () => {
  test.each([true, false])("needs a reason whether or not the account has a filter (filter: %p)", (withFilter) => {
    const { stack } = account({ contentFilter: withFilter ? {} : undefined, deployments: [gpt("chat", { raiPolicyName: "Microsoft.Nil" })] });
    expect(constructProblems(stack)).toContainEqual(failed("raiPolicyName", { path: "test/openai/deployment-chat", value: "Microsoft.Nil", rule: /no content filtering\) only with contentFilterOverride/ }));
  });

  test("with a reason it is reported as a suppressed finding, not hidden", () => {
    const { stack } = account({
      contentFilter: undefined,
      deployments: [gpt("chat", { raiPolicyName: "Microsoft.Nil", contentFilterOverride: { reason: "red-team evaluation, approved by CISO" } })],
    });
    expect(validationErrors(stack)).toEqual([]);
    const pack = new Soc2Pack();
    Aspects.of(stack).add(pack);
    Testing.synth(stack);
    expect(pack.findingsFor(stack)).toContainEqual(
      expect.objectContaining({ ruleId: "DeploymentContentFilter", result: "suppressed", detail: 'rai_policy_name is "Microsoft.Nil": no content filtering' }),
    );
  });

  test("without a reason the compliance rule fails it too", () => {
    const { stack } = account({ contentFilter: undefined, deployments: [gpt("chat", { raiPolicyName: "Microsoft.Nil" })] });
    const pack = new Soc2Pack();
    Aspects.of(stack).add(pack);
    Testing.synth(stack);
    expect(pack.findingsFor(stack)).toContainEqual(expect.objectContaining({ ruleId: "DeploymentContentFilter", result: "non-compliant" }));
  });
});

describe("deployment names on an account (construct IDs deployment-<name>)", () => {
  test("a one-character name is refused: Azure takes 2-64 characters", () => {
    const { stack } = account({ deployments: [gpt("x")] });
    expect(constructProblems(stack)).toEqual([failed("name", { path: "test/openai/deployment-x", value: "x", rule: /2-64/ })]);
  });

  test("names that differ only in case are refused (Azure compares them without case)", () => {
    const { stack, openai } = account({ deployments: [gpt("Chat"), gpt("chat")] });
    expect(constructProblems(stack)).toContainEqual(failed("deployments", { path: "test/openai", value: ["chat"], rule: /once, ignoring case/ }));
    expect(openai.deployments).toHaveLength(1);
  });

  test("gpt/4 and gpt--4 (the same construct ID after rewriting) give a problem, not a constructs error", () => {
    const build = () => account({ deployments: [gpt("gpt/4"), gpt("gpt--4")] });
    expect(build).not.toThrow();
    const problems = constructProblems(build().stack);
    expect(problems).toContainEqual(failed("name", { path: "test/openai/invalid-deployment-1", value: "gpt/4" }));
    expect(problems.filter((p) => p.value === "gpt--4")).toEqual([]);
  });

  test("a token look-alike name is refused, not skipped", () => {
    const { stack } = account({ deployments: [gpt("${TfToken[TOKEN.99999]}")] });
    expect(constructProblems(stack)).toContainEqual(failed("name", { value: "${TfToken[TOKEN.99999]}" }));
  });
});
