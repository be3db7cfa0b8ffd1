/** Removes the pass's shared directory made by test/jest/global-setup.js. */
const fs = require("fs");
const { SHARED_SYNTH_DIR_ENV } = require("./global-setup");

module.exports = async function globalTeardown() {
  const dir = process.env[SHARED_SYNTH_DIR_ENV];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  delete process.env[SHARED_SYNTH_DIR_ENV];
};
