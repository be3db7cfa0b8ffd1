import { TerraformOutput } from "cdktf";
import { RegionNetwork, RegionNetworkProps } from "../../lib/network";
import { constructProblems, failed } from "../helpers/problems";
import { onlyResource, resources, synthJson, testStack } from "../helpers/synth";
import { subnetId, vnetId } from "./fixtures";

function network(props: Partial<RegionNetworkProps>) {
  const stack = testStack();
  const construct = new RegionNetwork(stack, "net", { location: "swedencentral", ...props } as RegionNetworkProps);
  return { stack, construct };
}

const create: Partial<RegionNetworkProps> = {
  addressSpace: "10.20.0.0/24",
  resourceGroupName: "rg-net",
  virtualNetworkName: "aoai-test-sdc-vnet",
  subnetName: "aoai-test-sdc-pe-snet",
};

describe("RegionNetwork creating a VNet", () => {
  const { stack, construct } = network(create);
  const json = synthJson(stack);
  const vnet = onlyResource(json, "azurerm_virtual_network");
  const subnet = onlyResource(json, "azurerm_subnet");

  test("creates the VNet from the address space", () => {
    expect(vnet).toMatchObject({ name: "aoai-test-sdc-vnet", resource_group_name: "rg-net", location: "swedencentral", address_space: ["10.20.0.0/24"] });
    expect(vnet.subnet).toBeUndefined(); // inline subnets would fight the azurerm_subnet resource
  });

  test("the private-endpoint subnet is the first /27 of the range", () => {
    expect(subnet.address_prefixes).toEqual(["10.20.0.0/27"]);
    expect(construct.privateEndpointSubnetRange).toBe("10.20.0.0/27");
    expect(subnet.name).toBe("aoai-test-sdc-pe-snet");
    expect(subnet.virtual_network_name).toBe(`\${azurerm_virtual_network.${Object.keys(resources(json, "azurerm_virtual_network"))[0]}.name}`);
  });

  test("the subnet applies NSGs/UDRs to endpoints and has no default outbound access", () => {
    expect(subnet.private_endpoint_network_policies).toBe("Enabled");
    expect(subnet.default_outbound_access_enabled).toBe(false);
  });

  test("exposes the subnet and VNet IDs", () => {
    const fresh = network(create);
    new TerraformOutput(fresh.stack, "subnet", { value: fresh.construct.subnetId });
    new TerraformOutput(fresh.stack, "vnet", { value: fresh.construct.virtualNetworkId });
    const out = synthJson(fresh.stack);
    expect(out.output?.subnet.value).toBe(`\${azurerm_subnet.${Object.keys(resources(out, "azurerm_subnet"))[0]}.id}`);
    expect(out.output?.vnet.value).toBe(`\${azurerm_virtual_network.${Object.keys(resources(out, "azurerm_virtual_network"))[0]}.id}`);
  });

  test("has no validation problems", () => {
    expect(constructProblems(stack)).toEqual([]);
  });
});

describe("RegionNetwork subnet size", () => {
  test.each([
    ["172.16.4.0/22", 24, "172.16.4.0/24"],
    ["192.168.10.0/24", 28, "192.168.10.0/28"],
    ["10.1.0.0/16", 27, "10.1.0.0/27"],
    ["10.1.0.0/29", 29, "10.1.0.0/29"],
  ])("%s with prefix /%d gives %s", (addressSpace, prefix, expected) => {
    const { stack } = network({ ...create, addressSpace, privateEndpointSubnetPrefix: prefix });
    expect(onlyResource(synthJson(stack), "azurerm_subnet").address_prefixes).toEqual([expected]);
    expect(constructProblems(stack)).toEqual([]);
  });
});

describe("RegionNetwork bringing a subnet", () => {
  test("creates nothing and derives the VNet ID from the subnet ID", () => {
    const { stack, construct } = network({ subnetId: subnetId("vnet-spoke", "snet-pe") });
    const json = synthJson(stack);
    expect(resources(json, "azurerm_virtual_network")).toEqual({});
    expect(resources(json, "azurerm_subnet")).toEqual({});
    expect(construct.subnetId).toBe(subnetId("vnet-spoke", "snet-pe"));
    expect(construct.virtualNetworkId).toBe(vnetId("vnet-spoke"));
    expect(constructProblems(stack)).toEqual([]);
  });

  test("derives the VNet ID of a subnet reference with Terraform functions", () => {
    const { stack } = network(create);
    const created = new RegionNetwork(stack, "spoke", { location: "swedencentral", subnetId: (stack.node.findChild("net") as RegionNetwork).subnetId });
    new TerraformOutput(stack, "vnet", { value: created.virtualNetworkId });
    const value: string = synthJson(stack).output?.vnet.value;
    expect(value).toMatch(/^\$\{join\("\/", slice\(split\("\/", azurerm_subnet\.[\w-]+\.id\), 0, 9\)\)\}$/);
  });
});

describe("RegionNetwork validation", () => {
  const problems = (props: Partial<RegionNetworkProps>) => constructProblems(network(props).stack);

  test("rejects neither subnetId nor addressSpace", () => {
    expect(problems({})).toEqual([failed("subnetId", { path: "test/net", value: undefined, rule: /addressSpace/ })]);
  });

  test("rejects both subnetId and addressSpace", () => {
    expect(problems({ ...create, subnetId: subnetId() })).toEqual([failed("addressSpace", { value: "10.20.0.0/24", rule: /not both/ })]);
  });

  test("rejects creation props with a brought subnet", () => {
    expect(problems({ subnetId: subnetId(), virtualNetworkName: "vnet-x" })).toEqual([failed("virtualNetworkName", { value: "vnet-x", rule: /only with addressSpace/ })]);
  });

  test("rejects a subnet ID that is not one", () => {
    expect(problems({ subnetId: vnetId() })).toContainEqual(failed("subnetId", { value: vnetId(), rule: /subnet resource ID/ }));
  });

  test.each(["10.20.0.0", "10.20.0/24", "10.20.0.0/33", "10.20.0.0/024", "fd00::/64", "10.20.0.0 /24"])("rejects %j, not an IPv4 CIDR", (cidr) => {
    expect(problems({ ...create, addressSpace: cidr })).toEqual([failed("addressSpace", { value: cidr, rule: /IPv4 CIDR/ })]);
  });

  test("rejects a CIDR with host bits set", () => {
    expect(problems({ ...create, addressSpace: "10.20.0.5/24" })).toContainEqual(failed("addressSpace", { value: "10.20.0.5/24", rule: /network address/ }));
  });

  test.each(["20.20.0.0/24", "100.64.0.0/24", "172.32.0.0/24", "192.169.0.0/24"])("rejects %j outside the RFC 1918 ranges", (cidr) => {
    expect(problems({ ...create, addressSpace: cidr })).toEqual([failed("addressSpace", { value: cidr, rule: /RFC 1918/ })]);
  });

  test.each(["10.0.0.0/8", "10.0.0.0/15", "10.0.0.0/30"])("rejects %j outside the prefix bounds", (cidr) => {
    expect(problems({ ...create, addressSpace: cidr, privateEndpointSubnetPrefix: 29 })).toEqual([failed("addressSpace", { value: cidr, rule: /\/16 to \/29/ })]);
  });

  test.each([21, 30, 27.5])("rejects subnet prefix %d outside /22-/29", (prefix) => {
    expect(problems({ ...create, addressSpace: "10.20.0.0/16", privateEndpointSubnetPrefix: prefix })).toEqual([failed("privateEndpointSubnetPrefix", { value: prefix, rule: /22 to 29/ })]);
  });

  test("rejects a subnet prefix larger than the VNet", () => {
    expect(problems({ ...create, addressSpace: "10.20.0.0/28", privateEndpointSubnetPrefix: 27 })).toEqual([failed("privateEndpointSubnetPrefix", { path: "test/net", value: 27, rule: /fits in addressSpace/ })]);
  });

  test("rejects missing names when creating", () => {
    expect(problems({ addressSpace: "10.20.0.0/24" })).toEqual(["resourceGroupName", "virtualNetworkName", "subnetName"].map((prop) => failed(prop, { value: undefined })));
  });

  test("rejects names that break Azure's rules", () => {
    const found = problems({ ...create, virtualNetworkName: "v", subnetName: "snet-", resourceGroupName: "rg." });
    expect(found).toEqual(
      expect.arrayContaining([failed("virtualNetworkName", { value: "v" }), failed("subnetName", { value: "snet-" }), failed("resourceGroupName", { value: "rg." })]),
    );
  });

  test("rejects a location that is not a location name", () => {
    expect(problems({ ...create, location: "Sweden Central" })).toEqual([failed("location", { value: "Sweden Central" })]);
  });
});

describe("RegionNetwork lock", () => {
  test("locks the created VNet: prevent_destroy and a CanNotDelete lock on its ID", () => {
    const { stack, construct } = network({ ...create, lock: { reason: "hub-connected network of the prod region" } });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_virtual_network").lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, "azurerm_management_lock")).toMatchObject({
      scope: `\${azurerm_virtual_network.${construct.virtualNetwork!.friendlyUniqueId}.id}`,
      lock_level: "CanNotDelete",
    });
    expect(construct.node.defaultChild).toBe(construct.virtualNetwork);
  });

  test("a lock with a brought subnet has nothing to lock and fails", () => {
    const { stack, construct } = network({ subnetId: subnetId(), lock: { reason: "hub-connected network of the prod region" } });
    expect(constructProblems(stack)).toEqual([failed("lock", { path: "test/net", rule: /only with addressSpace/ })]);
    expect(construct.node.tryFindChild("lock")).toBeUndefined();
  });

  test("carries no tags of its own (GovernanceTags tags it)", () => {
    const { stack } = network(create);
    expect(onlyResource(synthJson(stack), "azurerm_virtual_network").tags).toBeUndefined();
  });
});
