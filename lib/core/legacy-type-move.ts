import { TerraformResource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { makeUniqueId } from "cdktf/lib/private/unique";
import { NO_LEGACY_MOVES_CONTEXT_KEY } from "./legacy-address";

/**
 * Whether `moved` blocks for state from releases before 0.2 are written in this app. Reads the
 * same context key as {@link moveFromLegacyPath} (./legacy-address.ts), so both kinds of move
 * are on or off together.
 */
export function legacyMovesEnabled(scope: IConstruct): boolean {
  const skip = scope.node.tryGetContext(NO_LEGACY_MOVES_CONTEXT_KEY);
  return !(skip === true || skip === "true");
}

/**
 * Declares that `resource` was a resource of another type, `legacyType`, at the address a
 * construct path gave it (by default the resource's own path: same logical ID, other type), so
 * Terraform moves the state across types (a `moved` block; Terraform >= 1.8 and a provider that
 * implements the move, as azapi 2.x does from several azurerm types). A moved block whose old
 * address is not in the state does nothing. Skipped unless {@link legacyMovesEnabled}.
 */
export function moveFromLegacyType(resource: TerraformResource, legacyType: string, legacyPath?: readonly string[]): void {
  if (!legacyMovesEnabled(resource)) return;
  const stack = TerraformStack.of(resource);
  const oldId = legacyPath ? makeUniqueId([...legacyPath]) : stack.getLogicalId(resource);
  resource.moveFromId(`${legacyType}.${oldId}`);
}
