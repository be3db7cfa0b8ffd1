import { PeeredVirtualNetwork, peerEveryPair, VnetPeering } from "../../lib/network";
import { resourceList, synthJson, testStack, validationErrors } from "../helpers/synth";
import { vnetId } from "./fixtures";
import { constructProblems, failed } from "../helpers/problems";

const net = (key: string): PeeredVirtualNetwork => ({ key, virtualNetworkName: `vnet-${key}`, resourceGroupName: "rg-net", virtualNetworkId: vnetId(`vnet-${key}`) });

describe("VnetPeering", () => {
  test("peers both ways, keyed by the sorted keys", () => {
    const stack = testStack();
    const peering = new VnetPeering(stack, "p", { networks: [net("swedencentral"), net("francecentral")] });
    expect(Object.keys(peering.peerings)).toEqual(["francecentral-to-swedencentral", "swedencentral-to-francecentral"]);
    const list = resourceList(synthJson(stack), "azurerm_virtual_network_peering");
    expect(list.map((p) => [p.name, p.remote_virtual_network_id])).toEqual([
      ["francecentral-to-swedencentral", vnetId("vnet-swedencentral")],
      ["swedencentral-to-francecentral", vnetId("vnet-francecentral")],
    ]);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("two networks of one key fail validation instead of construction", () => {
    const stack = testStack();
    expect(() => new VnetPeering(stack, "p", { networks: [net("swedencentral"), net("swedencentral")] })).not.toThrow();
    expect(constructProblems(stack)).toEqual([failed("networks[].key", { path: "test/p", value: ["swedencentral"], rule: /each network key once/ })]);
  });

  test("peerEveryPair peers each pair once", () => {
    const stack = testStack();
    const pairs = peerEveryPair(stack, [net("c"), net("a"), net("b")]);
    expect(pairs.map((p) => p.node.id)).toEqual(["peering-a-b", "peering-a-c", "peering-b-c"]);
  });
});
