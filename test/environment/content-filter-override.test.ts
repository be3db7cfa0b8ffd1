/** A deployment's own content filter in an environment config needs a stated reason, end to end. */
import { environment, environmentStack } from "../helpers/environment";
import { synthJson, validationErrors } from "../helpers/synth";
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { ComplianceReport } from "../../lib";
import { failed, problemsIn } from "../helpers/problems";

const dev = environment("dev");
const withFilter = (raiPolicyName: string, reason?: string): EnvironmentConfig => ({
  ...dev,
  deployments: dev.deployments.map((d) => ({ ...d, raiPolicyName })),
  ...(reason ? { contentFilterOverrides: { [dev.deployments[0].name]: { reason } } } : {}),
});

test("Microsoft.Nil without a reason is refused at the boundary", () => {
  expect(problemsIn(validationErrors(environmentStack(withFilter("Microsoft.Nil"))))).toEqual([
    failed("deployments[0].raiPolicyName", { path: "dev", value: "Microsoft.Nil", rule: /contentFilterOverrides/ }),
  ]);
});

test("with a reason the deployment uses it, and the weakening reaches the compliance report", () => {
  const stack = environmentStack(withFilter("Microsoft.Nil", "Red-team evaluation needs unfiltered completions"));
  const json = synthJson(stack);
  const deployments = Object.values<any>(json.resource?.azurerm_cognitive_deployment ?? {});
  expect(deployments.map((d) => d.rai_policy_name)).toEqual(["Microsoft.Nil"]);
  const finding = ComplianceReport.of(stack).findings.find((f) => f.ruleId === "DeploymentContentFilter");
  expect(finding).toMatchObject({ result: "suppressed", suppressionReason: expect.stringContaining("Red-team evaluation") });
});
