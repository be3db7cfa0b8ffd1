/**
 * The docs-freshness checks (`npm run docs:check`): docs/api is what typedoc makes of today's
 * code, and the README's code and diagram are the examples and the prod stack as synthesized
 * today. Once per `npm test` (jest.all.config.js), on the cdktf toolchain: the docs are written
 * from the one source, whatever the toolchain.
 */
const base = require("./package.json").jest;

module.exports = {
  ...base,
  displayName: "docs",
  roots: ["<rootDir>/test/docs"],
  testPathIgnorePatterns: ["/node_modules/"],
};
