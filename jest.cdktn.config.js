/**
 * The CDK Terrain pass of `npm test`: package.json's jest config with `cdktf`, `cdktf/*`,
 * `@cdktf/provider-azurerm/*` and `constructs` resolved from toolchains/cdktn (cdktn 0.24 needs
 * constructs < 10.8, the root has 10.8), limited to what can differ between the toolchains:
 * - test/cdktn/: both builds synthesize the reference app (JSON and HCL) and every example and
 *   must write the same thing but for the documented differences;
 * - the suites that synthesize whole stacks (reference app properties, examples, addresses, HCL,
 *   the gateway's and governance's default stacks) and the consumer test of the packed library;
 * - test/core/: the pieces that hook into the framework itself (the guarded app's synth, the
 *   hand-written azapi bindings, tags aspect, legacy addresses).
 * Unit suites of single constructs and config checks run once, on cdktf: the comparison above
 * proves the toolchains emit the same stacks from the same constructs.
 * `npm run test:cdktn` installs and builds the toolchain first; `npm test` runs this pass as a
 * project of jest.all.config.js.
 */
const base = require("./package.json").jest;

const toolchain = "<rootDir>/toolchains/cdktn/node_modules";

module.exports = {
  ...base,
  testMatch: [
    "<rootDir>/test/cdktn/**/*.test.ts",
    "<rootDir>/test/consumer/**/*.test.ts",
    "<rootDir>/test/core/**/*.test.ts",
    "<rootDir>/test/hcl/**/*.test.ts",
    "<rootDir>/test/addresses/**/*.test.ts",
    "<rootDir>/test/examples/**/*.test.ts",
    "<rootDir>/test/environment-stacks.test.ts",
    "<rootDir>/test/gateway/default-stacks.test.ts",
    "<rootDir>/test/governance/governance-stacks.test.ts",
    "<rootDir>/test/governance/compliance/engine.test.ts",
    // The whole-stack suites above read the shared synth of the reference app: it must be what they would synthesize.
    "<rootDir>/test/helpers/reference-app.test.ts",
  ],
  moduleNameMapper: {
    ...base.moduleNameMapper,
    "^cdktf$": `${toolchain}/cdktn`,
    "^cdktf/(.*)$": `${toolchain}/cdktn/$1`,
    "^@cdktf/provider-azurerm/(.*)$": `${toolchain}/@cdktn/provider-azurerm/$1`,
    "^constructs$": `${toolchain}/constructs`,
  },
  testPathIgnorePatterns: base.testPathIgnorePatterns.filter((pattern) => pattern !== "/test/cdktn/"),
};
