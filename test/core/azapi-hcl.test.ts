/** `cdktf synth --hcl` (SYNTH_HCL_OUTPUT) writes the azapi key as HCL, so the HCL exit route keeps prod's CMK. */
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { Testing, TerraformStack } from "cdktf";
import { AzapiResource } from "../../lib/core/azapi";
import { referenceStackFiles } from "../helpers/reference-app";
import { TEST_CONTEXT } from "../helpers/synth";
import { parseHclFiles, resourcesByAddress, withHclOutput } from "../hcl/hcl-roundtrip";

test("the prod stack as HCL declares the azapi provider and the key with its body as an HCL object", () => {
  const hcl = referenceStackFiles("prod", ["cdk.tf"], "hcl")["cdk.tf"]!;
  expect(hcl).toMatch(/provider "azapi" \{/);
  const start = hcl.search(/resource "azapi_resource" "openai_swedencentral-cmk_key_\w+" \{/);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = hcl.indexOf("\nresource ", start + 1);
  const key = hcl.slice(start, next === -1 ? undefined : next);
  expect(key).toContain('type = "Microsoft.KeyVault/vaults/keys@2023-07-01"');
  expect(key).toMatch(/body = \{\s*properties = \{\s*kty = "RSA-HSM"\s*keySize = 2048/);
  expect(key).toMatch(/response_export_values = \[\s*"properties.keyUri",\s*"properties.keyUriWithVersion",/);
});

describe("azapi values in HCL: every string is an HCL literal with the JSON output's value", () => {
  // Strings cdktf's untyped renderer would write wrongly without escaping (backslashes, quotes,
  // template sequences, numbers and brackets taken as expressions, line breaks).
  const TRICKY = {
    regex: "\\b\\d{4}[-\\s]?\\d{4}\\b",
    quoted: 'say "hi" \\"there\\"',
    template: "literal ${not.a.reference} and %{ if x }",
    integerLike: "12345",
    negative: "-7",
    bracket: "[abc]",
    brace: "{json: 1}",
    quoteFirst: '"quoted"',
    lines: "one\ntwo\r\n\tthree",
    empty: "",
    list: ["\\d+", "42", "[x]"],
  };

  function synthBoth(): { json: any; hcl: any } {
    const build = () => {
      const stack = new TerraformStack(Testing.app({ context: TEST_CONTEXT }), "hcl-escape");
      const rg = new ResourceGroup(stack, "rg", { name: "rg-test", location: "swedencentral" });
      new AzapiResource(stack, "tricky", {
        type: "Microsoft.Example/things@2024-01-01",
        name: "thing",
        parentId: `${rg.id}/children/x`,
        body: { properties: { ...TRICKY, reference: rg.name, mixed: `${rg.id}/sub "q" \\d` } },
        sensitiveBody: { properties: { secret: '\\s"${x}' } },
        ignoreBodyChanges: ["properties.regex"],
        ignoreCasing: true,
      });
      return stack;
    };
    const json = JSON.parse(Testing.synth(build()));
    const text = withHclOutput(true, () => Testing.synthHcl(build())) as string;
    const parsed = parseHclFiles({ "cdk.tf": text })["cdk.tf"]!;
    if (parsed.error) throw new Error(parsed.error);
    return { json, hcl: parsed.config };
  }

  const { json, hcl } = synthBoth();
  const fromJson = resourcesByAddress(json)["azapi_resource.tricky"];
  const fromHcl = resourcesByAddress(hcl)["azapi_resource.tricky"];

  test("the parsed HCL equals the JSON output attribute by attribute", () => {
    expect(fromHcl).toEqual(fromJson);
  });

  test("literal strings keep their value; template sequences are escaped in both outputs; references stay references", () => {
    const body = json.resource.azapi_resource.tricky.body.properties;
    expect(body.regex).toBe(TRICKY.regex);
    expect(body.integerLike).toBe("12345");
    expect(body.lines).toBe(TRICKY.lines);
    expect(body.template).toBe("literal $${not.a.reference} and %%{ if x }");
    expect(body.reference).toBe("${azurerm_resource_group.rg.name}");
    expect(body.mixed).toBe('${azurerm_resource_group.rg.id}/sub "q" \\d');
    const resource = json.resource.azapi_resource.tricky;
    expect(resource.sensitive_body).toEqual({ properties: { secret: '\\s"$${x}' } });
    expect(resource.ignore_body_changes).toEqual(["properties.regex"]);
    expect(resource.ignore_casing).toBe(true);
  });
});

test("the HCL parser the round trip uses rejects what cdktf wrote before the fix (an unescaped regex in a quoted string)", () => {
  const parsed = parseHclFiles({ "bad.tf": 'resource "x" "y" {\n  body = {\n    pattern = "\\b\\d{4}\\b"\n  }\n}\n', "good.tf": 'resource "x" "y" {\n  pattern = "\\\\b\\\\d{4}\\\\b"\n}\n' });
  expect(parsed["bad.tf"]!.error).toMatch(/Invalid escape sequence/);
  expect(parsed["good.tf"]!.config!.resource.x.y[0].pattern).toBe("\\b\\d{4}\\b");
});
