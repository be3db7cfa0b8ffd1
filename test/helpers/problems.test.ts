import { failed, problemsIn, propOf, problemSites } from "./problems";

// The helpers read where a problem is, never what it says: they must find the path in each form
// the library writes, and refuse to invent one.

describe("propOf", () => {
  test.each([
    ["residency: \"EU\" is not allowed; allowed: one of eu", "residency"],
    ["regions[0].network.addressSpace: \"x\" is not allowed; allowed: y", "regions[0].network.addressSpace"],
    ['tags["a<b"]: "a<b" is not allowed; allowed: y', 'tags["a<b"]'],
    ['["x\\ny"]: 1 is not allowed; allowed: y', '["x\\ny"]'],
    ["(config): \"21 unknown properties\" is not allowed; allowed: y", "(config)"],
    ["workspace/archive: (missing) is not allowed; allowed: y", "workspace/archive"],
    ["content-filter-name: (missing) is not allowed; allowed: y", "content-filter-name"],
    ['complianceSuppressions[CognitiveLocalAuthDisabled].reason: "temp" is not allowed; allowed: y', "complianceSuppressions[CognitiveLocalAuthDisabled].reason"],
    ['entries[ai-developers/OpenAiUser].role: "x" is not allowed; allowed: y', "entries[ai-developers/OpenAiUser].role"],
  ])("%s -> %s", (message, prop) => {
    expect(propOf(message)).toBe(prop);
  });

  test("a message that names no prop gives none", () => {
    expect(propOf("Synthesis crashed: boom")).toBeUndefined();
    expect(propOf("a sentence: with a colon")).toBeUndefined();
  });
});

test("problemSites splits the construct path off and keeps a message without a prop whole", () => {
  expect(problemSites(['[dev] residency: "EU" is not allowed; allowed: x', "[app] something broke", 'owner: 1 is not allowed; allowed: a string'])).toEqual([
    { path: "dev", prop: "residency" },
    { path: "app", message: "something broke" },
    { prop: "owner" },
  ]);
});

describe("failed", () => {
  const found = { path: "test/net", prop: "addressSpace", value: "20.20.0.0/24", rule: "allowed: a range inside the RFC 1918 private ranges" };

  test("matches on the prop, and on path, value and a rule keyword when given", () => {
    expect([found]).toEqual([failed("addressSpace")]);
    expect([found]).toEqual([failed("addressSpace", { path: "test/net", value: "20.20.0.0/24", rule: /RFC 1918/ })]);
  });

  test("fails on another prop, path, value or rule", () => {
    expect([found]).not.toEqual([failed("subnetId")]);
    expect([found]).not.toEqual([failed("addressSpace", { path: "test/other" })]);
    expect([found]).not.toEqual([failed("addressSpace", { value: "10.0.0.0/24" })]);
    expect([found]).not.toEqual([failed("addressSpace", { value: undefined })]);
    expect([found]).not.toEqual([failed("addressSpace", { rule: /prefix from/ })]);
  });

  test("a validation that is not a prop check is matched on its message", () => {
    expect([{ path: "p", prop: "lock", message: "lock: {} is not allowed; allowed: only with addressSpace" }]).toEqual([failed("lock", { rule: /only with addressSpace/ })]);
  });
});

test("problemsIn reads the path, the prop and a JSON value back from problem lines", () => {
  expect(problemsIn(['[dev] regions[0].location: "eastus" is not allowed; allowed: x', "budget.amount: (missing) is not allowed; allowed: y", "owner: (a function) is not allowed; allowed: z"])).toEqual([
    failed("regions[0].location", { path: "dev", value: "eastus", rule: /allowed: x/ }),
    failed("budget.amount", { path: "", value: undefined }),
    failed("owner"),
  ]);
  expect(problemsIn(["owner: (a function) is not allowed; allowed: z"])).not.toEqual([failed("owner", { value: undefined })]);
});
