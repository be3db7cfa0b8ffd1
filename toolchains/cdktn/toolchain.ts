/**
 * The CDK Terrain build of the library: the same source as the cdktf build, type-checked against
 * `cdktn` and `@cdktn/provider-azurerm` and emitted with their module specifiers. The switch is
 * in the build, not in the source: `tsconfig.cdktn.json` maps the cdktf specifiers to this
 * folder's node_modules for the type-check, and the emit renames them in the JavaScript and the
 * declarations (a TypeScript transformer on the module specifiers, nothing textual).
 *
 * `node -r ts-node/register/transpile-only toolchains/cdktn/toolchain.ts <command>`:
 * - `install`  installs this folder's locked toolchain when it is missing or its lock changed
 * - `build`    install, then emit the library, stacks and examples to toolchains/cdktn/dist
 * - `pack`     install, then pack `@contoso/cdktn-azure-openai` into the current directory
 */
import { execFileSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "../..");
/** This folder: the toolchain's package.json, lock file and node_modules. */
export const TOOLCHAIN_DIR = __dirname;
/** Where `build` writes the compiled tree (dist/ layout), inside this folder so that node finds cdktn. */
export const CDKTN_DIST = path.join(TOOLCHAIN_DIR, "dist");
/** The name of the CDK Terrain package. */
export const CDKTN_PACKAGE = "@contoso/cdktn-azure-openai";
/** The name of the cdktf package (the root package.json). */
export const CDKTF_PACKAGE = "@contoso/cdktf-azure-openai";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const PROVIDER_PREFIX = "@cdktf/provider-azurerm/";

/**
 * The CDK Terrain twin of a module specifier, or undefined when it has none. Only exact
 * specifiers move: `cdktf`, `cdktf/...`, `@cdktf/provider-azurerm/...` and our own package name
 * (the examples import it as a user would). The provider's root is not mapped: importing it is
 * refused in this project, so it fails the build's leftover check instead.
 */
export function cdktnSpecifier(specifier: string): string | undefined {
  if (specifier === "cdktf" || specifier.startsWith("cdktf/")) return `cdktn${specifier.slice("cdktf".length)}`;
  if (specifier.startsWith(PROVIDER_PREFIX)) return `@cdktn/provider-azurerm/${specifier.slice(PROVIDER_PREFIX.length)}`;
  if (specifier === CDKTF_PACKAGE) return CDKTN_PACKAGE;
  return undefined;
}

/** A cdktf module specifier left in emitted code: `require("cdktf")`, `from "@cdktf/..."`, `import("cdktf/...")`. */
const LEFTOVER = /(?:require\(|from\s|import\()\s*["'](?:cdktf(?:\/[^"']*)?|@cdktf\/[^"']*|@contoso\/cdktf-azure-openai)["']/;

/**
 * Renames the module specifiers of TypeScript or JavaScript source text the way the build does,
 * for files that are not compiled here (a consumer's own main.ts and tests).
 */
export function renameSpecifiersInSource(text: string): string {
  return text.replace(/((?:from|import)\s+|require\(\s*|import\(\s*)(["'])([^"']+)\2/g, (match, before: string, quote: string, specifier: string) => {
    const renamed = cdktnSpecifier(specifier);
    return renamed === undefined ? match : `${before}${quote}${renamed}${quote}`;
  });
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** The toolchain's package.json. */
export function toolchainManifest(): any {
  return readJson(path.join(TOOLCHAIN_DIR, "package.json"));
}

/**
 * Installs the locked toolchain (`npm ci` in this folder) unless node_modules already holds the
 * install of this exact package.json and lock file. `npm test` calls this, so a fresh clone
 * needs nothing beyond the README's `npm ci`; the root has no postinstall (consumers would run it).
 */
export function ensureInstalled(log: (line: string) => void = () => undefined): void {
  const hash = crypto.createHash("sha256");
  for (const file of ["package.json", "package-lock.json"]) hash.update(fs.readFileSync(path.join(TOOLCHAIN_DIR, file)));
  const digest = hash.digest("hex");
  const stamp = path.join(TOOLCHAIN_DIR, "node_modules", ".aoai-toolchain-installed");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === digest) return;
  log("installing the CDK Terrain toolchain (toolchains/cdktn, npm ci)");
  execFileSync(NPM, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: TOOLCHAIN_DIR, stdio: "inherit" });
  fs.writeFileSync(stamp, digest);
}

/** Replaces a string literal that names a module with its cdktn twin; other nodes pass through. */
function renamedLiteral(node: ts.Node | undefined, factory: ts.NodeFactory): ts.StringLiteral | undefined {
  if (!node || !ts.isStringLiteral(node)) return undefined;
  const renamed = cdktnSpecifier(node.text);
  return renamed === undefined ? undefined : factory.createStringLiteral(renamed);
}

/**
 * The transformer that renames module specifiers: import and export declarations, `require()`
 * and `import()` calls (CommonJS output), `import x = require()` and `import("...")` types in
 * declarations. It runs after TypeScript's own transforms, so it sees the emitted form.
 */
function specifierTransformer<T extends ts.Node>(context: ts.TransformationContext): ts.Transformer<T> {
  const { factory } = context;
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isImportDeclaration(node)) {
      const specifier = renamedLiteral(node.moduleSpecifier, factory);
      if (specifier) return factory.updateImportDeclaration(node, node.modifiers, node.importClause, specifier, node.attributes);
    } else if (ts.isExportDeclaration(node)) {
      const specifier = renamedLiteral(node.moduleSpecifier, factory);
      if (specifier) return factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, specifier, node.attributes);
    } else if (ts.isExternalModuleReference(node)) {
      const specifier = renamedLiteral(node.expression, factory);
      if (specifier) return factory.updateExternalModuleReference(node, specifier);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const specifier = renamedLiteral(node.argument.literal, factory);
      if (specifier) {
        return factory.updateImportTypeNode(node, factory.updateLiteralTypeNode(node.argument, specifier), node.attributes, node.qualifier, node.typeArguments, node.isTypeOf);
      }
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      const specifier = renamedLiteral(node.arguments[0], factory);
      if (specifier) return factory.updateCallExpression(node, node.expression, node.typeArguments, [specifier, ...node.arguments.slice(1)]);
    }
    return ts.visitEachChild(node, visit, context);
  };
  return (node) => ts.visitNode(node, visit) as T;
}

/** Parses a tsconfig file of the repository, failing on any error in it. */
function parseConfig(file: string, extend: ts.CompilerOptions = {}): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, file), extend, host);
  if (!parsed) throw new Error(`cannot read ${file}`);
  return parsed;
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" });
}

/**
 * Compiles tsconfig.build.json's library, stacks and examples (not the cdktf benchmark) against
 * the cdktn toolchain, with tsconfig.cdktn.json's `paths`, into `outDir` (a dist/ layout),
 * renaming the module specifiers on the way. Fails on any type error and on any cdktf specifier
 * left behind. Returns the files written.
 */
export function build(outDir: string = CDKTN_DIST): string[] {
  ensureInstalled();
  const paths = parseConfig("tsconfig.cdktn.json").options.paths;
  const config = parseConfig("tsconfig.build.json", { outDir, paths, incremental: false, noEmit: false });
  delete config.options.tsBuildInfoFile;
  const rootNames = config.fileNames.filter((file) => !path.relative(ROOT, file).startsWith(`test${path.sep}`));
  const program = ts.createProgram({ rootNames, options: config.options, configFileParsingDiagnostics: config.errors });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) throw new Error(`the cdktn build does not type-check:\n${formatDiagnostics(diagnostics)}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  const written: string[] = [];
  const result = program.emit(
    undefined,
    (file, text, bom) => {
      ts.sys.writeFile(file, text, bom);
      written.push(file);
    },
    undefined,
    false,
    { after: [specifierTransformer], afterDeclarations: [specifierTransformer] },
  );
  if (result.emitSkipped || result.diagnostics.length > 0) throw new Error(`the cdktn build failed:\n${formatDiagnostics(result.diagnostics)}`);
  const leftovers = written.filter((file) => /\.(js|d\.ts)$/.test(file) && LEFTOVER.test(fs.readFileSync(file, "utf8")));
  if (leftovers.length > 0) throw new Error(`cdktf module specifiers left in the cdktn build:\n  ${leftovers.join("\n  ")}`);
  return written;
}

/**
 * The package.json of `@contoso/cdktn-azure-openai`, derived from the root one: the same
 * version, exports, files and dependencies; cdktn's peers and engines from this folder's
 * package.json (`cdktnPackage`); no scripts, devDependencies or jest config.
 */
export function cdktnPackageManifest(): Record<string, unknown> {
  const { scripts: _scripts, devDependencies: _dev, jest: _jest, ...published } = readJson(path.join(ROOT, "package.json"));
  const { description, peerDependencies, engines } = toolchainManifest().cdktnPackage;
  return {
    ...published,
    name: CDKTN_PACKAGE,
    description,
    keywords: (published.keywords as string[]).map((k) => (k === "cdktf" ? "cdktn" : k)),
    engines,
    peerDependencies,
  };
}

/** The template of the CDK Terrain package's README (the root README speaks of the cdktf package). */
export const CDKTN_README_TEMPLATE = path.join(TOOLCHAIN_DIR, "package-readme.template.md");

/**
 * The README of `@contoso/cdktn-azure-openai`: the template with the names, version, Node.js
 * minimum and peers of {@link cdktnPackageManifest}, so it cannot drift from the package it
 * ships in. Fails on a placeholder the manifest does not fill.
 */
export function cdktnPackageReadme(manifest: Record<string, any> = cdktnPackageManifest(), template: string = fs.readFileSync(CDKTN_README_TEMPLATE, "utf8")): string {
  const peers = manifest.peerDependencies as Record<string, string>;
  const pinned = toolchainManifest().devDependencies as Record<string, string>;
  const values: Record<string, string> = {
    name: manifest.name,
    description: manifest.description,
    cdktfName: CDKTF_PACKAGE,
    license: manifest.license,
    node: String(manifest.engines.node).replace(/^>=\s*/, ""),
    providerVersion: pinned["@cdktn/provider-azurerm"],
    tarball: `${String(manifest.name).replace(/^@/, "").replace("/", "-")}-${manifest.version}.tgz`,
    // The versions the package is built and tested with, each inside its peer range.
    peers: Object.keys(peers).sort().map((peer) => `${peer}@${pinned[peer] ?? peers[peer]}`).join(" "),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (match, key: string) => {
    if (!(key in values)) throw new Error(`${CDKTN_README_TEMPLATE}: no value for ${match}`);
    return values[key];
  });
}

/**
 * Builds and packs `@contoso/cdktn-azure-openai` from a staging directory (dist/ and the
 * repository untouched) into `destination`; returns the tarball's path.
 */
export function pack(destination: string): string {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-cdktn-pack-"));
  try {
    const manifest = cdktnPackageManifest();
    fs.writeFileSync(path.join(staging, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.writeFileSync(path.join(staging, "README.md"), cdktnPackageReadme(manifest));
    for (const file of ["LICENSE", "CHANGELOG.md"]) fs.copyFileSync(path.join(ROOT, file), path.join(staging, file));
    build(path.join(staging, "dist"));
    const out = execFileSync(NPM, ["pack", "--ignore-scripts", "--silent", "--pack-destination", path.resolve(destination)], { cwd: staging, encoding: "utf8" });
    return path.join(path.resolve(destination), out.trim().split("\n").pop()!);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const log = (line: string) => console.error(`[cdktn] ${line}`);
  const command = process.argv[2];
  try {
    if (command === "install") ensureInstalled(log);
    else if (command === "build") {
      ensureInstalled(log);
      log(`built ${build().filter((f) => f.endsWith(".js")).length} modules into ${path.relative(process.cwd(), CDKTN_DIST) || "."}`);
    } else if (command === "pack") {
      ensureInstalled(log);
      console.log(pack(process.cwd()));
    } else {
      throw new Error(`usage: toolchain.ts install | build | pack (got ${command ?? "nothing"})`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
