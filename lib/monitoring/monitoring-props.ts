import type { Justification } from "../core/justification";
import type { ResourceNaming } from "../core/naming";

/**
 * A weakening in force on a resource, for the compliance report: which secure default was
 * weakened, and the {@link Justification} given for it. The one shape of an applied exception.
 */
export interface AppliedException extends Justification {
  /** Which default was weakened, as the prop names it (for example `sharedKeyAccess`). */
  readonly setting: string;
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
