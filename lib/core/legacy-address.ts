import { TerraformResource, TerraformStack } from "cdktf";
import { makeUniqueId } from "cdktf/lib/private/unique";

/**
 * Declares that `resource` was at the address a construct path under the stack used to give it
 * (`["locks", "openai-swedencentral"]`), so Terraform moves the state instead of replacing the
 * resource (a `moved` block). cdktf derives an address from the path with `makeUniqueId`, the
 * function used here, so the old address is computed, never copied by hand. A moved block whose
 * old address is not in the state does nothing.
 */
export function moveFromLegacyPath(resource: TerraformResource, legacyPath: readonly string[]): void {
  const stack = TerraformStack.of(resource);
  const old = `${resource.terraformResourceType}.${makeUniqueId([...legacyPath])}`;
  const current = `${resource.terraformResourceType}.${stack.getLogicalId(resource)}`;
  if (old !== current) resource.moveFromId(old);
}
