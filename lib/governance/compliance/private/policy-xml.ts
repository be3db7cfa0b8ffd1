/**
 * A small, strict-enough reader of API Management policy documents for the gateway rules: it
 * builds an element tree (names, attributes, parents) and nothing else. It is not a general XML
 * parser (no DTDs, no namespaces, no processing of entities beyond the five predefined ones and
 * character references) and needs no runtime dependency: the rules only ask which policy
 * elements exist, where, and with which attributes.
 *
 * Policy expressions are read the way API Management does: `@(...)` and `@{...}` in element text
 * may hold a raw `<` (`As<JObject>()`), so text skips over balanced expressions; attribute values
 * run to the matching quote. Anything it cannot read (an unclosed tag, a mismatched end tag, an
 * over-long or over-deep document) is an error the rules report as "cannot be verified".
 */

/** One element of a policy document. */
export interface PolicyElement {
  /** Element name, for example `rate-limit-by-key`. */
  readonly name: string;
  /** Attribute values, entities decoded. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Child elements in document order. */
  readonly children: readonly PolicyElement[];
  /** The enclosing element; undefined for the root. */
  readonly parent?: PolicyElement;
}

/** Longest policy document read (API Management's own limit is 256 KiB). */
export const MAX_POLICY_LENGTH = 1024 * 1024;
/** Deepest element nesting read. */
const MAX_DEPTH = 64;

interface MutableElement {
  name: string;
  attributes: Record<string, string>;
  children: MutableElement[];
  parent?: MutableElement;
}

const NAME_START = /[A-Za-z_:]/;
const NAME_CHAR = /[A-Za-z0-9_.:-]/;
const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Reads a policy document; throws an Error saying where it could not be read. */
export function parsePolicyXml(xml: string): PolicyElement {
  if (xml.length > MAX_POLICY_LENGTH) throw new Error(`the policy is longer than ${MAX_POLICY_LENGTH} characters`);
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}`);
  };

  const readName = (): string => {
    const start = i;
    if (!NAME_START.test(xml[i] ?? "")) fail("expected a name");
    while (i < xml.length && NAME_CHAR.test(xml[i]!)) i++;
    return xml.slice(start, i);
  };
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  const skipPast = (terminator: string, what: string) => {
    const end = xml.indexOf(terminator, i);
    if (end < 0) fail(`unterminated ${what}`);
    i = end + terminator.length;
  };

  while (i < xml.length) {
    const c = xml[i]!;
    if (c !== "<") {
      if (stack.length === 0 && !/\s/.test(c)) fail("text outside the root element");
      // Text: skip balanced policy expressions, which may hold a raw `<`.
      if (c === "@" && (xml[i + 1] === "(" || xml[i + 1] === "{")) i = skipExpression(xml, i + 1, fail);
      else i++;
      continue;
    }
    if (xml.startsWith("<!--", i)) {
      skipPast("-->", "comment");
    } else if (xml.startsWith("<![CDATA[", i)) {
      if (stack.length === 0) fail("CDATA outside the root element");
      skipPast("]]>", "CDATA section");
    } else if (xml.startsWith("<?", i)) {
      skipPast("?>", "processing instruction");
    } else if (xml.startsWith("<!", i)) {
      fail("a document type declaration is not read");
    } else if (xml[i + 1] === "/") {
      i += 2;
      const name = readName();
      skipSpace();
      if (xml[i] !== ">") fail(`expected > after </${name}`);
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? "nothing"}>`);
    } else {
      i++;
      const element: MutableElement = { name: readName(), attributes: {}, children: [] };
      for (;;) {
        const before = i;
        skipSpace();
        if (xml[i] === "/" && xml[i + 1] === ">") {
          i += 2;
          attach(element, false);
          break;
        }
        if (xml[i] === ">") {
          i++;
          attach(element, true);
          break;
        }
        if (i === before) fail(`expected a space before an attribute of <${element.name}>`);
        const attribute = readName();
        skipSpace();
        if (xml[i] !== "=") fail(`expected = after ${attribute}`);
        i++;
        skipSpace();
        const quote = xml[i];
        if (quote !== '"' && quote !== "'") fail(`expected a quoted value of ${attribute}`);
        const end = xml.indexOf(quote!, i + 1);
        if (end < 0) fail(`unterminated value of ${attribute}`);
        if (Object.prototype.hasOwnProperty.call(element.attributes, attribute)) fail(`duplicate attribute ${attribute}`);
        // XML attribute-value normalization: literal line breaks and tabs read as spaces.
        const raw = xml.slice(i + 1, end).replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ");
        element.attributes[attribute] = decodeEntities(raw, fail);
        i = end + 1;
      }
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is not closed`);
  if (!root) fail("no root element");
  return root!;

  function attach(element: MutableElement, open: boolean): void {
    const parent = stack[stack.length - 1];
    if (parent) {
      element.parent = parent;
      parent.children.push(element);
    } else if (root) {
      fail("a second root element");
    } else {
      root = element;
    }
    if (open) {
      if (stack.length >= MAX_DEPTH) fail(`elements nested deeper than ${MAX_DEPTH}`);
      stack.push(element);
    }
  }
}

/** The index just past the expression whose opening bracket is at `open`. */
function skipExpression(xml: string, open: number, fail: (what: string) => never): number {
  const close = xml[open] === "(" ? ")" : "}";
  const openChar = xml[open]!;
  let depth = 0;
  let quote: string | undefined;
  for (let j = open; j < xml.length; j++) {
    const c = xml[j]!;
    if (quote) {
      if (c === "\\") j++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === openChar) {
      depth++;
    } else if (c === close && --depth === 0) {
      return j + 1;
    }
  }
  return fail("unterminated policy expression");
}

function decodeEntities(value: string, fail: (what: string) => never): string {
  return value.replace(/&([^;&\s]{1,10});|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) return fail("a bare & in an attribute value");
    if (entity.startsWith("#x") || entity.startsWith("#X")) return codePoint(parseInt(entity.slice(2), 16), match, fail);
    if (entity.startsWith("#")) return codePoint(parseInt(entity.slice(1), 10), match, fail);
    const decoded = ENTITIES[entity];
    return decoded ?? fail(`unknown entity ${match}`);
  });
}

function codePoint(value: number, match: string, fail: (what: string) => never): string {
  if (!Number.isInteger(value) || value < 0 || value > 0x10ffff) return fail(`bad character reference ${match}`);
  return String.fromCodePoint(value);
}

/** Every element under `root` (itself included) named one of `names`, in document order. */
export function policyElements(root: PolicyElement, ...names: string[]): PolicyElement[] {
  const found: PolicyElement[] = [];
  const pending: PolicyElement[] = [root];
  while (pending.length > 0) {
    const element = pending.pop()!;
    if (names.includes(element.name)) found.push(element);
    for (let k = element.children.length - 1; k >= 0; k--) pending.push(element.children[k]!);
  }
  return found;
}

/** The policy section (`inbound`, `backend`, `outbound`, `on-error`) an element is in, if any. */
export function sectionOf(element: PolicyElement): string | undefined {
  for (let e: PolicyElement | undefined = element; e; e = e.parent) {
    if (e.parent?.name === "policies" && e.parent.parent === undefined) return e.name;
  }
  return undefined;
}

/** The elements named `names` in the `section` of the document (for example `inbound`). */
export function elementsInSection(root: PolicyElement, section: string, ...names: string[]): PolicyElement[] {
  return policyElements(root, ...names).filter((e) => sectionOf(e) === section);
}
