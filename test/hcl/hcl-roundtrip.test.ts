/**
 * The HCL exit route (`cdktf synth --hcl`): every stack of the reference app and of every
 * example, written as HCL, parses with HashiCorp's HCL parser and declares the same resources,
 * data sources and moved blocks with the same attributes as the JSON output of the same stack.
 * Runs under both toolchains (jest.cdktn.config.js maps cdktf to CDK Terrain).
 */
import * as fs from "fs";
import * as path from "path";
import { buildApp } from "../../stacks/main";
import { GuardedApp } from "../../lib";
import { EXAMPLES, exampleNames } from "../helpers/examples";
import { referenceAppOutdir } from "../helpers/reference-app";
import { TEST_CONTEXT, tempOutdir } from "../helpers/synth";
import { movedBlocks, parseHclFiles, readStackFiles, resourcesByAddress, withHclOutput } from "./hcl-roundtrip";

jest.setTimeout(120_000);

type Files = Record<string, string>;

/** The reference app: its JSON from the pass's shared synth (test/helpers/reference-app.ts), its HCL synthesized here. */
function synthReferenceApp(hcl: boolean): Files {
  if (!hcl) return readStackFiles(referenceAppOutdir(), "cdk.tf.json");
  const outdir = tempOutdir();
  try {
    withHclOutput(true, () => buildApp(new GuardedApp({ outdir, context: TEST_CONTEXT })).synth());
    return readStackFiles(outdir, "cdk.tf");
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** An example's main.ts, run once per output in this process (the test date through CDKTF_CONTEXT_JSON). */
function synthExampleFiles(name: string, hcl: boolean): Files {
  const outdir = tempOutdir();
  const saved = { outdir: process.env.CDKTF_OUTDIR, context: process.env.CDKTF_CONTEXT_JSON };
  process.env.CDKTF_OUTDIR = outdir;
  process.env.CDKTF_CONTEXT_JSON = JSON.stringify(TEST_CONTEXT);
  try {
    withHclOutput(hcl, () => jest.isolateModules(() => require(path.join(EXAMPLES, name, "main.ts"))));
    return readStackFiles(outdir, hcl ? "cdk.tf" : "cdk.tf.json");
  } finally {
    restore("CDKTF_OUTDIR", saved.outdir);
    restore("CDKTF_CONTEXT_JSON", saved.context);
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

interface Case {
  readonly app: string;
  readonly synth: (hcl: boolean) => Files;
}

const CASES: Case[] = [
  { app: "reference app", synth: synthReferenceApp },
  ...exampleNames().map((name) => ({ app: `example ${name}`, synth: (hcl: boolean) => synthExampleFiles(name, hcl) })),
];

describe.each(CASES)("$app as HCL", ({ app, synth }) => {
  const jsonFiles = synth(false);
  const hclFiles = synth(true);
  const stacks = Object.keys(jsonFiles);
  const parsed = parseHclFiles(hclFiles);

  test("writes the same stacks in both outputs", () => {
    expect(stacks.length).toBeGreaterThan(0);
    expect(Object.keys(hclFiles)).toEqual(stacks);
  });

  test.each(stacks)(`${app}, stack %s: the HCL parses and matches the JSON resource by resource`, (stack) => {
    const json = JSON.parse(jsonFiles[stack]!);
    expect(parsed[stack]?.error).toBeUndefined();
    const hcl = parsed[stack]!.config!;
    const fromJson = resourcesByAddress(json);
    const fromHcl = resourcesByAddress(hcl);
    expect(Object.keys(fromHcl).sort()).toEqual(Object.keys(fromJson).sort());
    const differing = Object.keys(fromJson).filter((address) => JSON.stringify(fromHcl[address]) !== JSON.stringify(fromJson[address]));
    // Every differing address first, then the first difference in detail.
    expect(differing).toEqual([]);
    for (const address of differing) {
      expect({ address, attributes: fromHcl[address] }).toEqual({ address, attributes: fromJson[address] });
    }
    expect(resourcesByAddress(hcl, "data")).toEqual(resourcesByAddress(json, "data"));
    expect(movedBlocks(hcl)).toEqual(movedBlocks(json));
  });
});
