import type { ResourceNaming } from "../core/naming";

/** Ownership and residency tags every monitoring resource carries. */
export interface MonitoringTagProps {
  /** Environment name, written to the `environment` tag. */
  readonly environment: string;
  /** Accountable team or person, written to the `owner` tag. */
  readonly owner: string;
  /**
   * Data-residency promise, written to the `data-residency` tag.
   * @default - the location's data zone in lower case (`eu`, `us`), else the location; `global` for global resources
   */
  readonly dataResidency?: string;
  /**
   * Extra tags. The governance tags override keys of the same name.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

/** A weakening in force on a monitoring resource, for the compliance report. */
export interface AppliedMonitoringException {
  /** Which default was weakened. */
  readonly setting: string;
  /** The stated reason. */
  readonly reason: string;
}

/** How a resource gets its name: given outright, or from the library's naming convention. */
export interface NameChoice {
  /**
   * The resource name.
   * @default - from `naming`
   */
  readonly name?: string;
  /**
   * The naming convention to build the name from when `name` is not given.
   * @default - none: then `name` is required
   */
  readonly naming?: ResourceNaming;
}
