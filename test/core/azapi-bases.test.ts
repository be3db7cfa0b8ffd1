/** The azapi bases: one provider block per stack, the generator metadata, depends_on, and the data sources' address. */
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { AZAPI_PROVIDER_VERSION, AzapiDataSourceBase, AzapiResource, AzapiResourceBase, AzapiUpdateResource } from "../../lib/core/azapi";
import { DataAzapiResourceAction, DataAzapiResourceList } from "../../lib/core/azapi-data";
import { synthJson, testStack } from "../helpers/synth";

const RG_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";

function everyBinding() {
  const stack = testStack();
  const rg = new ResourceGroup(stack, "rg", { name: "rg", location: "swedencentral" });
  const resource = new AzapiResource(stack, "resource", { type: "Microsoft.Example/things@2024-01-01", name: "thing", parentId: RG_ID, dependsOn: [rg] });
  const update = new AzapiUpdateResource(stack, "update", { type: "Microsoft.Example/things@2024-01-01", resourceId: resource.id, body: { properties: { on: true } }, dependsOn: [resource] });
  const action = new DataAzapiResourceAction(stack, "action", { type: "Microsoft.Example/things@2024-01-01", resourceId: resource.id, action: "usages", method: "GET", dependsOn: [update] });
  const list = new DataAzapiResourceList(stack, "list", { type: "Microsoft.Example/things@2024-01-01", parentId: RG_ID, dependsOn: [rg] });
  return { stack, rg, resource, update, action, list };
}

test("every binding is an azapi element and the stack gets exactly one azapi provider, pinned to the library's version", () => {
  const { stack, resource, update, action, list } = everyBinding();
  expect([resource, update]).toEqual([expect.any(AzapiResourceBase), expect.any(AzapiResourceBase)]);
  expect([action, list]).toEqual([expect.any(AzapiDataSourceBase), expect.any(AzapiDataSourceBase)]);
  const json = synthJson(stack);
  expect(json.provider.azapi).toHaveLength(1);
  expect(json.terraform.required_providers.azapi).toEqual({ source: "azure/azapi", version: AZAPI_PROVIDER_VERSION });
});

test("dependsOn is written as depends_on by every binding, the action data source included", () => {
  const { stack, rg, resource, update } = everyBinding();
  const json = synthJson(stack);
  const rgAddress = `azurerm_resource_group.${rg.friendlyUniqueId}`;
  expect(json.resource!.azapi_resource[resource.friendlyUniqueId].depends_on).toEqual([rgAddress]);
  expect(json.resource!.azapi_update_resource[update.friendlyUniqueId].depends_on).toEqual([`azapi_resource.${resource.friendlyUniqueId}`]);
  expect(json.data!.azapi_resource_action.action.depends_on).toEqual([`azapi_update_resource.${update.friendlyUniqueId}`]);
  expect(json.data!.azapi_resource_list.list.depends_on).toEqual([rgAddress]);
});

test("a data source's address is data.<its type>.<its logical id>", () => {
  const { action, list } = everyBinding();
  expect(action.address).toBe(`data.azapi_resource_action.${action.friendlyUniqueId}`);
  expect(list.address).toBe(`data.azapi_resource_list.${list.friendlyUniqueId}`);
});
