/**
 * The whole test suite again, on CDK Terrain: package.json's jest config with `cdktf`, `cdktf/*`,
 * `@cdktf/provider-azurerm/*` and `constructs` resolved from toolchains/cdktn (cdktn 0.24 needs
 * constructs < 10.8, the root has 10.8), plus the toolchain comparison tests in test/cdktn/.
 * Snapshots are the cdktf ones, compared after reverting the documented differences
 * (test/cdktn/differences.ts). `npm run test:cdktn` installs and builds the toolchain first.
 */
const base = require("./package.json").jest;

const toolchain = "<rootDir>/toolchains/cdktn/node_modules";

module.exports = {
  ...base,
  moduleNameMapper: {
    ...base.moduleNameMapper,
    "^cdktf$": `${toolchain}/cdktn`,
    "^cdktf/(.*)$": `${toolchain}/cdktn/$1`,
    "^@cdktf/provider-azurerm/(.*)$": `${toolchain}/@cdktn/provider-azurerm/$1`,
    "^constructs$": `${toolchain}/constructs`,
  },
  testPathIgnorePatterns: base.testPathIgnorePatterns.filter((pattern) => pattern !== "/test/cdktn/"),
  snapshotSerializers: ["<rootDir>/test/cdktn/snapshot-serializer.ts"],
};
