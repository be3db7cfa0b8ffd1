/**
 * docs/api is the API reference generated from the TSDoc by typedoc (typedoc.json). It must be
 * what typedoc makes of today's code: after changing the public API, run `npm run docs:api`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const COMMITTED = path.join(ROOT, "docs/api");

jest.setTimeout(180_000);

function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = fs.readFileSync(full, "utf8");
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return files;
}

test("docs/api is current (npm run docs:api regenerates it)", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-api-docs-"));
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/typedoc/bin/typedoc"), "--out", out], { cwd: ROOT, encoding: "utf8" });
  expect(result.stderr + result.stdout).not.toMatch(/\[error\]/);
  const generated = filesUnder(out);
  const committed = filesUnder(COMMITTED);
  fs.rmSync(out, { recursive: true, force: true });
  expect(Object.keys(generated).length).toBeGreaterThan(50);
  const stale = Object.keys({ ...generated, ...committed }).filter((f) => generated[f] !== committed[f]).sort();
  expect(stale).toEqual([]);
});
