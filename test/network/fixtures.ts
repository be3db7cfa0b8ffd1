import { TerraformStack } from "cdktf";
import { ModelDeploymentOptions, OpenAiAccount, OpenAiAccountProps } from "../../lib";

/** A subscription GUID for resource IDs in tests. */
export const SUB = "00000000-1111-2222-3333-444444444444";

/** A subnet resource ID. */
export const subnetId = (vnet = "vnet-spoke", subnet = "snet-pe", rg = "rg-net") =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${subnet}`;

/** A virtual network resource ID. */
export const vnetId = (vnet = "vnet-hub", rg = "rg-net") =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${vnet}`;

/** A private DNS zone resource ID. */
export const zoneId = (zone: string, rg = "rg-dns") =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/privateDnsZones/${zone}`;

/** A deployment option set. */
export const gpt = (name: string): ModelDeploymentOptions => ({
  name,
  model: "gpt-4.1",
  version: "2025-04-14",
  sku: "DataZoneStandard",
  capacity: 10,
});

/** An OpenAI account in `stack`. */
export function openAiAccount(stack: TerraformStack, props: Partial<OpenAiAccountProps> = {}): OpenAiAccount {
  return new OpenAiAccount(stack, "openai", {
    name: "aoai-test-sdc-oai",
    resourceGroupName: "rg-test",
    location: "swedencentral",
    environment: "test",
    owner: "platform-team",
    ...props,
  });
}

/** The Terraform address of a resource, as it appears in `depends_on`. */
export const address = (r: { terraformResourceType: string; friendlyUniqueId: string }) => `${r.terraformResourceType}.${r.friendlyUniqueId}`;
