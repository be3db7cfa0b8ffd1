import { PropChecks } from "../../core/validation";

// Canonical Azure location names: lower-case letters and digits (`swedencentral`, `eastus2`).
const LOCATION_NAME = /^[a-z][a-z0-9]*$/;

/**
 * Checks that `value` is written as an Azure location name. Network resources may sit in any
 * Azure region (a hub VNet), so the name's shape is checked, not Azure OpenAI's region list.
 */
export function checkLocationName(c: PropChecks, prop: string, value: string | undefined): void {
  c.matches(prop, value, LOCATION_NAME, "an Azure location name such as swedencentral");
}
