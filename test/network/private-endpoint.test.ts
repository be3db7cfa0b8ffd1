import { TerraformOutput, TerraformStack } from "cdktf";
import { OpenAiPrivateEndpoint, OpenAiPrivateEndpointProps, PrivateDnsZones } from "../../lib/network";
import { constructProblems, failed } from "../helpers/problems";
import { failedProps, onlyResource, resources, synthJson, testStack, validationErrors } from "../helpers/synth";
import { address, gpt, openAiAccount, subnetId, vnetId, zoneId } from "./fixtures";

const OPENAI_ZONE = zoneId("privatelink.openai.azure.com");
const COGNITIVE_ZONE = zoneId("privatelink.cognitiveservices.azure.com");
const AI_SERVICES_ZONE = zoneId("privatelink.services.ai.azure.com");

function endpoint(props: Partial<OpenAiPrivateEndpointProps> = {}, stack: TerraformStack = testStack()) {
  const account = openAiAccount(stack, { deployments: [gpt("chat"), gpt("embed")] });
  const construct = new OpenAiPrivateEndpoint(stack, "pe", {
    account,
    name: "aoai-test-sdc-pe",
    resourceGroupName: "rg-test",
    subnetId: subnetId(),
    privateDnsZoneIds: [OPENAI_ZONE, COGNITIVE_ZONE, AI_SERVICES_ZONE],
    ...props,
  });
  return { stack, account, construct };
}

describe("OpenAiPrivateEndpoint", () => {
  const { stack, account } = endpoint();
  const json = synthJson(stack);
  const pe = onlyResource(json, "azurerm_private_endpoint");

  test("connects to the account's `account` subresource with automatic approval", () => {
    expect(pe.private_service_connection).toEqual({
      name: "aoai-test-sdc-pe-connection",
      private_connection_resource_id: `\${azurerm_cognitive_account.${account.resource.friendlyUniqueId}.id}`,
      subresource_names: ["account"],
      is_manual_connection: false,
    });
  });

  test("is placed in the subnet, in the account's location by default", () => {
    expect(pe.subnet_id).toBe(subnetId());
    expect(pe.location).toBe("swedencentral");
    expect(pe.name).toBe("aoai-test-sdc-pe");
  });

  test("registers in the DNS zones, the openai zone included", () => {
    expect(pe.private_dns_zone_group).toEqual({ name: "default", private_dns_zone_ids: [OPENAI_ZONE, COGNITIVE_ZONE, AI_SERVICES_ZONE] });
    expect(pe.lifecycle).toBeUndefined();
  });

  test("depends on the account's last deployment (azurerm#31712) and only on it", () => {
    const last = account.deployments[account.deployments.length - 1];
    expect(last.options.name).toBe("embed");
    expect(pe.depends_on).toEqual([address(last.resource)]);
  });

  test("has no static IP or custom NIC name unless asked", () => {
    expect(pe.ip_configuration).toBeUndefined();
    expect(pe.custom_network_interface_name).toBeUndefined();
  });

  test("has no validation problems", () => {
    expect(validationErrors(stack)).toEqual([]);
  });
});

describe("OpenAiPrivateEndpoint options", () => {
  test("takes the zone IDs of a PrivateDnsZones construct", () => {
    const stack = testStack();
    const zones = new PrivateDnsZones(stack, "dns", { resourceGroupName: "rg-dns", virtualNetworks: { hub: vnetId() } });
    endpoint({ privateDnsZoneIds: zones.zoneIds }, stack);
    const json = synthJson(stack);
    const pe = onlyResource(json, "azurerm_private_endpoint");
    const openAiZone = Object.entries(resources(json, "azurerm_private_dns_zone")).find(([, z]) => z.name === "privatelink.openai.azure.com")!;
    expect(pe.private_dns_zone_group.private_dns_zone_ids).toContain(`\${azurerm_private_dns_zone.${openAiZone[0]}.id}`);
    expect(validationErrors(stack)).toEqual([]);
  });

  test("DNS by Azure Policy: no zone group, and Terraform ignores the one Policy adds", () => {
    const { stack } = endpoint({ privateDnsZoneIds: undefined, dnsManagedByPolicy: true });
    const pe = onlyResource(synthJson(stack), "azurerm_private_endpoint");
    expect(pe.private_dns_zone_group).toBeUndefined();
    expect(pe.lifecycle).toEqual({ ignore_changes: ["private_dns_zone_group"] });
    expect(validationErrors(stack)).toEqual([]);
  });

  test("a static IP becomes an ip_configuration for the account member", () => {
    const { stack, construct } = endpoint({ privateIpAddress: "10.20.0.10", customNetworkInterfaceName: "aoai-test-sdc-pe-nic" });
    const pe = onlyResource(synthJson(stack), "azurerm_private_endpoint");
    expect(pe.ip_configuration).toEqual([
      { name: "aoai-test-sdc-pe-ip", private_ip_address: "10.20.0.10", subresource_name: "account", member_name: "default" },
    ]);
    expect(pe.custom_network_interface_name).toBe("aoai-test-sdc-pe-nic");
    expect(construct.privateIpAddress).toBe("10.20.0.10");
    expect(validationErrors(stack)).toEqual([]);
  });

  test("without a static IP the private IP is the connection's assigned address", () => {
    const stack = testStack();
    const { construct } = endpoint({}, stack);
    new TerraformOutput(stack, "ip", { value: construct.privateIpAddress });
    const json = synthJson(stack);
    const id = Object.keys(resources(json, "azurerm_private_endpoint"))[0];
    expect(json.output?.ip.value).toBe(`\${azurerm_private_endpoint.${id}.private_service_connection[0].private_ip_address}`);
  });

  test("takes a location other than the account's", () => {
    const { stack } = endpoint({ location: "germanywestcentral" });
    expect(onlyResource(synthJson(stack), "azurerm_private_endpoint").location).toBe("germanywestcentral");
  });
});

describe("OpenAiPrivateEndpoint validation", () => {
  const problems = (props: Partial<OpenAiPrivateEndpointProps>) => constructProblems(endpoint(props).stack);

  test("rejects a name that breaks the private endpoint rule", () => {
    expect(problems({ name: "-pe" })).toEqual([failed("name", { path: "test/pe", value: "-pe" })]);
  });

  test("rejects a resource group name that breaks Azure's rule", () => {
    expect(problems({ resourceGroupName: "rg." })).toContainEqual(failed("resourceGroupName", { value: "rg." }));
  });

  test.each([
    ["a VNet ID", vnetId()],
    ["a bad subscription", subnetId().replace(/00000000-1111/, "not-a-guid")],
    ["another provider", subnetId().replace("Microsoft.Network", "Microsoft.Compute")],
    ["a trailing slash", `${subnetId()}/`],
  ])("rejects a subnet ID that is %s", (_what, id) => {
    expect(problems({ subnetId: id })).toEqual([failed("subnetId", { value: id, rule: /subnet resource ID/ })]);
  });

  test("accepts a subnet ID whose segments differ in case", () => {
    expect(problems({ subnetId: subnetId().replace("Microsoft.Network", "microsoft.network").replace("resourceGroups", "resourcegroups") })).toEqual([]);
  });

  test("rejects a location that is not a location name", () => {
    expect(problems({ location: "Sweden Central" })).toContainEqual(failed("location", { value: "Sweden Central" }));
  });

  test("rejects a custom NIC name that breaks the rule", () => {
    expect(problems({ customNetworkInterfaceName: "nic-" })).toContainEqual(failed("customNetworkInterfaceName", { value: "nic-" }));
  });

  test.each(["10.20.0", "10.20.0.256", "010.20.0.1", "fd00::1"])("rejects a static IP %j that is not an IPv4 address", (ip) => {
    expect(problems({ privateIpAddress: ip })).toEqual([failed("privateIpAddress", { value: ip, rule: /IPv4 address/ })]);
  });

  test("rejects a public static IP", () => {
    expect(problems({ privateIpAddress: "20.1.2.3" })).toContainEqual(failed("privateIpAddress", { value: "20.1.2.3", rule: /RFC 1918/ }));
  });

  test("rejects an endpoint without DNS zones or policy DNS", () => {
    expect(problems({ privateDnsZoneIds: undefined })).toEqual([failed("privateDnsZoneIds", { value: undefined, rule: /dnsManagedByPolicy/ })]);
  });

  test("rejects zone IDs without the openai zone", () => {
    expect(problems({ privateDnsZoneIds: [COGNITIVE_ZONE, AI_SERVICES_ZONE] })).toEqual([failed("privateDnsZoneIds", { rule: /missing: privatelink\.openai\./ })]);
  });

  test("a Foundry resource needs all three zones; a kind-OpenAI account only the openai zone", () => {
    const missing = failedProps(endpoint({ privateDnsZoneIds: [OPENAI_ZONE, COGNITIVE_ZONE] }).stack).filter((p) => p.prop === "privateDnsZoneIds");
    expect(missing).toHaveLength(1);
    expect(missing[0].rule).toContain("privatelink.services.ai.");
    const stack = testStack();
    const account = openAiAccount(stack, { kind: "OpenAI", foundryUpgrade: { decision: "allow" } });
    new OpenAiPrivateEndpoint(stack, "pe", { account, name: "aoai-test-sdc-pe", resourceGroupName: "rg-test", subnetId: subnetId(), privateDnsZoneIds: [OPENAI_ZONE] });
    expect(failedProps(stack)).toEqual([]);
  });

  test("rejects a zone ID that is not a zone resource ID", () => {
    expect(problems({ privateDnsZoneIds: [OPENAI_ZONE, "privatelink.cognitiveservices.azure.com"] })).toEqual([
      failed("privateDnsZoneIds[1]", { value: "privatelink.cognitiveservices.azure.com", rule: /zone resource ID/ }),
    ]);
  });

  test("rejects zone IDs together with policy DNS", () => {
    expect(problems({ dnsManagedByPolicy: true })).toEqual([failed("privateDnsZoneIds", { rule: /none while dnsManagedByPolicy/ })]);
  });
});
