/**
 * Values that stand in for something missing (a principal ID whose variable was not set), so a
 * synth can go on without it while every output says so. A constructor of such a value registers
 * it here; `GuardedApp` looks for the registered values in each synthesized stack and warns once
 * per stack, naming them all. The registry lives for the process, like the values.
 */
export interface PlaceholderValue {
  /** Short words for a report or a diagram, for example `placeholder for AOAI_DEVELOPERS_GROUP_ID (not set)`. */
  readonly note: string;
  /** How to replace it, for the synth warning, for example `set each variable to the principal's Entra object ID`. */
  readonly fix: string;
}

const registered = new Map<string, PlaceholderValue>();

/** Registers `value` as a placeholder; a later registration of the same value replaces the earlier one. */
export function registerPlaceholderValue(value: string, placeholder: PlaceholderValue): void {
  registered.set(value, placeholder);
}

/** The registration of `value`, or undefined when it is no registered placeholder. */
export function placeholderValue(value: string): PlaceholderValue | undefined {
  return registered.get(value);
}

/** The registered placeholders that occur in `text` (a synthesized stack), in registration order. */
export function placeholdersIn(text: string): [string, PlaceholderValue][] {
  return [...registered].filter(([value]) => text.includes(value));
}

/**
 * The one warning for the placeholders found in a stack, or undefined when there are none:
 * each value with what it stands for, then how to replace them.
 */
export function placeholderWarning(found: readonly [string, PlaceholderValue][]): string | undefined {
  if (found.length === 0) return undefined;
  const fixes = [...new Set(found.map(([, p]) => p.fix))];
  return `placeholder value(s) that Azure rejects at apply: ${found.map(([value, p]) => `${value} (${p.note})`).join(", ")}; ${fixes.join("; ")}`;
}
