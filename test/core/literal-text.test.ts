import { TerraformVariable } from "cdktf";
import { GovernanceTags, isKnownToken, isToken, OpenAiAccount, PropChecks } from "../../lib";
import { checkGovernanceTags } from "../../lib/core/tags";
import { isTokenLookAlike, literalTextProblem } from "../../lib/core/validation";
import { testStack, validationErrors } from "../helpers/synth";

describe("token look-alikes (issue 12)", () => {
  test("a string shaped like a token that this app did not create is not a token", () => {
    const stack = testStack();
    const real = new TerraformVariable(stack, "v", {}).stringValue;
    expect(isToken(real)).toBe(true);
    expect(isKnownToken(`prefix-${real}`)).toBe(true);
    expect(isToken("${TfToken[TOKEN.99999]}")).toBe(false);
    expect(isTokenLookAlike("${TfToken[TOKEN.99999]}")).toBe(true);
    expect(isTokenLookAlike(`${real}\${TfToken[TOKEN.99999]}`)).toBe(true);
    expect(isTokenLookAlike("plain")).toBe(false);
  });

  test("PropChecks no longer skips a look-alike where a literal is required", () => {
    const c = new PropChecks();
    c.oneOf("sku", "${TfToken[TOKEN.99999]}" as "a", ["a", "b"]);
    expect(c.messages).toEqual(['sku: "${TfToken[TOKEN.99999]}" is not allowed; allowed: a, b']);
  });
});

describe("literal text written into Terraform strings (issue 12)", () => {
  test.each(["${var.x}", "a %{ if true }b%{ endif }", "x${y"])("%j is refused", (text) => {
    expect(literalTextProblem(text)).toMatch(/^allowed: literal text without "\$\{" or "%\{"/);
  });

  test("plain text, a lone $ or % and a token of this app are accepted; literal parts around a token are still checked", () => {
    const stack = testStack();
    const real = new TerraformVariable(stack, "v", {}).stringValue;
    expect(literalTextProblem("costs $5, 10% off")).toBeUndefined();
    expect(literalTextProblem(real)).toBeUndefined();
    expect(literalTextProblem(`team ${real}`)).toBeUndefined();
    expect(literalTextProblem(`\${var.x} ${real}`)).toMatch(/^allowed: literal text without/);
    expect(literalTextProblem(real, false)).toBe("allowed: literal text known at synth (not a Terraform reference)");
  });

  test("checkGovernanceTags names the tag, its name and the governance props", () => {
    const c = new PropChecks();
    checkGovernanceTags(c, { environment: "prod", owner: "${var.owner}", dataResidency: "eu" }, { "cost${x}": "1", team: "%{x}" });
    expect(c.messages).toEqual([
      'owner: "${var.owner}" is not allowed; allowed: literal text without "${" or "%{" (Terraform reads them as an interpolation or a directive); Terraform references belong in resource ID fields only',
      expect.stringContaining('tags["cost${x}"] (the name): "cost${x}" is not allowed; allowed: literal text without'),
      expect.stringContaining('tags["team"]: "%{x}" is not allowed'),
    ]);
  });

  test("GovernanceTags refuses an owner or tag value Terraform would evaluate", () => {
    const stack = testStack();
    GovernanceTags.apply(stack, { environment: "test", owner: "${var.owner}", dataResidency: "eu", tags: { costCenter: "${TfToken[TOKEN.55555]}" } });
    const errors = validationErrors(stack);
    expect(errors).toContainEqual(expect.stringContaining('[test] owner: "${var.owner}" is not allowed; allowed: literal text without'));
    expect(errors).toContainEqual(
      expect.stringContaining('[test] tags["costCenter"]: "${TfToken[TOKEN.55555]}" is not allowed; allowed: a Terraform reference created in this app'),
    );
  });

  test("GovernanceTags accepts a real token as a tag value", () => {
    const stack = testStack();
    const cost = new TerraformVariable(stack, "cost", {}).stringValue;
    GovernanceTags.apply(stack, { environment: "test", owner: "team", dataResidency: "eu", tags: { cost } });
    new OpenAiAccount(stack, "openai", { name: "aoai-test-sdc-oai", resourceGroupName: "rg", location: "swedencentral" });
    expect(validationErrors(stack)).toEqual([]);
  });
});
