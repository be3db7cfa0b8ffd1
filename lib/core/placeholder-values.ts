/**
 * Values that stand in for something missing (a principal ID whose variable was not set), so a
 * synth can go on without it while every output says so. A constructor of such a value registers
 * it here; `GuardedApp` looks for the registered values in each synthesized stack and warns once
 * per value and stack. The registry lives for the process, like the values.
 */
export interface PlaceholderValue {
  /** Short words for a report or a diagram, for example `placeholder for AOAI_DEVELOPERS_GROUP_ID (not set)`. */
  readonly note: string;
  /** The synth warning: what is missing, why it matters, how to fix it. */
  readonly warning: string;
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
