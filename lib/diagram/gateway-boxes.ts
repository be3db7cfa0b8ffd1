import { DiagramEdgeKind, DiagramNode, DiagramNodeKind } from "./model";

type Attributes = Record<string, any>;

/** What the gateway boxes need from the extraction. */
export interface GatewayBoxSink {
  /** Adds a box. */
  add(address: string, kind: DiagramNodeKind, title: string, region: unknown, lines: readonly string[]): DiagramNode;
  /** The box a reference points at. */
  nodeAt(reference: unknown): DiagramNode | undefined;
  /** Adds an arrow. */
  edge(from: string, to: string, label: string, kind: DiagramEdgeKind, addresses: readonly string[]): void;
}

/**
 * The AI gateway's boxes: each `azurerm_api_management` (tier, network mode, identity), an arrow
 * into its subnet, and one arrow per backend to the account it routes to, labelled with the
 * backend's circuit breaker. Role assignments of its identity are drawn by the role pass.
 */
export function gatewayBoxes(
  services: readonly [string, Attributes][],
  backends: readonly [string, Attributes][],
  accounts: readonly [string, Attributes][],
  sink: GatewayBoxSink,
): void {
  for (const [address, attrs] of services) {
    const vnet = String(attrs.virtual_network_type ?? "None");
    const node = sink.add(address, "gateway", `AI gateway ${String(attrs.name)}`, attrs.location, [
      `API Management ${String(attrs.sku_name)}`,
      vnet === "Internal" ? "internal VNet only" : `public gateway (VNet ${vnet})`,
      `identity ${String(first(attrs.identity)?.type ?? "none")}, TLS 1.2+`,
    ]);
    const subnet = sink.nodeAt(first(attrs.virtual_network_configuration)?.subnet_id);
    if (subnet) sink.edge(node.id, subnet.id, "in", "placement", [address]);
    for (const [backendAddress, backend] of backends) {
      if (!String(backend.api_management_name ?? "").includes(address)) continue;
      const host = /^https:\/\/([^./]+)\.openai\.azure\.com/.exec(String(backend.url ?? ""))?.[1];
      const account = accounts.find(([, a]) => a.custom_subdomain_name === host);
      const target = account ? sink.nodeAt(`\${${account[0]}.id}`) : undefined;
      const breaker = first(backend.circuit_breaker_rule);
      const label = breaker ? `routes to (circuit breaker ${String(breaker.trip_duration)})` : "routes to";
      if (target) sink.edge(node.id, target.id, label, "route", [backendAddress]);
    }
  }
}

function first(value: unknown): Attributes | undefined {
  if (Array.isArray(value)) return value[0] as Attributes | undefined;
  return value && typeof value === "object" ? (value as Attributes) : undefined;
}

/** What the admission pass needs from the extraction. */
export interface AdmissionSink {
  /** The box a reference points at. */
  nodeAt(reference: unknown): DiagramNode | undefined;
  /** Adds an arrow. */
  edge(from: string, to: string, label: string, kind: DiagramEdgeKind, addresses: readonly string[]): void;
}

/** A workload identity's client ID in a policy: `${azurerm_user_assigned_identity.<name>.client_id}`. */
const IDENTITY_CLIENT_ID = /\$\{(azurerm_user_assigned_identity\.[A-Za-z0-9_-]+)\.client_id\}/g;

/**
 * An arrow from each workload identity to the gateway whose API policy admits its Entra tokens
 * (the policy names the identity's client ID), labelled with what the arrow rests on.
 */
export function gatewayAdmissions(policies: readonly [string, Attributes][], sink: AdmissionSink): void {
  for (const [address, attrs] of policies) {
    const gateway = sink.nodeAt(attrs.api_management_name);
    if (!gateway) continue;
    const identities = new Set([...String(attrs.xml_content ?? "").matchAll(IDENTITY_CLIENT_ID)].map((m) => m[1]));
    for (const identity of identities) {
      const node = sink.nodeAt(`\${${identity}.id}`);
      if (node) sink.edge(node.id, gateway.id, "calls (Entra token admitted)", "admission", [address]);
    }
  }
}
