import { TerraformOutput } from "cdktf";
import { RegionNetwork, RegionNetworkProps } from "../../lib/network";
import { onlyResource, resources, synthJson, testStack, validationErrors } from "../helpers/synth";
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
    expect(validationErrors(stack)).toEqual([]);
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
    expect(validationErrors(stack)).toEqual([]);
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
    expect(validationErrors(stack)).toEqual([]);
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
  const problems = (props: Partial<RegionNetworkProps>) => validationErrors(network(props).stack);

  test("rejects neither subnetId nor addressSpace", () => {
    expect(problems({})).toEqual([expect.stringMatching(/subnetId: \(missing\) is not allowed; allowed: either subnetId .* or addressSpace/)]);
  });

  test("rejects both subnetId and addressSpace", () => {
    expect(problems({ ...create, subnetId: subnetId() })).toEqual([
      expect.stringMatching(/addressSpace: "10\.20\.0\.0\/24" is not allowed; allowed: either subnetId .* or addressSpace .*, not both/),
    ]);
  });

  test("rejects creation props with a brought subnet", () => {
    expect(problems({ subnetId: subnetId(), virtualNetworkName: "vnet-x" })).toEqual([
      expect.stringMatching(/virtualNetworkName: "vnet-x" is not allowed; allowed: only with addressSpace/),
    ]);
  });

  test("rejects a subnet ID that is not one", () => {
    expect(problems({ subnetId: vnetId() }).join("\n")).toMatch(/subnetId: ".*" is not allowed; allowed: a subnet resource ID/);
  });

  test.each(["10.20.0.0", "10.20.0/24", "10.20.0.0/33", "10.20.0.0/024", "fd00::/64", "10.20.0.0 /24"])("rejects %j, not an IPv4 CIDR", (cidr) => {
    expect(problems({ ...create, addressSpace: cidr })).toEqual([
      expect.stringMatching(/addressSpace: ".*" is not allowed; allowed: an IPv4 CIDR block written from its network address/),
    ]);
  });

  test("rejects a CIDR with host bits set", () => {
    expect(problems({ ...create, addressSpace: "10.20.0.5/24" }).join("\n")).toMatch(/addressSpace: "10\.20\.0\.5\/24" is not allowed; allowed: an IPv4 CIDR block written from its network address/);
  });

  test.each(["20.20.0.0/24", "100.64.0.0/24", "172.32.0.0/24", "192.169.0.0/24"])("rejects %j outside the RFC 1918 ranges", (cidr) => {
    expect(problems({ ...create, addressSpace: cidr })).toEqual([
      expect.stringMatching(/addressSpace: ".*" is not allowed; allowed: a range inside the RFC 1918 private ranges/),
    ]);
  });

  test.each(["10.0.0.0/8", "10.0.0.0/15", "10.0.0.0/30"])("rejects %j outside the prefix bounds", (cidr) => {
    expect(problems({ ...create, addressSpace: cidr, privateEndpointSubnetPrefix: 29 })).toEqual([
      expect.stringMatching(/addressSpace: ".*" is not allowed; allowed: a prefix from \/16 to \/29/),
    ]);
  });

  test.each([21, 30, 27.5])("rejects subnet prefix %d outside /22-/29", (prefix) => {
    expect(problems({ ...create, addressSpace: "10.20.0.0/16", privateEndpointSubnetPrefix: prefix })).toEqual([
      expect.stringMatching(/privateEndpointSubnetPrefix: .* is not allowed; allowed: a whole number from 22 to 29/),
    ]);
  });

  test("rejects a subnet prefix larger than the VNet", () => {
    expect(problems({ ...create, addressSpace: "10.20.0.0/28", privateEndpointSubnetPrefix: 27 })).toEqual([
      "[test/net] privateEndpointSubnetPrefix: 27 is not allowed; allowed: a prefix of at least /28, so the subnet fits in addressSpace 10.20.0.0/28",
    ]);
  });

  test("rejects missing names when creating", () => {
    const found = problems({ addressSpace: "10.20.0.0/24" });
    expect(found).toHaveLength(3);
    expect(found.join("\n")).toMatch(/resourceGroupName: \(missing\).*\n.*virtualNetworkName: \(missing\).*\n.*subnetName: \(missing\)/);
  });

  test("rejects names that break Azure's rules", () => {
    const found = problems({ ...create, virtualNetworkName: "v", subnetName: "snet-", resourceGroupName: "rg." });
    expect(found.join("\n")).toMatch(/virtualNetworkName: "v" is not allowed; allowed: 2-64/);
    expect(found.join("\n")).toMatch(/subnetName: "snet-" is not allowed; allowed: 1-80/);
    expect(found.join("\n")).toMatch(/resourceGroupName: "rg\." is not allowed/);
  });

  test("rejects a location that is not a location name", () => {
    expect(problems({ ...create, location: "Sweden Central" })).toEqual([expect.stringMatching(/location: "Sweden Central" is not allowed/)]);
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
    expect(validationErrors(stack)).toEqual([expect.stringMatching(/^\[test\/net\] lock: .* is not allowed; allowed: only with addressSpace/)]);
    expect(construct.node.tryFindChild("lock")).toBeUndefined();
  });

  test("carries no tags of its own (GovernanceTags tags it)", () => {
    const { stack } = network(create);
    expect(onlyResource(synthJson(stack), "azurerm_virtual_network").tags).toBeUndefined();
  });
});
