/**
 * The cdk-nag habit: `Aspects.of(app).add(new Soc2Pack())` judges every stack of the app
 * (issue 22 item 5). cdktf invokes aspects per stack, so the app copies its stack-wide aspects
 * onto each stack before synth (propagateStackWideAspects, called by GuardedApp.synth).
 */
import * as fs from "fs";
import * as path from "path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Aspects, TerraformStack } from "cdktf";
import { GuardedApp } from "../../../lib/core/guarded-app";
import { propagateStackWideAspects } from "../../../lib/core/stack-aspects";
import { HipaaPack, Soc2Pack } from "../../../lib/governance/compliance";
import { synthProblems, tempOutdir, TEST_CONTEXT } from "../../helpers/synth";
import { compliantComposition } from "./fixtures";

function appWith(stackIds: readonly string[], outdir = tempOutdir()) {
  const app = new GuardedApp({ outdir, context: TEST_CONTEXT });
  const stacks = stackIds.map((id) => {
    const stack = new TerraformStack(app, id);
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    return { stack, composition: compliantComposition(stack, id) };
  });
  return { app, stacks, outdir };
}

const report = (outdir: string, stack: string) => JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "compliance-report.json"), "utf8"));

test("a pack added to the App writes a report for every stack", () => {
  const { app, outdir } = appWith(["prod", "dev"]);
  const pack = new Soc2Pack();
  Aspects.of(app).add(pack);
  app.synth();
  for (const stack of ["prod", "dev"]) {
    const r = report(outdir, stack);
    expect(r.packs.map((p: { name: string }) => p.name)).toEqual(["SOC2"]);
    expect(r.findings.filter((f: { ruleId: string }) => f.ruleId === "CognitiveLocalAuthDisabled")).toHaveLength(1);
  }
});

test("a pack added to the App fails the synth on a break in any stack", () => {
  const { app, stacks } = appWith(["prod", "dev"]);
  stacks[1].composition.account.resource.addOverride("local_auth_enabled", true);
  Aspects.of(app).add(new Soc2Pack());
  expect(synthProblems(app)).toEqual([expect.stringMatching(/^\[dev\/openai\/resource\] SOC2 CognitiveLocalAuthDisabled/)]);
});

test("a pack on the App and one of the same name on a stack judge that stack once", () => {
  const { app, stacks } = appWith(["prod", "dev"]);
  stacks[0].composition.account.resource.addOverride("local_auth_enabled", true);
  Aspects.of(app).add(new Soc2Pack());
  Aspects.of(app).add(new HipaaPack());
  Aspects.of(stacks[0].stack).add(new Soc2Pack());
  const problems = synthProblems(app);
  expect(problems.filter((p) => p.includes("SOC2 CognitiveLocalAuthDisabled"))).toHaveLength(1);
  expect(problems.filter((p) => p.includes("HIPAA CognitiveLocalAuthDisabled"))).toHaveLength(1);
});

test("the same pack instance on App and stack is added once, and a second call adds nothing", () => {
  const { app, stacks, outdir } = appWith(["prod"]);
  const pack = new Soc2Pack();
  Aspects.of(app).add(pack);
  Aspects.of(stacks[0].stack).add(pack);
  expect([...propagateStackWideAspects(app)]).toEqual([]);
  app.synth();
  const r = report(outdir, "prod");
  expect(r.findings.filter((f: { ruleId: string }) => f.ruleId === "CognitiveLocalAuthDisabled")).toHaveLength(1);
  expect(r.packs).toHaveLength(1);
});
