// Parses HCL files with HashiCorp's parser (@cdktf/hcl2json) in a child process: its Go
// (WebAssembly) runtime keeps running after the last parse and would keep jest from exiting.
// stdin: [{ "file": name, "text": HCL }]; stdout: [{ "file", "config" } | { "file", "error" }].
const { parse } = require("@cdktf/hcl2json");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const results = [];
  for (const { file, text } of JSON.parse(input)) {
    try {
      results.push({ file, config: await parse(file, text) });
    } catch (error) {
      results.push({ file, error: String(error) });
    }
  }
  process.stdout.write(JSON.stringify(results), () => process.exit(0));
});
