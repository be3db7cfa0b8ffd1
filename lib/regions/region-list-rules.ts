import { isToken, PropProblem } from "../core/validation";

/** Lowest failover priority of a region: 1 is tried first. */
export const MIN_REGION_PRIORITY = 1;
/** Highest failover priority of a region. */
export const MAX_REGION_PRIORITY = 100;

/**
 * A region of a list, as the list rules see it. A field left out is not checked (the caller
 * reported its own problem already).
 */
export interface ListedRegion {
  /** Azure location. */
  readonly location?: string;
  /** Failover priority. */
  readonly priority?: number;
}

/** Names the region at `index` of the list (`regions[1]`); the rules add `.location` or `.priority`. */
export type RegionAt = (index: number) => string;

/** Each priority that is not a whole number from 1 to 100. */
export function regionPriorityProblems(regions: readonly ListedRegion[], at: RegionAt): PropProblem[] {
  return regions.flatMap((r, i) =>
    r.priority === undefined || isPriority(r.priority)
      ? []
      : [{ prop: `${at(i)}.priority`, value: r.priority, rule: `allowed: a whole number from ${MIN_REGION_PRIORITY} to ${MAX_REGION_PRIORITY}` }],
  );
}

/**
 * Each location and each priority once: construct IDs are locations, and failover order needs
 * distinct priorities. A repeat is reported where it repeats, naming the first. Priorities
 * outside the range are left to {@link regionPriorityProblems}; references cannot be compared.
 */
export function uniqueRegionProblems(regions: readonly ListedRegion[], at: RegionAt): PropProblem[] {
  const out: PropProblem[] = [];
  const locations = new Map<string, number>();
  const priorities = new Map<number, number>();
  regions.forEach((r, i) => {
    if (r.location !== undefined && !isToken(r.location)) {
      const first = locations.get(r.location);
      if (first !== undefined) out.push({ prop: `${at(i)}.location`, value: r.location, rule: `allowed: each location once (${at(first)} has it)` });
      else locations.set(r.location, i);
    }
    if (r.priority !== undefined && isPriority(r.priority)) {
      const first = priorities.get(r.priority);
      if (first !== undefined) out.push({ prop: `${at(i)}.priority`, value: r.priority, rule: `allowed: a different priority for each region (${at(first)} has it)` });
      else priorities.set(r.priority, i);
    }
  });
  return out;
}

function isPriority(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_REGION_PRIORITY && value <= MAX_REGION_PRIORITY;
}
