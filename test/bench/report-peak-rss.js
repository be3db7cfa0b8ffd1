// Preloaded into a benchmarked process (node -r): on exit, writes its peak resident set size
// in kilobytes to the file named by BENCH_RSS_FILE.
const fs = require("fs");

process.on("exit", () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
