/**
 * The HCL exit route (`cdktf synth --hcl`): every stack of the reference app and of every
 * example, written as HCL, parses with HashiCorp's HCL parser and declares the same resources,
 * data sources and moved blocks with the same attributes as the JSON output of the same stack.
 * Runs under both toolchains (jest.cdktn.config.js maps cdktf to CDK Terrain).
 */
import { exampleNames, exampleOutdir } from "../helpers/examples";
import { referenceAppOutdir } from "../helpers/reference-app";
import { movedBlocks, parseHclFiles, readStackFiles, resourcesByAddress } from "./hcl-roundtrip";

jest.setTimeout(120_000);

type Files = Record<string, string>;

/** The reference app, from the run's shared synths of it (test/helpers/reference-app.ts), once per output. */
function synthReferenceApp(hcl: boolean): Files {
  return hcl ? readStackFiles(referenceAppOutdir("hcl"), "cdk.tf") : readStackFiles(referenceAppOutdir("json"), "cdk.tf.json");
}

/** An example, from the run's shared synths of it (test/helpers/examples.ts), once per output. */
function synthExampleFiles(name: string, hcl: boolean): Files {
  return readStackFiles(exampleOutdir(name, hcl ? "hcl" : "json"), hcl ? "cdk.tf" : "cdk.tf.json");
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
