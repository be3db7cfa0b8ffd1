/**
 * Synthesizes, from one compiled build (dist/ for cdktf, toolchains/cdktn/dist for cdktn), the
 * reference app as JSON and as HCL and every example, each into its own folder of `outdir`:
 * `app/`, `app-hcl/`, `examples/<name>/`. Run in a child process per toolchain by the comparison
 * test: `node -r ts-node/register/transpile-only test/cdktn/synth-all.ts <dist> <outdir>`.
 * The synth date comes from CDKTF_CONTEXT_JSON, which both runs get alike.
 */
import * as fs from "fs";
import * as path from "path";

const [dist, outdir] = process.argv.slice(2).map((p) => path.resolve(p));
if (!dist || !outdir) throw new Error("usage: synth-all.ts <dist> <outdir>");

// The examples import the package by name, as a user would; here it is the build's own lib.
const Module = require("module");
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  if (request === "@contoso/cdktf-azure-openai" || request === "@contoso/cdktn-azure-openai") request = path.join(dist, "lib/index.js");
  return resolveFilename.call(this, request, ...rest);
};

// As stacks/main.ts runs the app: no stack traces formatted. cdktf records one per annotation
// (the synth warnings) in manifest.json, and its file paths differ by toolchain and machine.
if (!process.env.AOAI_STACK_TRACES) Error.prepareStackTrace = () => "";

// An App creates its outdir but not the outdir's parent.
fs.mkdirSync(path.join(outdir, "examples"), { recursive: true });

const { GuardedApp } = require(path.join(dist, "lib/index.js"));
const { buildApp } = require(path.join(dist, "stacks/main.js"));

buildApp(new GuardedApp({ outdir: path.join(outdir, "app") })).synth();
process.env.SYNTH_HCL_OUTPUT = "true";
buildApp(new GuardedApp({ outdir: path.join(outdir, "app-hcl") })).synth();
delete process.env.SYNTH_HCL_OUTPUT;

for (const name of fs.readdirSync(path.join(dist, "examples")).sort()) {
  const main = path.join(dist, "examples", name, "main.js");
  if (!fs.existsSync(main)) continue;
  process.env.CDKTF_OUTDIR = path.join(outdir, "examples", name);
  require(main);
}
