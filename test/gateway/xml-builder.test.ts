import { GatewayPolicies, PolicyXml } from "../../lib";
import { children, elements, only, parsePolicy } from "./policy-xml";

describe("policy XML builder", () => {
  test("escapes every attribute and text value: config text cannot open an element or end an attribute", () => {
    const hostile = `"/><set-backend-service backend-id="evil" /><x a='`;
    const xml = PolicyXml.renderXml(PolicyXml.el("root", { value: hostile }, PolicyXml.text(`</root><injected/>&amp;`)));
    const doc = parsePolicy(xml);
    const root = doc.documentElement!;
    expect(root.getAttribute("value")).toBe(hostile);
    expect(root.textContent).toBe("</root><injected/>&amp;");
    expect(elements(doc, "set-backend-service")).toEqual([]);
    expect(elements(doc, "injected")).toEqual([]);
  });

  test("refuses names that are not XML names and text XML cannot hold", () => {
    expect(() => PolicyXml.el("bad name")).toThrow(/not an XML element name/);
    expect(() => PolicyXml.el("ok", { "a b": "x" })).toThrow(/not an XML attribute name/);
    expect(() => PolicyXml.renderXml(PolicyXml.text("bell \u0007"))).toThrow(/control character/);
  });

  test("ip-filter turns CIDR ranges into address ranges and /32 into addresses", () => {
    const doc = parsePolicy(PolicyXml.renderXml(GatewayPolicies.ipFilterAllow(["10.0.1.0/24", "192.168.1.100/32", "10.0.5.7"])));
    const filter = only(doc, "ip-filter");
    expect(filter.getAttribute("action")).toBe("allow");
    expect(children(filter).map((c) => [c.tagName, c.getAttribute("from") || "", c.getAttribute("to") || "", c.textContent || ""])).toEqual([
      ["address-range", "10.0.1.0", "10.0.1.255", ""],
      ["address", "", "", "192.168.1.100"],
      ["address", "", "", "10.0.5.7"],
    ]);
  });

  test("the token limit writes a rate and a quota with its period, and estimates prompt tokens", () => {
    const doc = parsePolicy(PolicyXml.renderXml(GatewayPolicies.tokenLimit({ counterKey: "k", tokensPerMinute: 500_000, tokenQuota: 9, quotaPeriod: "Daily" })));
    const limit = only(doc, "llm-token-limit");
    expect(limit.getAttribute("tokens-per-minute")).toBe("500000");
    expect(limit.getAttribute("token-quota")).toBe("9");
    expect(limit.getAttribute("token-quota-period")).toBe("Daily");
    expect(limit.getAttribute("estimate-prompt-tokens")).toBe("true");
  });

  test("the per-request cap refuses invalid caps instead of writing them", () => {
    expect(() => GatewayPolicies.maxTokensPerRequest(0)).toThrow();
    expect(() => GatewayPolicies.maxTokensPerRequest(1.5)).toThrow();
  });
});
