import { ITerraformDependable, TerraformDataSource, TerraformResource, TerraformResourceConfig } from "cdktf";
import { Construct } from "constructs";
import { AZAPI_PROVIDER_VERSION, azapiProvider } from "./azapi-provider";
import { hclSafe, jsonSafe } from "./hcl-literal";

// What every hand-written azapi binding does the same way: it names the azapi provider in its
// generator metadata, makes sure the stack has the provider block, and writes one attribute
// object twice, JSON-safe for `cdk.tf.json` and HCL-safe for `cdktf synth --hcl` (./hcl-literal.ts).
// Two bases only because a resource and a data source have different cdktf parents.

/** The cdktf element config of an azapi resource or data source of `terraformResourceType`. */
function azapiElementConfig(terraformResourceType: string, dependsOn: ITerraformDependable[] | undefined): TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: "azapi", providerVersionConstraint: AZAPI_PROVIDER_VERSION },
    dependsOn,
  };
}

/**
 * Base of the hand-written azapi resources ({@link AzapiResource}, {@link AzapiUpdateResource}):
 * the stack's azapi provider, and one attribute object written to both JSON and HCL.
 */
export abstract class AzapiResourceBase extends TerraformResource {
  protected constructor(scope: Construct, id: string, terraformResourceType: string, dependsOn?: ITerraformDependable[]) {
    super(scope, id, azapiElementConfig(terraformResourceType, dependsOn));
    azapiProvider(this);
  }

  /** The Terraform attributes (snake_case), before escaping. */
  protected abstract attributes(): { [name: string]: unknown };

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return jsonSafe(this.attributes());
  }

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
export abstract class AzapiDataSourceBase extends TerraformDataSource {
  protected constructor(scope: Construct, id: string, terraformResourceType: string, dependsOn?: ITerraformDependable[]) {
    super(scope, id, azapiElementConfig(terraformResourceType, dependsOn));
    azapiProvider(this);
  }

  /** The Terraform address, `data.<type>.<logical id>`, for raw expressions. */
  public get address(): string {
    return `data.${this.terraformResourceType}.${this.friendlyUniqueId}`;
  }

  /** The Terraform attributes (snake_case), before escaping. */
  protected abstract attributes(): { [name: string]: unknown };

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return jsonSafe(this.attributes());
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return hclSafe(this.attributes());
  }
}
