/**
 * The package as a platform team gets it: `npm pack`, installed into a fresh project set up the
 * way the cdktf TypeScript template sets one up (its own package.json with the peer dependencies,
 * a strict tsconfig.json), composing the README's first example. Then `tsc` + `node`, `ts-node`
 * with default settings and a default `ts-jest` test must all synthesize it, and an over-cap
 * config must fail with our message. Installs from the npm cache where it can.
 *
 * Under jest.cdktn.config.js the same tests run for `@contoso/cdktn-azure-openai`: the package
 * built and packed by toolchains/cdktn/toolchain.ts, in a project with cdktn's peers (and the
 * `overrides` docs/CDK-TERRAIN.md tells users to add), whose own files import `cdktn`.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cdktnPackageManifest, pack as packCdktn, renameSpecifiersInSource, toolchainManifest } from "../../toolchains/cdktn/toolchain";
import { TOOLCHAIN } from "../helpers/toolchain";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURE = path.join(__dirname, "fixture");
const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const cdktn = TOOLCHAIN === "cdktn";
/** The package this run installs: the cdktf one (package.json) or the CDK Terrain one. */
const pkg = cdktn ? (cdktnPackageManifest() as typeof rootPkg) : rootPkg;
/** The versions our own build uses for the toolchain and the test tools, so the install comes from the npm cache. */
const pins: Record<string, string> = { ...rootPkg.devDependencies, ...(cdktn ? toolchainManifest().devDependencies : {}) };
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

jest.setTimeout(600_000);

let project: string;
let tarball: string;

/** Runs a command in the consumer project; returns stdout, throws with stderr on failure. */
function run(command: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env },
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Builds the package from a clean output directory and packs it, without touching dist/. */
function packCleanly(into: string): string {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-pack-"));
  for (const file of ["package.json", "README.md", "LICENSE", "CHANGELOG.md"]) {
    fs.copyFileSync(path.join(ROOT, file), path.join(staging, file));
  }
  execFileSync(process.execPath, [
    require.resolve("typescript/bin/tsc"),
    "-p", path.join(ROOT, "tsconfig.build.json"),
    "--outDir", path.join(staging, "dist"),
    "--tsBuildInfoFile", path.join(staging, "dist", ".tsbuildinfo"),
  ]);
  const out = execFileSync(NPM, ["pack", "--ignore-scripts", "--silent", "--pack-destination", into], { cwd: staging, encoding: "utf8" });
  fs.rmSync(staging, { recursive: true, force: true });
  return path.join(into, out.trim().split("\n").pop()!);
}

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-consumer-"));
  tarball = cdktn ? packCdktn(project) : packCleanly(project);
  const peers = pkg.peerDependencies as Record<string, string>;
  const pinned = (name: string) => pins[name] ?? peers[name];
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify(
      {
        name: "platform-team-app",
        version: "1.0.0",
        private: true,
        dependencies: {
          [pkg.name]: `file:./${path.basename(tarball)}`,
          ...Object.fromEntries(Object.keys(peers).map((name) => [name, pinned(name)])),
        },
        devDependencies: {
          typescript: pinned("typescript"),
          "ts-node": pinned("ts-node"),
          jest: pinned("jest"),
          "ts-jest": pinned("ts-jest"),
          "@types/jest": pinned("@types/jest"),
        },
        jest: { preset: "ts-jest", testEnvironment: "node" },
        // @cdktn/provider-azurerm 16.1.0 declares the peer cdktn ^0.23.0, which cdktn 0.24.0 is not.
        ...(cdktn ? { overrides: toolchainManifest().overrides } : {}),
      },
      null,
      2,
    ),
  );
  // A CDK Terrain project's own code imports cdktn and the cdktn package: the imports are renamed as the build renames them.
  const copy = (from: string, to: string) => {
    const text = fs.readFileSync(from, "utf8");
    fs.writeFileSync(to, cdktn && from.endsWith(".ts") ? renameSpecifiersInSource(text) : text);
  };
  for (const file of fs.readdirSync(FIXTURE)) copy(path.join(FIXTURE, file), path.join(project, file));
  for (const file of ["main.ts", "environment.ts"]) copy(path.join(ROOT, "examples/quickstart", file), path.join(project, file));
  run(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"]);
});

afterAll(() => {
  if (project && !process.env.AOAI_KEEP_CONSUMER) fs.rmSync(project, { recursive: true, force: true });
});

function synthesizedStacks(outdir: string): string[] {
  return fs.readdirSync(path.join(project, outdir, "stacks")).sort();
}

test("the tarball holds only compiled JavaScript, declarations, README, LICENSE and CHANGELOG", () => {
  const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n");
  const unexpected = files.filter(
    (f) => !/^package\/dist\/lib\/.+\.(js|d\.ts)$/.test(f) && !["package/package.json", "package/README.md", "package/LICENSE", "package/CHANGELOG.md"].includes(f),
  );
  expect(unexpected).toEqual([]);
  expect(files).toContain("package/dist/lib/index.d.ts");
  expect(files).toContain("package/LICENSE");
  // Every shipped module comes from a source file that exists today.
  for (const f of files.filter((name) => name.endsWith(".js"))) {
    expect(fs.existsSync(path.join(ROOT, f.replace(/^package\/dist\//, "").replace(/\.js$/, ".ts")))).toBe(true);
  }
});

test("the peers are installed once: the package uses the project's cdktf and provider", () => {
  const installed = path.join(project, "node_modules", pkg.name, "node_modules");
  expect(Object.keys(pkg.peerDependencies).sort()).toEqual(cdktn ? ["@cdktn/provider-azurerm", "cdktn", "constructs"] : ["@cdktf/provider-azurerm", "cdktf", "constructs"]);
  for (const peer of Object.keys(pkg.peerDependencies)) {
    expect(fs.existsSync(path.join(project, "node_modules", peer))).toBe(true);
    expect(fs.existsSync(path.join(installed, peer))).toBe(false);
  }
});

test("the project holds one toolchain: no cdktn in a cdktf project, no cdktf in a CDK Terrain one", () => {
  const other = cdktn ? ["cdktf", "@cdktf"] : ["cdktn", "@cdktn"];
  for (const name of other) expect(fs.existsSync(path.join(project, "node_modules", name))).toBe(false);
});

test("tsc (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, skipLibCheck false, no @types/node) then node synthesizes it", () => {
  run(process.execPath, [path.join(project, "node_modules/typescript/bin/tsc"), "-p", "."]);
  run(process.execPath, ["out/main.js"], { CDKTF_OUTDIR: "out-tsc" });
  expect(synthesizedStacks("out-tsc")).toEqual(["prod"]);
});

test("ts-node main.ts with default settings synthesizes it (the cdktf template's app command)", () => {
  run(process.execPath, [path.join(project, "node_modules/ts-node/dist/bin.js"), "main.ts"], { CDKTF_OUTDIR: "out-ts-node" });
  expect(synthesizedStacks("out-ts-node")).toEqual(["prod"]);
});

test("a jest test in the project passes with default ts-jest", () => {
  const output = spawnSync(process.execPath, [path.join(project, "node_modules/jest/bin/jest.js"), "--ci"], {
    cwd: project,
    encoding: "utf8",
  });
  expect(output.stderr).toMatch(/Tests:\s+1 passed, 1 total/);
  expect(output.status).toBe(0);
});

test("an over-cap config fails with our message and writes nothing", () => {
  const result = spawnSync(process.execPath, ["out/over-cap.js"], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, CDKTF_OUTDIR: "out-over-cap" },
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/Synthesis failed with \d+ problem\(s\); nothing was written\./);
  expect(result.stderr).toMatch(/\[prod\] deployments: "?\d+K TPM in total"? is not allowed; allowed: at most capacityCapK = 10K TPM/);
  expect(fs.existsSync(path.join(project, "out-over-cap"))).toBe(false);
});
