/**
 * `npm test`'s one jest run (after the type-checks and both builds): the cdktf pass (package.json's
 * jest config), the docs-freshness checks (jest.docs.config.js) and the CDK Terrain pass
 * (jest.cdktn.config.js) as projects of one run. They share the two workers, so the longest
 * suites of all three (test/jest/sequencer.js) start first and no worker idles at a pass's end.
 * Each project keeps its own module mapping and its own shared synth of the reference app
 * (test/helpers/reference-app.ts), which the docs checks share with the cdktf pass.
 */
const cdktf = require("./package.json").jest;
const docs = require("./jest.docs.config.js");
const cdktn = require("./jest.cdktn.config.js");

/** Options of the whole run, which jest reads only here, not from a project. */
const RUN_OPTIONS = ["maxWorkers", "testSequencer", "testTimeout"];

function project(config, displayName) {
  const options = Object.fromEntries(Object.entries(config).filter(([key]) => !RUN_OPTIONS.includes(key)));
  return { ...options, displayName, rootDir: __dirname };
}

module.exports = {
  ...Object.fromEntries(RUN_OPTIONS.map((key) => [key, cdktf[key]])),
  projects: [project(cdktf, "cdktf"), project(docs, "docs"), project(cdktn, "cdktn")],
};
