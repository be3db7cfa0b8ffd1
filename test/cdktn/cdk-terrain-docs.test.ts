/** docs/CDK-TERRAIN.md lists exactly the differences the comparison test allows, each with its meaning. */
import * as fs from "fs";
import * as path from "path";
import { DOCUMENTED_DIFFERENCES } from "./differences";

const ROOT = path.resolve(__dirname, "../..");
const DOC = fs.readFileSync(path.join(ROOT, "docs/CDK-TERRAIN.md"), "utf8");

/** The rows of the table under "## What differs in the output", as cells. */
function differenceRows(): string[][] {
  const section = /^## What differs in the output\n([\s\S]*?)(?=^#)/m.exec(DOC)?.[1] ?? "";
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => line.split(" | ").map((cell) => cell.replace(/^\| |\s\|$/g, "").trim()));
}

const code = (value: unknown) => `\`${String(value)}\``;

test("every documented difference has one row: files, where, both values and what it means", () => {
  const rows = differenceRows();
  expect(rows).toHaveLength(DOCUMENTED_DIFFERENCES.length);
  for (const d of DOCUMENTED_DIFFERENCES) {
    const row = rows.find((cells) => cells[1] === code(d.path) && cells[2] === code(d.cdktf) && cells[3] === code(d.cdktn));
    expect({ difference: d, row }).toEqual({ difference: d, row: expect.any(Array) });
    expect(row![0]).toBe(d.files.map(code).join(", "));
    expect(row![4].length).toBeGreaterThan(40);
  }
});

test("the README links the CDK Terrain page", () => {
  expect(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).toMatch(/\]\(docs\/CDK-TERRAIN\.md\)/);
});
