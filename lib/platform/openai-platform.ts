import { Construct } from "constructs";
import { ResourceNaming } from "../core/naming";
import { addPropChecks } from "../core/validation";
import { ModelDeploymentOptions } from "../openai/deployment-options";
import { OpenAiAccount } from "../openai/openai-account";
import { checkResidency, checkResidencyDefinition, Residency, resolveResidency } from "../regions/residency";
import { RoutingManifest } from "./routing-manifest";

/** One region of the platform. */
export interface PlatformRegion {
  /** Azure location, for example `swedencentral`. */
  readonly location: string;
  /** Failover priority, 1 first; unique within the platform. */
  readonly priority: number;
}

/** Props of {@link OpenAiPlatform}. */
export interface OpenAiPlatformProps {
  /** Environment name, for tags and the manifest. */
  readonly environment: string;
  /** Accountable team, for the `owner` tag. */
  readonly owner: string;
  /** The naming convention of the environment. */
  readonly naming: ResourceNaming;
  /** Resource group every resource of the platform goes in. */
  readonly resourceGroupName: string;
  /** Where data may be stored and processed; every region, SKU and log destination must honour it. */
  readonly residency: Residency;
  /** Regions with an Azure OpenAI account. */
  readonly regions: readonly PlatformRegion[];
  /** Model deployments made in every region, one after another. */
  readonly deployments: readonly ModelDeploymentOptions[];
  /**
   * Extra tags for every resource.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

/**
 * The whole governed Azure OpenAI setup for a set of regions: per region an account with its
 * deployments, and a routing manifest for failover clients. Residency is checked at synth.
 * Constructs are keyed by location, so adding or removing a region renames nothing else.
 */
export class OpenAiPlatform extends Construct {
  /** The accounts in priority order. */
  public readonly accounts: readonly OpenAiAccount[];
  /** The routing manifest. */
  public readonly manifest: RoutingManifest;

  constructor(scope: Construct, id: string, props: OpenAiPlatformProps) {
    super(scope, id);
    const policy = resolveResidency(props.residency);
    // A repeated location is reported below; it gets no second account (construct IDs are locations).
    const regions = [...props.regions]
      .sort((a, b) => a.priority - b.priority)
      .filter((r, i, all) => all.findIndex((o) => o.location === r.location) === i);

    addPropChecks(this, (c) => {
      checkResidencyDefinition(c, props.residency);
      checkResidency(c, policy, { regions: regions.map((r) => r.location), deployments: props.deployments });
      if (regions.length === 0) c.fail("regions", [], "allowed: at least one region");
      const locations = props.regions.map((r) => r.location);
      const repeated = locations.filter((l, i) => locations.indexOf(l) !== i);
      if (repeated.length > 0) c.fail("regions", repeated, "allowed: each location once");
      const priorities = regions.map((r) => r.priority);
      const clashing = priorities.filter((p, i) => priorities.indexOf(p) !== i);
      if (clashing.length > 0) c.fail("regions[].priority", clashing, "allowed: a different priority for each region");
      priorities.forEach((p) => c.integerInRange("regions[].priority", p, 1, 100));
    });

    this.accounts = regions.map(
      (region) =>
        new OpenAiAccount(this, region.location, {
          name: props.naming.name("openAiAccount", { location: region.location }),
          resourceGroupName: props.resourceGroupName,
          location: region.location,
          environment: props.environment,
          owner: props.owner,
          dataResidency: policy.name,
          deployments: [...props.deployments],
          tags: props.tags,
        }),
    );

    this.manifest = new RoutingManifest(this, "routing-manifest", {
      environment: props.environment,
      residency: policy.name,
      regions: regions.map((region, i) => ({
        location: region.location,
        priority: region.priority,
        customSubdomainName: this.accounts[i].customSubdomainName,
        deployments: props.deployments,
      })),
    });
  }
}
