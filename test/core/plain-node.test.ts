/**
 * A synth under plain `node` behaves as under the cdktf CLI: it reads cdktf.json's context,
 * prints the warnings the CLI would print (and only when the CLI does not), and a failing synth's
 * error carries its problems as data without Node.js printing them a second time.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { inspect } from "util";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { Annotations, TerraformStack } from "cdktf";
import { GuardedApp, SynthValidationError } from "../../lib";
import { CDKTF_CONTEXT_ENV, projectContext, startedByCdktfCli } from "../../lib/core/cdktf-cli";
import { LEGACY_MOVES_CONTEXT_KEY, moveFromLegacyPath } from "../../lib/core/legacy-address";
import { synthSummary } from "../../stacks/main";
import { tempOutdir, TEST_CONTEXT } from "../helpers/synth";

function withEnv<T>(values: Record<string, string | undefined>, run: () => T): T {
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  const set = (entries: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(entries)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(values);
  try {
    return run();
  } finally {
    set(before);
  }
}

/** Runs `run` with `dir` as the current directory. */
function inDirectory<T>(dir: string, run: () => T): T {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return run();
  } finally {
    process.chdir(before);
  }
}

function project(cdktfJson: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-project-"));
  fs.writeFileSync(path.join(dir, "cdktf.json"), typeof cdktfJson === "string" ? cdktfJson : JSON.stringify(cdktfJson));
  return dir;
}

function stackIn(app: GuardedApp, id = "s"): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  const group = new ResourceGroup(stack, "group", { name: "rg", location: "swedencentral" });
  moveFromLegacyPath(group, ["old", "group"]);
  return stack;
}

describe("cdktf.json context under plain node", () => {
  const legacy = project({ app: "node main.js", context: { [LEGACY_MOVES_CONTEXT_KEY]: false, "x:fromFile": "file" } });

  test("is read when the CLI handed no context, and wins over the App's config as under the CLI", () => {
    const app = withEnv({ [CDKTF_CONTEXT_ENV]: undefined }, () =>
      inDirectory(legacy, () => new GuardedApp({ outdir: tempOutdir(), context: { [LEGACY_MOVES_CONTEXT_KEY]: true, "x:fromConfig": "config" } })),
    );
    expect(app.node.tryGetContext(LEGACY_MOVES_CONTEXT_KEY)).toBe(false);
    expect(app.node.tryGetContext("x:fromFile")).toBe("file");
    expect(app.node.tryGetContext("x:fromConfig")).toBe("config");
  });

  test("is left to the CLI when it handed the context over (no second reading)", () => {
    const cli = JSON.stringify({ cdktfRelativeModules: [] });
    const app = withEnv({ [CDKTF_CONTEXT_ENV]: cli }, () => inDirectory(legacy, () => new GuardedApp({ outdir: tempOutdir() })));
    expect(app.node.tryGetContext("x:fromFile")).toBeUndefined();
  });

  test("no cdktf.json, or one without context: nothing; one that is not JSON: an error naming the file", () => {
    expect(projectContext(fs.mkdtempSync(path.join(os.tmpdir(), "aoai-empty-")))).toEqual({});
    expect(projectContext(project({ app: "x" }))).toEqual({});
    const broken = project("{ not json");
    expect(() => projectContext(broken)).toThrow(new RegExp(`${path.join(broken, "cdktf.json").replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is not valid JSON`));
  });

  test("a project whose cdktf.json opts in gets the moved blocks under plain node", () => {
    const dir = project({ context: { [LEGACY_MOVES_CONTEXT_KEY]: true } });
    const outdir = tempOutdir();
    withEnv({ [CDKTF_CONTEXT_ENV]: undefined, PATH: `${fakeTerraform()}${path.delimiter}${process.env.PATH}` }, () =>
      inDirectory(dir, () => {
        const app = new GuardedApp({ outdir, context: TEST_CONTEXT, printWarnings: false });
        stackIn(app);
        app.synth();
      }),
    );
    const json = JSON.parse(fs.readFileSync(path.join(outdir, "stacks/s/cdk.tf.json"), "utf8"));
    expect(json.moved).toHaveLength(1);
  });
});

/** A directory with a `terraform` that reports 1.9.8. */
function fakeTerraform(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-fake-tf-"));
  fs.writeFileSync(path.join(dir, "terraform"), '#!/bin/sh\necho "Terraform v1.9.8"\n', { mode: 0o755 });
  return dir;
}

describe("warnings", () => {
  const synthWithWarning = (env: Record<string, string | undefined>, printWarnings?: boolean) => {
    const writes: string[] = [];
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      const app = withEnv(env, () => new GuardedApp({ outdir: tempOutdir(), context: TEST_CONTEXT, printWarnings }));
      const stack = stackIn(app);
      Annotations.of(stack.node.findChild("group")).addWarning("gpt-4o 2024-11-20 is legacy");
      app.synth();
      return { writes, warnings: app.warnings };
    } finally {
      spy.mockRestore();
    }
  };

  test("plain node: printed to stderr once, after the synth, and kept as data", () => {
    const { writes, warnings } = synthWithWarning({ [CDKTF_CONTEXT_ENV]: undefined });
    expect(warnings).toEqual([{ path: "s/group", message: "gpt-4o 2024-11-20 is legacy" }]);
    expect(writes).toEqual(["WARN [s/group] gpt-4o 2024-11-20 is legacy\n"]);
  });

  test("under the cdktf CLI: not printed (the CLI prints them from manifest.json), still kept as data", () => {
    const env = { [CDKTF_CONTEXT_ENV]: JSON.stringify({ cdktfRelativeModules: [] }) };
    expect(withEnv(env, () => startedByCdktfCli())).toBe(true);
    const { writes, warnings } = synthWithWarning(env);
    expect(writes).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  test("printWarnings: false keeps them quiet", () => {
    expect(synthWithWarning({ [CDKTF_CONTEXT_ENV]: undefined }, false).writes).toEqual([]);
  });
});

describe("a failing synth's error", () => {
  test("lists the problems once: the arrays are data, not enumerable, so Node.js does not print them again", () => {
    const error = new SynthValidationError([{ path: "prod", message: "location: \"mars\" is not allowed" }]);
    expect(error.problems).toEqual(['[prod] location: "mars" is not allowed']);
    expect(error.details).toEqual([{ path: "prod", message: 'location: "mars" is not allowed' }]);
    expect(error.unexpected).toEqual([]);
    expect(Object.keys(error)).toEqual([]);
    // How Node.js prints an uncaught error: its stack, then its enumerable own properties.
    const printed = inspect(error);
    expect(printed.split('location: "mars"').length - 1).toBe(1);
  });
});

describe("synthSummary (stacks/main.ts)", () => {
  test.each([
    ["JSON", false, "cdk.tf.json"],
    ["HCL", true, "cdk.tf"],
  ])("counts the resources of a %s synth and names its file", (_, hclOutput, file) => {
    const outdir = tempOutdir();
    const app = new GuardedApp({ outdir, context: TEST_CONTEXT, printWarnings: false, hclOutput });
    stackIn(app, "one");
    app.synth();
    expect(synthSummary(outdir)).toEqual([expect.stringMatching(new RegExp(`^one: 1 resources -> .*stacks/one/${file.replace(".", "\\.")}$`))]);
  });
});
