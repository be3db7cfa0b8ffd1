/**
 * `node test/jest/run-lanes.js <script> <script> ...`: runs package.json scripts side by side,
 * each with `npm run --silent`, and fails when any of them fails. `npm test` runs its two
 * TypeScript lanes (the type-checks; the builds and the API report) this way: each is one
 * single-threaded program after another, and a 2-core machine has a core for each. A lane's
 * output is printed in one piece when it ends, so the lanes' lines do not interleave.
 */
const { spawn } = require("child_process");

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(NPM, ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => resolve({ script, code: 1, output: [Buffer.from(`${error.message}\n`)] }));
    child.on("close", (code, signal) => resolve({ script, code: code ?? (signal ? 1 : 0), output }));
  });
}

async function main(scripts) {
  if (scripts.length === 0) throw new Error("usage: run-lanes.js <script> <script> ...");
  const results = await Promise.all(scripts.map(run));
  for (const { script, code, output } of results) {
    process.stdout.write(Buffer.concat(output));
    if (code !== 0) process.stderr.write(`npm run ${script} failed (exit code ${code})\n`);
  }
  process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
