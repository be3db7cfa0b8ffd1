/** `cdktf synth --hcl` (SYNTH_HCL_OUTPUT) writes the azapi key as HCL, so the HCL exit route keeps prod's CMK. */
import { environment, synthEnvironmentFiles } from "../helpers/environment";

test("the prod stack as HCL declares the azapi provider and the key with its body as an HCL object", () => {
  const previous = process.env.SYNTH_HCL_OUTPUT;
  process.env.SYNTH_HCL_OUTPUT = "true";
  let hcl: string;
  try {
    hcl = synthEnvironmentFiles(environment("prod"), ["cdk.tf"]).files["cdk.tf"];
  } finally {
    if (previous === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = previous;
  }
  expect(hcl).toMatch(/provider "azapi" \{/);
  const start = hcl.search(/resource "azapi_resource" "openai_swedencentral-cmk_key_\w+" \{/);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = hcl.indexOf("\nresource ", start + 1);
  const key = hcl.slice(start, next === -1 ? undefined : next);
  expect(key).toContain('type = "Microsoft.KeyVault/vaults/keys@2023-07-01"');
  expect(key).toMatch(/body = \{\s*properties = \{\s*kty = "RSA-HSM"\s*keySize = 2048/);
  expect(key).toMatch(/response_export_values = \[\s*"properties.keyUri",\s*"properties.keyUriWithVersion",/);
});
