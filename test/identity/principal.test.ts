import { isPlaceholderPrincipalId, placeholderPrincipalId, principalIdFromEnv, RbacAssignment } from "../../lib/identity";
import { testStack, validationErrors } from "../helpers/synth";
import { ACCOUNT_ID, GROUP_ID } from "./fixtures";

describe("principalIdFromEnv", () => {
  const name = "AOAI_TEST_PRINCIPAL_ID";
  afterEach(() => {
    delete process.env[name];
  });

  test("returns the environment variable when set", () => {
    process.env[name] = ` ${GROUP_ID} `;
    expect(principalIdFromEnv(name, 1)).toBe(GROUP_ID);
  });

  test("returns the numbered all-zero placeholder when unset or empty", () => {
    expect(principalIdFromEnv(name, 3)).toBe("00000000-0000-0000-0000-000000000003");
    process.env[name] = "";
    expect(principalIdFromEnv(name, 12)).toBe("00000000-0000-0000-0000-000000000012");
  });

  test("placeholders are recognisable and real IDs are not", () => {
    expect(isPlaceholderPrincipalId(placeholderPrincipalId(7))).toBe(true);
    expect(isPlaceholderPrincipalId(GROUP_ID)).toBe(false);
  });

  test("a placeholder passes synth; a bad placeholder number or env value fails the principal check", () => {
    const stack = testStack();
    new RbacAssignment(stack, "ok", { scope: ACCOUNT_ID, principalId: principalIdFromEnv(name, 1), principalType: "Group", role: "Reader" });
    new RbacAssignment(stack, "bad-number", { scope: ACCOUNT_ID, principalId: placeholderPrincipalId(-1), principalType: "Group", role: "Reader" });
    process.env[name] = "dev-team@example.com";
    new RbacAssignment(stack, "bad-env", { scope: ACCOUNT_ID, principalId: principalIdFromEnv(name, 2), principalType: "Group", role: "Reader" });
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(/\[test\/bad-number\] principalId: "00000000-0000-0000-0000-0000000000-1" is not allowed/),
      expect.stringMatching(/\[test\/bad-env\] principalId: "dev-team@example.com" is not allowed/),
    ]);
  });
});
