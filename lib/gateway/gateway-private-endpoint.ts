import { PrivateDnsZone } from "@cdktf/provider-azurerm/lib/private-dns-zone";
import { PrivateDnsZoneVirtualNetworkLink } from "@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link";
import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { AzapiUpdateResource } from "../core/azapi";

/** The private-link subresource of API Management: only the gateway takes inbound private endpoints. */
export const APIM_PRIVATE_LINK_SUBRESOURCE = "Gateway";

/** The private DNS zone of API Management's private endpoints (Microsoft's "Azure Private Endpoint private DNS zone values"). */
export const APIM_PRIVATE_LINK_ZONE = "privatelink.azure-api.net";

/**
 * Type and API version the public-access switch is written with: the version azurerm 4.55
 * itself uses for the service (`apimanagement/2024-05-01/apimanagementservice`), whose schema
 * has `properties.publicNetworkAccess` (azapi v2.12.0's embedded types), so schema validation stays on.
 */
export const APIM_SERVICE_TYPE = "Microsoft.ApiManagement/service@2024-05-01";

/** Props of {@link GatewayInboundEndpoint}. */
export interface GatewayInboundEndpointProps {
  /** Resource group of the endpoint (and of the zone, when one is created). */
  readonly resourceGroupName: string;
  /** Azure location of the endpoint (the subnet's). */
  readonly location: string;
  /** Name of the API Management service: the endpoint is `<name>-pe`. */
  readonly serviceName: string;
  /** Resource ID of the API Management service. */
  readonly serviceId: string;
  /** Subnet of the endpoint. */
  readonly subnetId: string;
  /** An existing `privatelink.azure-api.net` zone to register in. @default - see `virtualNetworkIds` */
  readonly privateDnsZoneId?: string;
  /**
   * VNets to link to a `privatelink.azure-api.net` zone created here, by stable key; used only
   * without `privateDnsZoneId`.
   * @default - no zone created: without `privateDnsZoneId` either, the endpoint has no zone group
   */
  readonly virtualNetworkIds?: Readonly<Record<string, string>>;
  /**
   * Turn the service's public network access off once the endpoint exists.
   * @default true
   */
  readonly disablePublicNetworkAccess?: boolean;
  /**
   * Resources the switch waits for besides the endpoint (the service's APIs, policies and
   * backends), so the service update does not run while they are written.
   * @default - the endpoint only
   */
  readonly settleAfter?: readonly TerraformResource[];
}

/**
 * The inbound private endpoint of a StandardV2/PremiumV2 gateway and the step that makes it the
 * only way in. Azure refuses `publicNetworkAccess = Disabled` when the service is created and
 * allows it once an approved private endpoint exists (Microsoft's "Connect privately to API
 * Management by using an inbound private endpoint"), so the service is created with public
 * access on and, in the same apply, after the endpoint (auto-approved: same-tenant caller with
 * the rights on the service), an `azapi_update_resource` sets it to `Disabled`. That resource
 * reads the property back on every plan, so a later re-enable shows as drift and the next
 * apply turns it off again. See docs/evidence/gateway-v2.md.
 */
export class GatewayInboundEndpoint extends Construct {
  /** The `azurerm_private_endpoint`. */
  public readonly endpoint: PrivateEndpoint;
  /** The `privatelink.azure-api.net` zone, when created here. */
  public readonly zone?: PrivateDnsZone;
  /** The update that turns public network access off, when asked for. */
  public readonly publicAccessOff?: AzapiUpdateResource;

  constructor(scope: Construct, id: string, props: GatewayInboundEndpointProps) {
    super(scope, id);
    const links = Object.entries(props.virtualNetworkIds ?? {});
    if (props.privateDnsZoneId === undefined && links.length > 0) {
      this.zone = new PrivateDnsZone(this, "zone", { name: APIM_PRIVATE_LINK_ZONE, resourceGroupName: props.resourceGroupName });
      for (const [key, vnetId] of links) {
        new PrivateDnsZoneVirtualNetworkLink(this, `link-${key}`, {
          name: `apim-pl-${key}`,
          resourceGroupName: props.resourceGroupName,
          privateDnsZoneName: this.zone.name,
          virtualNetworkId: vnetId,
          registrationEnabled: false,
        });
      }
    }
    const zoneId = props.privateDnsZoneId ?? this.zone?.id;
    const name = `${props.serviceName}-pe`;
    this.endpoint = new PrivateEndpoint(this, "endpoint", {
      name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.subnetId,
      privateServiceConnection: {
        name: `${name}-connection`,
        privateConnectionResourceId: props.serviceId,
        subresourceNames: [APIM_PRIVATE_LINK_SUBRESOURCE],
        isManualConnection: false,
      },
      privateDnsZoneGroup: zoneId ? { name: "default", privateDnsZoneIds: [zoneId] } : undefined,
    });
    if (props.disablePublicNetworkAccess !== false) {
      this.publicAccessOff = new AzapiUpdateResource(this, "public-access-off", {
        type: APIM_SERVICE_TYPE,
        resourceId: props.serviceId,
        body: { properties: { publicNetworkAccess: "Disabled" } },
        dependsOn: [this.endpoint, ...(props.settleAfter ?? [])],
      });
    }
  }
}
