import * as fs from "fs";
import * as path from "path";
import { exampleNames, readStacks, synthExample } from "./examples";
import { referenceAppOutdir } from "./reference-app";
import { TerraformJson } from "./synth";

/** Where the committed address lists live. */
export const ADDRESSES_DIR = path.resolve(__dirname, "../addresses");
/** Every address the default stacks and the examples produce today, committed. */
export const CURRENT_ADDRESSES = path.join(ADDRESSES_DIR, "current.json");
/** The default stacks' addresses at the last release: what users may have in their state. */
export const RELEASED_ADDRESSES = path.join(ADDRESSES_DIR, "released-0.1.0.json");

/** Terraform addresses of one synthesized stack (`type.name`, `data.type.name`), sorted. */
export function stackAddresses(json: TerraformJson): string[] {
  const addresses: string[] = [];
  for (const [type, byId] of Object.entries(json.resource ?? {})) for (const id of Object.keys(byId)) addresses.push(`${type}.${id}`);
  for (const [type, byId] of Object.entries(json.data ?? {})) for (const id of Object.keys(byId)) addresses.push(`data.${type}.${id}`);
  // `moved` blocks are part of the address API too: they carry a user's state to the new address.
  for (const moved of ((json as { moved?: { from: string; to: string }[] }).moved ?? [])) addresses.push(`moved ${moved.from} -> ${moved.to}`);
  return addresses.sort();
}

/** Addresses of the default app's stacks (`<stack>`) and of every example (`examples/<name>/<stack>`). */
export function synthesizedAddresses(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [stack, json] of Object.entries(readStacks(referenceAppOutdir()))) result[stack] = stackAddresses(json);
  for (const example of exampleNames()) {
    for (const [stack, json] of Object.entries(synthExample(example))) result[`examples/${example}/${stack}`] = stackAddresses(json);
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}

/** Reads a committed address list. */
export function readAddresses(file: string): Record<string, string[]> {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}
