// Helpers shared by the monitoring constructs; not part of the public API.
import { ResourceKind } from "../../core/naming";
import { WeakeningMap } from "../../core/applied-weakening";
import { PropKeysOf } from "../../core/known-props";
import { PropChecks } from "../../core/validation";
import { AppliedException, NameChoice } from "../monitoring-props";

/** The name `props` asks for (empty when neither `name` nor `naming` is given). */
export function chosenName(kind: ResourceKind, props: NameChoice, location?: string, qualifier?: string): string {
  return props.name ?? props.naming?.name(kind, { location, qualifier }) ?? "";
}

/** The one name check of a {@link NameChoice}: a name must be given or built, and follow Azure's rule for `kind`. */
export function checkChosenName(c: PropChecks, kind: ResourceKind, props: NameChoice, name: string): void {
  if (props.name === undefined && props.naming === undefined) {
    c.required("name", undefined, "a `name`, or a `naming` convention to build it from");
    return;
  }
  c.name(props.name !== undefined ? "name" : "name (from naming)", kind, name);
}

/**
 * The `securityExceptions` keys a construct accepts, from its weakening map, for its
 * `*_PROP_KEYS` record: a misspelt weakening (`sharedKeyAcess`) fails instead of being dropped.
 */
export function weakeningPropKeys(map: WeakeningMap<string>): PropKeysOf {
  return Object.fromEntries(Object.keys(map).map((key) => [key, { reason: true }]));
}

/** Checks the reason of every applied exception, as `<prefix>.<setting>.reason`. */
export function checkAppliedExceptions(c: PropChecks, prefix: string, applied: readonly AppliedException[]): void {
  for (const a of applied) c.justification(`${prefix}.${a.setting}`, a);
}

/** Azure location in its canonical form (`Sweden Central` and `swedencentral` are the same). */
export function normalizeLocation(location: string): string {
  return location.toLowerCase().replace(/\s+/g, "");
}
