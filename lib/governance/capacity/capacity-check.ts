import { Annotations, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { DataAzapiResourceAction, DataAzapiResourceList, TerraformCheck } from "../../core/azapi-data";
import { PropKeys } from "../../core/known-props";
import { addPropChecks, isToken } from "../../core/validation";
import { clientConfig } from "../../core/client-config";
import type { IOpenAiAccount } from "../../openai/openai-account-ref";
import { ModelDeployment } from "../../openai/model-deployment";
import { OPENAI_MODEL_FORMAT } from "../../openai/deployment-options";

/*
 * Plan-time capacity check. Everything here is read by Terraform at plan through Azure Resource
 * Manager (management.azure.com) with `*\/read` permissions a Reader has; nothing is read at
 * synth. API paths and versions: docs/CAPACITY.md, evidence: docs/evidence/capacity.md.
 */

/** API version of the Microsoft.CognitiveServices reads (the first stable one with spillover). */
export const CAPACITY_API_VERSION = "2025-06-01";

/** How a capacity shortfall is reported. */
export const CAPACITY_CHECK_MODES = ["error", "warning", "off"] as const;

/**
 * `error`: a `lifecycle.precondition` on each deployment: the plan (or, for a new account, the
 * apply before the first deployment) stops. `warning`: a Terraform `check` block: the plan
 * reports it and goes on. `off`: no reads, no checks.
 */
export type CapacityCheckMode = (typeof CAPACITY_CHECK_MODES)[number];

/**
 * The default mode: `error`. A change process that approves a plan must be able to trust that
 * the apply will not stop half-way on quota; a warning in a long plan output is easy to miss.
 */
export const DEFAULT_CAPACITY_CHECK_MODE: CapacityCheckMode = "error";

/** An account whose deployments are checked, with the region it lives in. */
export interface CapacityCheckAccount {
  /** The account; its deployments are those made with `ModelDeployment` (or `addDeployment`). */
  readonly account: IOpenAiAccount;
  /** Azure region of the account (`swedencentral`). */
  readonly location: string;
}

/** Props of {@link CapacityCheck}. */
export interface CapacityCheckProps {
  /** The accounts whose deployments are checked. */
  readonly accounts: readonly CapacityCheckAccount[];
  /**
   * How a shortfall is reported.
   * @default "error" ({@link DEFAULT_CAPACITY_CHECK_MODE})
   */
  readonly mode?: CapacityCheckMode;
  /**
   * Write the `capacity_preflight` output: per region, the capacity each deployment group asks,
   * what Azure reports available, and the region's usages against quota.
   * @default true
   */
  readonly report?: boolean;
}

/** The props CapacityCheck accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const CAPACITY_CHECK_PROP_KEYS: PropKeys<CapacityCheckProps> = { accounts: true, mode: true, report: true };

/** One deployment group: the deployments that draw on the same capacity (region, SKU, model, version). */
export interface CapacityGroup {
  /** Azure region. */
  readonly location: string;
  /** Deployment SKU. */
  readonly sku: string;
  /** Model format (`OpenAI`). */
  readonly format: string;
  /** Model name. */
  readonly model: string;
  /** Model version. */
  readonly version: string;
  /** The deployments, with their accounts. */
  readonly members: readonly { readonly deployment: ModelDeployment; readonly account: IOpenAiAccount }[];
  /** Total capacity asked (units of the SKU: 1,000 TPM or PTUs). */
  readonly asked: number;
}

/**
 * Reads, at plan time, what the subscription can get for every deployment of `accounts` and
 * turns a shortfall into a plan error or warning naming the deployments, region, SKU, the
 * capacity asked and the capacity available:
 * - per region and model version, `GET .../locations/{location}/modelCapacities` (the largest
 *   deployment Azure would accept now, quota and regional capacity considered);
 * - per region, `GET .../locations/{location}/usages` (usage against quota, for the report);
 * - per account, its existing deployments (`azapi_resource_list`), so that capacity the
 *   deployments already hold counts as theirs on later plans.
 * Create it after the deployments.
 */
export class CapacityCheck extends Construct {
  /** The deployment groups checked. */
  public readonly groups: readonly CapacityGroup[];
  /** The mode in force. */
  public readonly mode: CapacityCheckMode;
  /** The modelCapacities reads, keyed `location/format/model/version`. */
  public readonly capacityReads: Readonly<Record<string, DataAzapiResourceAction>>;
  /** The usages reads, keyed by location. */
  public readonly usageReads: Readonly<Record<string, DataAzapiResourceAction>>;
  /** The existing-deployment reads, keyed by account name. */
  public readonly heldReads: Readonly<Record<string, DataAzapiResourceList>>;
  /** The `check` blocks (mode `warning`). */
  public readonly checks: readonly TerraformCheck[];

  constructor(scope: Construct, id: string, props: CapacityCheckProps) {
    super(scope, id);
    addPropChecks(this, (c) => {
      c.knownProps(props, CAPACITY_CHECK_PROP_KEYS);
      c.oneOf("mode", props.mode, CAPACITY_CHECK_MODES);
    });
    this.mode = (CAPACITY_CHECK_MODES as readonly string[]).includes(props.mode ?? DEFAULT_CAPACITY_CHECK_MODE) ? (props.mode ?? DEFAULT_CAPACITY_CHECK_MODE) : "off";
    this.groups = capacityGroups(this, props.accounts);
    const capacityReads: Record<string, DataAzapiResourceAction> = {};
    const usageReads: Record<string, DataAzapiResourceAction> = {};
    const heldReads: Record<string, DataAzapiResourceList> = {};
    const checks: TerraformCheck[] = [];
    this.capacityReads = capacityReads;
    this.usageReads = usageReads;
    this.heldReads = heldReads;
    this.checks = checks;
    if (this.mode === "off" || this.groups.length === 0) return;

    const subscriptionId = clientConfig(this).subscriptionId;
    const locationId = (location: string) => `/subscriptions/${subscriptionId}/providers/Microsoft.CognitiveServices/locations/${location}`;

    for (const group of this.groups) {
      const key = `${group.location}/${group.format}/${group.model}/${group.version}`;
      const skus = this.groups.filter((g) => `${g.location}/${g.format}/${g.model}/${g.version}` === key).map((g) => g.sku);
      capacityReads[key] ??= new DataAzapiResourceAction(this, `capacity-${group.location}-${group.model}-${group.version}`, {
        type: `Microsoft.CognitiveServices/locations@${CAPACITY_API_VERSION}`,
        resourceId: locationId(group.location),
        action: "modelCapacities",
        method: "GET",
        queryParameters: { modelFormat: [group.format], modelName: [group.model], modelVersion: [group.version] },
        // One number per SKU: the largest deployment Azure accepts now in this region.
        responseExportValues: Object.fromEntries(skus.map((sku) => [sku, `value[?properties.skuName=='${sku}'] | [0].properties.availableCapacity`])),
      });
      usageReads[group.location] ??= new DataAzapiResourceAction(this, `usages-${group.location}`, {
        type: `Microsoft.CognitiveServices/locations@${CAPACITY_API_VERSION}`,
        resourceId: locationId(group.location),
        action: "usages",
        method: "GET",
        responseExportValues: { usages: "value[].{name: name.value, current: currentValue, limit: limit, unit: unit}" },
      });
      for (const { account } of group.members) {
        heldReads[account.accountName] ??= new DataAzapiResourceList(this, `held-${account.accountName}`, {
          type: `Microsoft.CognitiveServices/accounts/deployments@${CAPACITY_API_VERSION}`,
          parentId: account.accountId,
          responseExportValues: { deployments: "value[].{name: name, sku: sku.name, capacity: sku.capacity, model: properties.model.name, version: properties.model.version}" },
        });
      }
    }

    this.groups.forEach((group, index) => {
      const read = capacityReads[`${group.location}/${group.format}/${group.model}/${group.version}`];
      const available = `coalesce(${read.address}.output.${group.sku}, 0)`;
      const held = heldExpression(group, heldReads);
      const condition = `${group.asked} - (${held}) <= ${available}`;
      const message = shortfallMessage(group, available, held);
      if (this.mode === "warning") {
        checks.push(new TerraformCheck(this, `check-${index}-${group.location}-${group.sku}-${group.model}`, [{ condition, errorMessage: message }]));
      } else {
        for (const { deployment } of group.members) addPrecondition(deployment, condition, message);
      }
    });

    if (props.report ?? true) {
      new TerraformOutput(this, "capacity_preflight", {
        staticId: true,
        description: "Capacity pre-flight: per region, what each deployment group asks, what Azure reports available, and usage against quota",
        value: preflightReport(this.groups, capacityReads, usageReads),
      });
    }
  }
}

/** The deployments of `accounts`, grouped by what they draw on; token capacities are skipped with a warning. */
export function capacityGroups(scope: Construct, accounts: readonly CapacityCheckAccount[]): CapacityGroup[] {
  const groups = new Map<string, { group: Omit<CapacityGroup, "asked" | "members">; members: CapacityGroup["members"][number][]; asked: number }>();
  for (const { account, location } of accounts) {
    for (const deployment of ModelDeployment.onAccount(account)) {
      const o = deployment.options;
      const format = o.format ?? OPENAI_MODEL_FORMAT;
      if ([location, o.sku, format, o.model, o.version].some((v) => isToken(v)) || isToken(o.capacity as unknown as string) || !Number.isInteger(o.capacity)) {
        Annotations.of(scope).addWarning(`${o.name}: capacity not checked at plan (a value is a Terraform reference)`);
        continue;
      }
      const key = [location, o.sku, format, o.model, o.version].join("/");
      const entry = groups.get(key) ?? { group: { location, sku: o.sku, format, model: o.model, version: o.version }, members: [], asked: 0 };
      entry.members.push({ deployment, account });
      entry.asked += o.capacity;
      groups.set(key, entry);
    }
  }
  return [...groups.values()].map(({ group, members, asked }) => ({ ...group, members, asked }));
}

/** Capacity the group's deployments already hold (0 for deployments that do not exist yet). */
function heldExpression(group: CapacityGroup, heldReads: Record<string, DataAzapiResourceList>): string {
  const byAccount = new Map<string, string[]>();
  for (const { deployment, account } of group.members) {
    byAccount.set(account.accountName, [...(byAccount.get(account.accountName) ?? []), deployment.options.name.toLowerCase()]);
  }
  const parts = [...byAccount.entries()].map(([accountName, names]) => {
    const list = `${heldReads[accountName].address}.output.deployments`;
    // Azure compares deployment names without case; the same SKU, model and version draw on the same capacity.
    return `sum(concat([0], [for d in ${list} : d.capacity if contains(${JSON.stringify(names)}, lower(d.name)) && d.sku == ${JSON.stringify(group.sku)} && d.model == ${JSON.stringify(group.model)} && d.version == ${JSON.stringify(group.version)}]))`;
  });
  return parts.join(" + ");
}

/** The message of a shortfall: deployments, region, SKU, asked and available. */
export function shortfallMessage(group: CapacityGroup, available: string, held: string): string {
  const who = group.members.map(({ deployment, account }) => `${deployment.options.name} (account ${account.accountName}, ${deployment.options.capacity})`).join(", ");
  const unit = group.sku.endsWith("ProvisionedManaged") ? "PTUs" : "x1,000 TPM";
  return (
    `Capacity shortfall in ${group.location} for ${group.sku} ${group.format} ${group.model} ${group.version}: ` +
    `deployments ${who} ask ${group.asked} ${unit}; Azure reports \${${available}} available to this subscription ` +
    `(the deployments already hold \${${held}}). Lower the capacity, choose another region or SKU, or request quota.`
  );
}

function addPrecondition(deployment: ModelDeployment, condition: string, errorMessage: string): void {
  const resource = deployment.resource;
  const lifecycle = resource.lifecycle ?? {};
  resource.lifecycle = { ...lifecycle, precondition: [...(lifecycle.precondition ?? []), { condition: `\${${condition}}`, errorMessage }] };
}

/** The `capacity_preflight` output: a table per region, as data a plan shows and a PR comment renders. */
function preflightReport(
  groups: readonly CapacityGroup[],
  capacityReads: Record<string, DataAzapiResourceAction>,
  usageReads: Record<string, DataAzapiResourceAction>,
): Record<string, unknown> {
  const report: Record<string, { deployments: unknown[]; usages: string }> = {};
  for (const group of groups) {
    const read = capacityReads[`${group.location}/${group.format}/${group.model}/${group.version}`];
    const region = (report[group.location] ??= { deployments: [], usages: `\${${usageReads[group.location].address}.output.usages}` });
    region.deployments.push({
      deployments: group.members.map((m) => m.deployment.options.name).join(", "),
      sku: group.sku,
      model: `${group.model} ${group.version}`,
      asked: group.asked,
      available: `\${coalesce(${read.address}.output.${group.sku}, 0)}`,
    });
  }
  return report;
}
