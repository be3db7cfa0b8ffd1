/** The tags every resource of the library carries, so cost, ownership and residency are queryable. */
export interface GovernanceTagProps {
  /** Environment name, for example `prod`. */
  readonly environment: string;
  /** Team or person accountable for the resource (an email or a team name). */
  readonly owner: string;
  /** Data-residency promise the resource keeps, for example `eu`. */
  readonly dataResidency: string;
  /** Workload name. @default - no workload tag */
  readonly workload?: string;
}

/**
 * Tags for a resource: the caller's own tags first, then the governance tags, which win so
 * that a stray user tag cannot hide the environment, owner or residency.
 */
export function governanceTags(props: GovernanceTagProps, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...extra,
    environment: props.environment,
    owner: props.owner,
    "data-residency": props.dataResidency,
    ...(props.workload ? { workload: props.workload } : {}),
    "managed-by": "cdktf",
  };
}
