import { TerraformProvider, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { hclSafe } from "./hcl-literal";

// The `azure/azapi` provider block of the hand-written azapi bindings (./azapi.ts, ./azapi-data.ts):
// one per stack, made by the first binding that needs it.

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
