import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { Match, matchFailures } from "./match";
import { testStack } from "./synth";
import { TerraformTemplate } from "./template";

// The helpers are the oracle of many tests: each matcher must fail on the value it should refuse.

const passes = (pattern: unknown, actual: unknown) => matchFailures(pattern, actual).length === 0;

describe("Match", () => {
  test("plain objects match like objectLike, deeply; primitives by strict equality", () => {
    const actual = { a: 1, b: { c: "x", d: true }, e: null };
    expect(passes({ a: 1, b: { c: "x" } }, actual)).toBe(true);
    expect(passes({ b: { c: "y" } }, actual)).toBe(false);
    expect(passes({ a: "1" }, actual)).toBe(false);
    expect(passes({ f: 1 }, actual)).toBe(false);
    expect(passes({ e: null }, actual)).toBe(true);
    expect(passes({ b: "x" }, actual)).toBe(false);
  });

  test("plain arrays match element by element and need the same length", () => {
    expect(passes([1, { a: 2 }], [1, { a: 2, b: 3 }])).toBe(true);
    expect(passes([1], [1, 2])).toBe(false);
    expect(passes([2, 1], [1, 2])).toBe(false);
    expect(passes([1], "1")).toBe(false);
  });

  test("objectEquals refuses extra keys", () => {
    expect(passes(Match.objectEquals({ a: 1 }), { a: 1 })).toBe(true);
    expect(passes(Match.objectEquals({ a: 1 }), { a: 1, b: 2 })).toBe(false);
  });

  test("arrayWith finds each element in order, among others", () => {
    const list = [{ name: "a", on: true }, { name: "b", on: false }, { name: "c", on: true }];
    expect(passes(Match.arrayWith([{ name: "c" }]), list)).toBe(true);
    expect(passes(Match.arrayWith([{ name: "a" }, { name: "c", on: true }]), list)).toBe(true);
    expect(passes(Match.arrayWith([{ name: "c" }, { name: "a" }]), list)).toBe(false);
    expect(passes(Match.arrayWith([{ name: "b", on: true }]), list)).toBe(false);
    expect(passes(Match.arrayWith([{ name: "a" }, { name: "a" }]), list)).toBe(false);
    expect(passes(Match.arrayWith([1]), { 0: 1 })).toBe(false);
  });

  test("absent: the key is not set; anyValue: it is set to something", () => {
    expect(passes({ a: Match.absent() }, { b: 1 })).toBe(true);
    expect(passes({ a: Match.absent() }, { a: false })).toBe(false);
    expect(passes({ a: Match.anyValue() }, { a: false })).toBe(true);
    expect(passes({ a: Match.anyValue() }, { b: 1 })).toBe(false);
    expect(passes({ a: Match.anyValue() }, { a: null })).toBe(false);
  });

  test("stringLikeRegexp matches strings only", () => {
    expect(passes(Match.stringLikeRegexp(/^\$\{azurerm_/), "${azurerm_x.y.id}")).toBe(true);
    expect(passes(Match.stringLikeRegexp("^abc$"), "abcd")).toBe(false);
    expect(passes(Match.stringLikeRegexp(/1/), 1)).toBe(false);
  });

  test("exact allows no partial match anywhere inside; not inverts", () => {
    expect(passes(Match.exact({ a: [{ b: 1 }] }), { a: [{ b: 1 }] })).toBe(true);
    expect(passes(Match.exact({ a: [{ b: 1 }] }), { a: [{ b: 1, c: 2 }] })).toBe(false);
    expect(passes(Match.not({ a: 1 }), { a: 2 })).toBe(true);
    expect(passes(Match.not({ a: 1 }), { a: 1, b: 2 })).toBe(false);
  });

  test("jest asymmetric matchers work inside patterns, and Matchers inside toEqual", () => {
    expect(passes({ a: expect.stringMatching(/^x/) }, { a: "xy" })).toBe(true);
    expect(passes({ a: expect.stringMatching(/^x/) }, { a: "yx" })).toBe(false);
    expect({ a: 1, b: 2 }).toEqual(Match.objectLike({ a: 1 }));
    expect({ a: 1, b: 2 }).not.toEqual(Match.objectLike({ a: 2 }));
  });

  test("a failure names the path of the value that differs", () => {
    expect(matchFailures({ sku: { capacity: 10 }, rule: [{ on: true }] }, { sku: { capacity: 5 }, rule: [{ on: false }] }).map((f) => f.path)).toEqual([
      "sku.capacity",
      "rule[0].on",
    ]);
  });
});

describe("TerraformTemplate", () => {
  const stack = testStack();
  new ResourceGroup(stack, "rg", { name: "rg-a", location: "swedencentral", tags: { owner: "team" } });
  new ResourceGroup(stack, "rg2", { name: "rg-b", location: "swedencentral" });
  new StorageAccount(stack, "sa", {
    name: "sa1",
    resourceGroupName: "rg-a",
    location: "swedencentral",
    accountTier: "Standard",
    accountReplicationType: "ZRS",
    publicNetworkAccessEnabled: false,
  });
  const template = TerraformTemplate.fromStack(stack);

  test("hasResourceProperties passes when one resource matches and fails, naming the key, when none does", () => {
    template.hasResourceProperties("azurerm_resource_group", { name: "rg-b" });
    template.hasResourceProperties("azurerm_storage_account", { public_network_access_enabled: false, shared_access_key_enabled: Match.absent() });
    expect(() => template.hasResourceProperties("azurerm_storage_account", { public_network_access_enabled: true })).toThrow(/public_network_access_enabled/);
    expect(() => template.hasResourceProperties("azurerm_resource_group", { name: "rg-c" })).toThrow(/no azurerm_resource_group matches/);
    expect(() => template.hasResourceProperties("azurerm_key_vault", {})).toThrow(/there are none/);
  });

  test("resourceCountIs and resourcePropertiesCountIs count exactly", () => {
    template.resourceCountIs("azurerm_resource_group", 2);
    template.resourceCountIs("azurerm_key_vault", 0);
    expect(() => template.resourceCountIs("azurerm_resource_group", 1)).toThrow(/expected 1 azurerm_resource_group, found 2/);
    template.resourcePropertiesCountIs("azurerm_resource_group", { location: "swedencentral" }, 2);
    expect(() => template.resourcePropertiesCountIs("azurerm_resource_group", { tags: Match.anyValue() }, 2)).toThrow(/found 1/);
  });

  test("allResources needs every resource of the type to match, and at least one", () => {
    template.allResources("azurerm_resource_group", { location: "swedencentral" });
    expect(() => template.allResources("azurerm_resource_group", { tags: { owner: "team" } })).toThrow(/1 of 2 azurerm_resource_group do not match; azurerm_resource_group.rg2/);
    expect(() => template.allResources("azurerm_key_vault", {})).toThrow(/found none/);
  });

  test("findResources returns the matches by logical id; noResourceMatches fails on one", () => {
    expect(Object.keys(template.findResources("azurerm_resource_group", { name: "rg-a" }))).toEqual(["rg"]);
    template.noResourceMatches("azurerm_storage_account", { public_network_access_enabled: true });
    expect(() => template.noResourceMatches("azurerm_resource_group", { name: "rg-a" })).toThrow(/azurerm_resource_group.rg/);
  });
});
