import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { App, TerraformStack } from "cdktf";
import { makeUniqueId } from "cdktf/lib/private/unique";
import { moveFromLegacyPath, NO_LEGACY_MOVES_CONTEXT_KEY } from "../../lib";
import { synthJson, TEST_CONTEXT } from "../helpers/synth";

function stackWith(context: Record<string, unknown>) {
  const stack = new TerraformStack(new App({ context: { ...TEST_CONTEXT, ...context } }), "s");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  const group = new ResourceGroup(stack, "new-place", { name: "rg", location: "swedencentral" });
  moveFromLegacyPath(group, ["old", "place"]);
  return synthJson(stack) as { moved?: { from: string; to: string }[] };
}

test("a moved block from the address the old construct path gave, to the resource's address", () => {
  expect(stackWith({}).moved).toEqual([{ from: `azurerm_resource_group.${makeUniqueId(["old", "place"])}`, to: "azurerm_resource_group.new-place" }]);
});

test("no moved block in a project that says it has no state from before 0.2", () => {
  expect(stackWith({ [NO_LEGACY_MOVES_CONTEXT_KEY]: true }).moved).toBeUndefined();
});
