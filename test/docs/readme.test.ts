/** The README's first example is the quickstart the consumer test installs and runs, verbatim. */
import * as fs from "fs";
import * as path from "path";
import { referenceStackFiles } from "../helpers/reference-app";

const ROOT = path.resolve(__dirname, "../..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The TypeScript code blocks of the README, in order. */
function codeBlocks(): string[] {
  return [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

test("the first two code blocks are examples/quickstart/environment.ts and main.ts", () => {
  const [environment, main] = codeBlocks();
  expect(environment).toBe(fs.readFileSync(path.join(ROOT, "examples/quickstart/environment.ts"), "utf8"));
  expect(main).toBe(fs.readFileSync(path.join(ROOT, "examples/quickstart/main.ts"), "utf8"));
});

test("the README starts with the two fresh-machine commands", () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? "";
  expect(firstBlock).toMatch(/^npm ci && npm run synth\b/m);
  expect(firstBlock).toMatch(/^npm test\b/m);
});

test("the lower-level example in the README is examples/lower-level/main.ts", () => {
  expect(codeBlocks()).toContain(fs.readFileSync(path.join(ROOT, "examples/lower-level/main.ts"), "utf8"));
});

test("the README's diagram is the prod stack's architecture.md, as synthesized today", () => {
  const readmeDiagram = /```mermaid\n[\s\S]*?```\n/.exec(README)?.[0];
  const markdown = referenceStackFiles("prod", ["architecture.md"])["architecture.md"];
  expect(readmeDiagram).toBe(/```mermaid\n[\s\S]*?```\n/.exec(markdown)?.[0]);
});
