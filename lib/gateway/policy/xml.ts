/**
 * A tiny typed XML element builder for API Management policies. Every attribute value and text
 * node is escaped when rendered, so text from config can never open an element, close an
 * attribute or start a policy expression by accident: policies are built from elements, never
 * by concatenating strings.
 */

/** One XML element: a name, attributes and children. */
export interface XmlElement {
  /** Element name, for example `rate-limit-by-key`. */
  readonly name: string;
  /** Attributes in the order they are written; undefined values are left out. */
  readonly attributes: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Child elements and text nodes. */
  readonly children: readonly XmlNode[];
}

/** A text node (escaped when rendered). */
export interface XmlText {
  /** The text, as it should read after unescaping. */
  readonly text: string;
}

/** An element or a text node. */
export type XmlNode = XmlElement | XmlText;

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Builds an element; `name` and attribute names must be XML names (checked). */
export function el(
  name: string,
  attributes: Readonly<Record<string, string | number | boolean | undefined>> = {},
  ...children: (XmlNode | undefined | false)[]
): XmlElement {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${JSON.stringify(name)}`);
  for (const key of Object.keys(attributes)) {
    if (!NAME.test(key)) throw new Error(`not an XML attribute name: ${JSON.stringify(key)}`);
  }
  return { name, attributes, children: children.filter((c): c is XmlNode => c !== undefined && c !== false) };
}

/** A text node. */
export function text(value: string): XmlText {
  return { text: value };
}

/** Escapes `&`, `<`, `>`, `"` and `'` (and control characters XML 1.0 cannot hold are refused). */
export function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value)) {
    throw new Error(`text with a control character XML cannot hold: ${JSON.stringify(value)}`);
  }
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function isText(node: XmlNode): node is XmlText {
  return (node as XmlText).text !== undefined && (node as XmlElement).name === undefined;
}

/** Renders `node` as indented XML. */
export function renderXml(node: XmlNode, indent = 0): string {
  const pad = "  ".repeat(indent);
  if (isText(node)) return `${pad}${escapeXml(node.text)}`;
  const attributes = Object.entries(node.attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  if (node.children.length === 0) return `${pad}<${node.name}${attributes} />`;
  if (node.children.length === 1 && isText(node.children[0]!)) {
    return `${pad}<${node.name}${attributes}>${escapeXml((node.children[0] as XmlText).text)}</${node.name}>`;
  }
  const inner = node.children.map((c) => renderXml(c, indent + 1)).join("\n");
  return `${pad}<${node.name}${attributes}>\n${inner}\n${pad}</${node.name}>`;
}
