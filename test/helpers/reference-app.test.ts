import { ENVIRONMENTS } from "../../stacks/environments";
import { defaultEnvironmentName, environment, environmentStack, synthEnvironment } from "./environment";
import { referenceStackJson } from "./reference-app";
import { synthJson } from "./synth";

// The suites that read the default stacks read them from one synth of the reference app per pass.
// That is only sound while it is exactly what each suite would have synthesized for itself.

describe.each(ENVIRONMENTS.map((e) => e.name))("the shared %s stack", (name) => {
  test("is the JSON Testing.synth writes for the same config, value by value and key by key", () => {
    const shared = referenceStackJson(name);
    const fresh = synthJson(environmentStack(environment(name)));
    expect(shared).toStrictEqual(fresh);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(fresh));
  });
});

describe("synthEnvironment", () => {
  const prod = environment("prod");

  test("reads a default environment's config, and only a value-equal one, from the shared synth", () => {
    expect(defaultEnvironmentName(prod)).toBe("prod");
    expect(defaultEnvironmentName({ ...prod, regions: [...prod.regions] })).toBe("prod");
    expect(defaultEnvironmentName({ ...prod, deletionProtection: !prod.deletionProtection })).toBeUndefined();
    expect(defaultEnvironmentName({ ...prod, gateway: undefined })).toBeUndefined();
  });

  test("hands out a fresh copy each time: a test that changes its JSON changes no other test's", () => {
    const first = synthEnvironment(prod);
    first.resource = {};
    expect(Object.keys(synthEnvironment(prod).resource ?? {}).length).toBeGreaterThan(10);
  });
});
