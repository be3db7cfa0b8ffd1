import { ApiManagement, ApiManagementConfig } from "@cdktf/provider-azurerm/lib/api-management";
import { ApiManagementApi } from "@cdktf/provider-azurerm/lib/api-management-api";
import { ApiManagementApiPolicy } from "@cdktf/provider-azurerm/lib/api-management-api-policy";
import { ApiManagementBackend, ApiManagementBackendConfig } from "@cdktf/provider-azurerm/lib/api-management-backend";
import { ApiManagementLogger } from "@cdktf/provider-azurerm/lib/api-management-logger";
import { ApiManagementSubscription } from "@cdktf/provider-azurerm/lib/api-management-subscription";
import { PrivateEndpoint } from "@cdktf/provider-azurerm/lib/private-endpoint";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Testing, TerraformStack } from "cdktf";
import { DOMParser, onWarningStopParsing } from "@xmldom/xmldom";
import { environment, environmentStack } from "../../helpers/environment";
import { referenceStackFiles } from "../../helpers/reference-app";
import { synthProblems, testApp, testStack } from "../../helpers/synth";
import {
  ApiGatewayContentSafety,
  ApiGatewayLimitsEnforced,
  ApiGatewayLogsExported,
  ApiGatewayManagedIdentityBackends,
  ApiGatewayPrivateOnly,
  ComplianceReport,
  ComplianceRule,
} from "../../../lib/governance/compliance";
import { parsePolicyXml, policyElements } from "../../../lib/governance/compliance/private/policy-xml";
import { OpenAiEnvironmentStack } from "../../../lib/environment/openai-environment-stack";
import { diagnostics, hardenedStorage, judge, secureAccount, workspace } from "./fixtures";
import { AzapiResource } from "../../../lib/core/azapi";
import { ROLE_GUIDS } from "../../helpers/roles";

const GATEWAY_RULES = [ApiGatewayPrivateOnly.ID, ApiGatewayManagedIdentityBackends.ID, ApiGatewayLimitsEnforced.ID, ApiGatewayLogsExported.ID, ApiGatewayContentSafety.ID];
const OPENAI_USER = ROLE_GUIDS.OpenAiUser;

describe.each(["staging", "prod"])("the default %s stack's gateway", (name) => {
  const files = referenceStackFiles(name, [ComplianceReport.JSON_FILE]);
  const report = JSON.parse(files[ComplianceReport.JSON_FILE]!);

  test("each gateway rule is compliant on the service in SOC 2, HIPAA and GDPR, at the pack's level", () => {
    const found = report.findings
      .filter((f: any) => GATEWAY_RULES.includes(f.ruleId))
      .map((f: any) => `${f.pack} ${f.ruleId} ${f.level} ${f.resourceType} ${f.resourcePath} ${f.result}`)
      .sort();
    const levels: Record<string, Record<string, string>> = {
      SOC2: { ApiGatewayPrivateOnly: "error", ApiGatewayManagedIdentityBackends: "error", ApiGatewayLimitsEnforced: "warning", ApiGatewayLogsExported: "error", ApiGatewayContentSafety: "warning" },
      HIPAA: { ApiGatewayPrivateOnly: "error", ApiGatewayManagedIdentityBackends: "error", ApiGatewayLimitsEnforced: "error", ApiGatewayLogsExported: "error", ApiGatewayContentSafety: "error" },
      GDPR: { ApiGatewayPrivateOnly: "error", ApiGatewayManagedIdentityBackends: "error", ApiGatewayLimitsEnforced: "warning", ApiGatewayLogsExported: "warning", ApiGatewayContentSafety: "warning" },
    };
    const expected = Object.entries(levels)
      .flatMap(([pack, rules]) => Object.entries(rules).map(([rule, level]) => `${pack} ${rule} ${level} azurerm_api_management ${name}/gateway/service compliant`))
      .sort();
    expect(found).toEqual(expected);
  });

  test("the details name what was verified", () => {
    const detail = (rule: string) => report.findings.find((f: any) => f.pack === "SOC2" && f.ruleId === rule).detail;
    const accounts = name === "prod" ? 2 : 1;
    expect(detail(ApiGatewayPrivateOnly.ID)).toMatch(/^virtual_network_type "Internal" in subnet \$\{azurerm_subnet\.gateway_network_subnet_[^}]+\}; SSL 3\.0, TLS 1\.0 and 1\.1 off$/);
    expect(detail(ApiGatewayManagedIdentityBackends.ID)).toBe(
      `identity SystemAssigned; ${accounts} backend(s) without credentials; authentication-managed-identity in 1 API policy(ies); no subscriptions; Cognitive Services OpenAI User on ${accounts} account(s), Cognitive Services User on 1 Content Safety account(s)`,
    );
    expect(detail(ApiGatewayContentSafety.ID)).toBe("llm-content-safety with prompt shields on every request, backend(s) content-safety on a private, keyless Content Safety account");
    expect(detail(ApiGatewayLimitsEnforced.ID)).toBe(`Entra token validation, tokens per minute, token quota, rate limit and per-request cap in ${name}/gateway/policy`);
    expect(detail(ApiGatewayLogsExported.ID)).toBe(
      `GatewayLogs and GatewayLlmLogs to a workspace and a storage account (${name}/gateway/logging/diagnostic-setting); logger ${name}/gateway/logging/logger`,
    );
  });
});

describe("a default stack that breaks a gateway rule", () => {
  const REASON = "partner integration without VNet peering, risk accepted by SEC-42 until 2027-06";

  test("a gateway made public (config gateway.publicGateway, the construct's securityExceptions.publicNetworkAccess) is suppressed with the reason; the other gateway rules still pass", () => {
    const prod = environment("prod");
    const stack = environmentStack({ ...prod, gateway: { ...prod.gateway!, publicGateway: { reason: REASON } } });
    Testing.synth(stack);
    const findings = ComplianceReport.of(stack).findings.filter((f) => GATEWAY_RULES.includes(f.ruleId));
    const privateOnly = findings.filter((f) => f.ruleId === ApiGatewayPrivateOnly.ID);
    expect(privateOnly.map((f) => [f.pack, f.result, f.suppressionReason]).sort()).toEqual(
      ["GDPR", "HIPAA", "SOC2"].map((pack) => [pack, "suppressed", `securityExceptions.publicNetworkAccess: ${REASON}`]),
    );
    expect(privateOnly[0]!.detail).toMatch(/^virtual_network_type is "None"/);
    expect(findings.filter((f) => f.ruleId !== ApiGatewayPrivateOnly.ID).every((f) => f.result === "compliant")).toBe(true);
  });

  test("a workload's content-safety opt-out is reported as suppressed with its reason; every other workload is still checked", () => {
    const staging = environment("staging");
    const optOut = "red-team evaluations send attack prompts on purpose, approved by SEC-51";
    const [first, ...rest] = staging.gateway!.workloads;
    const stack = environmentStack({ ...staging, gateway: { ...staging.gateway!, workloads: [first!, ...rest.map((w) => ({ ...w, contentSafetyOptOut: { reason: optOut } }))] } });
    Testing.synth(stack);
    const findings = ComplianceReport.of(stack).findings.filter((f) => f.ruleId === ApiGatewayContentSafety.ID);
    expect(findings.map((f) => [f.pack, f.result, f.suppressionReason]).sort()).toEqual(
      ["GDPR", "HIPAA", "SOC2"].map((pack) => [pack, "suppressed", `workloads.${rest[0]!.key}.contentSafetyOptOut: ${optOut}`]),
    );
    expect(findings[0]!.detail).toMatch(/runs only inside a when\/otherwise/);
  });

  test("a subscription (keys) on the prod gateway fails the synth with rule 2 in every pack", () => {
    const app = testApp();
    const stack = new OpenAiEnvironmentStack(app, environment("prod"));
    const service = stack.node.findAll().find((c): c is ApiManagement => c instanceof ApiManagement)!;
    new ApiManagementSubscription(stack, "legacy-keys", {
      apiManagementName: service.name,
      resourceGroupName: service.resourceGroupName,
      displayName: "legacy client",
    });
    const problems = synthProblems(app);
    expect(problems.filter((p) => p.includes("ApiGatewayManagedIdentityBackends"))).toEqual(
      ["SOC2", "HIPAA", "GDPR"].map((pack) => expect.stringMatching(new RegExp(`^\\[prod/gateway/service\\] ${pack} ApiGatewayManagedIdentityBackends .*subscriptions \\(keys\\) exist: prod/legacy-keys`))),
    );
    expect(problems.filter((p) => !p.includes("ApiGatewayManagedIdentityBackends"))).toEqual([]);
  });
});

// A gateway made by hand from provider resources, with every setting the rules ask for: the
// rules judge attributes, so it passes without OpenAiGateway.
const POLICY = {
  token: `<validate-azure-ad-token tenant-id="00000000-0000-0000-0000-0000000000aa"><audiences><audience>https://cognitiveservices.azure.com</audience></audiences></validate-azure-ad-token>`,
  rate: `<rate-limit-by-key calls="100" renewal-period="60" counter-key="env" />`,
  tpm: `<llm-token-limit counter-key="env" tokens-per-minute="1000" estimate-prompt-tokens="true" />`,
  quota: `<azure-openai-token-limit counter-key="env-month" token-quota="100000" token-quota-period="Monthly" />`,
  cap: `<choose><when condition="@(context.Request.Body.As<JObject>(preserveContent: true)[&quot;max_tokens&quot;] != null &amp;&amp; (int)context.Request.Body.As<JObject>(preserveContent: true)[&quot;max_tokens&quot;] > 500)"><return-response><set-status code="400" reason="Bad Request" /></return-response></when></choose>`,
  identity: `<authentication-managed-identity resource="https://cognitiveservices.azure.com" />`,
};
type PolicyPart = keyof typeof POLICY;

function policyXml(omit: PolicyPart[] = [], extraInbound = "", outbound = "<base />"): string {
  const inbound = (Object.keys(POLICY) as PolicyPart[]).filter((k) => !omit.includes(k)).map((k) => POLICY[k]);
  return `<policies><inbound><base />${inbound.join("")}${extraInbound}</inbound><backend><forward-request /></backend><outbound>${outbound}</outbound><on-error><base /></on-error></policies>`;
}

interface HandMade {
  stack: TerraformStack;
  service: ApiManagement;
  api: ApiManagementApi;
  policy: ApiManagementApiPolicy;
  backend: ApiManagementBackend;
}

function handMadeGateway(options: { service?: Partial<ApiManagementConfig>; backend?: Partial<ApiManagementBackendConfig>; xml?: string; grant?: boolean; logs?: boolean } = {}): HandMade {
  const stack = testStack("hand");
  const account = secureAccount(stack, "account");
  const service = new ApiManagement(stack, "apim", {
    name: "apim-hand",
    resourceGroupName: "rg",
    location: "swedencentral",
    publisherName: "team",
    publisherEmail: "team@example.com",
    skuName: "Developer_1",
    identity: { type: "SystemAssigned" },
    virtualNetworkType: "Internal",
    virtualNetworkConfiguration: { subnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/apim" },
    security: {
      frontendSsl30Enabled: false,
      frontendTls10Enabled: false,
      frontendTls11Enabled: false,
      backendSsl30Enabled: false,
      backendTls10Enabled: false,
      backendTls11Enabled: false,
    },
    ...options.service,
  });
  // Literal names on purpose: the rules match children by name and resource group too.
  const backend = new ApiManagementBackend(stack, "backend", {
    name: "openai",
    apiManagementName: "apim-hand",
    resourceGroupName: "rg",
    protocol: "http",
    url: "https://aoai-account.openai.azure.com/openai",
    ...options.backend,
  });
  const api = new ApiManagementApi(stack, "api", {
    name: "openai",
    apiManagementName: service.name,
    resourceGroupName: "rg",
    revision: "1",
    path: "openai",
    displayName: "OpenAI",
    protocols: ["https"],
  });
  const policy = new ApiManagementApiPolicy(stack, "policy", {
    apiName: api.name,
    apiManagementName: service.name,
    resourceGroupName: "rg",
    xmlContent: options.xml ?? policyXml(),
  });
  if (options.grant !== false) {
    new RoleAssignment(stack, "openai-user", {
      scope: account.id,
      principalId: service.identity.principalId,
      roleDefinitionId: `/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/${OPENAI_USER}`,
    });
  }
  if (options.logs !== false) {
    const ws = workspace(stack, 90);
    const storage = hardenedStorage(stack);
    diagnostics(stack, service.id, { categories: ["GatewayLogs"], workspaceId: ws.id, storageAccountId: storage.id }, "apim-logs");
    new ApiManagementLogger(stack, "logger", {
      name: "appi",
      apiManagementName: service.name,
      resourceGroupName: "rg",
      applicationInsights: { connectionString: "InstrumentationKey=00000000-0000-0000-0000-000000000000" },
    });
  }
  return { stack, service, api, policy, backend };
}

const verdict = (rule: ComplianceRule, gateway: HandMade) => judge(rule, gateway.service);
/** The detail of a judgement that must be non-compliant. */
const broken = (rule: ComplianceRule, gateway: HandMade) => {
  const judgement = verdict(rule, gateway);
  expect(judgement.outcome).toBe("non-compliant");
  return judgement.detail;
};

describe("a hand-made gateway of provider resources", () => {
  test.each([new ApiGatewayPrivateOnly(), new ApiGatewayManagedIdentityBackends(), new ApiGatewayLimitsEnforced(), new ApiGatewayLogsExported()])(
    "is compliant with %p",
    (rule) => {
      expect(verdict(rule, handMadeGateway())).toEqual({ outcome: "compliant", detail: expect.any(String) });
    },
  );
});

describe("ApiGatewayPrivateOnly", () => {
  const rule = new ApiGatewayPrivateOnly();

  test.each([
    ["None", /^virtual_network_type is "None" \(required: "Internal", or a private endpoint/],
    ["External", /^virtual_network_type is "External"/],
  ])("an ApiManagement with virtual_network_type %s is non-compliant", (type, detail) => {
    const gateway = handMadeGateway({ service: { virtualNetworkType: type, virtualNetworkConfiguration: undefined } });
    expect(verdict(rule, gateway)).toEqual({ outcome: "non-compliant", detail: expect.stringMatching(detail) });
  });

  test("an ApiManagement without a VNet setting is non-compliant", () => {
    const gateway = handMadeGateway({ service: { virtualNetworkType: undefined, virtualNetworkConfiguration: undefined } });
    expect(broken(rule, gateway)).toMatch(/^virtual_network_type is not set/);
  });

  test("TLS 1.0 on, or a legacy protocol left unset, is non-compliant", () => {
    const on = handMadeGateway({ service: { security: { frontendTls10Enabled: true, frontendTls11Enabled: false, frontendSsl30Enabled: false, backendSsl30Enabled: false, backendTls10Enabled: false, backendTls11Enabled: false } } });
    expect(verdict(rule, on)).toEqual({ outcome: "non-compliant", detail: "security.frontend_tls10_enabled is true (required: false)" });
    const unset = handMadeGateway({ service: { security: undefined } });
    expect(broken(rule, unset)?.split("; ")).toHaveLength(6);
  });

  test("a private endpoint to the Gateway subresource with the public endpoint off is private", () => {
    const gateway = handMadeGateway({ service: { virtualNetworkType: "None", virtualNetworkConfiguration: undefined, publicNetworkAccessEnabled: false } });
    const endpoint = (id: string, subresource: string) =>
      new PrivateEndpoint(gateway.stack, id, {
        name: id,
        resourceGroupName: "rg",
        location: "swedencentral",
        subnetId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe",
        privateServiceConnection: { name: id, privateConnectionResourceId: gateway.service.id, isManualConnection: false, subresourceNames: [subresource] },
      });
    endpoint("apim-pe", "Gateway");
    expect(verdict(rule, gateway)).toEqual({ outcome: "compliant", detail: "private endpoint hand/apim-pe; SSL 3.0, TLS 1.0 and 1.1 off" });
    gateway.service.publicNetworkAccessEnabled = true;
    expect(broken(rule, gateway)).toBe("public_network_access_enabled is true (required: false): with a private endpoint the public endpoint must be off");
  });
});

describe("ApiGatewayManagedIdentityBackends", () => {
  const rule = new ApiGatewayManagedIdentityBackends();

  test("a subscription of the service makes it non-compliant", () => {
    const gateway = handMadeGateway();
    new ApiManagementSubscription(gateway.stack, "sub", { apiManagementName: "apim-hand", resourceGroupName: "rg", displayName: "keys" });
    expect(verdict(rule, gateway)).toEqual({ outcome: "non-compliant", detail: "subscriptions (keys) exist: hand/sub" });
  });

  test("a subscription of another service (same name, other resource group) does not count", () => {
    const gateway = handMadeGateway();
    new ApiManagementSubscription(gateway.stack, "sub", { apiManagementName: "apim-hand", resourceGroupName: "rg-other", displayName: "keys" });
    expect(verdict(rule, gateway).outcome).toBe("compliant");
  });

  test("a backend with an api-key header, or an azapi backend with credentials, is non-compliant", () => {
    const gateway = handMadeGateway({ backend: { credentials: { header: { "api-key": "secret" } } } });
    expect(broken(rule, gateway)).toBe("backend hand/backend has credentials.header");
    const other = handMadeGateway();
    new AzapiResource(other.stack, "azapi-backend", {
      type: "Microsoft.ApiManagement/service/backends@2024-05-01",
      name: "keyed",
      parentId: other.service.id,
      body: { properties: { url: "https://elsewhere.example.com", protocol: "http", credentials: { query: { key: ["secret"] } } } },
    });
    expect(broken(rule, other)).toMatch(/^azapi backend hand\/azapi-backend has properties\.credentials\.query; not verified \(account not in this stack\): backend hand\/azapi-backend/);
  });

  test("a policy without authentication-managed-identity, or one that sets api-key, is non-compliant", () => {
    expect(broken(rule, handMadeGateway({ xml: policyXml(["identity"]) }))).toBe(
      "policy hand/policy has no <authentication-managed-identity> in inbound or backend",
    );
    expect(broken(rule, handMadeGateway({ xml: policyXml([], `<set-header name="api-key" exists-action="override"><value>k</value></set-header>`) }))).toBe(
      "policy hand/policy sets the api-key header",
    );
  });

  test("no identity, or no OpenAI User grant on the backend's account, is non-compliant", () => {
    expect(broken(rule, handMadeGateway({ service: { identity: undefined }, grant: false }))).toBe(
      'identity.type is "not set" (required: SystemAssigned or UserAssigned); ' +
        "the service's principal is not known in this stack, so its role assignments cannot be verified",
    );
    expect(broken(rule, handMadeGateway({ grant: false }))).toBe(
      "no azurerm_role_assignment grants the service's identity Cognitive Services OpenAI User on account hand/account",
    );
  });

  test("a backend whose account is outside the stack is compliant, and named as not verified", () => {
    const judgement = verdict(rule, handMadeGateway({ backend: { url: "https://aoai-elsewhere.openai.azure.com/openai" } }));
    expect(judgement.outcome).toBe("compliant");
    expect(judgement.detail).toMatch(/; not verified \(account not in this stack\): backend hand\/backend \(url https:\/\/aoai-elsewhere\.openai\.azure\.com\/openai\)$/);
  });
});

describe("ApiGatewayLimitsEnforced", () => {
  const rule = new ApiGatewayLimitsEnforced();

  test.each([
    ["token", "validate-azure-ad-token with a tenant-id"],
    ["tpm", "a token limit with tokens-per-minute"],
    ["quota", "a token limit with token-quota and token-quota-period"],
    ["rate", "a rate limit (rate-limit-by-key or rate-limit with calls)"],
    ["cap", "a per-request token cap (a when on max_completion_tokens, max_tokens, max_output_tokens returning a response)"],
  ] as [PolicyPart, string][])("a policy without %s is non-compliant", (part, missing) => {
    expect(verdict(rule, handMadeGateway({ xml: policyXml([part]) }))).toEqual({ outcome: "non-compliant", detail: `policy hand/policy has no ${missing} in inbound` });
  });

  test("validate-azure-ad-token in outbound does not count", () => {
    const judgement = verdict(rule, handMadeGateway({ xml: policyXml(["token"], "", POLICY.token) }));
    expect(judgement.detail).toBe(
      "policy hand/policy has no validate-azure-ad-token with a tenant-id in inbound; policy hand/policy has validate-azure-ad-token outside inbound, where it does not limit requests",
    );
  });

  test("a policy that cannot be read, or no policy at all, is non-compliant", () => {
    expect(broken(rule, handMadeGateway({ xml: "<policies><inbound></policies>" }))).toMatch(/^policy hand\/policy: the policy XML cannot be read: <\/policies> does not close <inbound>/);
    expect(broken(rule, handMadeGateway({ xml: "${file(\"policy.xml\")}" }))).toBe("policy hand/policy: xml_content is only known at apply time");
    const gateway = handMadeGateway();
    gateway.policy.addOverride("api_name", "another-api");
    expect(broken(rule, gateway)).toMatch(/^API hand\/api has no API policy/);
  });
});

describe("ApiGatewayLogsExported", () => {
  const rule = new ApiGatewayLogsExported();

  test("no diagnostic setting and no logger is non-compliant", () => {
    expect(verdict(rule, handMadeGateway({ logs: false }))).toEqual({
      outcome: "non-compliant",
      detail:
        "no azurerm_monitor_diagnostic_setting in this stack targets the service; the service has no Application Insights logger (azurerm_api_management_logger or azapi loggers)",
    });
  });

  test("GatewayLogs only to a workspace, or GatewayLlmLogs missing while LLM logs are on, is non-compliant", () => {
    const gateway = handMadeGateway({ logs: false });
    diagnostics(gateway.stack, gateway.service.id, { categories: ["GatewayLogs"], workspaceId: workspace(gateway.stack).id });
    new AzapiResource(gateway.stack, "logger", {
      type: "Microsoft.ApiManagement/service/loggers@2024-05-01",
      name: "appi",
      parentId: gateway.service.id,
      body: { properties: { loggerType: "applicationInsights", resourceId: "/subscriptions/s/appi" } },
    });
    expect(broken(rule, gateway)).toBe("GatewayLogs is not sent to a storage account");

    const llm = handMadeGateway();
    new AzapiResource(llm.stack, "llm-diagnostic", {
      type: "Microsoft.ApiManagement/service/apis/diagnostics@2024-10-01-preview",
      name: "azuremonitor",
      parentId: `${llm.service.id}/apis/openai`,
      body: { properties: { largeLanguageModel: { logs: "enabled" } } },
    });
    expect(broken(rule, llm)).toBe("GatewayLlmLogs (LLM logs are on in hand/llm-diagnostic) is not sent to a Log Analytics workspace or a storage account");
  });
});

describe("the policy reader", () => {
  test("reads the default prod policy to the same elements as a real XML parser", () => {
    const stack = environmentStack(environment("prod"));
    const policy = stack.node.findAll().find((c): c is ApiManagementApiPolicy => c instanceof ApiManagementApiPolicy)!;
    const xml: string = JSON.parse(Testing.synth(stack)).resource.azurerm_api_management_api_policy[policy.friendlyUniqueId].xml_content;
    const dom = new DOMParser({ onError: onWarningStopParsing }).parseFromString(xml, "text/xml");
    const expected = Array.from(dom.getElementsByTagName("*")).map((e) => `${e.tagName}${Array.from(e.attributes).map((a) => ` ${a.name}=${a.value}`).join("")}`);
    const read = policyElements(parsePolicyXml(xml), ...new Set(expected.map((e) => e.split(" ")[0]!)));
    expect(read.map((e) => `${e.name}${Object.entries(e.attributes).map(([k, v]) => ` ${k}=${v}`).join("")}`)).toEqual(expected);
    expect(read.length).toBeGreaterThan(20);
  });

  test.each([
    ["<policies><inbound>", /<inbound> is not closed/],
    ["<policies a='1' a='2' />", /duplicate attribute a/],
    ["<policies a=\"&bogus;\" />", /unknown entity &bogus;/],
    ["<!DOCTYPE x [<!ENTITY e 'x'>]><policies />", /a document type declaration is not read/],
    ["<policies /><policies />", /a second root element/],
    ["text<policies />", /text outside the root element/],
    ["<policies>@(unclosed</policies>", /unterminated policy expression/],
    [`${"<a>".repeat(70)}${"</a>".repeat(70)}`, /nested deeper than 64/],
  ])("refuses %s", (xml, message) => {
    expect(() => parsePolicyXml(xml)).toThrow(message);
  });
});
