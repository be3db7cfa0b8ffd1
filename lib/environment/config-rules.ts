// The config's rules between fields (and the shared one-field rules), run after its shape.
// Every rule a construct applies too is the construct's own function (lib/regions,
// lib/governance), called here with config paths; this file only picks the values to give it.
import { MIN_REASON_LENGTH } from "../core/justification";
import { PropProblem } from "../core/validation";
import { capacityCapProblems } from "../governance/capacity/capacity-cap";
import { modelAllowlistProblems } from "../governance/model-allowlist";
import { ModelDeploymentOptions, modelFormatProblem } from "../openai/deployment-options";
import { DEFAULT_ACCOUNT_KIND } from "../openai/foundry-upgrade";
import { findModelLifecycle } from "../openai/model-lifecycle";
import { regionPriorityProblems, uniqueRegionProblems } from "../regions/region-list-rules";
import { LocatedProp, locationResidencyProblems, Residency, resolveResidency, skuResidencyProblems } from "../regions/residency";
import { ConfigPath, ConfigProblem, configProblemOf, formatPath, valueAt } from "./config-problems";

/** Whether a path or a path related to it (a parent or a child) was reported: its value is not to be read. */
function reportedPaths(reported: readonly ConfigProblem[]) {
  const badPaths = reported.map((p) => p.path);
  const isPrefix = (a: ConfigPath, b: ConfigPath) => a.length <= b.length && a.every((s, i) => s === b[i]);
  return {
    /** The value at `path` when neither it, a parent nor a child was reported. */
    good: (...path: (string | number)[]): boolean => !badPaths.some((bad) => isPrefix(bad, path) || isPrefix(path, bad)),
    /** No problem reported at `path` or at one of its parents (children may have some). */
    noIssueAt: (...path: (string | number)[]): boolean => !badPaths.some((bad) => isPrefix(bad, path)),
  };
}

const listAt = (input: unknown, key: string): unknown[] => (Array.isArray(valueAt(input, [key])) ? (valueAt(input, [key]) as unknown[]) : []);
const regionAt = (i: number) => formatPath(["regions", i]);

/**
 * The rules of one field that constructs share (lib/regions): run on the values the shape
 * accepted, reported with the shape's problems, so the rules between fields skip them too.
 */
export function fieldRuleProblems(input: unknown, reported: readonly ConfigProblem[]): ConfigProblem[] {
  const { noIssueAt } = reportedPaths(reported);
  const priorities = listAt(input, "regions").map((_, i) => {
    const priority = valueAt(input, ["regions", i, "priority"]);
    return { priority: typeof priority === "number" && Number.isFinite(priority) && noIssueAt("regions", i, "priority") ? priority : undefined };
  });
  return regionPriorityProblems(priorities, regionAt).map(configProblemOf);
}

/**
 * The rules between fields, each run only on the fields that passed the shape checks (`bad`
 * holds the paths already reported), so a root cause gives one problem. The rules a construct
 * applies too are the construct's own functions (lib/regions, lib/governance), given config paths.
 */
export function crossFieldProblems(input: unknown, reported: readonly ConfigProblem[]): ConfigProblem[] {
  if (input === null || typeof input !== "object") return [];
  const { good, noIssueAt } = reportedPaths(reported);
  const at = (...path: (string | number)[]) => valueAt(input, path);
  const out: ConfigProblem[] = [];
  const problem = (path: ConfigPath, value: unknown, allowed: string) => out.push({ path, value, allowed });
  const shared = (problems: readonly PropProblem[]) => out.push(...problems.map(configProblemOf));

  const regionList = listAt(input, "regions");
  const deployments = listAt(input, "deployments");
  const regionOk = (i: number, field: string) => good("regions", i, field);
  const deploymentOk = (i: number, field: string) => good("deployments", i, field);
  /** The deployments whose `fields` passed the shape checks, with their index. */
  const deploymentsWith = (...fields: string[]) =>
    deployments.flatMap((_, i) => (fields.every((f) => deploymentOk(i, f)) ? [{ ...(at("deployments", i) as ModelDeploymentOptions), index: i }] : []));

  // Regions: each location and priority once.
  shared(
    uniqueRegionProblems(
      regionList.map((_, i) => ({
        location: regionOk(i, "location") ? (at("regions", i, "location") as string) : undefined,
        priority: regionOk(i, "priority") ? (at("regions", i, "priority") as number) : undefined,
      })),
      regionAt,
    ),
  );

  // Residency: the resource group, every region, the workspace and every SKU stay inside it.
  if (good("residency")) {
    const policy = resolveResidency(at("residency") as Residency);
    const located: LocatedProp[] = [];
    if (good("location")) located.push({ prop: "location", location: at("location") as string, because: "the resource group and the workload identities live there" });
    const regions = regionList.flatMap((_, i) => (regionOk(i, "location") ? [{ prop: formatPath(["regions", i, "location"]), location: at("regions", i, "location") as string }] : []));
    located.push(...regions);
    if (good("logging", "workspaceLocation") && at("logging", "workspaceLocation") !== undefined) {
      located.push({ prop: "logging.workspaceLocation", location: at("logging", "workspaceLocation") as string });
    }
    shared(locationResidencyProblems(policy, located));
    // SKUs are checked in the regions inside the policy: a region outside it is reported above.
    const inside = regions.map((r) => r.location).filter((l) => policy.allowedRegions.includes(l));
    const skus = deploymentsWith("sku").map((d) => {
      const model = deploymentOk(d.index, "model") ? d.model : undefined;
      const version = deploymentOk(d.index, "version") ? d.version : undefined;
      return { index: d.index, name: d.name, sku: d.sku, model, offeredSkus: model && version ? findModelLifecycle(model, version)?.skus : undefined };
    });
    shared(skuResidencyProblems(policy, inside, skus, (d) => formatPath(["deployments", d.index, "sku"])));
  }

  // Deployments: names unique (Azure compares them without case), models allowed, filter kept.
  const namesSeen = new Map<string, number>();
  const overrides = good("contentFilterOverrides") ? ((at("contentFilterOverrides") as Record<string, unknown> | undefined) ?? {}) : undefined;
  const deploymentNames = new Set<string>();
  deployments.forEach((_, i) => {
    const nameOk = deploymentOk(i, "name");
    const name = at("deployments", i, "name") as string;
    if (nameOk) {
      deploymentNames.add(name);
      const key = name.toLowerCase();
      if (namesSeen.has(key)) problem(["deployments", i, "name"], name, `allowed: each deployment name once, ignoring case (deployments[${namesSeen.get(key)}] has it)`);
      else namesSeen.set(key, i);
    }
    // A non-OpenAI model needs a Foundry resource: the same rule the deployment applies to its account.
    const format = at("deployments", i, "format");
    if (typeof format === "string" && deploymentOk(i, "format") && good("kind")) {
      const kindProblem = modelFormatProblem(format, (at("kind") as string | undefined) ?? DEFAULT_ACCOUNT_KIND);
      if (kindProblem?.severity === "error") problem(["deployments", i, "format"], format, kindProblem.rule);
    }
    const rai = at("deployments", i, "raiPolicyName");
    if (rai !== undefined && deploymentOk(i, "raiPolicyName") && nameOk && overrides && !Object.prototype.hasOwnProperty.call(overrides, name)) {
      problem(
        ["deployments", i, "raiPolicyName"],
        rai,
        `allowed: only with contentFilterOverrides[${JSON.stringify(name)}] = { reason }; otherwise it replaces the environment's content filter`,
      );
    }
  });
  if (good("allowedModels")) {
    shared(modelAllowlistProblems(deploymentsWith("model"), at("allowedModels") as string[], (d) => formatPath(["deployments", d.index, "model"])));
  }
  if (overrides && noIssueAt("deployments") && deployments.every((_, i) => deploymentOk(i, "name"))) {
    for (const name of Object.keys(overrides)) {
      if (!deploymentNames.has(name)) problem(["contentFilterOverrides", name], overrides[name], `allowed: an override for a deployment of this environment (${[...deploymentNames].join(", ") || "none"})`);
    }
  }

  // Defender for AI: managing it centrally is a weakening of this environment's own controls, so it needs a reason.
  if (good("defenderForAi", "owner") && good("defenderForAi", "reason") && at("defenderForAi", "owner") === "central" && at("defenderForAi", "reason") === undefined) {
    problem(["defenderForAi", "reason"], undefined, `allowed: a reason of at least ${MIN_REASON_LENGTH} characters saying who runs Defender for AI centrally`);
  }

  // Capacity: the token capacity of every deployment in every region stays within the cap.
  const capacityOk = good("capacityCapK") && noIssueAt("deployments") && good("regions") && deployments.every((_, i) => deploymentOk(i, "capacity") && deploymentOk(i, "sku"));
  if (capacityOk) shared(capacityCapProblems(deployments as ModelDeploymentOptions[], regionList.length, at("capacityCapK") as number));

  // Workloads: keys once (they name the identities and their construct IDs).
  const workloads = listAt(input, "workloads");
  const keysSeen = new Map<string, number>();
  workloads.forEach((_, i) => {
    if (!good("workloads", i, "key")) return;
    const k = at("workloads", i, "key") as string;
    if (keysSeen.has(k)) problem(["workloads", i, "key"], k, `allowed: each workload key once (workloads[${keysSeen.get(k)}] has it)`);
    else keysSeen.set(k, i);
  });

  // Access: principal keys (or IDs) and roles give construct IDs; the matrix reports duplicates.
  return out;
}
