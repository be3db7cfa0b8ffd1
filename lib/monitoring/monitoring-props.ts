import type { ResourceNaming } from "../core/naming";

export type { AppliedException } from "../core/applied-weakening";

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
