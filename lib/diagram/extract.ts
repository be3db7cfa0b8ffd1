import { TerraformResource, TerraformStack } from "cdktf";
import { RuleContext } from "../governance/compliance/context";
import { describePlaceholderPrincipal } from "../identity/principal";
import { BUILT_IN_ROLES, builtInRoleKeyByGuid } from "../identity/role-catalog";
import { archiveContainerName, RETENTION_CATEGORIES } from "../monitoring/log-categories";
import { gatewayAdmissions, gatewayBoxes } from "./gateway-boxes";
import { isWholeExpression, readableValue } from "./labels";
import { ArchitectureModel, DiagramEdge, DiagramEdgeKind, DiagramNode, DiagramNodeKind, diagramNodeId, principalKey } from "./model";

type Attributes = Record<string, any>;

/** The order boxes are listed in within a region or the shared part. */
const KIND_ORDER: readonly DiagramNodeKind[] = [
  "gateway",
  "account",
  "deployment",
  "contentFilter",
  "privateEndpoint",
  "subnet",
  "broughtSubnet",
  "virtualNetwork",
  "archive",
  "writeOnceContainer",
  "keyVault",
  "key",
  "dnsZone",
  "workspace",
  "identity",
  "principal",
  "other",
];

/**
 * Reads the architecture of `stack` from its synthesized resources (attributes resolved the way
 * the synthesis writes them, references as `${type.logicalId.attribute}`), not from any config.
 * Run it at synthesis, once every construct exists.
 */
export function extractArchitecture(stack: TerraformStack): ArchitectureModel {
  return new Extraction(stack, new RuleContext(stack)).run();
}

/**
 * {@link extractArchitecture} during the synthesis `session` (a custom synthesis): reads the
 * resources from the stack's shared resolved view, which the compliance packs and the report
 * read too, so each resource is resolved once per synthesis.
 */
export function extractArchitectureAtSynthesis(stack: TerraformStack, session: object): ArchitectureModel {
  return new Extraction(stack, RuleContext.forSynthesis(stack, session)).run();
}

/**
 * The Terraform address a `${type.logicalId...}` reference points at, also inside one function
 * call (`${replace(type.logicalId.attr, ...)}`), or undefined for a literal or a data source.
 */
export function referencedAddress(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^\$\{(?:[a-z_]+\()?([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\.|\}|,|\))/.exec(value);
  return match && match[1] !== "data" && match[1] !== "var" && match[1] !== "local" ? `${match[1]}.${match[2]}` : undefined;
}

class Extraction {
  private readonly resources = new Map<string, TerraformResource>();
  private readonly nodes = new Map<string, DiagramNode>();
  private readonly edges = new Map<string, DiagramEdge>();

  constructor(
    private readonly stack: TerraformStack,
    private readonly context: RuleContext,
  ) {    for (const construct of stack.node.findAll()) {
      if (TerraformResource.isTerraformResource(construct) && TerraformStack.of(construct) === stack) {
        this.resources.set(addressOf(construct), construct);
      }
    }
  }

  public run(): ArchitectureModel {
    this.accounts();
    this.deployments();
    this.contentFilters();
    this.networks();
    this.privateEndpoints();
    this.archives();
    this.keys();
    this.dnsZones();
    this.workspaces();
    // The AI gateway (lib/gateway): its box, its subnet and its routes to the accounts.
    gatewayBoxes(this.ofType("azurerm_api_management"), this.ofType("azurerm_api_management_backend"), this.ofType("azurerm_cognitive_account"), {
      add: (address, kind, title, region, lines) => this.add(address, kind, title, region, lines),
      nodeAt: (reference) => this.nodeAt(reference),
      edge: (from, to, label, kind, addresses) => this.edge(from, to, label, kind, addresses),
    });
    this.diagnostics();
    this.peerings();
    this.identities();
    // Who the gateway admits: the workload identities its policy accepts tokens of.
    gatewayAdmissions(this.ofType("azurerm_api_management_api_policy"), {
      nodeAt: (reference) => this.nodeAt(reference),
      edge: (from, to, label, kind, addresses) => this.edge(from, to, label, kind, addresses),
    });
    this.roleAssignments();
    const nodes = [...this.nodes.values()].sort(
      (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compare(a.title, b.title) || compare(a.key, b.key),
    );
    const regions: string[] = [];
    for (const node of nodes) if (node.region && !regions.includes(node.region)) regions.push(node.region);
    return { stack: this.stack.node.id, regions, nodes, edges: [...this.edges.values()] };
  }

  // ---- boxes -------------------------------------------------------------------------------

  private accounts(): void {
    for (const [address, attrs] of this.ofType("azurerm_cognitive_account")) {
      this.add(address, "account", `${accountTitle(attrs.kind)} ${text(attrs.name)}`, attrs.location, [
        `kind ${text(attrs.kind)}, SKU ${text(attrs.sku_name)}`,
        `public network ${attrs.public_network_access_enabled === false ? "off" : "on"}`,
        `local (key) auth ${attrs.local_auth_enabled === false ? "off" : "on"}`,
      ]);
    }
  }

  private deployments(): void {
    for (const [address, attrs] of this.ofType("azurerm_cognitive_deployment")) {
      const account = this.nodeAt(attrs.cognitive_account_id);
      const model = first(attrs.model) ?? {};
      const sku = first(attrs.sku) ?? {};
      const node = this.add(address, "deployment", `deployment ${text(attrs.name)}`, account?.region, [
        `model ${text(model.name)} ${text(model.version)}`,
        `SKU ${text(sku.name)}, capacity ${text(sku.capacity)}`,
      ]);
      if (account) this.edge(account.id, node.id, "hosts", "deployment", [address]);
    }
  }

  private contentFilters(): void {
    for (const [address, attrs] of this.ofType("azurerm_cognitive_account_rai_policy")) {
      const account = this.nodeAt(attrs.cognitive_account_id);
      const filters = (attrs.content_filter ?? []) as Attributes[];
      const blocking = filters.filter((f) => f.block_enabled).length;
      const node = this.add(address, "contentFilter", `content filter ${text(attrs.name)}`, account?.region, [
        `base ${text(attrs.base_policy_name)}`,
        `${blocking} of ${filters.length} filters block`,
      ]);
      for (const [deploymentAddress, deployment] of this.ofType("azurerm_cognitive_deployment")) {
        if (referencedAddress(deployment.rai_policy_name) === address) {
          this.edge(diagramNodeId(deploymentAddress), node.id, "filtered by", "filter", [deploymentAddress]);
        }
      }
    }
  }

  private networks(): void {
    for (const [address, attrs] of this.ofType("azurerm_virtual_network")) {
      this.add(address, "virtualNetwork", `VNet ${text(attrs.name)}`, attrs.location, [list(attrs.address_space)]);
    }
    for (const [address, attrs] of this.ofType("azurerm_subnet")) {
      const vnet = this.nodeAt(attrs.virtual_network_name);
      const node = this.add(address, "subnet", `subnet ${text(attrs.name)}`, vnet?.region, [list(attrs.address_prefixes)]);
      if (vnet) this.edge(node.id, vnet.id, "in", "placement", [address]);
    }
  }

  private privateEndpoints(): void {
    for (const [address, attrs] of this.ofType("azurerm_private_endpoint")) {
      const connection = first(attrs.private_service_connection) ?? {};
      const node = this.add(address, "privateEndpoint", `private endpoint ${text(attrs.name)}`, attrs.location, [
        `subresource ${list(connection.subresource_names)}`,
      ]);
      const target = this.nodeAt(connection.private_connection_resource_id) ?? this.outside(connection.private_connection_resource_id, "resource");
      if (target) this.edge(node.id, target.id, "private link", "privateLink", [address]);
      let subnet = this.nodeAt(attrs.subnet_id);
      if (!subnet && typeof attrs.subnet_id === "string") {
        subnet = this.add(`subnet:${attrs.subnet_id}`, "broughtSubnet", `brought subnet ${shortId(attrs.subnet_id, 2, "")}`, attrs.location, [
          "not created by this stack",
        ]);
      }
      if (subnet) this.edge(node.id, subnet.id, "in", "placement", [address]);
      for (const zone of (first(attrs.private_dns_zone_group)?.private_dns_zone_ids ?? []) as unknown[]) {
        const zoneNode = this.nodeAt(zone) ?? this.outside(zone, "DNS zone", "dnsZone");
        if (zoneNode) this.edge(node.id, zoneNode.id, "A record in", "dns", [address]);
      }
    }
  }

  private archives(): void {
    const archiveAddresses = new Set<string>();
    for (const [, attrs] of this.ofType("azurerm_monitor_diagnostic_setting")) {
      const target = referencedAddress(attrs.storage_account_id);
      if (target) archiveAddresses.add(target);
    }
    for (const [, attrs] of this.ofType("azurerm_storage_management_policy")) {
      const target = referencedAddress(attrs.storage_account_id);
      if (target) archiveAddresses.add(target);
    }
    const retention = new Map<string, string[]>();
    for (const [, attrs] of this.ofType("azurerm_storage_management_policy")) {
      const target = referencedAddress(attrs.storage_account_id);
      if (!target) continue;
      for (const rule of (attrs.rule ?? []) as Attributes[]) {
        const days = first(rule.actions)?.base_blob?.delete_after_days_since_modification_greater_than;
        const prefix = String(first(rule.filters)?.prefix_match?.[0] ?? "").replace(/\/$/, "");
        const category = RETENTION_CATEGORIES.find((c) => archiveContainerName(c) === prefix) ?? prefix;
        if (days !== undefined) retention.set(target, [...(retention.get(target) ?? []), `${category}: ${days} days`]);
      }
    }
    for (const [address, attrs] of this.ofType("azurerm_storage_account")) {
      const archive = archiveAddresses.has(address);
      this.add(address, archive ? "archive" : "other", `${archive ? "archive storage" : "storage account"} ${text(attrs.name)}`, attrs.location, [
        `${text(attrs.account_replication_type)}, public network ${attrs.public_network_access_enabled === false ? "off" : "on"} (default ${text(first(attrs.network_rules)?.default_action ?? "Allow")})`,
        ...(retention.get(address) ?? ["no lifecycle deletion"]),
      ]);
    }
    for (const [address, attrs] of this.ofType("azurerm_storage_container_immutability_policy")) {
      const containerAddress = referencedAddress(attrs.storage_container_resource_manager_id);
      const container = containerAddress ? this.attributesAt(containerAddress) : undefined;
      const account = this.nodeAt(container?.storage_account_id);
      const node = this.add(address, "writeOnceContainer", `write-once container ${text(container?.name ?? tail(attrs.storage_container_resource_manager_id, 1))}`, account?.region, [
        `${text(attrs.immutability_period_in_days)} days`,
        attrs.locked === true ? "locked" : "unlocked",
      ]);
      if (account) this.edge(node.id, account.id, "in", "placement", [address]);
    }
  }

  private keys(): void {
    for (const [address, attrs] of this.ofType("azurerm_key_vault")) {
      this.add(address, "keyVault", `key vault ${text(attrs.name)}`, attrs.location, [
        `SKU ${text(attrs.sku_name)}, purge protection ${attrs.purge_protection_enabled === true ? "on" : "off"}`,
        `public network ${attrs.public_network_access_enabled === false ? "off" : "on"}`,
      ]);
    }
    const keyAddresses: [string, Attributes, unknown, string][] = [];
    for (const [address, attrs] of this.ofType("azapi_resource")) {
      if (typeof attrs.type === "string" && attrs.type.startsWith("Microsoft.KeyVault/vaults/keys@")) {
        keyAddresses.push([address, attrs, attrs.parent_id, `${text(attrs.body?.properties?.kty)} ${text(attrs.body?.properties?.keySize)}`]);
      }
    }
    for (const [address, attrs] of this.ofType("azurerm_key_vault_key")) {
      keyAddresses.push([address, attrs, attrs.key_vault_id, `${text(attrs.key_type)} ${text(attrs.key_size)}`]);
    }
    for (const [address, attrs, vaultReference, type] of keyAddresses) {
      const vault = this.nodeAt(vaultReference);
      const node = this.add(address, "key", `key ${text(attrs.name)}`, vault?.region, [type]);
      if (vault) this.edge(node.id, vault.id, "in", "placement", [address]);
    }
    for (const [address, attrs] of this.ofType("azurerm_cognitive_account_customer_managed_key")) {
      const account = this.nodeAt(attrs.cognitive_account_id);
      const key = this.nodeAt(attrs.key_vault_key_id) ?? this.outside(attrs.key_vault_key_id, "key", "key", account?.region);
      if (account && key) this.edge(key.id, account.id, "encrypts (CMK)", "encryption", [address]);
    }
  }

  private dnsZones(): void {
    for (const [address, attrs] of this.ofType("azurerm_private_dns_zone")) {
      this.add(address, "dnsZone", `DNS zone ${text(attrs.name)}`, undefined, []);
    }
    for (const [address, attrs] of this.ofType("azurerm_private_dns_zone_virtual_network_link")) {
      const zone = this.nodeAt(attrs.private_dns_zone_name);
      const vnet = this.nodeAt(attrs.virtual_network_id) ?? this.outside(attrs.virtual_network_id, "VNet", "virtualNetwork");
      if (zone && vnet) this.edge(zone.id, vnet.id, `VNet link ${text(attrs.name)}`, "dns", [address]);
    }
  }

  private workspaces(): void {
    for (const [address, attrs] of this.ofType("azurerm_log_analytics_workspace")) {
      this.add(address, "workspace", `audit workspace ${text(attrs.name)}`, undefined, [
        `retention ${text(attrs.retention_in_days ?? 30)} days`,
        `${text(attrs.location)}, local auth ${attrs.local_authentication_enabled === false ? "off" : "on"}`,
      ]);
    }
  }

  private diagnostics(): void {
    for (const [address, attrs] of this.ofType("azurerm_monitor_diagnostic_setting")) {
      const source = this.nodeAt(attrs.target_resource_id) ?? this.outside(attrs.target_resource_id, "resource");
      if (!source) continue;
      const categories = [
        ...((attrs.enabled_log ?? []) as Attributes[]).map((l) => text(l.category ?? l.category_group)),
        ...((attrs.enabled_metric ?? attrs.metric ?? []) as Attributes[]).map((m) => text(m.category)),
      ].join(", ");
      const workspace = this.nodeAt(attrs.log_analytics_workspace_id) ?? this.outside(attrs.log_analytics_workspace_id, "workspace", "workspace");
      if (workspace) this.edge(source.id, workspace.id, `diagnostics: ${categories}`, "diagnostics", [address]);
      const archive = this.nodeAt(attrs.storage_account_id) ?? this.outside(attrs.storage_account_id, "storage", "archive");
      if (archive) this.edge(source.id, archive.id, `archive: ${categories}`, "archive", [address]);
    }
  }

  private peerings(): void {
    for (const [address, attrs] of this.ofType("azurerm_virtual_network_peering")) {
      const local = this.nodeAt(attrs.virtual_network_name) ?? this.outside(attrs.virtual_network_name, "VNet", "virtualNetwork");
      const remote = this.nodeAt(attrs.remote_virtual_network_id) ?? this.outside(attrs.remote_virtual_network_id, "VNet", "virtualNetwork");
      if (!local || !remote) continue;
      const reverse = this.edges.get(edgeKey(remote.id, local.id, "peered"));
      if (reverse) {
        this.edges.set(edgeKey(remote.id, local.id, "peered"), { ...reverse, bidirectional: true, addresses: [...reverse.addresses, address] });
      } else {
        this.edge(local.id, remote.id, "peered", "peering", [address]);
      }
    }
  }

  private identities(): void {
    for (const [address, attrs] of this.ofType("azurerm_user_assigned_identity")) {
      this.add(address, "identity", `workload identity ${text(attrs.name)}`, undefined, [text(attrs.tags?.application ?? "")].filter(Boolean));
    }
  }

  private roleAssignments(): void {
    for (const [address, attrs] of this.ofType("azurerm_role_assignment")) {
      let principal = this.nodeAt(attrs.principal_id);
      if (!principal && attrs.principal_id !== undefined) {
        const id = String(attrs.principal_id);
        const existing = this.nodes.get(principalKey(id));
        // A placeholder (its variable was not set) is drawn as one, not as if it were a real principal.
        const placeholder = describePlaceholderPrincipal(id);
        const lines = [`object ID ${readableValue(id)}`, ...(placeholder ? [`${placeholder}: Azure rejects it at apply`] : [])];
        const title = `${text(attrs.principal_type ?? "principal")} ${text(attrs.description ?? tail(id, 1))}${placeholder ? " (PLACEHOLDER)" : ""}`;
        principal = existing ?? this.add(principalKey(id), "principal", title, undefined, lines);
      }
      const scope = this.nodeAt(attrs.scope) ?? this.outside(attrs.scope, "scope");
      if (principal && scope) this.edge(principal.id, scope.id, roleName(attrs), "role", [address]);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  private ofType(type: string): [string, Attributes][] {
    return [...this.resources.entries()]
      .filter(([, r]) => r.terraformResourceType === type)
      .map(([address, r]) => [address, this.context.attributes(r) as Attributes]);
  }

  private attributesAt(address: string): Attributes | undefined {
    const resource = this.resources.get(address);
    return resource ? (this.context.attributes(resource) as Attributes) : undefined;
  }

  private nodeAt(reference: unknown): DiagramNode | undefined {
    const address = referencedAddress(reference);
    return address ? this.nodes.get(address) : undefined;
  }

  /** A box for something a resource points at that is not drawn otherwise: another resource of the stack, or an ID from outside. */
  private outside(reference: unknown, what: string, kind: DiagramNodeKind = "other", region?: string): DiagramNode | undefined {
    if (reference === undefined || reference === null) return undefined;
    const address = referencedAddress(reference);
    if (address) {
      const existing = this.nodes.get(address);
      if (existing) return existing;
      const attrs = this.attributesAt(address);
      const [type] = address.split(".");
      return this.add(address, kind, `${type.replace(/^azurerm_/, "").replace(/_/g, " ")} ${text(attrs?.name ?? address)}`, region, []);
    }
    const value = String(reference);
    const key = `${what}:${value}`;
    return this.nodes.get(key) ?? this.add(key, kind, `${what} ${shortId(value, 2)}`, region, ["not created by this stack"]);
  }

  private add(key: string, kind: DiagramNodeKind, title: string, region: unknown, lines: readonly string[]): DiagramNode {
    const resource = this.resources.get(key);
    const node: DiagramNode = {
      id: diagramNodeId(key),
      key,
      kind,
      title,
      lines,
      region: typeof region === "string" && !SHARED_KINDS.includes(kind) ? readableValue(region) : undefined,
      path: resource?.node.path,
    };
    this.nodes.set(key, node);
    return node;
  }

  private edge(from: string, to: string, label: string, kind: DiagramEdgeKind, addresses: readonly string[]): void {
    const key = edgeKey(from, to, label);
    const existing = this.edges.get(key);
    this.edges.set(key, existing ? { ...existing, addresses: [...existing.addresses, ...addresses] } : { from, to, label, kind, bidirectional: false, addresses });
  }
}

const SHARED_KINDS: readonly DiagramNodeKind[] = ["dnsZone", "workspace", "identity", "principal"];

function roleName(attrs: Attributes): string {
  if (typeof attrs.role_definition_name === "string") return attrs.role_definition_name;
  const guid = tail(text(attrs.role_definition_id), 1);
  const key = builtInRoleKeyByGuid(guid);
  return key ? BUILT_IN_ROLES[key].displayName : `role ${guid}`;
}

function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

function edgeKey(from: string, to: string, label: string): string {
  return `${from}\u0000${to}\u0000${label}`;
}

/** A block the provider bindings may synthesize as an object or a one-element list. */
function first(value: unknown): Attributes | undefined {
  if (Array.isArray(value)) return value[0] as Attributes | undefined;
  return value && typeof value === "object" ? (value as Attributes) : undefined;
}

/** A value for display: a Terraform expression becomes readable words (see readableValue). */
function text(value: unknown): string {
  if (value === undefined || value === null) return "?";
  return readableValue(typeof value === "string" ? value : JSON.stringify(value));
}

/** The last `segments` segments of an Azure resource ID for display (`…/vnet/subnets/pe`), or the words for an expression. */
function shortId(id: string, segments: number, prefix = "…/"): string {
  return isWholeExpression(id) ? readableValue(id) : `${prefix}${readableValue(tail(id, segments))}`;
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.map(text).join(", ") : text(value);
}

/** The last `segments` path segments of an Azure resource ID. */
function tail(id: string, segments: number): string {
  return id.split("/").filter(Boolean).slice(-segments).join("/");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What an account of a kind is called: a Foundry resource, an Azure OpenAI account, or its kind. */
function accountTitle(kind: unknown): string {
  if (kind === "AIServices") return "Foundry resource";
  if (kind === "OpenAI") return "OpenAI account";
  if (kind === "ContentSafety") return "Content Safety account";
  return "Cognitive Services account";
}
