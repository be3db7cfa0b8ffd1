import { PropChecks } from "../core/validation";
import { checkPrivateDnsZoneId, checkSubnetId } from "../network/private/resource-ids";
import type { OpenAiGatewayProps } from "./gateway-props";
import { GATEWAY_SKUS, isV2Sku } from "./gateway-sku";

/**
 * The tier's own rules: the inbound private endpoint a v2 tier needs to be private (refused on
 * Developer/Premium, which stay in internal mode). The capacity range per tier is a gateway rule
 * (gateway-rules.ts); a missing `network` is reported by the general checks for every tier.
 */
export function checkGatewayTier(c: PropChecks, props: OpenAiGatewayProps, publicGateway: boolean): void {
  const sku = props.sku ?? "Premium";
  if (!GATEWAY_SKUS.includes(sku)) return; // reported by the general checks
  const v2 = isV2Sku(sku);
  const endpoint = props.inboundPrivateEndpoint;
  if (!v2 && endpoint !== undefined) {
    c.fail("inboundPrivateEndpoint", endpoint, `allowed: only with sku StandardV2 or PremiumV2 (sku ${sku} is private through network, in internal mode)`);
  }
  if (v2 && endpoint === undefined && !publicGateway) {
    c.fail("inboundPrivateEndpoint", undefined, `allowed: the subnet of the gateway's inbound private endpoint (sku ${sku} has no internal mode), or securityExceptions.publicNetworkAccess: { reason }`);
  }
  if (endpoint !== undefined) {
    c.required("inboundPrivateEndpoint.subnetId", endpoint.subnetId, "the resource ID of the endpoint's subnet");
    checkSubnetId(c, "inboundPrivateEndpoint.subnetId", endpoint.subnetId);
    // The integration subnet is delegated to Microsoft.Web/serverFarms; an endpoint's subnet may not be delegated.
    const integration = props.network && "subnetId" in props.network ? props.network.subnetId : undefined;
    if (typeof endpoint.subnetId === "string" && integration?.toLowerCase() === endpoint.subnetId.toLowerCase()) {
      c.fail("inboundPrivateEndpoint.subnetId", endpoint.subnetId, "allowed: a subnet other than network.subnetId (the integration subnet is delegated to Microsoft.Web/serverFarms; an endpoint's subnet cannot be delegated)");
    }
    // Prefix, not the full name: sovereign clouds have their own suffix.
    checkPrivateDnsZoneId(c, "inboundPrivateEndpoint.privateDnsZoneId", endpoint.privateDnsZoneId, "privatelink.azure-api.");
  }
}
