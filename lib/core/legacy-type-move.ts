import { TerraformResource, TerraformStack } from "cdktf";
import { makeUniqueId } from "cdktf/lib/private/unique";
import { moveFromLegacyAddress } from "./legacy-address";

/**
 * Declares that `resource` was a resource of another type, `legacyType`, at the address a
 * construct path gave it (by default the resource's own path: same logical ID, other type), so
 * Terraform moves the state across types (a `moved` block; Terraform >= 1.8 and a provider that
 * implements the move, as azapi 2.x does from several azurerm types). A moved block whose old
 * address is not in the state does nothing. Written only with the legacy-moves opt-in
 * (`LEGACY_MOVES_CONTEXT_KEY`), like every other legacy move.
 */
export function moveFromLegacyType(resource: TerraformResource, legacyType: string, legacyPath?: readonly string[]): void {
  const oldId = legacyPath ? makeUniqueId([...legacyPath]) : TerraformStack.of(resource).getLogicalId(resource);
  moveFromLegacyAddress(resource, `${legacyType}.${oldId}`);
}
