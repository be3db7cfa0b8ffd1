/**
 * Terraform addresses are part of the API: a changed address replaces a user's resource unless
 * a `moved` block carries the state over. The default stacks' and examples' addresses are
 * committed in current.json, so every change shows in review; every address of the last release
 * that is gone must be acknowledged in CHANGELOG.md (moved or removed, by its exact address).
 * After a deliberate change: `npm run addresses:update` (this test with UPDATE_ADDRESSES=1 writes
 * current.json), then write the CHANGELOG entry.
 */
import * as fs from "fs";
import * as path from "path";
import { CURRENT_ADDRESSES, readAddresses, RELEASED_ADDRESSES, synthesizedAddresses } from "../helpers/addresses";

const CHANGELOG = fs.readFileSync(path.resolve(__dirname, "../../CHANGELOG.md"), "utf8");
const synthesized = synthesizedAddresses();
/** The unreleased "Removed (Terraform addresses)" section: resources a release destroys on purpose. */
const REMOVED_SECTION = /### Removed \(Terraform addresses\)\n([\s\S]*?)(?=\n## |\n### |$)/.exec(CHANGELOG)?.[1] ?? "";
if (process.env.UPDATE_ADDRESSES) fs.writeFileSync(CURRENT_ADDRESSES, JSON.stringify(synthesized, null, 2) + "\n");

test("the synthesized addresses are the committed ones (npm run addresses:update after a deliberate change)", () => {
  expect(synthesized).toEqual(readAddresses(CURRENT_ADDRESSES));
});

test("every address of the last release that is gone is acknowledged in the CHANGELOG", () => {
  const unacknowledged: string[] = [];
  for (const [stack, addresses] of Object.entries(readAddresses(RELEASED_ADDRESSES))) {
    const now = new Set(synthesized[stack] ?? []);
    for (const address of addresses) {
      if (!now.has(address) && !CHANGELOG.includes(`${stack}: ${address}`)) unacknowledged.push(`${stack}: ${address}`);
    }
  }
  expect(unacknowledged).toEqual([]);
});

test("every address of the last release that is gone is moved to an address the stack has, or listed as removed", () => {
  const lost: string[] = [];
  for (const [stack, addresses] of Object.entries(readAddresses(RELEASED_ADDRESSES))) {
    const now = new Set(synthesized[stack] ?? []);
    const movedTo = new Map(
      [...now].filter((a) => a.startsWith("moved ")).map((a) => a.slice("moved ".length).split(" -> ") as [string, string]),
    );
    for (const address of addresses) {
      if (now.has(address)) continue;
      const target = movedTo.get(address);
      if (target !== undefined && now.has(target)) continue;
      if (REMOVED_SECTION.includes(`${stack}: ${address}`)) continue;
      lost.push(`${stack}: ${address}`);
    }
  }
  expect(lost).toEqual([]);
});
