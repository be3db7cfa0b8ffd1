import * as fs from "fs";
import * as path from "path";
import { Annotations, TerraformStack } from "cdktf";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { OpenAiAccount, OpenAiAccountProps, SynthValidationError } from "../../lib";
import { MAX_LISTED_PROBLEMS } from "../../lib/core/guarded-app";
import { synthProblems, tempOutdir, testApp } from "../helpers/synth";

const good: OpenAiAccountProps = {
  name: "aoai-ok",
  resourceGroupName: "rg",
  location: "swedencentral",
};

function stackWith(app: ReturnType<typeof testApp>, id: string, props: Partial<OpenAiAccountProps>) {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  new OpenAiAccount(stack, "openai", { ...good, ...props });
  return stack;
}

describe("GuardedApp", () => {
  test("writes every stack when all pass, and leaves no staging directory", () => {
    const outdir = tempOutdir();
    const app = testApp(outdir);
    stackWith(app, "one", {});
    stackWith(app, "two", {});
    app.synth();
    expect(fs.existsSync(path.join(outdir, "stacks/one/cdk.tf.json"))).toBe(true);
    expect(fs.existsSync(path.join(outdir, "stacks/two/cdk.tf.json"))).toBe(true);
    expect(fs.existsSync(path.join(outdir, "manifest.json"))).toBe(true);
    expect(fs.readdirSync(path.dirname(outdir)).filter((d) => d.startsWith(`${path.basename(outdir)}.staging`))).toEqual([]);
  });

  test("reports the errors of every stack together and writes nothing", () => {
    const outdir = tempOutdir();
    const app = testApp(outdir);
    stackWith(app, "first", { location: "mars" });
    stackWith(app, "fine", {});
    stackWith(app, "last", { allowedFqdns: ["not a host"] });
    const problems = synthProblems(app);
    expect(problems).toEqual([
      expect.stringMatching(/^\[first\/openai\] location: "mars" is not allowed/),
      expect.stringMatching(/^\[last\/openai\] allowedFqdns\[0\]: "not a host" is not allowed/),
    ]);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test("a failing run leaves the previous output untouched", () => {
    const outdir = tempOutdir();
    const first = testApp(outdir);
    stackWith(first, "env", {});
    first.synth();
    const file = path.join(outdir, "stacks/env/cdk.tf.json");
    const before = fs.readFileSync(file, "utf8");

    const second = testApp(outdir);
    stackWith(second, "env", { name: "renamed-account", location: "mars" });
    expect(() => second.synth()).toThrow(SynthValidationError);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });

  test("the error message lists every problem under one heading", () => {
    const app = testApp();
    stackWith(app, "a", { location: "mars" });
    stackWith(app, "b", { location: "venus" });
    expect(() => app.synth()).toThrow(/Synthesis failed with 2 problem\(s\); nothing was written\.\n {2}- \[a\/openai\] location: "mars".*\n {2}- \[b\/openai\] location: "venus"/);
  });

  test("a re-synthesized stack drops files it no longer writes but keeps Terraform state and working files", () => {
    const outdir = tempOutdir();
    const first = testApp(outdir);
    stackWith(first, "env", {});
    first.synth();
    const dir = path.join(outdir, "stacks/env");
    const kept = ["terraform.env.tfstate", "terraform.env.tfstate.backup", ".terraform.lock.hcl", ".terraform", "plan"];
    for (const name of kept) fs.writeFileSync(path.join(dir, name), "state");
    fs.writeFileSync(path.join(dir, "stale-report.json"), "{}");
    const second = testApp(outdir);
    stackWith(second, "env", {});
    second.synth();
    expect(fs.existsSync(path.join(dir, "stale-report.json"))).toBe(false);
    for (const name of kept) expect(fs.readFileSync(path.join(dir, name), "utf8")).toBe("state");
    expect(fs.existsSync(path.join(dir, "cdk.tf.json"))).toBe(true);
  });

  test("a re-synthesized stack's files replace the published ones", () => {
    const outdir = tempOutdir();
    const first = testApp(outdir);
    stackWith(first, "env", {});
    first.synth();
    const file = path.join(outdir, "stacks/env/cdk.tf.json");
    fs.writeFileSync(file, "{}");
    const second = testApp(outdir);
    stackWith(second, "env", {});
    second.synth();
    expect(Object.keys(JSON.parse(fs.readFileSync(file, "utf8")).resource ?? {})).toContain("azurerm_cognitive_account");
  });
});

test("an app whose constructs throw before synth leaves no staging directory", () => {
  const outdir = tempOutdir();
  const app = testApp(outdir);
  expect(() => stackWith(app, "dup", {}) && stackWith(app, "dup", {})).toThrow(/already a Construct/);
  const siblings = fs.readdirSync(path.dirname(outdir)).filter((d) => d.startsWith(`${path.basename(outdir)}.staging`));
  expect(siblings).toEqual([]);
});

describe("GuardedApp under the cdktf CLI", () => {
  const withEnv = (name: string, value: string | undefined, run: () => void) => {
    const before = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
    try {
      run();
    } finally {
      if (before === undefined) delete process.env[name];
      else process.env[name] = before;
    }
  };

  test.each([undefined, "true"])("an error annotation stops every stack (CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS=%s)", (value) => {
    withEnv("CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS", value, () => {
      const outdir = tempOutdir();
      const app = testApp(outdir);
      stackWith(app, "fine", {});
      const flagged = stackWith(app, "flagged", {});
      Annotations.of(flagged).addError("SOC2-CC6.1: the account is public");
      expect(synthProblems(app)).toEqual(["[flagged] SOC2-CC6.1: the account is public"]);
      expect(fs.readdirSync(outdir)).toEqual([]);
    });
  });

  test("validation problems stop every stack with the CLI's variable set", () => {
    withEnv("CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS", "true", () => {
      const outdir = tempOutdir();
      const app = testApp(outdir);
      stackWith(app, "fine", {});
      stackWith(app, "bad", { location: "mars" });
      expect(synthProblems(app)).toEqual([expect.stringMatching(/^\[bad\/openai\] location: "mars" is not allowed/)]);
      expect(fs.readdirSync(outdir)).toEqual([]);
    });
  });

  test("200,000 problems from one stack: no RangeError, a bounded message, every problem kept", () => {
    const app = testApp();
    const stack = stackWith(app, "many", {});
    const many = Array.from({ length: 200_000 }, (_, i) => `p${i}: 1 is not allowed; allowed: 2`);
    stack.node.addValidation({ validate: () => many });
    let caught: unknown;
    try {
      app.synth();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SynthValidationError);
    const error = caught as SynthValidationError;
    expect(error.problems).toHaveLength(200_000);
    expect(error.message.split("\n")).toHaveLength(1 + MAX_LISTED_PROBLEMS + 1);
    expect(error.message).toMatch(/\.\.\. and 199900 more \(see the problems property\)$/);
  });

  test("an unexpected error is reported with the stack, marked as unexpected, and nothing is written", () => {
    const outdir = tempOutdir();
    const app = testApp(outdir);
    const stack = stackWith(app, "broken", {});
    stackWith(app, "fine", {});
    jest.spyOn(stack, "toTerraform").mockImplementation(() => {
      throw new TypeError("boom");
    });
    let caught: unknown;
    try {
      app.synth();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SynthValidationError);
    expect((caught as SynthValidationError).problems).toEqual(["[broken] TypeError: boom"]);
    expect((caught as SynthValidationError).unexpected).toHaveLength(1);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });
});
