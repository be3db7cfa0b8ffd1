/**
 * A jest transformer on the project's own `@swc/core` (a devDependency): TypeScript to CommonJS
 * file by file, without type information, as ts-jest does here (`isolatedModules: true`), at a
 * third of ts-jest's cold cost. Every jest config of the project uses it (package.json's `jest`,
 * which the others extend); the types are checked by `tsc --noEmit` (and, for CDK Terrain,
 * `tsc -p tsconfig.cdktn.json`) before `npm test` and `npm run test:unit` run jest. Output semantics follow tsconfig.json: ES2022 with
 * class fields defined (tsc's default for that target).
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

module.exports = {
  process(source, filename) {
    const { code } = transformSync(source, { ...OPTIONS, filename });
    return { code };
  },
  getCacheKey(source, filename) {
    return crypto.createHash("sha256").update(`${version}\0${JSON.stringify(OPTIONS)}\0${filename}\0${source}`).digest("hex");
  },
};
