/**
 * One source, two toolchains, the same Terraform. The cdktf build (dist/) and the CDK Terrain build
 * (toolchains/cdktn/dist) each synthesize, in a child process of their own, the reference app as
 * JSON and as HCL and every example; every file they write is compared, JSON value by value and
 * the rest line by line. The differences must be exactly DOCUMENTED_DIFFERENCES: a new one fails
 * this test, and so does an entry that no output shows any more. `npm test` builds both first.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CDKTN_DIST, ROOT } from "../../toolchains/cdktn/toolchain";
import { exampleNames } from "../helpers/examples";
import { TEST_CONTEXT } from "../helpers/synth";
import { CDKTF_LAYOUT, CDKTN_LAYOUT, DOCUMENTED_DIFFERENCES, ToolchainDifference } from "./differences";

jest.setTimeout(300_000);

const RUNNER = path.join(__dirname, "synth-all.ts");
const BUILDS = { cdktf: path.join(ROOT, "dist"), cdktn: CDKTN_DIST };

/** One difference seen in one file. */
interface Seen {
  readonly file: string;
  readonly path: string;
  readonly cdktf: unknown;
  readonly cdktn: unknown;
}

let work: string;
const out = { cdktf: "", cdktn: "" };

/** Runs the synth of one build in a child process; rejects with its stderr when it fails. */
function synthAll(dist: string, outdir: string): Promise<void> {
  for (const file of ["lib/index.js", "stacks/main.js"]) {
    if (!fs.existsSync(path.join(dist, file))) throw new Error(`${path.join(dist, file)} is missing: run npm run build and npm run build:cdktn first`);
  }
  const { CDKTF_OUTDIR: _outdir, SYNTH_HCL_OUTPUT: _hcl, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", RUNNER, dist, outdir], {
      cwd: ROOT,
      env: { ...env, CHECKPOINT_DISABLE: "1", CDKTF_CONTEXT_JSON: JSON.stringify(TEST_CONTEXT) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`synth of ${dist} exited ${code}:\n${stderr}`))));
  });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-toolchains-"));
  out.cdktf = path.join(work, "cdktf");
  out.cdktn = path.join(work, "cdktn");
  await Promise.all([synthAll(BUILDS.cdktf, out.cdktf), synthAll(BUILDS.cdktn, out.cdktn)]);
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Every file under a directory, relative and sorted. */
function filesUnder(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)]))
    .sort();
}

/** The leaves of a JSON value by path (`a.b[0].c`); empty arrays and objects are leaves too. */
function leaves(value: unknown, at = "", into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === "object") {
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [`${at}[${i}]`, v])
      : Object.entries(value).map(([k, v]) => [at ? `${at}.${k}` : k, v]);
    if (entries.length === 0) into.set(at, Array.isArray(value) ? "[]" : "{}");
    for (const [p, v] of entries) leaves(v, p, into);
  } else {
    into.set(at, value);
  }
  return into;
}

/** How a JSON file is laid out, in the words of DOCUMENTED_DIFFERENCES. */
function layout(raw: string, parsed: unknown): string {
  const standard = JSON.stringify(parsed, null, 2);
  const text = raw.replace(/\n$/, "");
  if (text === standard) return CDKTN_LAYOUT;
  if (text.replace(/([[{])\n\s*([\]}])/g, "$1$2") === standard) return CDKTF_LAYOUT;
  return "another layout";
}

/** The differences between the two versions of one file. */
function differences(file: string, cdktfText: string, cdktnText: string): Seen[] {
  const name = path.basename(file);
  if (cdktfText === cdktnText) return [];
  if (name.endsWith(".json")) {
    const [a, b] = [JSON.parse(cdktfText), JSON.parse(cdktnText)];
    const seen: Seen[] = [];
    const [la, lb] = [leaves(a), leaves(b)];
    for (const key of new Set([...la.keys(), ...lb.keys()])) {
      if (la.get(key) !== lb.get(key)) seen.push({ file, path: key, cdktf: la.get(key), cdktn: lb.get(key) });
    }
    const [fa, fb] = [layout(cdktfText, a), layout(cdktnText, b)];
    if (fa !== fb) seen.push({ file, path: "(format)", cdktf: fa, cdktn: fb });
    return seen;
  }
  const [la, lb] = [cdktfText.split("\n"), cdktnText.split("\n")];
  if (la.length !== lb.length) return [{ file, path: "(text)", cdktf: `${la.length} lines`, cdktn: `${lb.length} lines` }];
  return la.flatMap((line, i) => (line === lb[i] ? [] : [{ file: `${file}:${i + 1}`, path: "(line)", cdktf: line.trim(), cdktn: lb[i].trim() }]));
}

/** Every difference of the two output trees. */
function allDifferences(): Seen[] {
  const [fa, fb] = [filesUnder(out.cdktf), filesUnder(out.cdktn)];
  expect(fb).toEqual(fa);
  return fa.flatMap((file) => differences(file, fs.readFileSync(path.join(out.cdktf, file), "utf8"), fs.readFileSync(path.join(out.cdktn, file), "utf8")));
}

/** Differences grouped the way DOCUMENTED_DIFFERENCES lists them: by path and values, with the file names. */
function grouped(seen: readonly Seen[]): ToolchainDifference[] {
  const groups = new Map<string, { files: Set<string>; difference: Seen }>();
  for (const s of seen) {
    const key = JSON.stringify([s.path, s.cdktf, s.cdktn]);
    const group = groups.get(key) ?? { files: new Set<string>(), difference: s };
    group.files.add(path.basename(s.file).replace(/:\d+$/, ""));
    groups.set(key, group);
  }
  return [...groups.values()].map(({ files, difference: d }) => ({ files: [...files].sort(), path: d.path, cdktf: d.cdktf, cdktn: d.cdktn }));
}

const sortedList = (list: readonly ToolchainDifference[]) =>
  [...list].map((d) => ({ ...d, files: [...d.files].sort() })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test("both builds synthesize the reference app as JSON and HCL, and every example", () => {
  const stacks = (root: string) => filesUnder(root).filter((f) => /(^|\/)cdk\.tf(\.json)?$/.test(f));
  const expected = [
    ...["dev", "prod", "sandbox", "staging"].flatMap((env) => [`app/stacks/${env}/cdk.tf.json`, `app-hcl/stacks/${env}/cdk.tf`]),
    ...exampleNames().map((name) => expect.stringMatching(new RegExp(`^examples/${name}/stacks/[^/]+/cdk\\.tf\\.json$`))),
  ];
  for (const root of [out.cdktf, out.cdktn]) expect(stacks(root)).toEqual(expect.arrayContaining(expected));
  expect(filesUnder(out.cdktn)).toEqual(filesUnder(out.cdktf));
});

test("every stack has the same resources and data sources, by address", () => {
  let compared = 0;
  for (const file of filesUnder(out.cdktf).filter((f) => f.endsWith("cdk.tf.json"))) {
    const addresses = (root: string) => {
      const json = JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
      return ["resource", "data"].flatMap((kind) => Object.entries<Record<string, unknown>>(json[kind] ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${kind}.${type}.${id}`)));
    };
    expect(addresses(out.cdktn).sort()).toEqual(addresses(out.cdktf).sort());
    compared += addresses(out.cdktf).length;
  }
  expect(compared).toBeGreaterThan(300);
});

test("the output differs by the documented differences and nothing else", () => {
  const seen = allDifferences();
  // On failure, the list below names each file and path; a new entry also needs its meaning in docs/CDK-TERRAIN.md.
  expect(sortedList(grouped(seen))).toEqual(sortedList(DOCUMENTED_DIFFERENCES));
});
