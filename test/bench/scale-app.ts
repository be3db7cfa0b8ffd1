/**
 * The benchmark's scale app: `node dist/test/bench/scale-app.js <environments> <regions> <deployments>`
 * synthesizes that many prod-like environments, each with that many regions and deployments per
 * region, into CDKTF_OUTDIR, and prints the resource count. Regions are data-zone members (EU,
 * then US) under the `global` residency, so DataZoneStandard is allowed in each of them.
 */
import * as fs from "fs";
import * as path from "path";
import { GuardedApp } from "../../lib/core/guarded-app";
import { EnvironmentConfig } from "../../lib/environment/environment-config";
import { OpenAiEnvironmentStack } from "../../lib/environment/openai-environment-stack";
import { OPENAI_REGIONS } from "../../lib/core/region-catalog";
import { ENVIRONMENTS } from "../../stacks/environments";

/** The scale series' configs: `environments` copies of prod, each `regions` x `deployments` wide. */
export function scaleConfigs(environments: number, regions: number, deployments: number): EnvironmentConfig[] {
  const prod = ENVIRONMENTS.find((e) => e.name === "prod");
  if (!prod) throw new Error("the default environments have no prod");
  const template = prod.deployments[0];
  const locations = Object.values(OPENAI_REGIONS)
    .filter((r) => r.dataZone !== undefined)
    .sort((a, b) => (a.dataZone === b.dataZone ? 0 : a.dataZone === "EU" ? -1 : 1))
    .map((r) => r.name);
  if (regions > locations.length) throw new Error(`at most ${locations.length} data-zone regions`);
  return Array.from({ length: environments }, (_, e) => ({
    ...prod,
    name: `scale${e}`,
    residency: "global",
    location: locations[0],
    regions: locations.slice(0, regions).map((location, r) => ({
      location,
      priority: r + 1,
      network: { addressSpace: `10.${100 + e}.${r}.0/24` },
    })),
    deployments: Array.from({ length: deployments }, (_, d) => ({ ...template, name: `deployment-${d}`, capacity: 1 })),
    capacityCapK: regions * deployments,
    // The gateway, as in prod, in the first region's VNet.
    gateway: prod.gateway && { ...prod.gateway, location: locations[0], subnetPrefix: `10.${100 + e}.0.64/27` },
  }));
}

if (require.main === module) {
  Error.prepareStackTrace = () => "";
  const [environments, regions, deployments] = process.argv.slice(2).map(Number);
  const app = new GuardedApp();
  for (const config of scaleConfigs(environments, regions, deployments)) new OpenAiEnvironmentStack(app, config);
  app.synth();
  let count = 0;
  for (const stack of fs.readdirSync(path.join(app.finalOutdir, "stacks")).filter((s) => s.startsWith("scale"))) {
    const json = JSON.parse(fs.readFileSync(path.join(app.finalOutdir, "stacks", stack, "cdk.tf.json"), "utf8"));
    for (const byId of Object.values<Record<string, unknown>>(json.resource ?? {})) count += Object.keys(byId).length;
  }
  console.log(count);
}
