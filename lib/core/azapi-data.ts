import { TerraformElement } from "cdktf";
import { Construct } from "constructs";
import { AzapiDataSourceBase, AzapiMetaArguments } from "./azapi";

/*
 * Hand-written read-only azapi 2.x bindings (data sources) and a raw Terraform `check` block,
 * which cdktf 0.21 has no construct for. Both read Azure Resource Manager only: the azapi data
 * sources send GET (or POST) requests to management.azure.com, never to a service's data plane.
 * Schemas: terraform-provider-azapi v2.12.0, internal/services/azapi_resource_action_data_source.go
 * and azapi_resource_list_data_source.go (see docs/evidence/capacity.md).
 */

/**
 * What to export from the response: a list of paths (`["value"]`, `["*"]` for all), or a map
 * from a name to a JMESPath query (`{ skus: "value[].properties.skuName" }`).
 */
export type AzapiResponseExportValues = readonly string[] | Readonly<Record<string, string>>;

/** Props of {@link DataAzapiResourceAction}. */
export interface DataAzapiResourceActionProps extends AzapiMetaArguments {
  /** `<resource type>@<api-version>`; the type must be the type of `resourceId` (azapi checks it). */
  readonly type: string;
  /** ID of the resource the action is called on. */
  readonly resourceId: string;
  /**
   * The action: the path segment after the resource ID (`usages`, `listKeys`).
   * @default - none: the request goes to the resource ID itself
   */
  readonly action?: string;
  /**
   * HTTP method, `GET` or `POST`.
   * @default "POST" (the provider's default)
   */
  readonly method?: "GET" | "POST";
  /**
   * Query parameters, each a list of values.
   * @default - none
   */
  readonly queryParameters?: Readonly<Record<string, readonly string[]>>;
  /**
   * What to export into `output`.
   * @default [] (nothing)
   */
  readonly responseExportValues?: AzapiResponseExportValues;
}

/**
 * A `data "azapi_resource_action"`: one Resource Manager request, read on every plan. With
 * `method: "GET"` it reads a collection a Reader may list (a location's usages, model capacities).
 */
export class DataAzapiResourceAction extends AzapiDataSourceBase<DataAzapiResourceActionProps> {
  /** Terraform data source type. */
  public static readonly tfResourceType = "azapi_resource_action";

  constructor(scope: Construct, id: string, props: DataAzapiResourceActionProps) {
    super(scope, id, DataAzapiResourceAction.tfResourceType, props);
  }

  /** The `azapi_resource_action` arguments. */
  protected attributes(): { [name: string]: unknown } {
    return {
      type: this.props.type,
      resource_id: this.props.resourceId,
      action: this.props.action,
      method: this.props.method,
      query_parameters: this.props.queryParameters,
      response_export_values: this.props.responseExportValues ?? [],
    };
  }
}

/** Props of {@link DataAzapiResourceList}. */
export interface DataAzapiResourceListProps extends AzapiMetaArguments {
  /** `<resource type>@<api-version>` of the resources listed. */
  readonly type: string;
  /** ID of the scope listed: a subscription, resource group or parent resource. */
  readonly parentId: string;
  /**
   * What to export into `output`.
   * @default [] (nothing)
   */
  readonly responseExportValues?: AzapiResponseExportValues;
}

/**
 * A `data "azapi_resource_list"`: the resources of one type under a scope, read on every plan.
 * The provider fails when the scope does not exist (it has no "not found" option in v2.12.0).
 */
export class DataAzapiResourceList extends AzapiDataSourceBase<DataAzapiResourceListProps> {
  /** Terraform data source type. */
  public static readonly tfResourceType = "azapi_resource_list";

  constructor(scope: Construct, id: string, props: DataAzapiResourceListProps) {
    super(scope, id, DataAzapiResourceList.tfResourceType, props);
  }

  /** The `azapi_resource_list` arguments. */
  protected attributes(): { [name: string]: unknown } {
    return { type: this.props.type, parent_id: this.props.parentId, response_export_values: this.props.responseExportValues ?? [] };
  }
}

/** One assertion of a {@link TerraformCheck}. */
export interface TerraformCheckAssertion {
  /** A Terraform expression (without `${ }`) that is true when all is well. */
  readonly condition: string;
  /**
   * The message when it is false: literal text, in which `${expr}` interpolations are written
   * as they are (so they must be valid Terraform expressions).
   */
  readonly errorMessage: string;
}

/**
 * A Terraform `check` block (Terraform >= 1.5): assertions evaluated at the end of every plan
 * and apply; a false one is reported as a warning and blocks nothing. Written raw because
 * cdktf 0.21 has no construct for it. JSON only: cdktf's HCL renderer (lib/hcl/render.js) has
 * no branch for `check`, so `cdktf synth --hcl` leaves the block out.
 */
export class TerraformCheck extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly assertions: readonly TerraformCheckAssertion[],
  ) {
    super(scope, id, "check");
  }

  /** The block's label (its logical ID). */
  public get checkName(): string {
    return this.friendlyUniqueId;
  }

  public override toTerraform(): any {
    if (this.assertions.length === 0) return {};
    return {
      check: {
        [this.friendlyUniqueId]: {
          assert: this.assertions.map((a) => ({ condition: `\${${a.condition}}`, error_message: a.errorMessage })),
        },
      },
    };
  }

  public override toHclTerraform(): any {
    // Same shape; cdktf's HCL renderer ignores it (see the class comment).
    return this.toTerraform();
  }
}

