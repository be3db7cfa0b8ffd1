// Preloaded into a benchmarked process (node -r): on exit, writes its peak resident set size
// (kilobytes) and its CPU time (microseconds, user and system) as JSON to the file named by
// BENCH_RSS_FILE.
const fs = require("fs");

process.on("exit", () => {
  const file = process.env.BENCH_RSS_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  fs.writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, userMicros: usage.userCPUTime, systemMicros: usage.systemCPUTime }));
});
