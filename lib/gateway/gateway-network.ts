import { NetworkSecurityGroup } from "@cdktf/provider-azurerm/lib/network-security-group";
import { NetworkSecurityRule } from "@cdktf/provider-azurerm/lib/network-security-rule";
import { PrivateDnsARecord } from "@cdktf/provider-azurerm/lib/private-dns-a-record";
import { PrivateDnsZone } from "@cdktf/provider-azurerm/lib/private-dns-zone";
import { PrivateDnsZoneVirtualNetworkLink } from "@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link";
import { Subnet } from "@cdktf/provider-azurerm/lib/subnet";
import { SubnetNetworkSecurityGroupAssociation } from "@cdktf/provider-azurerm/lib/subnet-network-security-group-association";
import { Construct } from "constructs";

/** One NSG rule API Management needs in a VNet (Microsoft's "Virtual network configuration reference: API Management"). */
export interface GatewayNsgRule {
  /** Rule name. */
  readonly name: string;
  /** Priority, unique per direction. */
  readonly priority: number;
  /** Direction. */
  readonly direction: "Inbound" | "Outbound";
  /** Source service tag or prefix. */
  readonly source: string;
  /** Destination service tag or prefix. */
  readonly destination: string;
  /** Destination ports. */
  readonly ports: readonly string[];
  /** Why API Management needs it. */
  readonly description: string;
}

/**
 * The NSG rules of an API Management subnet in internal mode (stv2): management traffic from the
 * ApiManagement service tag, the Azure load balancer probe, HTTPS from inside the VNet (the
 * callers), and the outbound dependencies (Storage, SQL, Key Vault, Azure Monitor, Entra ID,
 * certificate validation over HTTP to the Internet).
 */
export const GATEWAY_NSG_RULES: readonly GatewayNsgRule[] = Object.freeze([
  { name: "allow-apim-management", priority: 100, direction: "Inbound", source: "ApiManagement", destination: "VirtualNetwork", ports: ["3443"], description: "Management endpoint for the Azure portal and PowerShell" },
  { name: "allow-azure-load-balancer", priority: 110, direction: "Inbound", source: "AzureLoadBalancer", destination: "VirtualNetwork", ports: ["6390"], description: "Azure infrastructure load balancer" },
  { name: "allow-vnet-https", priority: 120, direction: "Inbound", source: "VirtualNetwork", destination: "VirtualNetwork", ports: ["443"], description: "Callers inside the private network" },
  { name: "allow-storage", priority: 100, direction: "Outbound", source: "VirtualNetwork", destination: "Storage", ports: ["443"], description: "Dependency on Azure Storage" },
  { name: "allow-sql", priority: 110, direction: "Outbound", source: "VirtualNetwork", destination: "Sql", ports: ["1433"], description: "Access to Azure SQL endpoints" },
  { name: "allow-key-vault", priority: 120, direction: "Outbound", source: "VirtualNetwork", destination: "AzureKeyVault", ports: ["443"], description: "Access to Azure Key Vault" },
  { name: "allow-azure-monitor", priority: 130, direction: "Outbound", source: "VirtualNetwork", destination: "AzureMonitor", ports: ["1886", "443"], description: "Diagnostics logs, metrics and Application Insights" },
  { name: "allow-entra-id", priority: 140, direction: "Outbound", source: "VirtualNetwork", destination: "AzureActiveDirectory", ports: ["443"], description: "Entra ID token validation and managed identity" },
  // Required ("bold") in Microsoft's table; without it only the default AllowInternetOutBound
  // rule lets certificate validation (CRL/OCSP over HTTP) through, and a later deny-all breaks it.
  { name: "allow-certificate-validation", priority: 150, direction: "Outbound", source: "VirtualNetwork", destination: "Internet", ports: ["80"], description: "Validation and management of Microsoft-managed and customer-managed certificates" },
]);

/**
 * The delegation of a v2 tier's outbound integration subnet: Microsoft's "Integrate an Azure API
 * Management instance with a private virtual network for outbound connections" (ms.date
 * 03/20/2025) requires `Microsoft.Web/serverFarms`. The action is the one Azure sets for that
 * delegation (azurerm v4.55.0 `website/docs/r/api_management_standalone_gateway.html.markdown:36-39`);
 * `actions` is not computed in azurerm's subnet schema, so leaving it out would show drift.
 */
export const GATEWAY_INTEGRATION_DELEGATION = Object.freeze({
  service: "Microsoft.Web/serverFarms",
  actions: Object.freeze(["Microsoft.Network/virtualNetworks/subnets/action"]),
});

/**
 * How the gateway uses its subnet: `internal` (Developer/Premium injected in internal mode, with
 * {@link GATEWAY_NSG_RULES}) or `outboundIntegration` (StandardV2/PremiumV2 calling the backends
 * through the VNet; the subnet is delegated to `Microsoft.Web/serverFarms` and its NSG needs no
 * rules of its own, per Microsoft's outbound integration page).
 */
export type GatewaySubnetMode = "internal" | "outboundIntegration";

/** Props of {@link GatewayNetwork}. */
export interface GatewayNetworkProps {
  /**
   * How the gateway uses the subnet.
   * @default "internal"
   */
  readonly mode?: GatewaySubnetMode;
  /** Resource group of the subnet, NSG and DNS zone. */
  readonly resourceGroupName: string;
  /** Azure location of the NSG. */
  readonly location: string;
  /** Name of the VNet the gateway's subnet is created in. */
  readonly virtualNetworkName: string;
  /** Resource group of that VNet. */
  readonly virtualNetworkResourceGroupName: string;
  /** Address range of the gateway's subnet. */
  readonly subnetPrefix: string;
  /** Subnet name. */
  readonly subnetName: string;
  /** NSG name. */
  readonly nsgName: string;
}

/**
 * The gateway's subnet with its NSG (created in a VNet the platform made): in internal mode
 * with API Management's rules; for outbound integration delegated, with an NSG of Azure's
 * default rules only (Microsoft: "A network security group must be associated with the subnet.
 * No specific rules are required.").
 */
export class GatewayNetwork extends Construct {
  /** The subnet. */
  public readonly subnet: Subnet;
  /** The NSG. */
  public readonly nsg: NetworkSecurityGroup;
  /** The subnet-NSG association (the service must be created after it). */
  public readonly association: SubnetNetworkSecurityGroupAssociation;
  /** Resource ID of the subnet. */
  public readonly subnetId: string;

  constructor(scope: Construct, id: string, props: GatewayNetworkProps) {
    super(scope, id);
    const integration = props.mode === "outboundIntegration";
    this.subnet = new Subnet(this, "subnet", {
      name: props.subnetName,
      resourceGroupName: props.virtualNetworkResourceGroupName,
      virtualNetworkName: props.virtualNetworkName,
      addressPrefixes: [props.subnetPrefix],
      delegation: integration
        ? [{ name: "apim-outbound", serviceDelegation: { name: GATEWAY_INTEGRATION_DELEGATION.service, actions: [...GATEWAY_INTEGRATION_DELEGATION.actions] } }]
        : undefined,
    });
    this.nsg = new NetworkSecurityGroup(this, "nsg", {
      name: props.nsgName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    for (const rule of integration ? [] : GATEWAY_NSG_RULES) {
      new NetworkSecurityRule(this, `rule-${rule.name}`, {
        name: rule.name,
        resourceGroupName: props.resourceGroupName,
        networkSecurityGroupName: this.nsg.name,
        priority: rule.priority,
        direction: rule.direction,
        access: "Allow",
        protocol: "Tcp",
        sourcePortRange: "*",
        destinationPortRanges: [...rule.ports],
        sourceAddressPrefix: rule.source,
        destinationAddressPrefix: rule.destination,
        description: rule.description,
      });
    }
    this.association = new SubnetNetworkSecurityGroupAssociation(this, "nsg-association", {
      subnetId: this.subnet.id,
      networkSecurityGroupId: this.nsg.id,
    });
    this.subnetId = this.subnet.id;
  }
}

/** The parent domain of API Management's default host names. */
export const APIM_DEFAULT_DOMAIN = "azure-api.net";

/**
 * The private DNS zone of one gateway: `<apim-name>.azure-api.net`. A zone for the whole
 * `azure-api.net` domain would answer NXDOMAIN, in every linked VNet, for every other API
 * Management instance's name (a fallback to public DNS exists only for privatelink zones).
 */
export function gatewayPrivateDnsZoneName(apiManagementName: string): string {
  return `${apiManagementName}.${APIM_DEFAULT_DOMAIN}`;
}

/** Props of {@link GatewayPrivateDns}. */
export interface GatewayPrivateDnsProps {
  /** Resource group of the zone. */
  readonly resourceGroupName: string;
  /** Name of the API Management service: the zone is `<name>.azure-api.net`. */
  readonly apiManagementName: string;
  /** The gateway's private IP addresses. */
  readonly privateIpAddresses: string[];
  /** VNets to link, by stable key. */
  readonly virtualNetworkIds: Readonly<Record<string, string>>;
}

/**
 * The gateway host's own private zone, `<name>.azure-api.net`, with an apex (`@`) A record of
 * the gateway's private address, linked to the environment's VNets: in internal mode API
 * Management's names are not in public DNS. Only the gateway host resolves: callers use the
 * gateway only; the developer portal, direct management and Git (scm) endpoints are not used
 * (no subscriptions; configuration goes through Resource Manager) and get no zone.
 */
export class GatewayPrivateDns extends Construct {
  /** The zone. */
  public readonly zone: PrivateDnsZone;
  /** The gateway's record (the zone apex). */
  public readonly record: PrivateDnsARecord;

  constructor(scope: Construct, id: string, props: GatewayPrivateDnsProps) {
    super(scope, id);
    // New construct IDs (0.2 had one `azure-api.net` zone as `zone`, `gateway`, `link-<key>`):
    // the new zone is created beside the old one, which Terraform then removes, so the gateway
    // name keeps resolving during the apply (the more specific zone answers first).
    this.zone = new PrivateDnsZone(this, "host-zone", { name: gatewayPrivateDnsZoneName(props.apiManagementName), resourceGroupName: props.resourceGroupName });
    this.record = new PrivateDnsARecord(this, "host-record", {
      name: "@",
      zoneName: this.zone.name,
      resourceGroupName: props.resourceGroupName,
      ttl: 300,
      records: props.privateIpAddresses,
    });
    for (const [key, vnetId] of Object.entries(props.virtualNetworkIds)) {
      new PrivateDnsZoneVirtualNetworkLink(this, `host-link-${key}`, {
        name: `apim-${key}`,
        resourceGroupName: props.resourceGroupName,
        privateDnsZoneName: this.zone.name,
        virtualNetworkId: vnetId,
        registrationEnabled: false,
      });
    }
  }
}
