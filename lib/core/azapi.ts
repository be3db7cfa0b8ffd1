import { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { AzapiResourceBase } from "./azapi-element";

/**
 * Minimal, hand-written cdktf bindings for the `azure/azapi` provider (2.x): `azapi_resource` and
 * `azapi_update_resource`; the provider block is in ./azapi-provider.ts (re-exported here), the
 * data sources in ./azapi-data.ts. No prebuilt binding exists for cdktf 0.21 and none can be
 * generated without downloading the provider, so these emit the JSON Terraform expects directly. They
 * cover only what the library uses: a resource created, read, updated and deleted through
 * Azure Resource Manager (never a service's data plane), with selected response values exported.
 *
 * Both outputs: JSON, and HCL (`cdktf synth --hcl`), where the attributes are written as
 * untyped HCL literals, every literal string escaped first (./hcl-literal.ts). Strings are
 * literal text: a `${` or `%{` typed into one is written escaped (`$${`, `%%{`) in both outputs.
 * Terraform references must come as cdktf tokens (a resource's attribute, a `TerraformVariable`,
 * an `Fn` call), which are written as references.
 */

// The provider block lived in this file; it is re-exported so existing imports keep working.
export { AZAPI_PROVIDER_SOURCE, AZAPI_PROVIDER_VERSION, AzapiProvider, azapiProvider } from "./azapi-provider";
export type { AzapiProviderProps } from "./azapi-provider";

/** Props of {@link AzapiResource}. */
export interface AzapiResourceProps {
  /**
   * Resource type and API version, `<namespace>/<type>@<api-version>`, for example
   * `Microsoft.KeyVault/vaults/keys@2023-07-01`.
   */
  readonly type: string;
  /** Resource name (the last segment of its ID). */
  readonly name: string;
  /** ID of the parent: a resource group, or the parent resource for a child type. */
  readonly parentId: string;
  /**
   * Request body, as the REST API defines it (camelCase keys, written as they are).
   * @default - no body
   */
  readonly body?: Record<string, unknown>;
  /**
   * Azure location, for tracked resources only.
   * @default - none (child and proxy resources have no location)
   */
  readonly location?: string;
  /**
   * Response paths to export to `output`, for example `["properties.keyUri"]`; read them with
   * {@link AzapiResource.outputString}. The values are refreshed on every plan.
   * @default [] (nothing exported; the Azure Verified Modules spec TFFR4 asks for the argument always)
   */
  readonly responseExportValues?: string[];
  /**
   * Tags of the Azure resource (tracked resources only).
   * @default - none
   */
  readonly tags?: Record<string, string>;
  /**
   * Request properties that are sent but never read back into state (azapi `sensitive_body`, a
   * write-only argument: Terraform >= 1.11). For values Azure returns masked, such as an API
   * Management logger's credentials: in `body` they would show as changed on every plan. Merged
   * into `body` for the request; the provider keeps a hash of them in private state, so a
   * changed value is still sent.
   * @default - none
   */
  readonly sensitiveBody?: Record<string, unknown>;
  /**
   * Compare the strings of `body` with Azure's answer case-insensitively (azapi `ignore_casing`),
   * for properties Azure echoes in another casing (`microsoft.insights` for `Microsoft.Insights`).
   * @default false (the provider's default)
   */
  readonly ignoreCasing?: boolean;
  /**
   * Paths in `body` (dot notation, `properties.rotationPolicy`) whose changes are neither shown
   * nor sent after creation (azapi `ignore_body_changes`, write-only, azapi >= 2.12, Terraform
   * >= 1.11). For properties the resource type's PUT cannot change once created.
   * @default - none
   */
  readonly ignoreBodyChanges?: string[];
  /**
   * Validate `body` against the provider's embedded schema of the type at plan time.
   * @default - the provider's default (true)
   */
  readonly schemaValidationEnabled?: boolean;
  /**
   * Terraform `depends_on`.
   * @default - none beyond the references in the other props
   */
  readonly dependsOn?: TerraformResource[];
}

/**
 * An `azapi_resource`: one Azure Resource Manager resource of any type and API version,
 * managed through `management.azure.com` only. The stack's azapi provider is created on first use.
 */
export class AzapiResource extends AzapiResourceBase {
  /** Terraform resource type. */
  public static readonly tfResourceType = "azapi_resource";
  private readonly props: AzapiResourceProps;

  constructor(scope: Construct, id: string, props: AzapiResourceProps) {
    super(scope, id, AzapiResource.tfResourceType, props.dependsOn);
    this.props = props;
  }

  /** Azure resource ID. */
  public get id(): string {
    return this.getStringAttribute("id");
  }

  /**
   * A value exported by `responseExportValues`, as a Terraform expression
   * (`${azapi_resource.<name>.output.<path>}`). The path must be one of the exported ones.
   */
  public outputString(path: string): string {
    if (!(this.props.responseExportValues ?? []).includes(path)) {
      throw new Error(`${this.node.path}: "${path}" is not in responseExportValues (${JSON.stringify(this.props.responseExportValues ?? [])})`);
    }
    return this.getStringAttribute(`output.${path}`);
  }

  protected attributes(): { [name: string]: unknown } {
    return {
      type: this.props.type,
      name: this.props.name,
      parent_id: this.props.parentId,
      location: this.props.location,
      body: this.props.body,
      sensitive_body: this.props.sensitiveBody,
      response_export_values: this.props.responseExportValues ?? [],
      tags: this.props.tags,
      ignore_casing: this.props.ignoreCasing,
      ignore_body_changes: this.props.ignoreBodyChanges,
      schema_validation_enabled: this.props.schemaValidationEnabled,
    };
  }
}

/** Props of {@link AzapiUpdateResource}. */
export interface AzapiUpdateResourceProps {
  /** Resource type and API version, `<namespace>/<type>@<api-version>`. */
  readonly type: string;
  /** ID of the existing resource to update. */
  readonly resourceId: string;
  /** The properties to set, merged into the resource's current body (camelCase, as the REST API). */
  readonly body: Record<string, unknown>;
  /**
   * Validate `body` against the provider's embedded schema of the type at plan time. Turn off
   * only for a property Resource Manager accepts but its published spec lacks, and say why.
   * @default - the provider's default (true)
   */
  readonly schemaValidationEnabled?: boolean;
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
export class AzapiUpdateResource extends AzapiResourceBase {
  /** Terraform resource type. */
  public static readonly tfResourceType = "azapi_update_resource";
  private readonly props: AzapiUpdateResourceProps;

  constructor(scope: Construct, id: string, props: AzapiUpdateResourceProps) {
    super(scope, id, AzapiUpdateResource.tfResourceType, props.dependsOn);
    this.props = props;
  }

  protected attributes(): { [name: string]: unknown } {
    return { type: this.props.type, resource_id: this.props.resourceId, body: this.props.body, schema_validation_enabled: this.props.schemaValidationEnabled };
  }
}

