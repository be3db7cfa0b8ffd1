/**
 * A jest transformer on the project's own `@swc/core` (a devDependency): TypeScript to CommonJS
 * file by file, without type information, as ts-jest does here (`isolatedModules: true`), at a
 * third of ts-jest's cold cost. Every jest config of the project uses it (package.json's `jest`,
 * which the others extend); the types are checked by `tsc --noEmit` (and, for CDK Terrain,
 * `tsc -p tsconfig.cdktn.json`) before `npm test` and `npm run test:unit` run jest. Output
 * semantics follow tsconfig.json: ES2022 with class fields defined (tsc's default for that
 * target), and exports a test can spy on, as tsc writes them (below).
 */
const crypto = require("crypto");
const { transformSync, version } = require("@swc/core");

const OPTIONS = {
  jsc: {
    parser: { syntax: "typescript" },
    target: "es2022",
    transform: { useDefineForClassFields: true },
    keepClassNames: true,
  },
  module: { type: "commonjs", strictMode: true, noInterop: false },
  sourceMaps: "inline",
  swcrc: false,
  configFile: false,
};

/**
 * How @swc/core writes a module's own exports: the `_export` helper for several, one
 * `Object.defineProperty` for a single one. Either defines a getter that cannot be redefined,
 * where tsc (and so ts-jest and the build) assigns `exports.name = name`: `jest.spyOn(module,
 * "name")` works on the latter only. The transformer adds `configurable: true`, so a test can spy
 * on an export as under tsc; a call through the module object still reads the export at call
 * time, as with tsc. Re-exports (`export * from`) stay as they are: tsc's are getters too.
 */
const EXPORT_HELPER = `function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}`;
// On the same line, so the inline source map's lines stay right.
const CONFIGURABLE_EXPORT_HELPER = EXPORT_HELPER.replace("enumerable: true,", "enumerable: true, configurable: true,");

const SINGLE_EXPORT = /^(Object\.defineProperty\(exports, "[^"]+", \{\n    enumerable: true,)(\n    get: function\(\) \{)$/gm;

function withConfigurableExports(code, filename) {
  if (code.includes("function _export(") && !code.includes(EXPORT_HELPER)) {
    throw new Error(`${filename}: @swc/core ${version} writes its export helper differently; update test/jest/swc-transformer.js`);
  }
  return code.replace(EXPORT_HELPER, CONFIGURABLE_EXPORT_HELPER).replace(SINGLE_EXPORT, "$1 configurable: true,$2");
}

module.exports = {
  process(source, filename) {
    const { code } = transformSync(source, { ...OPTIONS, filename });
    return { code: withConfigurableExports(code, filename) };
  },
  getCacheKey(source, filename) {
    return crypto.createHash("sha256").update(`${version}\0${JSON.stringify(OPTIONS)}\0${CONFIGURABLE_EXPORT_HELPER}\0${SINGLE_EXPORT}\0${filename}\0${source}`).digest("hex");
  },
};

/** swc's options, for test/jest/swc-transformer.test.ts. */
module.exports.OPTIONS = OPTIONS;
