import { acknowledgedWeakenings } from "../../lib/core/justification";
import { WEAKENING_KEYS } from "../../lib/core/weakening-keys";
import { OpenAiGateway } from "../../lib/gateway/openai-gateway";
import { archiveIn } from "../helpers/monitoring";
import { failedProps, onlyResource, resourceList, synthJson, testStack } from "../helpers/synth";
import { gatewayIn, GATEWAY_PROPS } from "./gateway-fixture";

const REASON = { reason: "partner integration without VNet peering, risk accepted by SEC-42 until 2027-06" };
const SERVICE_ID = "${azurerm_api_management.gateway_service_0B098E79.id}";
const READER_GUID = "71522526-b88f-4d52-b57f-d31fc3546d0d";
const OPERATOR_GUID = "e022efe7-f5ba-4159-bbe4-b44f577e9b61";
const PERSON = { principalId: "11111111-2222-3333-4444-555555555555", principalType: "Group" as const, granteeKey: "gateway-admins" };

describe("securityExceptions.publicNetworkAccess (and the deprecated publicGateway)", () => {
  test("makes the gateway public, acknowledged under the one weakening key and listed as applied", () => {
    const { stack, gateway } = gatewayIn({ network: undefined, securityExceptions: { publicNetworkAccess: REASON } });
    expect(onlyResource(synthJson(stack), "azurerm_api_management").virtual_network_type).toBe("None");
    expect(acknowledgedWeakenings(gateway)).toEqual([{ key: WEAKENING_KEYS.gatewayPublicNetwork, prop: "securityExceptions.publicNetworkAccess", reason: REASON.reason }]);
    expect(gateway.securityExceptions).toEqual([{ setting: "publicNetworkAccess", reason: REASON.reason }]);
    expect(gateway.entryPoint.network).toBe("public");
    expect(failedProps(stack)).toEqual([]);
  });

  test("publicGateway still works, under the same key", () => {
    const { stack, gateway } = gatewayIn({ network: undefined, publicGateway: REASON });
    expect(onlyResource(synthJson(stack), "azurerm_api_management").virtual_network_type).toBe("None");
    expect(acknowledgedWeakenings(gateway).map((w) => w.key)).toEqual([WEAKENING_KEYS.gatewayPublicNetwork]);
    expect(gateway.publicGatewayReason).toBe(REASON.reason);
  });

  test("a short reason is reported under the prop the user wrote; both spellings at once are refused", () => {
    const short = gatewayIn({ network: undefined, securityExceptions: { publicNetworkAccess: { reason: "short" } } });
    expect(failedProps(short.stack).map((p) => p.prop)).toEqual(["securityExceptions.publicNetworkAccess.reason"]);
    const both = gatewayIn({ network: undefined, securityExceptions: { publicNetworkAccess: REASON }, publicGateway: REASON });
    expect(failedProps(both.stack).map((p) => p.prop)).toEqual(["publicGateway"]);
  });

  test("without a weakening the gateway stays internal and lists none", () => {
    const { stack, gateway } = gatewayIn();
    expect(onlyResource(synthJson(stack), "azurerm_api_management").virtual_network_type).toBe("Internal");
    expect(gateway.securityExceptions).toEqual([]);
  });
});

test("resource is the L1 handle; service is its deprecated alias", () => {
  const { gateway } = gatewayIn();
  expect(gateway.service).toBe(gateway.resource);
  expect(gateway.node.defaultChild).toBe(gateway.resource);
  expect(gateway.scopeId).toBe(gateway.gatewayId);
});

describe("managedIdentities", () => {
  test("system-assigned by default; user-assigned identities come in addition", () => {
    expect(onlyResource(synthJson(gatewayIn().stack), "azurerm_api_management").identity).toEqual({ type: "SystemAssigned" });
    const uami = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/certs";
    const { stack } = gatewayIn({ managedIdentities: { userAssignedResourceIds: [uami] } });
    expect(onlyResource(synthJson(stack), "azurerm_api_management").identity).toEqual({ type: "SystemAssigned, UserAssigned", identity_ids: [uami] });
  });

  test("turning the system-assigned identity off fails: the gateway calls the accounts with it", () => {
    const uami = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/certs";
    const { stack } = gatewayIn({ managedIdentities: { systemAssigned: false, userAssignedResourceIds: [uami] } });
    expect(failedProps(stack).map((p) => p.prop)).toEqual(["managedIdentities.systemAssigned"]);
  });
});

describe("roles on the gateway", () => {
  test("roleAssignments assigns on the service, keyed by the caller's key", () => {
    const { stack, gateway } = gatewayIn({ roleAssignments: { "gateway-readers": { principalId: PERSON.principalId, principalType: "Group", role: "Reader" } } });
    const json = synthJson(stack);
    const assignment = resourceList(json, "azurerm_role_assignment").find((a) => a.principal_id === PERSON.principalId)!;
    expect(assignment.scope).toBe(SERVICE_ID);
    expect(assignment.role_definition_id).toMatch(/acdd72a7-3385-48ef-bd42-f606fba81ae7$/);
    expect(gateway.roleAssignments.map((a) => a.node.id)).toEqual(["grant-Reader-gateway-readers"]);
  });

  test("grantRead gives API Management Service Reader Role on the service", () => {
    const { stack, gateway } = gatewayIn();
    gateway.grantRead(PERSON);
    const assignment = resourceList(synthJson(stack), "azurerm_role_assignment").find((a) => a.principal_id === PERSON.principalId)!;
    expect(assignment.scope).toBe(SERVICE_ID);
    expect(assignment.role_definition_id).toMatch(new RegExp(`/roleDefinitions/${READER_GUID}$`));
    expect(failedProps(stack)).toEqual([]);
  });

  test("grantOperate gives API Management Service Operator Role with the reason; without one it fails", () => {
    const { stack, gateway } = gatewayIn();
    gateway.grantOperate(PERSON, { reason: "on-call platform team scales the gateway during incidents (OPS-7)" });
    const assignment = resourceList(synthJson(stack), "azurerm_role_assignment").find((a) => a.principal_id === PERSON.principalId)!;
    expect(assignment.role_definition_id).toMatch(new RegExp(`/roleDefinitions/${OPERATOR_GUID}$`));
    expect(assignment.description).toContain("OPS-7");
    const bad = gatewayIn();
    bad.gateway.grantOperate(PERSON, { reason: "ops" });
    expect(failedProps(bad.stack).map((p) => p.prop)).toEqual(["privileged.reason"]);
  });

  test("the gateway's own identity keeps its three assignments at their addresses", () => {
    const { stack, gateway } = gatewayIn({ contentSafety: { name: "aoai-test-cs", subnetId: "/subscriptions/s/subnets/pe" } });
    const ids = resourceList(synthJson(stack), "azurerm_role_assignment").map((a) => a.description);
    expect(ids).toHaveLength(3);
    expect(gateway.accountGrants.swedencentral!.node.path).toBe("test/gateway/openai-user-swedencentral");
    expect(gateway.contentSafety!.grant!.node.path).toBe("test/gateway/content-safety/gateway-user");
  });
});

test("fromGatewayAttributes: an imported gateway takes grants on its ID and offers its entry point", () => {
  const stack = testStack();
  const gatewayId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/shared-apim";
  const entryPoint = { endpoint: "https://shared-apim.azure-api.net/openai", location: "swedencentral", tokenScope: "https://cognitiveservices.azure.com/.default", network: "internal" as const };
  const imported = OpenAiGateway.fromGatewayAttributes(stack, "shared", { gatewayId, entryPoint, principalId: "99999999-2222-3333-4444-555555555555" });
  imported.grantRead(PERSON);
  const assignment = onlyResource(synthJson(stack), "azurerm_role_assignment");
  expect(assignment.scope).toBe(gatewayId);
  expect(assignment.role_definition_id).toMatch(new RegExp(`/roleDefinitions/${READER_GUID}$`));
  expect(imported.entryPoint).toEqual(entryPoint);
  expect(imported.identity.principalId).toBe("99999999-2222-3333-4444-555555555555");
  expect(resourceList(synthJson(stack), "azurerm_api_management")).toEqual([]);
  const typo = testStack();
  OpenAiGateway.fromGatewayAttributes(typo, "shared", { gatewayId, entryPoint, principalId: "x", principalID: "y" } as never);
  expect(failedProps(typo).map((p) => p.prop)).toEqual(["principalID"]);
});

describe("diagnosticSettings", () => {
  test("the gateway's own setting stays; an entry adds a setting with the service's categories", () => {
    const siem = { workspaceId: "/subscriptions/s/resourceGroups/sec/providers/Microsoft.OperationalInsights/workspaces/siem", location: "swedencentral" };
    const { stack, gateway } = gatewayIn({ diagnosticSettings: { siem: { workspace: siem, categories: ["GatewayLogs", "WebSocketConnectionLogs"] } } });
    const settings = resourceList(synthJson(stack), "azurerm_monitor_diagnostic_setting");
    const own = settings.find((s) => s.name === "ai-gateway-logs")!;
    expect(own.enabled_log.map((l: any) => l.category)).toEqual(["GatewayLogs", "GatewayLlmLogs"]);
    expect(own.log_analytics_workspace_id).toBe(GATEWAY_PROPS.workspace.workspaceId);
    const added = settings.find((s) => s.name === "siem")!;
    expect(added.target_resource_id).toBe(SERVICE_ID);
    expect(added.log_analytics_workspace_id).toBe(siem.workspaceId);
    expect(added.enabled_log.map((l: any) => l.category)).toEqual(["GatewayLogs", "WebSocketConnectionLogs"]);
    expect(Object.keys(gateway.diagnosticSettings)).toEqual(["siem"]);
    expect(gateway.logging.diagnosticSetting.node.path).toBe("test/gateway/logging/diagnostic-setting");
  });

  test("a category API Management does not have fails on its prop", () => {
    const siem = { workspaceId: "/subscriptions/s/ws2", location: "swedencentral" };
    const { stack } = gatewayIn({ diagnosticSettings: { siem: { workspace: siem, categories: ["Audit" as never] } } });
    expect(failedProps(stack).map((p) => [p.prop, p.value])).toEqual([["categories[0]", "Audit"]]);
  });
});

describe("archive: any ILogArchive", () => {
  test("a plain archive receives the logs; the gateway adds no containers or rules to it", () => {
    const archive = { storageAccountId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/centralarchive", location: "swedencentral" };
    const { stack } = gatewayIn({ archive });
    const json = synthJson(stack);
    const own = resourceList(json, "azurerm_monitor_diagnostic_setting").find((s) => s.name === "ai-gateway-logs")!;
    expect(own.storage_account_id).toBe(archive.storageAccountId);
    expect(resourceList(json, "azurerm_storage_container")).toEqual([]);
    expect(failedProps(stack)).toEqual([]);
  });

  test("a RetentionArchive still gets the gateway's containers and lifecycle rules", () => {
    const stack = testStack();
    const archive = archiveIn(stack);
    gatewayIn({ archive }, stack);
    const containers = resourceList(synthJson(stack), "azurerm_storage_container").map((c) => c.name);
    expect(containers).toEqual(expect.arrayContaining(["insights-logs-gatewaylogs", "insights-logs-gatewayllmlogs"]));
  });
});
