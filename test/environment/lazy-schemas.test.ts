/**
 * The config schemas are built on first use: an app that builds constructs from typed props and
 * never validates a config as data does not pay for them when it loads the library.
 */
describe("config schemas built on first use", () => {
  test("loading the library builds no zod object schema; the first validation builds them once", () => {
    jest.isolateModules(() => {
      // zod's namespace is frozen: the library gets a copy whose strictObject counts its calls.
      const actual = jest.requireActual("zod") as typeof import("zod");
      const strictObject = jest.fn(actual.z.strictObject);
      jest.doMock("zod", () => ({ ...actual, z: { ...actual.z, strictObject } }));
      const { validateEnvironmentConfig } = require("../../lib") as typeof import("../../lib");
      expect(strictObject).not.toHaveBeenCalled();

      expect(validateEnvironmentConfig({}).ok).toBe(false);
      const built = strictObject.mock.calls.length;
      expect(built).toBeGreaterThan(0);
      validateEnvironmentConfig({ gateway: {} });
      validateEnvironmentConfig({});
      // The gateway's schema joins on the first config that has a gateway, then nothing is rebuilt.
      const withGateway = strictObject.mock.calls.length;
      validateEnvironmentConfig({ gateway: {} });
      expect(strictObject.mock.calls.length).toBe(withGateway);
      jest.dontMock("zod");
    });
  });
});
