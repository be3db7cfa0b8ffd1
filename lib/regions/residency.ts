import type { PropChecks, PropProblem } from "../core/validation";
import { DeploymentSku, processingScope } from "./processing";
import { DataZone, findRegion, Geography, OPENAI_REGIONS, RegionInfo } from "../core/region-catalog";

/** The built-in residency policies. */
export type ResidencyPolicyName = "eu" | "us" | "apac" | "global";

/** A residency policy of your own: an explicit list of regions. */
export interface CustomResidency {
  /** Name written to the `data-residency` tag and the routing manifest, for example `nordics`. */
  readonly name: string;
  /** Locations data may be stored and processed in. */
  readonly regions: readonly string[];
  /**
   * Data zone whose DataZone* SKUs the policy accepts (processing anywhere in that zone).
   * @default - no DataZone* SKUs: processing stays in the listed regions
   */
  readonly dataZone?: DataZone;
}

/** A residency requirement: a built-in policy name or a custom region list. */
export type Residency = ResidencyPolicyName | CustomResidency;

/** A residency requirement resolved into the rules the synth enforces. */
export interface ResidencyPolicy {
  /** Policy name, for tags and the manifest. */
  readonly name: string;
  /** Locations data may be stored and processed in. */
  readonly allowedRegions: readonly string[];
  /** Data zone whose DataZone* SKUs are allowed, if any. */
  readonly dataZone?: DataZone;
  /** Whether Global* SKUs (processing anywhere in the world) are allowed. */
  readonly allowsGlobalProcessing: boolean;
}

const regionsWhere = (test: (r: RegionInfo) => boolean) => Object.values(OPENAI_REGIONS).filter(test).map((r) => r.name);
const inZone = (zone: DataZone) => regionsWhere((r) => r.dataZone === zone);
const inGeography = (geography: Geography) => regionsWhere((r) => r.geography === geography);

/**
 * The built-in policies. `eu` and `us` are the Azure OpenAI data zones (Norway, Switzerland and
 * the UK are in Europe but not in the EU data zone); `apac` has no data zone, so it allows only
 * regional SKUs; `global` allows everything.
 */
export const RESIDENCY_POLICIES: Readonly<Record<ResidencyPolicyName, ResidencyPolicy>> = {
  eu: { name: "eu", allowedRegions: inZone("EU"), dataZone: "EU", allowsGlobalProcessing: false },
  us: { name: "us", allowedRegions: inZone("US"), dataZone: "US", allowsGlobalProcessing: false },
  apac: { name: "apac", allowedRegions: inGeography("AsiaPacific"), allowsGlobalProcessing: false },
  global: { name: "global", allowedRegions: Object.keys(OPENAI_REGIONS), allowsGlobalProcessing: true },
};

/** The names of the built-in policies. */
export const RESIDENCY_POLICY_NAMES: readonly ResidencyPolicyName[] = Object.freeze(["eu", "us", "apac", "global"]);

/** The built-in policy of this name, or undefined (only the table's own entries count). */
export function findResidencyPolicy(name: string): ResidencyPolicy | undefined {
  return typeof name === "string" && Object.hasOwn(RESIDENCY_POLICIES, name) ? RESIDENCY_POLICIES[name as ResidencyPolicyName] : undefined;
}

/**
 * The rules of a residency requirement. An unknown built-in name (`"constructor"` included)
 * resolves to a policy that allows no region, so every check that uses it fails instead of
 * crashing or passing; {@link checkResidencyDefinition} reports the name itself.
 */
export function resolveResidency(residency: Residency): ResidencyPolicy {
  if (typeof residency === "string") {
    return findResidencyPolicy(residency) ?? { name: residency, allowedRegions: [], allowsGlobalProcessing: false };
  }
  return {
    name: residency.name,
    allowedRegions: [...residency.regions],
    dataZone: residency.dataZone,
    allowsGlobalProcessing: false,
  };
}

/**
 * Why `sku` in `location` breaks the policy, or undefined when it keeps data inside it. `model`,
 * when given, is named in the message (`Llama-3.3-70B-Instruct on GlobalStandard processes ...`).
 */
export function skuResidencyProblem(policy: ResidencyPolicy, sku: DeploymentSku, location: string, model?: string): string | undefined {
  const what = model ? `${model} on ${sku}` : sku;
  const scope = processingScope(sku);
  if (scope === "global" && !policy.allowsGlobalProcessing) {
    return `${what} processes data in any Azure region worldwide; residency "${policy.name}" allows ${allowedSkuText(policy, location)}`;
  }
  if (scope === "dataZone") {
    const zone = findRegion(location)?.dataZone;
    if (!zone) return `${what} needs a data zone, and ${location} is in none; residency "${policy.name}" allows ${allowedSkuText(policy, location)}`;
    if (!policy.allowsGlobalProcessing && zone !== policy.dataZone) {
      return `${what} in ${location} processes data anywhere in the ${zone} data zone; residency "${policy.name}" allows ${allowedSkuText(policy, location)}`;
    }
  }
  return undefined;
}

/**
 * Of the SKUs a model is offered on, those that keep data inside the policy in `location`: an
 * empty list means the model cannot be deployed there under this residency at all (most
 * non-OpenAI Foundry models are offered on Global SKUs only).
 */
export function skusWithinResidency(policy: ResidencyPolicy, offered: readonly DeploymentSku[], location: string): DeploymentSku[] {
  return offered.filter((sku) => skuResidencyProblem(policy, sku, location) === undefined);
}

function allowedSkuText(policy: ResidencyPolicy, location: string): string {
  const zone = findRegion(location)?.dataZone;
  const families = ["Standard", "ProvisionedManaged (regional processing)"];
  if (zone && (policy.allowsGlobalProcessing || zone === policy.dataZone)) families.push(`DataZone* (the ${zone} data zone)`);
  if (policy.allowsGlobalProcessing) families.push("Global*");
  return families.join(", ");
}

/** A deployment as a residency check sees it. */
export interface ResidencyDeployment {
  /** Deployment name, for the prop path. */
  readonly name: string;
  /** Deployment SKU: it decides where data is processed. */
  readonly sku: DeploymentSku;
  /**
   * Model name, named in the message.
   * @default - the message names the SKU only
   */
  readonly model?: string;
  /**
   * The SKUs the model version is offered on (the model lifecycle catalog's `skus`): when none
   * of them fits the residency, the message says the model cannot be deployed under it.
   * @default - not known: the message suggests other SKUs only
   */
  readonly offeredSkus?: readonly DeploymentSku[];
}

/** What a residency check looks at. */
export interface ResidencySubject {
  /** Locations of the Azure OpenAI accounts. */
  readonly regions: readonly string[];
  /** Deployments made in every region. */
  readonly deployments: readonly ResidencyDeployment[];
  /** Log destinations (workspaces, archives), by a name for messages. */
  readonly logDestinations?: Readonly<Record<string, string>>;
}

/** Something that has a location, named as the caller's user wrote it. */
export interface LocatedProp {
  /** The prop (construct) or config path that holds the location. */
  readonly prop: string;
  /** The Azure location. */
  readonly location: string;
  /**
   * Why this location matters, added to the rule.
   * @default - nothing added
   */
  readonly because?: string;
}

/**
 * Each location outside the policy: regions, the resource group, log destinations. One rule
 * for the config and the constructs; the caller names each location's prop.
 */
export function locationResidencyProblems(policy: ResidencyPolicy, located: readonly LocatedProp[]): PropProblem[] {
  const allowed = `allowed: a location inside residency "${policy.name}" (${policy.allowedRegions.join(", ")})`;
  return located
    .filter((l) => !policy.allowedRegions.includes(l.location))
    .map((l) => ({ prop: l.prop, value: l.location, rule: l.because ? `${allowed}; ${l.because}` : allowed }));
}

/**
 * Each deployment whose SKU processes data outside the policy in one of `locations` (the first
 * such location is reported, once per deployment). When the catalog's `offeredSkus` are known
 * and none fits, the rule says the model cannot be deployed there under the residency at all.
 * The caller names each deployment's SKU prop.
 */
export function skuResidencyProblems<T extends ResidencyDeployment>(
  policy: ResidencyPolicy,
  locations: readonly string[],
  deployments: readonly T[],
  prop: (deployment: T, index: number) => string,
): PropProblem[] {
  const out: PropProblem[] = [];
  deployments.forEach((d, i) => {
    for (const location of locations) {
      const problem = skuResidencyProblem(policy, d.sku, location, d.model);
      if (!problem) continue;
      const fitting = d.offeredSkus ? skusWithinResidency(policy, d.offeredSkus, location) : undefined;
      const noFit =
        fitting && fitting.length === 0
          ? `; ${d.model ?? "the model"} is offered only on ${d.offeredSkus?.join(", ")}, so it cannot be deployed in ${location} under residency "${policy.name}"`
          : "";
      out.push({ prop: prop(d, i), value: d.sku, rule: `${problem}${noFit}` });
      return;
    }
  });
  return out;
}

/**
 * Reports every way `subject` leaves the policy: a region outside it (`regions[<location>]`), a
 * SKU that processes data outside it (`deployments[<name>].sku`), a log destination outside it
 * (`<destination>.location`).
 */
export function checkResidency(c: PropChecks, policy: ResidencyPolicy, subject: ResidencySubject): void {
  const problems = [
    ...locationResidencyProblems(policy, [
      ...subject.regions.map((location) => ({ prop: `regions[${location}]`, location })),
      ...Object.entries(subject.logDestinations ?? {}).map(([destination, location]) => ({ prop: `${destination}.location`, location })),
    ]),
    ...skuResidencyProblems(policy, subject.regions, subject.deployments, (d) => `deployments[${d.name}].sku`),
  ];
  for (const p of problems) c.fail(p.prop, p.value, p.rule);
}

/** Reports an unknown built-in policy name or an empty or unknown custom region list. */
export function checkResidencyDefinition(c: PropChecks, residency: Residency): void {
  if (typeof residency === "string") {
    if (!findResidencyPolicy(residency)) c.fail("residency", residency, `allowed: ${Object.keys(RESIDENCY_POLICIES).join(", ")}`);
    return;
  }
  if (residency.regions.length === 0) c.fail("residency.regions", residency.regions, "allowed: at least one region");
  residency.regions.forEach((r) => {
    if (!findRegion(r)) c.fail("residency.regions", r, `allowed: regions that offer Azure OpenAI (${Object.keys(OPENAI_REGIONS).join(", ")})`);
  });
  c.matches("residency.name", residency.name, /^[a-z][a-z0-9-]{1,30}$/, "2-31 lowercase letters, digits or hyphens");
}
