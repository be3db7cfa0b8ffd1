import { Construct } from "constructs";
import { PropKeys } from "./known-props";
import { addPropChecks } from "./validation";

/** What every resource made elsewhere is known by: its location, and its resource ID under a name of its own. */
export interface ImportedResourceAttributes {
  /** Azure location of the resource. */
  readonly location: string;
}

/** The attribute holding the resource ID, and what it must be (for the error message). */
export interface ImportedResourceId<A> {
  /** Name of the attribute holding the Azure resource ID (`workspaceId`, `keyVaultId`, ...). */
  readonly prop: keyof A & string;
  /** What the ID must be, for example "the Azure resource ID of a Key Vault". */
  readonly what: string;
}

/**
 * The checks of an imported resource's attributes (`fromXxxAttributes`), the same for every kind:
 * no unknown attribute, and the resource ID and the location present.
 */
export function checkImportedAttributes<A extends ImportedResourceAttributes>(scope: Construct, attributes: A, keys: PropKeys<A>, id: ImportedResourceId<A>): void {
  addPropChecks(scope, (c) => c.knownProps(attributes, keys));
  addPropChecks(scope, (c) => {
    c.required(id.prop, attributes[id.prop], id.what);
    c.required("location", attributes.location, "an Azure location");
  });
}
