// Parses gateway policies with a real XML parser (@xmldom/xmldom); fails on any warning or error.
import { Document, DOMParser, Element, onWarningStopParsing } from "@xmldom/xmldom";

export type { Document, Element };

/** Parses a policy document strictly. */
export function parsePolicy(xml: string): Document {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, "text/xml");
}

/** The elements named `name`, in document order. */
export function elements(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagName(name));
}

/** The only element named `name`; fails unless there is exactly one. */
export function only(root: Document | Element, name: string): Element {
  const found = elements(root, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}

/** The element's direct child elements. */
export function children(e: Element): Element[] {
  return Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);
}
