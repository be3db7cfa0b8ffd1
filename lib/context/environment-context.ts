import { DataAzurermClientConfig } from "@cdktf/provider-azurerm/lib/data-azurerm-client-config";
import { IConstruct } from "constructs";
import { clientConfig } from "../core/client-config";
import type { LockProps } from "../core/features/lock";
import { GovernanceTags } from "../core/governance-tags";
import { PropKeys } from "../core/known-props";
import { ResourceNaming } from "../core/naming";
import { addPropChecks, isToken, PropChecks } from "../core/validation";
import { checkResidencyDefinition, locationResidencyProblems, Residency, ResidencyPolicy, resolveResidency } from "../regions/residency";
import { DeletionProtection, lockFor, ProtectedKind } from "./deletion-protection";

/** Props of {@link EnvironmentContext.establish}: the facts of one environment, as given. */
export interface EnvironmentContextProps {
  /** Environment name, for example `prod`: the `environment` tag, and part of every resource name. */
  readonly name: string;
  /** Workload name: the `workload` tag, and the first part of every resource name. */
  readonly workload: string;
  /** Accountable team: the `owner` tag, and the default publisher of the gateway. */
  readonly owner: string;
  /** Home location: the resource group's, where resources not tied to a region live. */
  readonly location: string;
  /** Where data may be stored and processed; resolved once, here. */
  readonly residency: Residency;
  /**
   * Suffix of globally unique names (storage accounts, key vaults, account subdomains).
   * @default - none
   */
  readonly uniqueSuffix?: string;
  /**
   * Deletion protection of what holds data or keys, per kind (see {@link EnvironmentContext.lockFor}).
   * @default - nothing protected
   */
  readonly deletionProtection?: DeletionProtection;
  /**
   * Extra tags for every taggable resource in the environment, below the governance tags.
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The props `establish` accepts; any other fails the synth (see PropChecks.knownProps). */
const ENVIRONMENT_CONTEXT_PROP_KEYS: PropKeys<EnvironmentContextProps> = {
  name: true,
  workload: true,
  owner: true,
  location: true,
  residency: true,
  uniqueSuffix: true,
  deletionProtection: true,
  tags: true,
};

const CONTEXTS = new WeakMap<IConstruct, EnvironmentContext>();

/**
 * The resolved facts of one environment, found through the construct tree as aws-cdk's
 * `Stack.of(this)` is: name, workload, owner, home location, the residency (resolved once),
 * the naming convention, the locks per kind, the stack's one client config, and the one check
 * of a location against the residency. Constructs below a scope with a context read these facts
 * instead of taking them as props; the props stay, as overrides, for use outside an environment.
 *
 * `establish` also applies the environment's {@link GovernanceTags} to the scope, once.
 */
export class EnvironmentContext {
  /** The nearest context at or above `scope`, or undefined outside an environment. */
  public static of(scope: IConstruct): EnvironmentContext | undefined {
    const scopes = scope.node.scopes;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const context = CONTEXTS.get(scopes[i]!);
      if (context) return context;
    }
    return undefined;
  }

  /**
   * Attaches an environment's context to `scope` (a stack, usually) and applies its governance
   * tags to every taggable resource below it. The props are checked with the scope's input.
   */
  public static establish(scope: IConstruct, props: EnvironmentContextProps): EnvironmentContext {
    const existing = CONTEXTS.get(scope);
    if (existing) {
      addPropChecks(scope, (c) => c.fail("EnvironmentContext", scope.node.path, "allowed: one environment context per scope"));
      return existing;
    }
    const context = new EnvironmentContext(scope, props);
    CONTEXTS.set(scope, context);
    return context;
  }

  /** Environment name, for example `prod`. */
  public readonly name: string;
  /** Workload name. */
  public readonly workload: string;
  /** Accountable team. */
  public readonly owner: string;
  /** Home location (the resource group's). */
  public readonly location: string;
  /** The residency, resolved: the regions data may be stored and processed in. */
  public readonly residency: ResidencyPolicy;
  /** The environment's naming convention. */
  public readonly naming: ResourceNaming;
  /** The environment's extra tags (below the governance tags). */
  public readonly tags: Readonly<Record<string, string>>;
  /** The governance tags applied to the scope: the one aspect of the environment. */
  public readonly governanceTags: GovernanceTags;

  private constructor(
    private readonly scope: IConstruct,
    private readonly props: EnvironmentContextProps,
  ) {
    this.name = props.name;
    this.workload = props.workload;
    this.owner = props.owner;
    this.location = props.location;
    this.residency = resolveResidency(props.residency);
    this.naming = new ResourceNaming({ workload: props.workload, environment: props.name, uniqueSuffix: props.uniqueSuffix });
    this.tags = props.tags ?? {};
    this.governanceTags = GovernanceTags.apply(scope, {
      environment: props.name,
      owner: props.owner,
      dataResidency: this.residency.name,
      workload: props.workload,
      tags: props.tags,
    });
    addPropChecks(scope, (c) => {
      c.knownProps(props, ENVIRONMENT_CONTEXT_PROP_KEYS);
      checkResidencyDefinition(c, props.residency);
    });
  }

  /**
   * The `lock` prop of a resource of `kind` (in `location`, for the accounts, archives and
   * vaults), from the environment's deletion protection; undefined when the kind is not protected.
   */
  public lockFor(kind: ProtectedKind, location?: string): LockProps | undefined {
    return lockFor(this.props.deletionProtection, kind, location);
  }

  /** The stack's one `data.azurerm_client_config` (tenant and subscription). */
  public clientConfig(): DataAzurermClientConfig {
    return clientConfig(this.scope);
  }

  /**
   * The one check of a location against the environment's residency: reports `prop` when
   * `location` is a literal outside the residency's regions.
   */
  public checkLocation(c: PropChecks, prop: string, location: string | undefined): void {
    checkLocationResidency(c, prop, location, this.residency);
  }
}

/**
 * Reports `prop` when `location` is a literal location outside `policy`'s regions (a reference
 * is left to Terraform). The check behind {@link EnvironmentContext.checkLocation}, for
 * constructs given a residency of their own.
 */
export function checkLocationResidency(c: PropChecks, prop: string, location: string | undefined, policy: ResidencyPolicy): void {
  if (location === undefined || isToken(location)) return;
  // The one residency rule, as the config boundary and the platform call it.
  for (const problem of locationResidencyProblems(policy, [{ prop, location }])) c.fail(problem.prop, problem.value, problem.rule);
}
