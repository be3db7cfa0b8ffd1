import { OpenAiPrivateEndpoint, OpenAiPrivateEndpointProps, RegionNetwork } from "../../lib/network";
import { constructProblems, failed } from "../helpers/problems";
import { testStack } from "../helpers/synth";
import { gpt, openAiAccount, subnetId, zoneId } from "./fixtures";

// A Foundry resource (the default kind) registers in all three zones.
const ZONES = [zoneId("privatelink.openai.azure.com"), zoneId("privatelink.cognitiveservices.azure.com"), zoneId("privatelink.services.ai.azure.com")];

/** An endpoint in the first /27 (10.20.0.0/27) of a VNet a RegionNetwork creates. */
function inCreatedSubnet(privateIpAddress: string) {
  const stack = testStack();
  const account = openAiAccount(stack, { deployments: [gpt("chat")] });
  const network = new RegionNetwork(stack, "net", {
    location: "swedencentral",
    addressSpace: "10.20.0.0/24",
    resourceGroupName: "rg-net",
    virtualNetworkName: "aoai-test-sdc-vnet",
    subnetName: "aoai-test-sdc-pe-snet",
  });
  new OpenAiPrivateEndpoint(stack, "pe", { account, name: "aoai-test-sdc-pe", resourceGroupName: "rg-test", subnetId: network.subnetId, privateDnsZoneIds: ZONES, privateIpAddress });
  return constructProblems(stack);
}

function withPrefix(props: Partial<OpenAiPrivateEndpointProps>) {
  const stack = testStack();
  const account = openAiAccount(stack, { deployments: [gpt("chat")] });
  new OpenAiPrivateEndpoint(stack, "pe", { account, name: "aoai-test-sdc-pe", resourceGroupName: "rg-test", subnetId: subnetId(), privateDnsZoneIds: ZONES, ...props });
  return constructProblems(stack);
}

describe("a fixed private endpoint address (issue 12)", () => {
  test("outside the subnet a RegionNetwork created is refused", () => {
    expect(inCreatedSubnet("10.20.0.200")).toEqual([failed("privateIpAddress", { path: "test/pe", value: "10.20.0.200", rule: /inside the endpoint subnet 10\.20\.0\.0\/27/ })]);
  });

  test.each(["10.20.0.0", "10.20.0.1", "10.20.0.2", "10.20.0.3", "10.20.0.31"])("%s, reserved by Azure in 10.20.0.0/27, is refused", (ip) => {
    // The rule names the subnet and the addresses Azure reserves in it: those are computed, so they are data.
    expect(inCreatedSubnet(ip)).toContainEqual(failed("privateIpAddress", { value: ip, rule: /10\.20\.0\.0\/27 other than the five Azure reserves \(10\.20\.0\.0-10\.20\.0\.3, 10\.20\.0\.31\)/ }));
  });

  test.each(["10.20.0.4", "10.20.0.30"])("%s inside the subnet is accepted", (ip) => {
    expect(inCreatedSubnet(ip)).toEqual([]);
  });

  test("a brought subnet with a known prefix is checked the same way", () => {
    expect(withPrefix({ privateIpAddress: "192.168.1.3", subnetAddressPrefix: "192.168.1.0/28" })).toContainEqual(
      failed("privateIpAddress", { value: "192.168.1.3", rule: /192\.168\.1\.0\/28 other than the five Azure reserves \(192\.168\.1\.0-192\.168\.1\.3, 192\.168\.1\.15\)/ }),
    );
    expect(withPrefix({ privateIpAddress: "192.168.1.20", subnetAddressPrefix: "192.168.1.0/28" })).toContainEqual(
      failed("privateIpAddress", { value: "192.168.1.20", rule: /inside the endpoint subnet 192\.168\.1\.0\/28/ }),
    );
    expect(withPrefix({ privateIpAddress: "192.168.1.5", subnetAddressPrefix: "192.168.1.0/28" })).toEqual([]);
  });

  test("a brought subnet without a prefix: only a private IPv4 address is required", () => {
    expect(withPrefix({ privateIpAddress: "10.99.0.1" })).toEqual([]);
    expect(withPrefix({ privateIpAddress: "8.8.8.8" })).toContainEqual(failed("privateIpAddress", { value: "8.8.8.8", rule: /RFC 1918/ }));
  });

  test("a bad subnetAddressPrefix is reported", () => {
    expect(withPrefix({ privateIpAddress: "10.0.0.9", subnetAddressPrefix: "10.0.0.1/24" })).toContainEqual(failed("subnetAddressPrefix", { value: "10.0.0.1/24" }));
  });

  test("a token look-alike address is refused, not skipped", () => {
    expect(withPrefix({ privateIpAddress: "${TfToken[TOKEN.424242]}" })).toContainEqual(failed("privateIpAddress", { value: "${TfToken[TOKEN.424242]}", rule: /IPv4 address/ }));
  });
});
