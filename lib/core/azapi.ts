import { TerraformDataSource, TerraformProvider, TerraformResource, TerraformResourceConfig, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { hclSafe, jsonSafe } from "./hcl-literal";

/**
 * Minimal, hand-written cdktf bindings for the `azure/azapi` provider (2.x): the provider block,
 * the bases every binding shares, `azapi_resource` and `azapi_update_resource` (the data sources
 * are in ./azapi-data.ts). No prebuilt binding exists for cdktf 0.21 and none can be generated
 * without downloading the provider, so these emit the JSON Terraform expects directly. They
 * cover only what the library uses: a resource created, read, updated and deleted through
 * Azure Resource Manager (never a service's data plane), with selected response values exported.
 *
 * Both outputs: JSON, and HCL (`cdktf synth --hcl`), where the attributes are written as
 * untyped HCL literals, every literal string escaped first (./hcl-literal.ts). Strings are
 * literal text: a `${` or `%{` typed into one is written escaped (`$${`, `%%{`) in both outputs.
 * Terraform references must come as cdktf tokens (a resource's attribute, a `TerraformVariable`,
 * an `Fn` call), which are written as references.
 */

/** Registry source of the azapi provider. */
export const AZAPI_PROVIDER_SOURCE = "azure/azapi";

/**
 * Version constraint written to `required_providers.azapi`. 2.x takes `body` as an HCL object
 * and `response_export_values` as a list or map, which is what {@link AzapiResource} writes;
 * `ignore_body_changes` exists again from v2.12.0 (write-only, Terraform >= 1.11), hence 2.12.
 */
export const AZAPI_PROVIDER_VERSION = "~> 2.12";

/** Props of {@link AzapiProvider}. */
export interface AzapiProviderProps {
  /**
   * Version constraint for `required_providers.azapi`.
   * @default AZAPI_PROVIDER_VERSION ("~> 2.12")
   */
  readonly version?: string;
  /**
   * Provider alias, for a second configuration in the same stack.
   * @default - the default (unaliased) provider
   */
  readonly alias?: string;
  /**
   * Subscription the provider works in.
   * @default - `ARM_SUBSCRIPTION_ID`, or the Azure CLI's current subscription
   */
  readonly subscriptionId?: string;
  /**
   * Tenant to sign in to.
   * @default - `ARM_TENANT_ID`, or the Azure CLI's tenant
   */
  readonly tenantId?: string;
  /**
   * Sign in with an OIDC token (GitHub Actions federated credentials).
   * @default - `ARM_USE_OIDC`; the workflows of this repository set it to true
   */
  readonly useOidc?: boolean;
}

/** The `azure/azapi` provider block. Prefer {@link azapiProvider}, which makes one per stack. */
export class AzapiProvider extends TerraformProvider {
  private readonly props: AzapiProviderProps;

  constructor(scope: Construct, id: string, props: AzapiProviderProps = {}) {
    super(scope, id, {
      terraformResourceType: "azapi",
      terraformGeneratorMetadata: { providerName: "azapi", providerVersionConstraint: props.version ?? AZAPI_PROVIDER_VERSION },
      terraformProviderSource: AZAPI_PROVIDER_SOURCE,
    });
    this.props = props;
  }

  public get alias(): string | undefined {
    return this.props.alias;
  }

  public set alias(_value: string | undefined) {
    throw new Error("set the alias through AzapiProviderProps.alias");
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return {
      alias: this.props.alias,
      subscription_id: this.props.subscriptionId,
      tenant_id: this.props.tenantId,
      use_oidc: this.props.useOidc,
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return hclSafe(this.synthesizeAttributes());
  }
}

const PROVIDER_ID = "azapi";

/**
 * The stack's default azapi provider, created on first use (id `azapi` at the stack root).
 * Every construct that emits an azapi resource calls this, so a stack has exactly one.
 */
export function azapiProvider(scope: Construct): AzapiProvider {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(PROVIDER_ID);
  if (existing instanceof AzapiProvider) return existing;
  if (existing) throw new Error(`${stack.node.path}/${PROVIDER_ID} exists but is not an AzapiProvider`);
  return new AzapiProvider(stack, PROVIDER_ID);
}

// What every hand-written azapi binding does the same way: it names the azapi provider in its
// generator metadata, makes sure the stack has the provider block, and writes one attribute
// object twice, JSON-safe for `cdk.tf.json` and HCL-safe for `cdktf synth --hcl` (./hcl-literal.ts).
// Two bases only because a resource and a data source have different cdktf parents.

/** The Terraform meta-arguments every azapi binding takes. */
export interface AzapiMetaArguments {
  /**
   * Terraform `depends_on`.
   * @default - none beyond the references in the other props
   */
  readonly dependsOn?: TerraformResource[];
}

/** The cdktf element config of an azapi resource or data source of `terraformResourceType`. */
function azapiElementConfig(terraformResourceType: string, meta: AzapiMetaArguments): TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: "azapi", providerVersionConstraint: AZAPI_PROVIDER_VERSION },
    dependsOn: meta.dependsOn,
  };
}

/**
 * Base of the hand-written azapi resources ({@link AzapiResource}, {@link AzapiUpdateResource}):
 * the stack's azapi provider, the props, and one attribute object written to both JSON and HCL.
 */
export abstract class AzapiResourceBase<Props extends AzapiMetaArguments> extends TerraformResource {
  /** The props the binding was made with. */
  protected readonly props: Props;

  protected constructor(scope: Construct, id: string, terraformResourceType: string, props: Props) {
    super(scope, id, azapiElementConfig(terraformResourceType, props));
    azapiProvider(this);
    this.props = props;
  }

  /** The Terraform attributes (snake_case), before escaping. */
  protected abstract attributes(): { [name: string]: unknown };

  /** `attributes()`, every literal string escaped for `cdk.tf.json`. */
  protected synthesizeAttributes(): { [name: string]: unknown } {
    return jsonSafe(this.attributes());
  }

  /** `attributes()`, every literal string escaped for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    // Untyped values: cdktf's HCL renderer writes them as HCL literals (objects, lists,
    // strings), which is the shape azapi 2.x takes for `body`; hclSafe escapes the strings.
    return hclSafe(this.attributes());
  }
}

/**
 * Base of the hand-written azapi data sources ({@link DataAzapiResourceAction},
 * {@link DataAzapiResourceList}): as {@link AzapiResourceBase}, plus the data source's address.
 */
export abstract class AzapiDataSourceBase<Props extends AzapiMetaArguments> extends TerraformDataSource {
  /** The props the binding was made with. */
  protected readonly props: Props;

  protected constructor(scope: Construct, id: string, terraformResourceType: string, props: Props) {
    super(scope, id, azapiElementConfig(terraformResourceType, props));
    azapiProvider(this);
    this.props = props;
  }

  /** The Terraform address, `data.<type>.<logical id>`, for raw expressions. */
  public get address(): string {
    return `data.${this.terraformResourceType}.${this.friendlyUniqueId}`;
  }

  /** The Terraform attributes (snake_case), before escaping. */
  protected abstract attributes(): { [name: string]: unknown };

  /** `attributes()`, every literal string escaped for `cdk.tf.json`. */
  protected synthesizeAttributes(): { [name: string]: unknown } {
    return jsonSafe(this.attributes());
  }

  /** `attributes()`, every literal string escaped for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return hclSafe(this.attributes());
  }
}

/** Props of {@link AzapiResource}. */
export interface AzapiResourceProps extends AzapiMetaArguments {
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
}

/**
 * An `azapi_resource`: one Azure Resource Manager resource of any type and API version,
 * managed through `management.azure.com` only. The stack's azapi provider is created on first use.
 */
export class AzapiResource extends AzapiResourceBase<AzapiResourceProps> {
  /** Terraform resource type. */
  public static readonly tfResourceType = "azapi_resource";

  constructor(scope: Construct, id: string, props: AzapiResourceProps) {
    super(scope, id, AzapiResource.tfResourceType, props);
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

  /** The `azapi_resource` arguments. */
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
export interface AzapiUpdateResourceProps extends AzapiMetaArguments {
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
}

/**
 * An `azapi_update_resource`: sets properties of a resource another resource manages, for the
 * properties that resource's provider lacks (here: a content filter's custom blocklists, which
 * `azurerm_cognitive_account_rai_policy` 4.55 does not have). azapi reads the resource, merges
 * `body` and writes it back; it shows drift when the properties are gone again.
 */
export class AzapiUpdateResource extends AzapiResourceBase<AzapiUpdateResourceProps> {
  /** Terraform resource type. */
  public static readonly tfResourceType = "azapi_update_resource";

  constructor(scope: Construct, id: string, props: AzapiUpdateResourceProps) {
    super(scope, id, AzapiUpdateResource.tfResourceType, props);
  }

  /** The `azapi_update_resource` arguments. */
  protected attributes(): { [name: string]: unknown } {
    return { type: this.props.type, resource_id: this.props.resourceId, body: this.props.body, schema_validation_enabled: this.props.schemaValidationEnabled };
  }
}

