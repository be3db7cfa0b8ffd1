import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const ROOT_IMPORT = /(from\s+|require\(\s*|import\(\s*)["']@cdktf\/provider-azurerm["']/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "__snapshots__" ? [] : sourceFiles(full);
    return /\.(ts|js)$/.test(e.name) ? [full] : [];
  });
}

test("provider classes are imported from their submodule, never the package root", () => {
  // The package root loads every azurerm resource class: several times the time and memory.
  const offenders = ["lib", "stacks", "test"]
    .flatMap((d) => sourceFiles(path.join(ROOT, d)))
    .filter((file) => ROOT_IMPORT.test(fs.readFileSync(file, "utf8")))
    .map((file) => path.relative(ROOT, file));
  expect(offenders).toEqual([]);
});

test("the root-import pattern catches the forms it must", () => {
  // Built from parts so that no line of this file is itself a root import for other scanners.
  const pkg = ["@cdktf", "provider-azurerm"].join("/");
  expect(ROOT_IMPORT.test(`import { CognitiveAccount } from "${pkg}";`)).toBe(true);
  expect(ROOT_IMPORT.test(`const azurerm = require('${pkg}');`)).toBe(true);
  expect(ROOT_IMPORT.test(`import { CognitiveAccount } from "${pkg}/lib/cognitive-account";`)).toBe(false);
});
