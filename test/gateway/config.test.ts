import { validateEnvironmentConfig } from "../../lib";
import { environment } from "../helpers/environment";
import { failed, problemsIn } from "../helpers/problems";

const prod = environment("prod");
const problems = (gateway: unknown, extra: object = {}) => {
  const result = validateEnvironmentConfig({ ...prod, ...extra, gateway });
  return result.ok ? [] : result.problems;
};

describe("gateway config checks", () => {
  test("the default prod gateway is valid", () => {
    expect(problems(prod.gateway)).toEqual([]);
  });

  test("a subnet outside the region's range or over the endpoint subnet is refused with its path", () => {
    expect(problemsIn(problems({ ...prod.gateway, subnetPrefix: "10.20.0.64/27" }))).toEqual([failed("gateway.subnetPrefix", { value: "10.20.0.64/27", rule: /a range inside 10\.10\.0\.0\/24, the/ })]);
    expect(problemsIn(problems({ ...prod.gateway, subnetPrefix: "10.10.0.0/27" }))[0]).toEqual(failed("gateway.subnetPrefix", { value: "10.10.0.0/27", rule: /a range that does not/ }));
  });

  test("a workload naming no identity, or asking more than the environment allows, is refused", () => {
    const w = prod.gateway!.workloads[0]!;
    expect(problemsIn(problems({ ...prod.gateway, workloads: [{ ...w, identity: "chatbott" }] }))[0]).toEqual(failed("gateway.workloads[0].identity", { value: "chatbott", rule: /the key of one of/ }));
    expect(problemsIn(problems({ ...prod.gateway, workloads: [{ ...w, tokensPerMinute: 3_000_000 }] }))).toEqual([
      failed("gateway.workloads[0].tokensPerMinute", { value: 3000000, rule: /at most gateway\.limits\.tokensPerMinute = 2000000/ }),
    ]);
    expect(problems({ ...prod.gateway, workloads: [{ ...w, clientId: "00000000-0000-0000-0000-000000000009" }] })[0]).toMatch(/exactly one of identity/);
  });

  test("shapes: unknown keys, a bad SKU, a bad allowlist entry and a missing field are each named", () => {
    const all = problems({ ...prod.gateway, sku: "Standard", limitz: 1, workloads: [{ ...prod.gateway!.workloads[0]!, ipAllowlist: ["10.0.1.1/24"] }], publisherEmail: undefined });
    expect(problemsIn(all)).toEqual(
      expect.arrayContaining([
        failed("gateway.sku", { value: "Standard", rule: /Developer, Premium/ }),
        failed("gateway.limitz"),
        failed("gateway.workloads[0].ipAllowlist[0]", { value: "10.0.1.1/24" }),
        failed("gateway.publisherEmail", { value: undefined }),
      ]),
    );
  });

  test("a model without a price cannot be budgeted", () => {
    const deployments = [{ ...prod.deployments[0]!, model: "gpt-9" }];
    expect(problemsIn(problems(prod.gateway, { deployments, allowedModels: ["gpt-9"] }))).toEqual(
      expect.arrayContaining([failed("deployments[0].model", { value: "gpt-9", rule: /price table/ })]),
    );
  });
});

describe("findings of the fuzz run of 10,000 configs (issue 22)", () => {
  const w = prod.gateway!.workloads[0]!;
  const at = (all: readonly string[], path: string) => all.filter((p) => p.startsWith(`${path}: `));

  test("`tags: null` and a null region beside a gateway are reported at their config path, not as unreadable", () => {
    const tagsNull = problems(prod.gateway, { tags: null });
    expect(problemsIn(tagsNull)).toEqual([failed("tags", { value: null })]);
    for (const regions of [[null, ...prod.regions.slice(1)], [prod.regions[0], null]]) {
      const all = problems(prod.gateway, { regions });
      expect(all.some((p) => p.includes("(unreadable)"))).toBe(false);
      expect(problemsIn(all)).toEqual(expect.arrayContaining([failed(/^regions\[[01]\]$/, { value: null })]));
    }
  });

  test("two gateway workloads on one caller fail on the second: by identity, and by client ID ignoring case", () => {
    expect(at(problems({ ...prod.gateway, workloads: [w, { ...w, key: "svc-other" }] }), "gateway.workloads[1].identity")).toHaveLength(1);
    const id = "ABCDEF00-0000-0000-0000-000000000001";
    const byClient = [{ ...w, identity: undefined, clientId: id }, { ...w, key: "svc-other", identity: undefined, clientId: id.toLowerCase() }];
    expect(at(problems({ ...prod.gateway, workloads: byClient }), "gateway.workloads[1].clientId")).toHaveLength(1);
  });

  test("a budget below one token's price is refused on each budget", () => {
    const all = problems({ ...prod.gateway, costLimits: { ...prod.gateway!.costLimits, dailyUsd: 1e-9, monthlyUsd: 1e-9 } });
    expect(at(all, "gateway.costLimits.dailyUsd")).toHaveLength(1);
    expect(at(all, "gateway.costLimits.monthlyUsd")).toHaveLength(1);
  });

  test('sku "Developer" with capacity above 1 is refused (the tier cannot scale)', () => {
    expect(problemsIn(problems({ ...prod.gateway, sku: "Developer", capacity: 2 }))).toEqual([failed("gateway.capacity", { value: 2, rule: /1 with sku Developer/ })]);
    expect(problems({ ...prod.gateway, sku: "Developer", capacity: 1 })).toEqual([]);
  });

  test("gateway.publisherEmail with an interpolation is refused", () => {
    expect(at(problems({ ...prod.gateway, publisherEmail: "${var.owner}@contoso.com" }), "gateway.publisherEmail")).toHaveLength(1);
  });
});
