import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant } from "../rule";
import { blocks } from "../values";

/** The account has a private endpoint in this stack, so clients reach it over the private network. */
export const CognitivePrivateEndpoint = defineRule({
  id: "CognitivePrivateEndpoint",
  description: "An azurerm_private_endpoint connects to the account (private_service_connection.private_connection_resource_id is the account's id).",
  fix: "Add an OpenAiPrivateEndpoint for the account in the same stack, with privateDnsZoneIds (or dnsManagedByPolicy); OpenAiPlatform adds one per region.",
  resourceTypes: [CognitiveAccount.tfResourceType],
  evaluate(resource, context) {
    const endpoints = context.referencing(PrivateEndpoint.tfResourceType, context.reference(resource), (a) =>
      blocks(a.private_service_connection).map((c) => c.private_connection_resource_id),
    );
    if (endpoints.length === 0) return nonCompliant("no azurerm_private_endpoint in this stack connects to the account");
    return compliant(`private endpoint ${endpoints.map((e) => e.node.path).join(", ")}`);
  },
});
/** A constructed {@link CognitivePrivateEndpoint} rule. */
export type CognitivePrivateEndpoint = InstanceType<typeof CognitivePrivateEndpoint>;
