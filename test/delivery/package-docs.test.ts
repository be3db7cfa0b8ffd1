/**
 * What a new user meets before the first synth (issue 22 item 4): the README says how to get the
 * package and on which Node.js, and agrees with the packages' `engines`; the CDK Terrain package
 * ships a README about itself.
 */
import * as fs from "fs";
import * as path from "path";
import { cdktnPackageManifest, cdktnPackageReadme, toolchainManifest } from "../../toolchains/cdktn/toolchain";
import { ROOT } from "./workflow-file";

const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const INSTALL = README.slice(README.indexOf("## Install"), README.indexOf("## Quickstart"));
const CDKTN_SECTION = INSTALL.slice(INSTALL.indexOf("### On CDK Terrain"));
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** `>=20.9` or `>= 20.9.0` as [20, 9, 0]. */
function minimum(range: string): number[] {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`not a plain minimum: ${range}`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}
const atLeast = (a: number[], b: number[]) => a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] >= b[2];
const shown = (v: number[]) => `${v[0]}.${v[1]}`;

describe("README and engines agree on Node.js", () => {
  test("the cdktf package's engines are at least what its peers declare (cdktf 0.21 declares none)", () => {
    const own = minimum(manifest.engines.node);
    for (const peer of Object.keys(manifest.peerDependencies)) {
      const engines = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", peer, "package.json"), "utf8")).engines?.node;
      if (engines) expect({ peer, ok: atLeast(own, minimum(engines)) }).toEqual({ peer, ok: true });
    }
  });

  test("the Install section names the cdktf package's minimum, the CDK Terrain section the cdktn one", () => {
    expect(INSTALL.slice(0, INSTALL.indexOf("### On CDK Terrain"))).toContain(`Node.js ${shown(minimum(manifest.engines.node))} or`);
    expect(CDKTN_SECTION).toContain(`Node.js ${shown(minimum((cdktnPackageManifest().engines as { node: string }).node))} or newer`);
  });

  test("the fresh-machine line names the higher of the two (npm test builds both packages)", () => {
    const cdktn = minimum((toolchainManifest().cdktnPackage.engines as { node: string }).node);
    const cdktf = minimum(manifest.engines.node);
    const higher = atLeast(cdktn, cdktf) ? cdktn : cdktf;
    expect(README.slice(0, README.indexOf("## Install"))).toContain(`Node.js ${shown(higher)} or newer`);
  });
});

describe("README: getting the package", () => {
  test("says the package is on no registry yet and how to get it: a release tarball or npm pack", () => {
    expect(INSTALL).toMatch(/not on the public npm registry/);
    expect(INSTALL).toContain("npm install ./contoso-cdktf-azure-openai-<version>.tgz");
    expect(INSTALL).toContain("npm pack");
    expect(INSTALL).toContain(".github/workflows/release.yml");
    expect(fs.existsSync(path.join(ROOT, ".github/workflows/release.yml"))).toBe(true);
    expect(CDKTN_SECTION).toContain("npm install ./contoso-cdktn-azure-openai-<version>.tgz");
  });

  test("the tarball names match what npm pack writes for each package", () => {
    const tarball = (name: string) => `${name.replace(/^@/, "").replace("/", "-")}-<version>.tgz`;
    expect(INSTALL).toContain(tarball(manifest.name));
    expect(CDKTN_SECTION).toContain(tarball(cdktnPackageManifest().name as string));
  });
});

describe("the CDK Terrain package's README", () => {
  const cdktn = cdktnPackageManifest() as Record<string, any>;
  const readme = cdktnPackageReadme(cdktn);

  test("is about the cdktn package: its name, its Node.js minimum, its peers at the tested versions", () => {
    expect(readme.split("\n")[0]).toBe(`# ${cdktn.name}: Azure OpenAI for regulated enterprises, on CDK Terrain`);
    expect(readme).toContain(`Node.js ${shown(minimum(cdktn.engines.node))} or newer`);
    const pinned = toolchainManifest().devDependencies as Record<string, string>;
    for (const peer of Object.keys(cdktn.peerDependencies)) expect(readme).toContain(`${peer}@${pinned[peer]}`);
    expect(readme).toContain(`npm install ./contoso-cdktn-azure-openai-${cdktn.version}.tgz`);
    expect(readme).toContain(`from "${cdktn.name}"`);
  });

  test("never tells the reader to install or import the cdktf toolchain", () => {
    expect(readme).not.toMatch(/npm install[^\n]*(@contoso\/cdktf-azure-openai|\bcdktf@|@cdktf\/)/);
    expect(readme).not.toMatch(/from "(cdktf|@cdktf\/[^"]*|@contoso\/cdktf-azure-openai)"/);
    expect(readme).not.toMatch(/\{\{\w+\}\}/);
  });

  test("a placeholder the manifest cannot fill fails the pack instead of shipping", () => {
    const template = fs.readFileSync(path.join(ROOT, "toolchains/cdktn/package-readme.template.md"), "utf8");
    expect(template).toMatch(/\{\{name\}\}/);
    expect(() => cdktnPackageReadme(cdktn, "# {{unknown}}")).toThrow(/no value for \{\{unknown\}\}/);
  });
});
