/**
 * Gives the jest run an empty directory for its shared synths of the reference app
 * (test/helpers/reference-app.ts) and names it in the environment, which the workers inherit:
 * jest starts them after this hook. A new directory per run, so a run never reads the synth of
 * older code. test/jest/global-teardown.js removes it.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

const REFERENCE_APP_DIR_ENV = "AOAI_REFERENCE_APP_DIR";

module.exports = async function globalSetup() {
  // One directory per run: in jest.all.config.js every project calls this hook, in one process.
  if (process.env[REFERENCE_APP_DIR_ENV] === undefined) {
    process.env[REFERENCE_APP_DIR_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), "aoai-reference-app-"));
  }
};
module.exports.REFERENCE_APP_DIR_ENV = REFERENCE_APP_DIR_ENV;
