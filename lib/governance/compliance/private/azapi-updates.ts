// Not part of the public API.
import { TerraformResource } from "cdktf";
import { AzapiUpdateResource } from "../../../core/azapi";
import type { RuleContext } from "../context";

/**
 * The `azapi_update_resource`s of the stack that update `resource` (by its `id` reference) and
 * whose synthesized `body` passes `sets`: how the library writes properties azurerm 4.55 lacks
 * (stored completions off, a Managed HSM key, a v2 gateway's public access off).
 */
export function azapiUpdatesSetting(context: RuleContext, resource: TerraformResource, sets: (body: any) => boolean): TerraformResource[] {
  return context
    .referencing(AzapiUpdateResource.tfResourceType, context.reference(resource), (a) => a.resource_id)
    .filter((update) => sets(context.attributes(update).body));
}
