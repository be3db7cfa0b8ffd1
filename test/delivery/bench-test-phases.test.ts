import { formatPhases, testPhases } from "../bench/test-phases";

const SCRIPTS = {
  test: "tsc --noEmit && npm run --silent build && jest && npm run --silent test:cdktn",
  build: "tsc -p tsconfig.build.json",
  "test:cdktn": "npm run --silent build:cdktn && jest -c jest.cdktn.config.js",
  "build:cdktn": "node toolchain.js build",
};

test("npm test's phases follow the script, a chained npm script split into its steps", () => {
  expect(testPhases(SCRIPTS)).toEqual([
    { label: "tsc --noEmit", command: "tsc --noEmit" },
    { label: "npm run --silent build", command: "npm run --silent build" },
    { label: "jest", command: "jest" },
    { label: "test:cdktn: npm run --silent build:cdktn", command: "npm run --silent build:cdktn" },
    { label: "test:cdktn: jest -c jest.cdktn.config.js", command: "jest -c jest.cdktn.config.js" },
  ]);
});

test("the phase table ends with the totals and marks a failed phase", () => {
  const lines = formatPhases([
    { label: "a", wallSeconds: 1, cpuSeconds: 2, passed: true },
    { label: "b", wallSeconds: 3, cpuSeconds: 4, passed: false },
  ]).split("\n");
  expect(lines[1]).toMatch(/FAILED$/);
  expect(lines[2].split(/\s+/).filter((w) => /^[\d.]+$/.test(w)).map(Number)).toEqual([4, 6]);
});
