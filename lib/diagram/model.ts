/** What a box in the architecture diagram stands for. */
export type DiagramNodeKind =
  | "gateway"
  | "account"
  | "deployment"
  | "contentFilter"
  | "privateEndpoint"
  | "virtualNetwork"
  | "subnet"
  | "broughtSubnet"
  | "archive"
  | "writeOnceContainer"
  | "keyVault"
  | "key"
  | "dnsZone"
  | "workspace"
  | "identity"
  | "principal"
  | "other";

/** What an arrow in the architecture diagram stands for. */
export type DiagramEdgeKind =
  | "route"
  | "privateLink"
  | "placement"
  | "dns"
  | "diagnostics"
  | "archive"
  | "role"
  | "peering"
  | "encryption"
  | "deployment"
  | "filter"
  | "admission";

/** One box: a synthesized resource, or something outside the stack that a resource points at. */
export interface DiagramNode {
  /** Stable node ID, from {@link diagramNodeId} of `key`. */
  readonly id: string;
  /** The Terraform address (`type.logicalId`) of the resource, or a `kind:value` key for something outside the stack. */
  readonly key: string;
  /** What the box stands for. */
  readonly kind: DiagramNodeKind;
  /** First line of the box. */
  readonly title: string;
  /** Further lines of the box (model, SKU, retention, ...). */
  readonly lines: readonly string[];
  /** Azure location for per-region boxes; undefined for shared ones. */
  readonly region?: string;
  /** Construct path of the resource. @default - none (not a resource of the stack) */
  readonly path?: string;
}

/** One arrow between two boxes. */
export interface DiagramEdge {
  /** Node ID the arrow starts at. */
  readonly from: string;
  /** Node ID the arrow points at. */
  readonly to: string;
  /** What the arrow means, in words. */
  readonly label: string;
  /** What the arrow stands for. */
  readonly kind: DiagramEdgeKind;
  /** True when the arrow goes both ways (a VNet peering declared from both sides). */
  readonly bidirectional: boolean;
  /** Terraform addresses of the resources the arrow is drawn from (a role assignment, a peering, ...). */
  readonly addresses: readonly string[];
}

/** Everything the diagram renderers draw, derived from the synthesized resources of one stack. */
export interface ArchitectureModel {
  /** Stack name. */
  readonly stack: string;
  /** Regions with at least one box, in the order their accounts (then other boxes) appear. */
  readonly regions: readonly string[];
  /** Every box; `region` undefined means shared. */
  readonly nodes: readonly DiagramNode[];
  /** Every arrow. */
  readonly edges: readonly DiagramEdge[];
}

/**
 * The node ID of a Terraform address (or of a `kind:value` key): letters, digits and
 * underscores only, so Mermaid and HTML accept it, with a hash of the exact key so two keys
 * that differ only in punctuation still get two IDs.
 */
export function diagramNodeId(key: string): string {
  return `n_${key.replace(/[^A-Za-z0-9]+/g, "_")}_${fnv1a(key)}`;
}

/** Key of a principal that is not a resource of the stack (a group or user given by object ID). */
export function principalKey(principalId: string): string {
  return `principal:${principalId}`;
}

/** 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
