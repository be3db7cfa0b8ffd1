/**
 * `npm run test:unit`: fast feedback for developers, not the whole truth (`npm test` is, and CI
 * runs it). The unit suites only, on the cdktf toolchain, with package.json's jest settings (swc
 * transformer, test/jest/swc-transformer.js: the types are checked once by `tsc --noEmit` before;
 * two workers).
 * Left to `npm test`: the suites that synthesize whole environments or the reference app, run
 * external tools (the consumer's npm install, typedoc, HCL, examples), generate inputs (fuzz),
 * and the CDK Terrain pass.
 */
const base = require("./package.json").jest;

module.exports = {
  ...base,
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    // External tools and generated inputs.
    "/test/consumer/",
    "/test/docs/",
    "/test/hcl/",
    "/test/examples/",
    "/test/fuzz/",
    "/test/core/azapi-hcl\\.test\\.ts$",
    // Whole environments and the reference app's stacks.
    "/test/addresses/",
    "/test/environment-stacks\\.test\\.ts$",
    "/test/governance/governance-stacks\\.test\\.ts$",
    "/test/gateway/default-stacks\\.test\\.ts$",
    "/test/gateway/apply-review\\.test\\.ts$",
    "/test/governance/compliance/gateway-rules\\.test\\.ts$",
    "/test/environment/deletion-protection\\.test\\.ts$",
    "/test/platform/workspace-location\\.test\\.ts$",
    "/test/platform/openai-platform\\.test\\.ts$",
    "/test/platform/failover-connectivity\\.test\\.ts$",
    "/test/platform/foundry-migration\\.test\\.ts$",
    "/test/platform/foundry-platform\\.test\\.ts$",
    "/test/gateway/token-audience\\.test\\.ts$",
    "/test/diagram/architecture-diagram\\.test\\.ts$",
    // The check that the shared synth of the reference app is what each suite would synthesize.
    "/test/helpers/reference-app\\.test\\.ts$",
  ],
};
