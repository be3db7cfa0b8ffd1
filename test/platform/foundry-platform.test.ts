import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { environment, synthEnvironment, environmentStack } from "../helpers/environment";
import { failedProps, resourceList, resources } from "../helpers/synth";
import { failed, problemsIn } from "../helpers/problems";

// Dev of the reference app: a Foundry resource with the playground project.
const dev = environment("dev");
const HUB = "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/hub-dns-rg/providers/Microsoft.Network/privateDnsZones";
const AGENTS = "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-agents/subnets/agents";

function problems(config: EnvironmentConfig) {
  return failedProps(environmentStack(config) as never);
}

describe("a Foundry environment", () => {
  const json = synthEnvironment(dev);

  test("creates all three private DNS zones and registers the endpoint in each", () => {
    const zones = resources(json, "azurerm_private_dns_zone");
    expect(Object.values(zones).map((z) => z.name).sort()).toEqual([
      "privatelink.cognitiveservices.azure.com",
      "privatelink.openai.azure.com",
      "privatelink.services.ai.azure.com",
    ]);
    const [endpoint] = resourceList(json, "azurerm_private_endpoint");
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids.sort()).toEqual(Object.keys(zones).map((id) => `\${azurerm_private_dns_zone.${id}.id}`).sort());
  });

  test("the project gets Foundry User for the principals the config names, on the project's scope only", () => {
    const onProject = resourceList(json, "azurerm_role_assignment").filter((a) => String(a.scope).startsWith("${azurerm_cognitive_account_project."));
    expect(onProject).toHaveLength(2);
    for (const a of onProject) expect(a.role_definition_id).toMatch(/\/roleDefinitions\/53ca6127-db72-4b80-b1b0-d745d6d5456d$/);
  });

  test("a workload named by a project gets Foundry User on it", () => {
    const withWorkload: EnvironmentConfig = {
      ...dev,
      workloads: [{ key: "agent-runner", application: "Agent runner" }],
      projects: [{ name: "playground", workloads: ["agent-runner"] }],
    };
    const assignments = resourceList(synthEnvironment(withWorkload), "azurerm_role_assignment");
    const onProject = assignments.filter((a) => String(a.scope).startsWith("${azurerm_cognitive_account_project."));
    expect(onProject.map((a) => a.principal_type)).toEqual(["ServicePrincipal"]);
  });

  test("unknown principals and workloads in a project fail with their config path", () => {
    const failed = problems({ ...dev, projects: [{ name: "playground", access: ["nobody"], workloads: ["ghost"] }] }).map((p) => p.prop);
    expect(failed).toEqual(expect.arrayContaining(["projects[0].access[0]", "projects[0].workloads[0]"]));
  });

  test("hub zones without the Foundry zones fail; includeAiServicesZone false fails", () => {
    const hub: EnvironmentConfig = {
      ...dev,
      regions: [{ location: "swedencentral", priority: 1, network: { subnetId: AGENTS.replace("vnet-agents/subnets/agents", "vnet-spoke/subnets/pe") } }],
      privateDns: { existingZoneIds: { openAi: `${HUB}/privatelink.openai.azure.com` } },
    };
    expect(problems(hub).map((p) => p.prop)).toEqual(expect.arrayContaining(["privateDns.existingZoneIds.cognitiveServices", "privateDns.existingZoneIds.aiServices"]));
    expect(problems({ ...dev, privateDns: { includeAiServicesZone: false } }).map((p) => p.prop)).toContain("privateDns.includeAiServicesZone");
  });

  test("a region's agent subnet becomes the account's network injection; one subnet serves one account", () => {
    const withAgents: EnvironmentConfig = { ...dev, regions: [{ ...dev.regions[0], agentSubnet: { subnetId: AGENTS, addressPrefix: "192.168.0.0/24" } }] };
    const [account] = resourceList(synthEnvironment(withAgents), "azurerm_cognitive_account");
    expect(account.network_injection).toEqual({ scenario: "agent", subnet_id: AGENTS });
    const shared: EnvironmentConfig = {
      ...withAgents,
      capacityCapK: 1000,
      regions: [withAgents.regions[0], { location: "francecentral", priority: 2, network: { addressSpace: "10.31.0.0/24" }, agentSubnet: { subnetId: AGENTS, addressPrefix: "192.168.0.0/24" } }],
    };
    expect(problems(shared).map((p) => p.prop)).toContain("regions[].agentSubnet.subnetId");
  });
});

describe("the guarantees hold for Foundry resources", () => {
  test("the AI gateway fronts a Foundry account on its Azure OpenAI endpoint, and the compliance packs pass", () => {
    const staging = environment("staging");
    // The packs (soc2, hipaa, gdpr) run in the synth: an error finding would fail it.
    const json = synthEnvironment({ ...dev, workloads: staging.workloads, gateway: { ...staging.gateway!, subnetPrefix: "10.30.0.64/27" } });
    expect(resourceList(json, "azurerm_api_management_backend").map((b) => b.url)).toEqual(["https://aoai-dev-sdc-oai-ctso.openai.azure.com/openai"]);
    // The model account is a Foundry resource; the gateway adds its own Content Safety account.
    expect(resourceList(json, "azurerm_cognitive_account").map((a) => a.kind).sort()).toEqual(["AIServices", "ContentSafety"]);
  });
});

describe("an OpenAI environment", () => {
  test("without a decision it fails on foundryUpgrade, once per account", () => {
    const failed = problems({ ...dev, projects: undefined, kind: "OpenAI" }).filter((p) => p.prop === "foundryUpgrade");
    expect(failed).toHaveLength(dev.regions.length);
    expect(failed[0].rule).toMatch(/allow.*optOut/s);
  });

  test("a config that is not data fails at the schema: an unknown kind or decision", () => {
    const stack = environmentStack({ ...dev, kind: "Foundry" as never, foundryUpgrade: { decision: "later" } as never });
    expect(problemsIn(stack.node.validate())).toEqual([
      failed("kind", { value: "Foundry", rule: /AIServices, OpenAI/ }),
      failed("foundryUpgrade.decision", { value: "later", rule: /allow, optOut/ }),
    ]);
  });
});
