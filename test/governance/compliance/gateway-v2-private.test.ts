import { ApiGatewayPrivateOnly } from "../../../lib/governance/compliance/rules";
import { gatewayIn } from "../../gateway/gateway-fixture";
import { judge } from "./fixtures";

const ENDPOINT_SUBNET = "/subscriptions/00000000-0000-0000-0000-0000000000ab/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/endpoints";
const INTEGRATION = { virtualNetworkName: "v", virtualNetworkResourceGroupName: "rg-net", subnetPrefix: "10.10.0.64/27" };

// A StandardV2 gateway is created with public access on (Azure refuses off at creation) and
// switched off through Resource Manager once its inbound endpoint exists: private, so the rule
// must say compliant; without the switch it must not.
describe("ApiGatewayPrivateOnly on a StandardV2 gateway", () => {
  test("inbound endpoint plus the azapi switch is private", () => {
    const { gateway } = gatewayIn({ sku: "StandardV2", network: INTEGRATION, inboundPrivateEndpoint: { subnetId: ENDPOINT_SUBNET } });
    const judgement = judge(new ApiGatewayPrivateOnly(), gateway.resource);
    expect(judgement.outcome).toBe("compliant");
    expect(judgement.detail).toMatch(/public network access turned off by .*public-access-off/);
  });

  test("a public StandardV2 gateway (a stated weakening) is still judged non-compliant, for the report to suppress with its reason", () => {
    const { gateway } = gatewayIn({ sku: "StandardV2", network: undefined, securityExceptions: { publicNetworkAccess: { reason: "pilot without a landing zone until Q3 (RISK-12)" } } });
    expect(judge(new ApiGatewayPrivateOnly(), gateway.resource).outcome).toBe("non-compliant");
  });
});
