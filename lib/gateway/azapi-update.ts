import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { azapiProvider, AZAPI_PROVIDER_VERSION } from "../core/azapi";

/** Props of {@link AzapiUpdateResource}. */
export interface AzapiUpdateResourceProps {
  /** Resource type and API version, `<namespace>/<type>@<api-version>`. */
  readonly type: string;
  /** ID of the existing resource to update. */
  readonly resourceId: string;
  /** The properties to set, merged into the resource's current body (camelCase, as the REST API). */
  readonly body: Record<string, unknown>;
  /**
   * Terraform `depends_on`.
   * @default - none beyond the references in the other props
   */
  readonly dependsOn?: TerraformResource[];
}

/**
 * An `azapi_update_resource`: sets properties of a resource another resource manages, for the
 * properties that resource's provider lacks (here: a content filter's custom blocklists, which
 * `azurerm_cognitive_account_rai_policy` 4.55 does not have). azapi reads the resource, merges
 * `body` and writes it back; it shows drift when the properties are gone again.
 */
export class AzapiUpdateResource extends TerraformResource {
  /** Terraform resource type. */
  public static readonly tfResourceType = "azapi_update_resource";
  private readonly props: AzapiUpdateResourceProps;

  constructor(scope: Construct, id: string, props: AzapiUpdateResourceProps) {
    super(scope, id, {
      terraformResourceType: AzapiUpdateResource.tfResourceType,
      terraformGeneratorMetadata: { providerName: "azapi", providerVersionConstraint: AZAPI_PROVIDER_VERSION },
      dependsOn: props.dependsOn,
    });
    azapiProvider(this);
    this.props = props;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return { type: this.props.type, resource_id: this.props.resourceId, body: this.props.body };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return this.synthesizeAttributes();
  }
}
