import { TerraformResource, TerraformStack } from "cdktf";
import { makeUniqueId } from "cdktf/lib/private/unique";

/**
 * Context key (`cdktf.json` `context`, or `new App({ context })`): `true` in a project that never
 * synthesized with a release before 0.2, so there is no old state to carry over and no `moved`
 * block is written. cdktf checks `terraform version` (>= 1.5) at synth for every stack with a
 * `moved` block, so skipping them also spares that check and its process per stack.
 */
export const NO_LEGACY_MOVES_CONTEXT_KEY = "aoai:noLegacyMoves";

/**
 * Declares that `resource` was at the address a construct path under the stack used to give it
 * (`["locks", "openai-swedencentral"]`), so Terraform moves the state instead of replacing the
 * resource (a `moved` block). cdktf derives an address from the path with `makeUniqueId`, the
 * function used here, so the old address is computed, never copied by hand. A moved block whose
 * old address is not in the state does nothing. Skipped when {@link NO_LEGACY_MOVES_CONTEXT_KEY}
 * is `true`.
 */
export function moveFromLegacyPath(resource: TerraformResource, legacyPath: readonly string[]): void {
  const skip = resource.node.tryGetContext(NO_LEGACY_MOVES_CONTEXT_KEY);
  if (skip === true || skip === "true") return;
  const stack = TerraformStack.of(resource);
  const old = `${resource.terraformResourceType}.${makeUniqueId([...legacyPath])}`;
  const current = `${resource.terraformResourceType}.${stack.getLogicalId(resource)}`;
  if (old !== current) resource.moveFromId(old);
}
