import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { WEAKENING_KEYS } from "../../../core/weakening-keys";
import { defineRule } from "../define-rule";
import { azapiUpdatesSetting } from "../private/azapi-updates";
import { compliant, nonCompliant } from "../rule";
import { blocks, booleanProblem, describeValue, firstBlock, strings } from "../values";
import { API_MANAGEMENT_TYPE } from "../private/api-gateway-service";

/** The `security` settings that must be off: SSL 3.0, TLS 1.0 and TLS 1.1, towards clients and backends. */
const LEGACY_PROTOCOLS = [
  "frontend_ssl30_enabled",
  "frontend_tls10_enabled",
  "frontend_tls11_enabled",
  "backend_ssl30_enabled",
  "backend_tls10_enabled",
  "backend_tls11_enabled",
] as const;

/**
 * The API Management service (the AI gateway) is reachable only from the private network and
 * only over TLS 1.2 or later. Private means `virtual_network_type = "Internal"` with a subnet, or
 * an `azurerm_private_endpoint` of this stack to the service (subresource `Gateway`) with
 * `public_network_access_enabled = false`, or an `azapi_update_resource` of the service setting
 * `publicNetworkAccess` to `Disabled` (StandardV2/PremiumV2: Azure refuses `false` at creation);
 * `External` and `None` without an endpoint have a public gateway endpoint.
 * The `security` block must turn SSL 3.0, TLS 1.0 and TLS 1.1 off explicitly, front and back.
 *
 * The `gatewayPublicNetwork` weakening (`OpenAiGateway` `securityExceptions.publicNetworkAccess`)
 * acknowledges a break: the finding is reported as suppressed with the reason. It then covers
 * the whole finding, so the detail still names any TLS setting found on, for the auditor.
 */
export const ApiGatewayPrivateOnly = defineRule({
  id: "ApiGatewayPrivateOnly",
  description:
    "azurerm_api_management sets virtual_network_type Internal with a subnet (or has a private endpoint and public network access off) and its security block sets SSL 3.0, TLS 1.0 and TLS 1.1 off, frontend and backend.",
  fix: "Leave OpenAiGateway's securityExceptions.publicNetworkAccess unset and give it network (the internal VNet subnet; on StandardV2/PremiumV2 the integration subnet and inboundPrivateEndpoint); it turns SSL 3.0, TLS 1.0 and TLS 1.1 off, front and back.",
  resourceTypes: [API_MANAGEMENT_TYPE],
  acknowledgedBy: [WEAKENING_KEYS.gatewayPublicNetwork],
  evaluate(resource, context) {
    const attributes = context.attributes(resource);
    const problems: string[] = [];
    let network: string;
    const type = attributes.virtual_network_type;
    const subnet = firstBlock(attributes.virtual_network_configuration)?.subnet_id;
    const endpoints = context.referencing(PrivateEndpoint.tfResourceType, context.reference(resource), (a) =>
      blocks(a.private_service_connection).map((c) => c.private_connection_resource_id),
    );
    if (type === "Internal") {
      if (typeof subnet !== "string") problems.push("virtual_network_type is \"Internal\" without virtual_network_configuration.subnet_id");
      network = `virtual_network_type "Internal" in subnet ${String(subnet)}`;
    } else if (endpoints.length > 0) {
      network = `private endpoint ${endpoints.map((e) => e.node.path).join(", ")}`;
      const gatewayEndpoints = endpoints.filter((e) =>
        blocks(context.attributes(e).private_service_connection).some((c) => strings(c.subresource_names).some((s) => s.toLowerCase() === "gateway")),
      );
      if (gatewayEndpoints.length === 0) problems.push("the private endpoint of the service does not name subresource \"Gateway\"");
      // Azure refuses public access off at creation without an approved endpoint: the library
      // creates the service with it on and turns it off through Resource Manager once the
      // endpoint exists (an azapi update whose body sets publicNetworkAccess Disabled).
      const switchedOff = azapiUpdatesSetting(context, resource, (body) => body?.properties?.publicNetworkAccess === "Disabled");
      const publicAccess = booleanProblem(attributes, "public_network_access_enabled", false);
      if (switchedOff.length > 0) network += `; public network access turned off by ${switchedOff.map((u) => u.node.path).join(", ")}`;
      else if (publicAccess) problems.push(`${publicAccess}: with a private endpoint the public endpoint must be off`);
    } else {
      network = "";
      problems.push(`virtual_network_type is ${describeValue(type)} (required: "Internal", or a private endpoint with public_network_access_enabled false)`);
    }
    const security = firstBlock(attributes.security) ?? {};
    for (const setting of LEGACY_PROTOCOLS) {
      const problem = booleanProblem(security, setting, false);
      if (problem) problems.push(`security.${problem}`);
    }
    if (problems.length > 0) return nonCompliant(problems.join("; "));
    return compliant(`${network}; SSL 3.0, TLS 1.0 and 1.1 off`);
  },
});
/** A constructed {@link ApiGatewayPrivateOnly} rule. */
export type ApiGatewayPrivateOnly = InstanceType<typeof ApiGatewayPrivateOnly>;
