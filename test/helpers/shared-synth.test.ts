import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SHARED_SYNTH_DIR_ENV, sharedOutdir } from "./shared-synth";
import { TOOLCHAIN } from "./toolchain";

const previous = process.env[SHARED_SYNTH_DIR_ENV];
const shared = fs.mkdtempSync(path.join(os.tmpdir(), "shared-synth-test-"));
beforeAll(() => (process.env[SHARED_SYNTH_DIR_ENV] = shared));
afterAll(() => {
  if (previous === undefined) delete process.env[SHARED_SYNTH_DIR_ENV];
  else process.env[SHARED_SYNTH_DIR_ENV] = previous;
  fs.rmSync(shared, { recursive: true, force: true });
});

/** A synth another worker holds the lock of: its directory with `lock/pid`, and `done` when asked. */
function heldByAnother(key: string, pid: number, done: boolean): void {
  const dir = path.join(shared, TOOLCHAIN, key);
  fs.mkdirSync(path.join(dir, "lock"), { recursive: true });
  fs.writeFileSync(path.join(dir, "lock", "pid"), String(pid));
  if (done) fs.writeFileSync(path.join(dir, "done"), "");
}

test("the first caller synthesizes; a later one reads the same output without synthesizing", () => {
  const synthesize = jest.fn((outdir: string) => fs.mkdirSync(outdir, { recursive: true }));
  const first = sharedOutdir("made-here", synthesize);
  expect(synthesize).toHaveBeenCalledTimes(1);
  expect(fs.existsSync(path.join(shared, TOOLCHAIN, "made-here", "done"))).toBe(true);
  expect(sharedOutdir("made-here", synthesize)).toBe(first);
  expect(synthesize).toHaveBeenCalledTimes(1);
});

test("a synth another worker finished is read, not made again", () => {
  heldByAnother("made-elsewhere", process.ppid, true);
  const synthesize = jest.fn();
  expect(sharedOutdir("made-elsewhere", synthesize)).toBe(path.join(shared, TOOLCHAIN, "made-elsewhere", "out"));
  expect(synthesize).not.toHaveBeenCalled();
});

test("a waiter stops when the worker holding the lock exited without finishing, however long that took", () => {
  const exited = spawnSync(process.execPath, ["-e", ""]).pid;
  heldByAnother("holder-died", exited, false);
  const synthesize = jest.fn();
  expect(() => sharedOutdir("holder-died", synthesize)).toThrow(/exited before it finished/);
  expect(synthesize).not.toHaveBeenCalled();
});
