/** The synthesized attributes of one resource (snake_case keys, references resolved to `${...}`). */
export type ResourceAttributes = Readonly<Record<string, unknown>>;

/**
 * The blocks of a nested-block attribute as a list. cdktf writes single blocks as an object
 * and repeated blocks as an array; Terraform accepts both.
 */
export function blocks(value: unknown): ResourceAttributes[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((v): v is ResourceAttributes => typeof v === "object" && v !== null && !Array.isArray(v));
}

/** The first block of a nested-block attribute, if any. */
export function firstBlock(value: unknown): ResourceAttributes | undefined {
  return blocks(value)[0];
}

/** The string items of a list attribute (expressions included as they are). */
export function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((v): v is string => typeof v === "string");
}

/** True for a Terraform expression (`${...}`): a value only known at apply time. */
export function isExpression(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

/** The `tags` map of a resource, string values only. */
export function tagsOf(attributes: ResourceAttributes): Record<string, string> {
  const tags = attributes.tags;
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) return {};
  return Object.fromEntries(Object.entries(tags).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** A value as it reads in a finding: `true`, `"TLS1_0"`, `not set`, or `only known at apply time`. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return "not set";
  if (isExpression(value)) return `only known at apply time (${String(value)})`;
  return JSON.stringify(value);
}

/**
 * Checks a boolean attribute against the secure value. Unset counts as insecure: the provider
 * defaults of these settings are the insecure ones, and an explicit value survives default
 * changes. A value only known at apply time cannot be shown compliant.
 */
export function booleanProblem(attributes: ResourceAttributes, name: string, secure: boolean): string | undefined {
  const value = attributes[name];
  if (value === secure) return undefined;
  return `${name} is ${describeValue(value)} (required: ${secure})`;
}
