import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { App, TerraformStack, Testing } from "cdktf";
import { parse } from "@cdktf/hcl2json";
import { makeUniqueId } from "cdktf/lib/private/unique";
import { GuardedApp, moveFromLegacyPath, NO_LEGACY_MOVES_CONTEXT_KEY, SynthValidationError } from "../../lib";
import { LEGACY_MOVES_CONTEXT_KEY } from "../../lib/core/legacy-address";
import { tempOutdir, TEST_CONTEXT } from "../helpers/synth";

type Moved = { from: string; to: string }[] | undefined;

function stackIn(app: App, id = "s"): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  const group = new ResourceGroup(stack, "new-place", { name: "rg", location: "swedencentral" });
  moveFromLegacyPath(group, ["old", "place"]);
  return stack;
}

const movedOf = (context: Record<string, unknown>): Moved =>
  JSON.parse(Testing.synth(stackIn(new App({ context: { ...TEST_CONTEXT, ...context } })), true)).moved;

const EXPECTED_MOVE = [{ from: `azurerm_resource_group.${makeUniqueId(["old", "place"])}`, to: "azurerm_resource_group.new-place" }];

describe("legacy moved blocks are opt-in", () => {
  test("a new project (no context) writes no moved block", () => {
    expect(movedOf({})).toBeUndefined();
  });

  test(`with ${LEGACY_MOVES_CONTEXT_KEY} true (or "true"): a moved block from the address the old construct path gave`, () => {
    expect(movedOf({ [LEGACY_MOVES_CONTEXT_KEY]: true })).toEqual(EXPECTED_MOVE);
    expect(movedOf({ [LEGACY_MOVES_CONTEXT_KEY]: "true" })).toEqual(EXPECTED_MOVE);
    expect(movedOf({ [LEGACY_MOVES_CONTEXT_KEY]: false })).toBeUndefined();
  });

  test("the deprecated opt-out key changes nothing", () => {
    expect(movedOf({ [NO_LEGACY_MOVES_CONTEXT_KEY]: true })).toBeUndefined();
    expect(movedOf({ [NO_LEGACY_MOVES_CONTEXT_KEY]: false })).toBeUndefined();
  });

  test("the HCL output has the same moved block, as HashiCorp's parser reads it", async () => {
    const hcl = Testing.synthHcl(stackIn(new App({ context: { ...TEST_CONTEXT, [LEGACY_MOVES_CONTEXT_KEY]: true } })), false);
    const parsed = await parse("cdk.tf", hcl);
    expect(parsed.moved).toEqual([{ to: `\${${EXPECTED_MOVE[0].to}}`, from: `\${${EXPECTED_MOVE[0].from}}` }]);
  });
});

/**
 * A fake `terraform` first on the PATH that counts its runs, so the tests see how often the
 * synth spawns it (and need no real binary).
 */
function withFakeTerraform<T>(version: string | undefined, run: (count: () => number) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-fake-tf-"));
  const log = path.join(dir, "runs");
  fs.writeFileSync(log, "");
  if (version !== undefined) {
    fs.writeFileSync(path.join(dir, "terraform"), `#!/bin/sh\necho run >> "${log}"\necho "Terraform v${version}"\n`, { mode: 0o755 });
  }
  const previous = { PATH: process.env.PATH, TERRAFORM_BINARY_NAME: process.env.TERRAFORM_BINARY_NAME };
  process.env.PATH = dir; // nothing else: a real terraform must not be found either
  delete process.env.TERRAFORM_BINARY_NAME;
  try {
    return run(() => fs.readFileSync(log, "utf8").split("\n").filter(Boolean).length);
  } finally {
    process.env.PATH = previous.PATH;
    if (previous.TERRAFORM_BINARY_NAME !== undefined) process.env.TERRAFORM_BINARY_NAME = previous.TERRAFORM_BINARY_NAME;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function guardedApp(context: Record<string, unknown>, outdir = tempOutdir()): GuardedApp {
  return new GuardedApp({ outdir, context: { ...TEST_CONTEXT, ...context }, printWarnings: false });
}

const synthesizedMoves = (outdir: string, stack: string): Moved =>
  JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")).moved;

describe("GuardedApp and the terraform binary", () => {
  test("a new project's synth spawns no terraform (none on the PATH) and writes no moved block", () => {
    const outdir = tempOutdir();
    withFakeTerraform(undefined, () => {
      const app = guardedApp({}, outdir);
      stackIn(app, "one");
      stackIn(app, "two");
      app.synth();
    });
    expect(synthesizedMoves(outdir, "one")).toBeUndefined();
    expect(synthesizedMoves(outdir, "two")).toBeUndefined();
  });

  test("with legacy moves: the moved blocks are written and terraform runs once per app, not once per stack", () => {
    const outdir = tempOutdir();
    const runs = withFakeTerraform("1.9.8", (count) => {
      const app = guardedApp({ [LEGACY_MOVES_CONTEXT_KEY]: true }, outdir);
      for (const id of ["one", "two", "three"]) stackIn(app, id);
      app.synth();
      return count();
    });
    expect(runs).toBe(1);
    for (const id of ["one", "two", "three"]) expect(synthesizedMoves(outdir, id)).toEqual(EXPECTED_MOVE);
  });

  test("with legacy moves and no terraform: the synth succeeds and warns once, saying why", () => {
    const outdir = tempOutdir();
    const warnings = withFakeTerraform(undefined, () => {
      const app = guardedApp({ [LEGACY_MOVES_CONTEXT_KEY]: true }, outdir);
      stackIn(app, "one");
      stackIn(app, "two");
      app.synth();
      return app.warnings;
    });
    expect(synthesizedMoves(outdir, "two")).toEqual(EXPECTED_MOVE);
    expect(warnings).toEqual([{ path: "one", message: expect.stringMatching(/^terraform was not found, .*"aoai:legacyMoves": true.*1\.8 or newer/) }]);
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8"));
    expect(manifest.stacks.one.annotations).toEqual([expect.objectContaining({ level: "@cdktf/warn", message: warnings[0].message })]);
  });

  test("with legacy moves and Terraform 1.7 (too old for moves across resource types): refused, naming the version", () => {
    const problems = withFakeTerraform("1.7.5", () => {
      const app = guardedApp({ [LEGACY_MOVES_CONTEXT_KEY]: true });
      stackIn(app, "one");
      try {
        app.synth();
        return [];
      } catch (error) {
        if (!(error instanceof SynthValidationError)) throw error;
        return error.details.map((d) => d.message);
      }
    });
    expect(problems).toEqual([expect.stringMatching(/^terraform is version 1\.7\.5; /)]);
  });
});
