// Helpers shared by the monitoring constructs; not part of the public API.
import { isToken, PropChecks } from "../core/validation";
import { nameProblem, ResourceKind } from "../core/naming";
import { checkGovernanceTags, governanceTags } from "../core/tags";
import { findRegion } from "../core/region-catalog";
import { MonitoringTagProps, NameChoice } from "./monitoring-props";

/** The name `props` asks for (empty when neither `name` nor `naming` is given). */
export function chosenName(kind: ResourceKind, props: NameChoice, location?: string, qualifier?: string): string {
  return props.name ?? props.naming?.name(kind, { location, qualifier }) ?? "";
}

/** Checks a chosen name against Azure's rule for `kind`. */
export function checkName(c: PropChecks, kind: ResourceKind, props: NameChoice, name: string): void {
  if (props.name === undefined && props.naming === undefined) {
    c.fail("name", undefined, "allowed: a `name`, or a `naming` convention to build it from");
    return;
  }
  if (isToken(name)) return;
  const problem = nameProblem(kind, name);
  if (problem) c.fail(props.name !== undefined ? "name" : "name (from naming)", name, problem);
}

/** Checks the tag props shared by every construct of the module. */
export function checkTagProps(c: PropChecks, props: MonitoringTagProps): void {
  if (!props.owner || props.owner.trim() === "") c.fail("owner", props.owner, "allowed: a team or person accountable for the resource");
  if (!props.environment || props.environment.trim() === "") c.fail("environment", props.environment, "allowed: an environment name such as prod");
  checkGovernanceTags(c, { environment: props.environment, owner: props.owner, dataResidency: props.dataResidency ?? "" }, props.tags);
}

/** The tags of a monitoring resource in `location` (`global` for global resources). */
export function monitoringTags(props: MonitoringTagProps, location: string): Record<string, string> {
  return governanceTags(
    { environment: props.environment, owner: props.owner, dataResidency: props.dataResidency ?? defaultResidency(location) },
    props.tags,
  );
}

function defaultResidency(location: string): string {
  return findRegion(normalizeLocation(location))?.dataZone?.toLowerCase() ?? location;
}

/** Azure location in its canonical form (`Sweden Central` and `swedencentral` are the same). */
export function normalizeLocation(location: string): string {
  return location.toLowerCase().replace(/\s+/g, "");
}
