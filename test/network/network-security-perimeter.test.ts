import { AzapiResource } from "../../lib/core/azapi";
import { NetworkSecurityPerimeter, NetworkSecurityPerimeterProps, OpenAiPlatformProps } from "../../lib";
import { resources, synthJson, testStack } from "../helpers/synth";
import { warningsOf } from "../helpers/monitoring";
import { platformIn } from "../helpers/platform";
import { constructProblems, failed } from "../helpers/problems";
import { SUB } from "./fixtures";

const RG = `/subscriptions/${SUB}/resourceGroups/rg-ai`;
const accountId = (name: string) => `${RG}/providers/Microsoft.CognitiveServices/accounts/${name}`;
const EXISTING = `/subscriptions/${SUB}/resourceGroups/rg-central/providers/Microsoft.Network/networkSecurityPerimeters/nsp-central`;

const CREATED: NetworkSecurityPerimeterProps = {
  name: "chat-prod-nsp",
  resourceGroupId: RG,
  location: "swedencentral",
  members: [{ name: "chat-prod-sdc-oai", resourceId: accountId("chat-prod-sdc-oai") }],
};

function perimeter(props: Partial<NetworkSecurityPerimeterProps> = {}) {
  const stack = testStack();
  const built = new NetworkSecurityPerimeter(stack, "nsp", { ...CREATED, ...props } as NetworkSecurityPerimeterProps);
  return { stack, built };
}

/** The azapi resources of the stack, by azapi `type`. */
function azapiByType(stack: ReturnType<typeof testStack>, type: string): any[] {
  return Object.values(resources(synthJson(stack), AzapiResource.tfResourceType)).filter((r: any) => r.type === type);
}

describe("NetworkSecurityPerimeter", () => {
  test("creates a perimeter, a profile and one association per member in Learning mode", () => {
    const { stack } = perimeter({ members: [...CREATED.members, { name: "chat-prod-frc-oai", resourceId: accountId("chat-prod-frc-oai") }] });
    const [nsp] = azapiByType(stack, "Microsoft.Network/networkSecurityPerimeters@2025-01-01");
    expect(nsp).toMatchObject({ name: "chat-prod-nsp", parent_id: RG, location: "swedencentral" });
    const [profile] = azapiByType(stack, "Microsoft.Network/networkSecurityPerimeters/profiles@2025-01-01");
    expect(profile.name).toBe("openai");
    expect(profile.parent_id).toMatch(/^\$\{azapi_resource\.nsp_perimeter_[A-F0-9]+\.id\}$/);
    const associations = azapiByType(stack, "Microsoft.Network/networkSecurityPerimeters/resourceAssociations@2025-01-01");
    expect(associations.map((a) => [a.name, a.body.properties.privateLinkResource.id, a.body.properties.accessMode])).toEqual([
      ["chat-prod-frc-oai", accountId("chat-prod-frc-oai"), "Learning"],
      ["chat-prod-sdc-oai", accountId("chat-prod-sdc-oai"), "Learning"],
    ]);
    // Every association is a child of the perimeter and goes through the profile.
    for (const a of associations) {
      expect(a.parent_id).toMatch(/^\$\{azapi_resource\.nsp_perimeter_[A-F0-9]+\.id\}$/);
      expect(a.body.properties.profile.id).toMatch(/^\$\{azapi_resource\.nsp_profile_[A-F0-9]+\.id\}$/);
    }
    expect(constructProblems(stack)).toEqual([]);
  });

  test("joins an existing perimeter without creating one", () => {
    const { stack, built } = perimeter({ name: undefined, resourceGroupId: undefined, location: undefined, existingPerimeterId: EXISTING, accessMode: "Enforced", profileName: "ai-accounts" });
    expect(built.perimeter).toBeUndefined();
    expect(azapiByType(stack, "Microsoft.Network/networkSecurityPerimeters@2025-01-01")).toEqual([]);
    const [profile] = azapiByType(stack, "Microsoft.Network/networkSecurityPerimeters/profiles@2025-01-01");
    expect(profile).toMatchObject({ name: "ai-accounts", parent_id: EXISTING });
    const [association] = azapiByType(stack, "Microsoft.Network/networkSecurityPerimeters/resourceAssociations@2025-01-01");
    expect(association).toMatchObject({ parent_id: EXISTING, body: { properties: { accessMode: "Enforced" } } });
    expect(constructProblems(stack)).toEqual([]);
  });

  test("an access mode other than Learning or Enforced is refused (Audit too)", () => {
    for (const mode of ["Audit", "learning", "Off"]) {
      const { stack } = perimeter({ accessMode: mode as never });
      expect(constructProblems(stack)).toEqual([failed("accessMode", { path: "test/nsp", value: mode })]);
    }
  });

  test("a malformed existing perimeter ID is refused, and a name beside it too", () => {
    const wrongType = EXISTING.replace("networkSecurityPerimeters", "virtualNetworks");
    const { stack } = perimeter({ name: "x", resourceGroupId: undefined, location: undefined, existingPerimeterId: wrongType });
    expect(constructProblems(stack)).toEqual([failed("existingPerimeterId", { value: wrongType }), failed("name", { value: "x" })]);
  });

  test("a created perimeter needs a name, a resource group ID and a location", () => {
    const { stack } = perimeter({ name: undefined, resourceGroupId: "rg-ai", location: undefined });
    expect(constructProblems(stack)).toEqual([failed("name", { value: undefined }), failed("resourceGroupId", { value: "rg-ai" }), failed("location", { value: undefined })]);
  });

  test("perimeter, profile and association names follow Azure's pattern and length", () => {
    const { stack } = perimeter({
      name: "-nsp",
      profileName: "a".repeat(81),
      members: [{ name: "ends-with-dash-", resourceId: accountId("a") }, { name: "ok_name.1_", resourceId: "not-an-id" }],
    });
    expect(constructProblems(stack)).toEqual([
      failed("profileName", { value: "a".repeat(81) }),
      failed("name", { value: "-nsp" }),
      failed("members[0].name", { value: "ends-with-dash-" }),
      failed("members[1].resourceId", { value: "not-an-id" }),
    ]);
  });

  test("no members, or one name twice, is refused; the second gets no association", () => {
    expect(constructProblems(perimeter({ members: [] }).stack)).toEqual([failed("members", { value: [] })]);
    const twice = perimeter({ members: [CREATED.members[0], { name: "CHAT-prod-sdc-oai", resourceId: accountId("b") }, CREATED.members[0]] });
    expect(constructProblems(twice.stack)).toEqual([failed("members[].name", { value: ["CHAT-prod-sdc-oai", "chat-prod-sdc-oai"] })]);
    expect(Object.keys(twice.built.associations)).toEqual(["chat-prod-sdc-oai"]);
  });

  test("an unknown prop is refused", () => {
    const { stack } = perimeter({ acessMode: "Enforced" } as never);
    expect(constructProblems(stack)).toEqual([failed("acessMode")]);
  });
});

describe("OpenAiPlatform networkSecurityPerimeter", () => {
  const deployment = { name: "chat", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", capacity: 50 } as const;
  const platform = (extra: Partial<OpenAiPlatformProps> = {}) => platformIn({ deployments: [deployment], capacityCapK: 1_000, allowedModels: ["gpt-5.4"], ...extra });

  test("off by default: no perimeter resources", () => {
    const { stack, built } = platform();
    expect(built.perimeter).toBeUndefined();
    expect(Object.values(resources(synthJson(stack), AzapiResource.tfResourceType)).filter((r: any) => r.type.startsWith("Microsoft.Network/networkSecurityPerimeters"))).toEqual([]);
  });

  test("associates every account, in Learning mode, with a perimeter at the home location", () => {
    const { stack, built } = platform({ networkSecurityPerimeter: {} });
    const json = synthJson(stack);
    const [nsp] = azapiByType(stack, "Microsoft.Network/networkSecurityPerimeters@2025-01-01");
    expect(nsp).toMatchObject({ name: "chat-prod-nsp", location: "swedencentral" });
    expect(nsp.parent_id).toBe("/subscriptions/${data.azurerm_client_config.client-config.subscription_id}/resourceGroups/chat-prod-rg");
    const accounts = resources(json, "azurerm_cognitive_account");
    const associations = azapiByType(stack, "Microsoft.Network/networkSecurityPerimeters/resourceAssociations@2025-01-01");
    // Named after the accounts: unique even in a perimeter other environments share.
    expect(associations.map((a) => a.name).sort()).toEqual(["chat-prod-frc-oai-ctso", "chat-prod-sdc-oai-ctso"]);
    expect(built.perimeter?.associations).toBeDefined();
    for (const a of associations) expect(a.body.properties.accessMode).toBe("Learning");
    // Each association points at one of the platform's accounts, and each account has one.
    const accountRefs = Object.keys(accounts).map((id) => `\${azurerm_cognitive_account.${id}.id}`).sort();
    expect(associations.map((a) => a.body.properties.privateLinkResource.id).sort()).toEqual(accountRefs);
    expect(constructProblems(stack)).toEqual([]);
  });

  test("kind OpenAI is warned about (public preview, feature flags); Foundry is not", () => {
    const preview = (stack: ReturnType<typeof testStack>) => warningsOf(stack).filter((w) => w.includes("OpenAI.NspPreview"));
    expect(preview(platform({ networkSecurityPerimeter: {} }).stack)).toEqual([]);
    const openAi = platform({ networkSecurityPerimeter: {}, kind: "OpenAI", foundryUpgrade: { decision: "allow" } });
    expect(preview(openAi.stack)).toHaveLength(1);
  });

  test("a typo in the perimeter options fails the synth", () => {
    const { stack } = platform({ networkSecurityPerimeter: { accesMode: "Enforced" } as never });
    expect(constructProblems(stack)).toEqual([failed("networkSecurityPerimeter.accesMode")]);
  });
});
