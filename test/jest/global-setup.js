/**
 * Gives the jest run an empty directory for the synths its suites share (test/helpers/
 * shared-synth.ts: the reference app, the examples) and names it in the environment, which the
 * workers inherit: jest starts them after this hook. A new directory per run, so a run never
 * reads the synth of older code. test/jest/global-teardown.js removes it.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

const SHARED_SYNTH_DIR_ENV = "AOAI_SHARED_SYNTH_DIR";

module.exports = async function globalSetup() {
  // One directory per run: in jest.all.config.js every project calls this hook, in one process.
  if (process.env[SHARED_SYNTH_DIR_ENV] === undefined) {
    process.env[SHARED_SYNTH_DIR_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-shared-synth-"));
  }
};
module.exports.SHARED_SYNTH_DIR_ENV = SHARED_SYNTH_DIR_ENV;
