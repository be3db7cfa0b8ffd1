const MERMAID_ENTITIES: Readonly<Record<string, string>> = {
  "#": "#35;",
  '"': "#quot;",
  "&": "#amp;",
  "<": "#lt;",
  ">": "#gt;",
  "[": "#91;",
  "]": "#93;",
  "(": "#40;",
  ")": "#41;",
  "{": "#123;",
  "}": "#125;",
  "|": "#124;",
  "`": "#96;",
  "\\": "#92;",
};

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text for inside a quoted Mermaid label (`id["..."]`, `-->|"..."|`): every character Mermaid
 * gives a meaning to becomes an entity code (`#quot;`, `#lt;`, ...; `#` itself first, so a `#`
 * in the text cannot start an entity), and line breaks become spaces.
 */
export function escapeMermaid(text: string): string {
  return text.replace(/[#"&<>[\](){}|`\\]/g, (c) => MERMAID_ENTITIES[c]).replace(/[\r\n]+/g, " ");
}

/** Text for HTML or XML content and attribute values: `& < > " '` become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/** Text for a Markdown table cell: HTML-escaped (GitHub renders inline HTML), pipes and backticks escaped, line breaks flattened. */
export function escapeMarkdownCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/`/g, "\\`").replace(/[\r\n]+/g, " ");
}
