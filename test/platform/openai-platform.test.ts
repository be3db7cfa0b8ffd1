import * as fs from "fs";
import * as path from "path";
import { environment, synthEnvironment } from "../helpers/environment";
import { resources, synthProblems, tempOutdir, testApp } from "../helpers/synth";
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { OpenAiEnvironmentStack } from "../../lib/environment/openai-environment-stack";
import { failed, problemsIn } from "../helpers/problems";

// The platform alone: the gateway in front of it has its own tests (test/gateway).
const prod = { ...environment("prod"), gateway: undefined };
const oneRegion: EnvironmentConfig = { ...prod, regions: [prod.regions[0]], capacityCapK: 10_000 };
const twoRegions: EnvironmentConfig = { ...prod, capacityCapK: 10_000 };
const threeRegions: EnvironmentConfig = {
  ...twoRegions,
  regions: [...prod.regions, { location: "germanywestcentral", priority: 3, network: { addressSpace: "10.99.33.0/24" } }],
};

/** Every resource address (type.logical_id) of a synthesized stack. */
function addresses(config: EnvironmentConfig): Set<string> {
  const json = synthEnvironment(config);
  return new Set(
    Object.entries(json.resource ?? {}).flatMap(([type, byId]) => Object.keys(byId).map((id) => `${type}.${id}`)),
  );
}

describe("OpenAiPlatform addresses", () => {
  test("adding a region keeps every existing address", () => {
    const before = addresses(twoRegions);
    const after = addresses(threeRegions);
    for (const address of before) expect(after).toContain(address);
    expect(after.size).toBeGreaterThan(before.size);
  });

  test("removing the first region keeps the addresses of the others", () => {
    const without = addresses({ ...twoRegions, regions: [{ location: "francecentral", priority: 1, network: { addressSpace: "10.99.21.0/24" } }] });
    const full = addresses(twoRegions);
    for (const address of without) expect(full).toContain(address);
  });

  test("one region is a subset of two", () => {
    const one = addresses(oneRegion);
    const two = addresses(twoRegions);
    for (const address of one) expect(two).toContain(address);
  });
});

describe("routing manifest", () => {
  test("is written beside the stack with endpoints, deployments, priorities and residency, no secrets", () => {
    const outdir = tempOutdir();
    const app = testApp(outdir);
    new OpenAiEnvironmentStack(app, prod);
    app.synth();
    const file = path.join(outdir, "stacks/prod/routing-manifest.json");
    const text = fs.readFileSync(file, "utf8");
    const manifest = JSON.parse(text);
    expect(manifest).toEqual({
      environment: "prod",
      residency: "eu",
      authentication: { type: "entra-id", tokenScope: "https://cognitiveservices.azure.com/.default" },
      regions: [
        {
          location: "swedencentral",
          priority: 1,
          endpoint: "https://aoai-prod-sdc-oai-ctso.openai.azure.com/",
          kind: "OpenAI",
          dataZone: "EU",
          deployments: [
            { name: "gpt-5-4", model: "gpt-5.4", version: "2026-03-05", sku: "DataZoneStandard", processing: "dataZone" },
          ],
        },
        expect.objectContaining({ location: "francecentral", priority: 2, endpoint: "https://aoai-prod-frc-oai-ctso.openai.azure.com/" }),
      ],
    });
    expect(text).not.toMatch(/key|secret|password|token"/i);
  });

  test("is also a Terraform output holding the same document", () => {
    const json = synthEnvironment(prod);
    const output = json.output?.routing_manifest;
    expect(output).toBeDefined();
    expect(JSON.parse(output.value).regions.map((r: any) => r.location)).toEqual(["swedencentral", "francecentral"]);
  });

  test("orders regions by priority, not by config order", () => {
    const json = synthEnvironment({ ...twoRegions, regions: [{ location: "francecentral", priority: 2, network: { addressSpace: "10.99.22.0/24" } }, { location: "swedencentral", priority: 1, network: { addressSpace: "10.99.11.0/24" } }] });
    expect(JSON.parse(json.output!.routing_manifest.value).regions.map((r: any) => r.priority)).toEqual([1, 2]);
  });
});

describe("platform input validation", () => {
  const problemsFor = (config: EnvironmentConfig) => {
    const app = testApp();
    new OpenAiEnvironmentStack(app, config);
    return synthProblems(app);
  };

  test("a region outside the residency fails the synth naming region and policy", () => {
    expect(problemsIn(problemsFor({ ...twoRegions, regions: [{ location: "eastus", priority: 1, network: { addressSpace: "10.99.41.0/24" } }] }))).toEqual(
      expect.arrayContaining([failed("regions[0].location", { path: "prod", value: "eastus", rule: /inside residency "eu" \(francecentral, / })]),
    );
  });

  test("a Global SKU under eu fails the synth", () => {
    const config = { ...twoRegions, deployments: [{ ...prod.deployments[0], sku: "GlobalStandard" as const }] };
    expect(problemsIn(problemsFor(config))).toEqual(
      expect.arrayContaining([failed("deployments[0].sku", { path: "prod", value: "GlobalStandard", rule: /processes data in any Azure region worldwide/ })]),
    );
  });

  test("two regions with one priority fail", () => {
    const config = { ...twoRegions, regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.99.11.0/24" } }, { location: "francecentral", priority: 1, network: { addressSpace: "10.99.21.0/24" } }] };
    expect(problemsIn(problemsFor(config))).toEqual(expect.arrayContaining([failed("regions[1].priority", { path: "prod", value: 1, rule: /a different priority for each/ })]));
  });

  test("the same location twice fails", () => {
    const config = { ...twoRegions, regions: [{ location: "swedencentral", priority: 1, network: { addressSpace: "10.99.11.0/24" } }, { location: "swedencentral", priority: 2, network: { addressSpace: "10.99.12.0/24" } }] };
    expect(problemsIn(problemsFor(config))).toEqual(expect.arrayContaining([failed("regions[1].location", { path: "prod", value: "swedencentral", rule: /each location once \(regions\[0\] has/ })]));
  });
});

test("prod deploys the same models in both regions", () => {
  const json = synthEnvironment(prod);
  const byAccount: Record<string, string[]> = {};
  for (const d of Object.values(resources(json, "azurerm_cognitive_deployment"))) {
    (byAccount[d.cognitive_account_id] ??= []).push(d.name);
  }
  expect(Object.values(byAccount).map((names) => names.sort())).toEqual([
    ["gpt-5-4"],
    ["gpt-5-4"],
  ]);
});
