// Strict XML parsing of the generated pages with @xmldom/xmldom (a real DOM parser; it is in
// node_modules as a dependency of another package, not a direct devDependency of ours).
import { Document, DOMParser, Element, onWarningStopParsing } from "@xmldom/xmldom";

export type { Document, Element };

/** Parses `text` as XHTML and fails on any warning or error: the page must be well-formed XML. */
export function parseXhtml(text: string): Document {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, "application/xhtml+xml");
}

/** Every element of the document (or below an element), depth first. */
export function allElements(root: Document | Element): Element[] {
  return Array.from(root.getElementsByTagName("*"));
}

/** The elements whose attribute `name` is `value`. */
export function withAttribute(doc: Document, name: string, value: string): Element[] {
  return allElements(doc).filter((e) => e.getAttribute(name) === value);
}
