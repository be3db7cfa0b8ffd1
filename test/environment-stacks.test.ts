import { ENVIRONMENTS } from "../stacks/environments";
import { environment, synthEnvironment } from "./helpers/environment";
import { resourceList, resources } from "./helpers/synth";

/** The seed's per-project TPM table, in thousands of tokens per minute. */
const SEED_CAPACITY_K: Record<string, number> = { sandbox: 50, dev: 100, staging: 500, prod: 2000 };

test("the app has exactly the dev, staging, prod and sandbox environments", () => {
  expect(ENVIRONMENTS.map((e) => e.name).sort()).toEqual(["dev", "prod", "sandbox", "staging"]);
});

describe.each(ENVIRONMENTS.map((e) => e.name))("%s stack", (name) => {
  const config = environment(name);
  const json = synthEnvironment(config);
  const accounts = resourceList(json, "azurerm_cognitive_account");
  const deployments = resources(json, "azurerm_cognitive_deployment");

  test("has one account per configured region", () => {
    expect(accounts.map((a) => a.location).sort()).toEqual(config.regions.map((r) => r.location).sort());
  });

  test("every account is private, keyless and outbound-restricted", () => {
    for (const account of accounts) {
      expect(account).toMatchObject({
        kind: "OpenAI",
        sku_name: "S0",
        public_network_access_enabled: false,
        local_auth_enabled: false,
        outbound_network_access_restricted: true,
        identity: { type: "SystemAssigned" },
      });
    }
  });

  test("every account has a valid custom subdomain equal to its name", () => {
    for (const account of accounts) {
      expect(account.custom_subdomain_name).toBe(account.name);
      expect(account.custom_subdomain_name).toMatch(/^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/);
    }
  });

  test("every resource carries environment, owner and residency tags", () => {
    for (const type of ["azurerm_resource_group", "azurerm_cognitive_account"]) {
      for (const r of resourceList(json, type)) {
        expect(r.tags).toMatchObject({ environment: name, owner: config.owner, "data-residency": config.residency });
      }
    }
  });

  test("deploys the seed's capacity for the environment", () => {
    const total = Object.values(deployments).reduce((sum, d) => sum + d.sku.capacity, 0);
    expect(total).toBe(SEED_CAPACITY_K[name]);
  });

  test("chains the deployments of each account one after another", () => {
    const entries = Object.entries(deployments);
    const roots = entries.filter(([, d]) => d.depends_on === undefined);
    expect(roots).toHaveLength(accounts.length);
    const referenced = entries.flatMap(([, d]) => d.depends_on ?? []);
    // A single chain per account: every deployment but the last is depended on exactly once.
    expect(new Set(referenced).size).toBe(referenced.length);
    expect(referenced).toHaveLength(entries.length - accounts.length);
    for (const ref of referenced) {
      expect(entries.map(([id]) => `azurerm_cognitive_deployment.${id}`)).toContain(ref);
    }
  });

  test("keeps state in a relative local state file", () => {
    expect(json.terraform.backend).toEqual({ local: { path: `terraform.${name}.tfstate` } });
  });

  test("pins the azurerm provider the bindings were built for", () => {
    expect(json.terraform.required_providers.azurerm.version).toBe("4.55.0");
  });

  test("matches the snapshot", () => {
    expect(json).toMatchSnapshot();
  });
});
