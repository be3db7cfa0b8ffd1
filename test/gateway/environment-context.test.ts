import { OpenAiGateway } from "../../lib/gateway/openai-gateway";
import { environment, synthEnvironment } from "../helpers/environment";
import { failedProps, onlyResource, resourceList, synthJson, testStack } from "../helpers/synth";
import { environmentScope, GATEWAY_PROPS, PROPS_WITHOUT_FACTS } from "./gateway-fixture";
import { clientConfig } from "../../lib/core/client-config";
import { parsePolicy, only } from "./policy-xml";

describe("the gateway reads the environment's facts from its context", () => {
  test("name, location, environment, publisher and lock come from the EnvironmentContext when not given", () => {
    const stack = environmentScope({ deletionProtection: true });
    const gateway = new OpenAiGateway(stack, "gateway", PROPS_WITHOUT_FACTS);
    const json = synthJson(stack);
    const service = onlyResource(json, "azurerm_api_management");
    expect(service.name).toBe("chat-prod-sdc-apim-ctso");
    expect(service.location).toBe("swedencentral");
    expect(service.publisher_name).toBe("ai-platform@contoso.com");
    expect(onlyResource(json, "azurerm_api_management_product").product_id).toBe("prod");
    expect(gateway.entryPoint.endpoint).toBe("https://chat-prod-sdc-apim-ctso.azure-api.net/openai");
    // The gateway is protected as the accounts are (deletion protection on).
    const locks = resourceList(json, "azurerm_management_lock").filter((l) => l.name === "do-not-delete-ai-gateway");
    expect(locks.map((l) => l.lock_level)).toEqual(["CanNotDelete"]);
    expect(failedProps(stack)).toEqual([]);
  });

  test("a prop given overrides the context's fact", () => {
    const stack = environmentScope();
    new OpenAiGateway(stack, "gateway", { ...PROPS_WITHOUT_FACTS, name: "my-apim", publisherName: "Team X", environment: "prod-eu" });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_api_management").name).toBe("my-apim");
    expect(onlyResource(json, "azurerm_api_management").publisher_name).toBe("Team X");
    expect(onlyResource(json, "azurerm_api_management_product").product_id).toBe("prod-eu");
  });

  test("a location outside the context's residency fails on location", () => {
    const stack = environmentScope();
    new OpenAiGateway(stack, "gateway", { ...PROPS_WITHOUT_FACTS, location: "eastus2" });
    expect(failedProps(stack).map((p) => [p.prop, p.value])).toEqual([["location", "eastus2"]]);
  });

  test("outside an environment a missing fact is a problem on its prop, never a crash", () => {
    const bare = testStack();
    expect(() => new OpenAiGateway(bare, "gateway", PROPS_WITHOUT_FACTS)).not.toThrow();
    expect(failedProps(bare).map((p) => p.prop).sort()).toEqual(["environment", "location", "name", "publisherName"]);
  });

  test("the tenant comes from the stack's one client config", () => {
    const stack = environmentScope();
    clientConfig(stack); // another construct of the stack read it first
    new OpenAiGateway(stack, "gateway", { ...PROPS_WITHOUT_FACTS, tenantId: undefined });
    const json = synthJson(stack);
    expect(Object.keys(json.data?.azurerm_client_config ?? {})).toEqual(["client-config"]);
    const token = only(parsePolicy(onlyResource(json, "azurerm_api_management_api_policy").xml_content), "validate-azure-ad-token");
    expect(token.getAttribute("tenant-id")).toBe("${data.azurerm_client_config.client-config.tenant_id}");
  });

  test("a tenant given is used as given, and no client config is read for it", () => {
    const stack = environmentScope();
    new OpenAiGateway(stack, "gateway", { ...PROPS_WITHOUT_FACTS, tenantId: GATEWAY_PROPS.tenantId });
    expect(synthJson(stack).data?.azurerm_client_config).toBeUndefined();
  });
});

test("the reference app's prod synthesizes one data.azurerm_client_config", () => {
  const json = synthEnvironment(environment("prod"));
  expect(Object.keys(json.data?.azurerm_client_config ?? {})).toEqual(["client-config"]);
  expect(onlyResource(json, "azurerm_api_management").name).toBe("aoai-prod-sdc-apim-ctso");
});
