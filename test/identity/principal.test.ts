import { Testing } from "cdktf";
import {
  isMissingPrincipalId,
  isPlaceholderPrincipalId,
  placeholderPrincipalId,
  principalIdFromEnv,
  principalsRequired,
  RbacAssignment,
  REQUIRE_PRINCIPALS_ENV,
} from "../../lib/identity";
import { testStack, validationErrors } from "../helpers/synth";
import { ACCOUNT_ID, GROUP_ID } from "./fixtures";
import { constructProblems, failed } from "../helpers/problems";

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
    expect(constructProblems(stack)).toEqual([
      failed("principalId", { path: "test/bad-number", value: "00000000-0000-0000-0000-0000000000-1" }),
      failed("principalId", { path: "test/bad-env", value: "dev-team@example.com" }),
    ]);
  });
});

describe("principalIdFromEnv in a deployment synth (AOAI_REQUIRE_PRINCIPALS)", () => {
  const name = "AOAI_TEST_PRINCIPAL_ID";
  const saved = { ci: process.env.CI, require: process.env[REQUIRE_PRINCIPALS_ENV] };
  afterEach(() => {
    delete process.env[name];
    for (const [key, value] of [["CI", saved.ci], [REQUIRE_PRINCIPALS_ENV, saved.require]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  test("only 1 or true switch it on; CI=true alone does not", () => {
    expect(principalsRequired({ CI: "true" })).toBe(false);
    expect(principalsRequired({})).toBe(false);
    expect(principalsRequired({ [REQUIRE_PRINCIPALS_ENV]: "0" })).toBe(false);
    expect(principalsRequired({ [REQUIRE_PRINCIPALS_ENV]: "1" })).toBe(true);
    expect(principalsRequired({ [REQUIRE_PRINCIPALS_ENV]: " TRUE " })).toBe(true);
  });

  test("under CI=true without the switch, an unset variable still gives the placeholder", () => {
    process.env.CI = "true";
    delete process.env[REQUIRE_PRINCIPALS_ENV];
    expect(principalIdFromEnv(name, 4)).toBe("00000000-0000-0000-0000-000000000004");
  });

  test("with the switch, an unset variable fails the synth at the role assignment, naming the variable", () => {
    process.env[REQUIRE_PRINCIPALS_ENV] = "1";
    const stack = testStack();
    const principalId = principalIdFromEnv(name, 1, { principal: "the Developers group" });
    expect(isMissingPrincipalId(principalId)).toBe(true);
    new RbacAssignment(stack, "devs", { scope: ACCOUNT_ID, principalId, principalType: "Group", role: "Reader" });
    expect(constructProblems(stack)).toEqual([
      failed("principalId", { path: "test/devs", value: "AOAI_TEST_PRINCIPAL_ID is not set: a deployment synth needs the object ID of the Developers group", rule: /Entra object ID/ }),
    ]);
  });

  test("with the switch, a set variable is used, and a placeholder put in the variable is refused", () => {
    const env = { [REQUIRE_PRINCIPALS_ENV]: "true", [name]: GROUP_ID, OTHER: placeholderPrincipalId(2) };
    expect(principalIdFromEnv(name, 1, { env })).toBe(GROUP_ID);
    const refused = principalIdFromEnv("OTHER", 2, { env });
    expect(refused).toBe("OTHER holds the placeholder 00000000-0000-0000-0000-000000000002: a deployment synth needs the real object ID of the principal");
    expect(isMissingPrincipalId(refused)).toBe(true);
    expect(isMissingPrincipalId(GROUP_ID)).toBe(false);
  });

  test("the require option overrides the environment both ways", () => {
    expect(isMissingPrincipalId(principalIdFromEnv(name, 1, { env: {}, require: true }))).toBe(true);
    expect(principalIdFromEnv(name, 1, { env: { [REQUIRE_PRINCIPALS_ENV]: "1" }, require: false })).toBe(placeholderPrincipalId(1));
  });

  /** The dev stack of stacks/ built with the given environment (stacks/access.ts reads it when loaded). */
  function devPrincipalProblems(env: Record<string, string | undefined>): string[] {
    const before = { ...process.env };
    Object.assign(process.env, env);
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
    try {
      let problems: string[] = [];
      jest.isolateModules(() => {
        /* eslint-disable @typescript-eslint/no-require-imports */
        const { ENVIRONMENTS } = require("../../stacks/environments");
        const { OpenAiEnvironmentStack } = require("../../lib/environment/openai-environment-stack");
        /* eslint-enable @typescript-eslint/no-require-imports */
        const config = ENVIRONMENTS.find((e: { name: string }) => e.name === "dev");
        const stack = new OpenAiEnvironmentStack(Testing.app(), config);
        problems = validationErrors(stack).filter((p) => p.includes("principalId"));
      });
      return problems;
    } finally {
      process.env = before;
    }
  }

  const GROUP_VARIABLES = { AOAI_DEVELOPERS_GROUP_ID: undefined, AOAI_DATA_SCIENTISTS_GROUP_ID: undefined, AOAI_SECURITY_AUDIT_GROUP_ID: undefined };

  test("stacks/: a local or CI test synth keeps the placeholders", () => {
    expect(devPrincipalProblems({ ...GROUP_VARIABLES, CI: "true", [REQUIRE_PRINCIPALS_ENV]: undefined })).toEqual([]);
  });

  test("stacks/: a deployment synth without the group IDs fails, naming every missing variable", () => {
    const problems = devPrincipalProblems({ ...GROUP_VARIABLES, AOAI_DATA_SCIENTISTS_GROUP_ID: GROUP_ID, [REQUIRE_PRINCIPALS_ENV]: "1" });
    expect(problems.length).toBeGreaterThan(0);
    // Reported by the access matrix or the role assignment, with the construct path and the prop.
    expect(problems.join("\n")).toMatch(
      /^\[dev[^\]]*\] (access\[\d+\]\.)?principalId: "AOAI_DEVELOPERS_GROUP_ID is not set: a deployment synth needs the object ID of the Developers group" is not allowed; allowed: an Entra object ID/m,
    );
    expect(problems.join("\n")).toMatch(/AOAI_SECURITY_AUDIT_GROUP_ID is not set: a deployment synth needs the object ID of the Security and audit group/);
    expect(problems.join("\n")).not.toMatch(/AOAI_DATA_SCIENTISTS_GROUP_ID/);
  });
});
