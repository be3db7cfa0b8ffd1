// Escaping of strings for cdktf's HCL output (`cdktf synth --hcl`): the untyped values the azapi
// bindings write (`body`, `sensitive_body`, ...), and multi-line strings of typed resources.
//
// cdktf's HCL renderer writes an untyped value through a "fuzzy" path (cdktf 0.21,
// lib/hcl/render.js `renderFuzzyJsonExpression`): it escapes double quotes only, writes a string
// containing `${` between quotes as it is, writes a string that looks like an integer as a
// number, and a string starting with `[` or `{` without quotes. Every literal string of an azapi
// value is therefore escaped here before the renderer sees it, so that what it writes is a valid
// HCL string literal with the same value as in the JSON output.
//
// Terraform references stay as cdktf tokens (`${TfToken[...]}`) at this point; only the literal
// text around them is escaped. In both outputs a literal `${` or `%{` would start a Terraform
// template, so those are escaped as `$${` and `%%{` (Terraform's "Strings and Templates":
// "$${" and "%%{" are the literal forms), in JSON too.

const STRING_TOKEN = /(\$\{TfToken\[[^\]]*\]\})/;
const WHOLE_COLLECTION_TOKEN = /^[#&]\{TfToken\[[^\]]*\]\}$/;

/** Escapes the template sequences of a literal string (both outputs). */
function escapeTemplate(literal: string): string {
  // Replacement functions: in a replacement string `$$` would stand for one `$`.
  return literal.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/** Escapes a literal string for an HCL quoted string (backslash, quote, control characters, templates). */
function escapeHclLiteral(literal: string): string {
  const escaped = literal
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, (c) => unicodeEscape(c));
  return escapeTemplate(escaped);
}

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`;
}

/** The literal and token parts of a string: odd indexes are tokens. */
function splitTokens(value: string): string[] {
  return value.split(STRING_TOKEN);
}

function mapLiterals(value: string, escape: (literal: string) => string): string {
  if (WHOLE_COLLECTION_TOKEN.test(value)) return value;
  return splitTokens(value).map((part, i) => (i % 2 === 1 ? part : escape(part))).join("");
}

/**
 * A string the fuzzy renderer would not quote (an integer, or text starting with `[` or `{`)
 * gets its first character as a `\uNNNN` escape: the renderer then quotes it, and HCL reads the
 * same text back.
 */
function quotedByRenderer(escaped: string): string {
  const unquoted = parseInt(escaped, 10).toString() === escaped || escaped.startsWith("[") || escaped.startsWith("{");
  return unquoted && !escaped.includes("${") ? `${unicodeEscape(escaped[0]!)}${escaped.slice(1)}` : escaped;
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === "string") return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  }
  return value;
}

/**
 * An untyped value for the JSON output: literal `${` and `%{` escaped, references untouched.
 */
export function jsonSafe<T>(value: T): T {
  return mapStrings(value, (text) => mapLiterals(text, escapeTemplate)) as T;
}

/**
 * An untyped value for cdktf's HCL renderer: every literal string escaped for an HCL quoted
 * string, references untouched; `undefined` and `null` members dropped (the renderer cannot
 * write `null` inside an object).
 */
export function hclSafe<T>(value: T): T {
  const escaped = mapStrings(withoutNullish(value), (text) => {
    const result = mapLiterals(text, escapeHclLiteral);
    return quotedByRenderer(result);
  });
  return escaped as T;
}

function withoutNullish(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined && item !== null).map(withoutNullish);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined && item !== null)
        .map(([key, item]) => [key, withoutNullish(item)]),
    );
  }
  return value;
}

/**
 * Typed string attributes of a provider resource's HCL attributes written as one-line quoted
 * strings. cdktf writes a string with line breaks as a heredoc (`<<EOF`), and a heredoc's value
 * ends with a line break the JSON output does not have: an API policy or a saved search would
 * differ by one character between the two outputs (and the saved search, which Azure replaces on
 * change, would be replaced when a project moves from JSON to HCL). Use in a resource's
 * `synthesizeHclAttributes` override.
 */
export function hclOneLineStrings(attributes: { [name: string]: any }, names: readonly string[]): { [name: string]: any } {
  const result = { ...attributes };
  for (const name of names) {
    const attribute = result[name];
    if (attribute && typeof attribute === "object" && typeof attribute.value === "string") {
      result[name] = { ...attribute, value: mapLiterals(attribute.value, escapeHclLiteral) };
    }
  }
  return result;
}
