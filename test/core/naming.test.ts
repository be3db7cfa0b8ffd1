import { NAME_RULES, nameProblem, ResourceNaming } from "../../lib";

describe("ResourceNaming", () => {
  const naming = new ResourceNaming({ workload: "chat", environment: "prod", uniqueSuffix: "ctso" });

  test("follows <workload>-<env>-<region code>-<type> with the suffix only on globally unique names", () => {
    expect(naming.name("resourceGroup", { location: "swedencentral" })).toBe("chat-prod-sdc-rg");
    expect(naming.name("openAiAccount", { location: "francecentral" })).toBe("chat-prod-frc-oai-ctso");
    expect(naming.name("privateEndpoint", { location: "eastus2", qualifier: "openai" })).toBe("chat-prod-eus2-openai-pe");
  });

  test("squeezes storage account names to lowercase letters and digits", () => {
    expect(naming.name("storageAccount", { location: "swedencentral", qualifier: "audit" })).toBe("chatprodsdcauditstctso");
  });

  test("every generated default name passes its own rule", () => {
    for (const kind of Object.keys(NAME_RULES) as (keyof typeof NAME_RULES)[]) {
      const name = naming.name(kind, { location: "swedencentral" });
      expect({ kind, name, problem: nameProblem(kind, name) }).toEqual({ kind, name, problem: undefined });
    }
  });

  test("a storage name over 24 characters is reported with the rule", () => {
    const long = new ResourceNaming({ workload: "customer-support", environment: "staging", uniqueSuffix: "contoso" });
    const name = long.name("storageAccount", { location: "germanywestcentral", qualifier: "audit" });
    expect(nameProblem("storageAccount", name)).toBe("allowed: 3-24 lowercase letters or digits");
  });

  test("key vault names may not contain consecutive hyphens", () => {
    expect(nameProblem("keyVault", "kv--x")).toBeDefined();
    expect(nameProblem("keyVault", "kv-x")).toBeUndefined();
  });
});
