import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

// The floors of lib/, bottom first: a file may import its own folder and the floors below it,
// never a floor above or a folder beside it on the same floor.
const FLOORS: readonly (readonly string[])[] = [
  ["core"],
  ["regions"],
  ["context"],
  ["identity", "network"],
  ["monitoring"],
  ["openai"],
  ["governance"],
  ["diagram", "platform"],
  ["gateway"],
  ["environment"],
  ["index.ts"],
];

const LIB = path.resolve(__dirname, "../../lib");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** The lib files `file` imports (type-only imports included: they are arrows too). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => {
      const base = path.resolve(path.dirname(file), name);
      for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) if (fs.existsSync(candidate)) return candidate;
      throw new Error(`${path.relative(LIB, file)} imports ${name}, which is not a file`);
    });
}

function folderOf(file: string): string {
  return path.relative(LIB, file).split(path.sep)[0];
}

function floorOf(folder: string): number {
  const floor = FLOORS.findIndex((names) => names.includes(folder));
  if (floor === -1) throw new Error(`lib/${folder} is on no floor: add it to FLOORS`);
  return floor;
}

const files = sourceFiles(LIB);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(LIB, f);

describe("the import structure of lib/", () => {
  test("every arrow points to the importer's own folder or a lower floor", () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = folderOf(file);
      for (const target of targets) {
        const to = folderOf(target);
        if (to !== from && floorOf(to) >= floorOf(from)) upward.push(`${rel(file)} -> ${rel(target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  test("no files import each other in a circle", () => {
    // Tarjan's strongly connected components: any component of two or more files is a circle.
    let index = 0;
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    const visit = (file: string) => {
      order.set(file, index);
      low.set(file, index++);
      stack.push(file);
      onStack.add(file);
      for (const target of graph.get(file) ?? []) {
        if (!order.has(target)) {
          visit(target);
          low.set(file, Math.min(low.get(file)!, low.get(target)!));
        } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, order.get(target)!));
      }
      if (low.get(file) === order.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(rel(member));
        } while (member !== file);
        if (component.length > 1) circles.push(component.sort());
      }
    };
    for (const file of files) if (!order.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  test("no index.ts hands on a helper from a private/ folder (helpers are not public API)", () => {
    const leaks: string[] = [];
    for (const [file, targets] of graph) {
      if (path.basename(file) !== "index.ts") continue;
      for (const target of targets) if (rel(target).split(path.sep).includes("private")) leaks.push(`${rel(file)} -> ${rel(target)}`);
    }
    expect(leaks).toEqual([]);
  });
});
