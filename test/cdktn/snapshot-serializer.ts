/**
 * Snapshot serializer of the cdktn test run (jest.cdktn.config.js): the cdktf snapshots stay the
 * only snapshots, and a synthesized stack is compared to them after reverting the documented
 * differences that a stack's JSON can show (the azurerm version pin) to their cdktf values. Any
 * other difference still fails the snapshot.
 */
import { DOCUMENTED_DIFFERENCES } from "./differences";

/** The documented differences at a JSON path of cdk.tf.json (not layout, not HCL lines). */
const REVERTIBLE = DOCUMENTED_DIFFERENCES.filter((d) => d.files.includes("cdk.tf.json") && !d.path.startsWith("("));

const reverted = new WeakSet<object>();

function get(value: any, keys: readonly string[]): unknown {
  return keys.reduce((v, k) => (v !== null && typeof v === "object" ? v[k] : undefined), value);
}

/** A synthesized stack (`terraform` block and resources) that shows a cdktn value of a documented difference. */
export function test(value: unknown): boolean {
  if (value === null || typeof value !== "object" || reverted.has(value) || !("terraform" in value)) return false;
  return REVERTIBLE.some((d) => get(value, d.path.split(".")) === d.cdktn);
}

export function serialize(value: object, config: any, indentation: string, depth: number, refs: any, printer: any): string {
  const copy = structuredClone(value) as Record<string, any>;
  for (const d of REVERTIBLE) {
    const keys = d.path.split(".");
    const parent = get(copy, keys.slice(0, -1)) as Record<string, unknown> | undefined;
    if (parent && parent[keys[keys.length - 1]] === d.cdktn) parent[keys[keys.length - 1]] = d.cdktf;
  }
  reverted.add(copy);
  return printer(copy, config, indentation, depth, refs);
}
