// The transformer of every jest pass: what it writes must behave as tsc's output where tests rely on it.
const transformer = require("./swc-transformer.js") as { process(source: string, filename: string): { code: string }; OPTIONS: object };
const { transformSync } = require("@swc/core") as typeof import("@swc/core");

/** Runs transformed source as a CommonJS module; returns its exports. */
function load(source: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function("exports", "require", "module", transformer.process(source, "/virtual/m.ts").code)(module.exports, require, module);
  return module.exports;
}

describe.each([
  ["one export", "export function build(): string { return 'real'; }\n"],
  ["several exports", "export function build(): string { return 'real'; }\nexport const other = 1;\n"],
])("a module with %s", (_, source) => {
  test("lets jest.spyOn replace an export and restore it, as tsc's `exports.name = name` does", () => {
    const exports = load(source) as { build(): string };
    const spy = jest.spyOn(exports, "build").mockReturnValue("mocked");
    expect(exports.build()).toBe("mocked");
    spy.mockRestore();
    expect(exports.build()).toBe("real");
  });

  test("only adds `configurable: true` to lines swc wrote, so the inline source map still points at the right line", () => {
    const code = transformer.process(source, "/virtual/m.ts").code;
    expect(code).toContain("configurable: true");
    expect(code.replace(/ configurable: true,/g, "")).toBe(transformSync(source, { ...transformer.OPTIONS, filename: "/virtual/m.ts" }).code);
  });
});
