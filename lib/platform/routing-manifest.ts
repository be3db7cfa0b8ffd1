import { Lazy, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { addStackArtifact } from "../core/stack-artifact";
import { DeploymentSku, ProcessingScope, processingScope } from "../regions/processing";
import { findRegion } from "../core/region-catalog";

/** One region as an application's failover client sees it. */
export interface RoutingRegion {
  /** Azure location. */
  readonly location: string;
  /** Failover priority: 1 is tried first. */
  readonly priority: number;
  /**
   * Endpoint URL for Azure OpenAI clients (Entra ID authentication; resolves privately inside
   * linked VNets): `https://<subdomain>.openai.azure.com/`, on either kind.
   */
  readonly endpoint: string;
  /** Kind of the region's account: `AIServices` (Foundry) or `OpenAI`. */
  readonly kind: string;
  /**
   * The Foundry endpoint (`https://<subdomain>.services.ai.azure.com/`) for Foundry SDKs and
   * non-OpenAI models, on Foundry accounts only.
   * @default - none (kind OpenAI)
   */
  readonly foundryEndpoint?: string;
  /**
   * The account's Foundry projects and the endpoint each is called at.
   * @default - none
   */
  readonly projects?: readonly { readonly name: string; readonly endpoint: string }[];
  /** Data zone of the region, if any. */
  readonly dataZone?: string;
  /** Deployments reachable at this endpoint. */
  readonly deployments: readonly RoutingDeployment[];
}

/** One deployment in the manifest. */
export interface RoutingDeployment {
  /** Deployment name, the path segment applications call. */
  readonly name: string;
  /** Model name. */
  readonly model: string;
  /** Model version. */
  readonly version: string;
  /** Deployment SKU. */
  readonly sku: DeploymentSku;
  /** Where the SKU processes prompts. */
  readonly processing: ProcessingScope;
}

/** What a failover client needs, with no secrets: the seed's MultiRegionClient configuration. */
export interface RoutingManifestDocument {
  /** Environment name. */
  readonly environment: string;
  /** Residency policy every region honours. */
  readonly residency: string;
  /** How clients authenticate: Entra ID tokens for this scope; API keys are off. */
  readonly authentication: { readonly type: "entra-id"; readonly tokenScope: string };
  /** Regions in failover order. */
  readonly regions: readonly RoutingRegion[];
  /**
   * The AI gateway applications call instead of the regions, when the environment has one: it
   * fails over in the regions' order itself. The regions stay listed for operators.
   * @default - none: clients call the regions directly
   */
  readonly entryPoint?: RoutingEntryPoint;
}

/** The gateway in front of the regions, as a client sees it. */
export interface RoutingEntryPoint {
  /** Always `ai-gateway`. */
  readonly type: "ai-gateway";
  /** Base URL for Azure OpenAI clients. */
  readonly endpoint: string;
  /** Region of the gateway. */
  readonly location: string;
  /** Entra ID token scope callers request. */
  readonly tokenScope: string;
  /** `internal` (reachable only from the private network) or `public`. */
  readonly network: "internal" | "public";
}

/** Input of {@link RoutingManifest}. */
export interface RoutingManifestProps {
  /** Environment name. */
  readonly environment: string;
  /** Residency policy name. */
  readonly residency: string;
  /** The regions; sorted by priority in the output. */
  readonly regions: readonly {
    readonly location: string;
    readonly priority: number;
    readonly customSubdomainName: string;
    /** Kind of the account. @default "OpenAI" */
    readonly kind?: string;
    /** Names of the account's Foundry projects. @default - none */
    readonly projects?: readonly string[];
    readonly deployments: readonly { name: string; model: string; version: string; sku: DeploymentSku }[];
  }[];
  /**
   * File name written beside the synthesized stack.
   * @default "routing-manifest.json"
   */
  readonly fileName?: string;
}

/**
 * The routing manifest: a Terraform output `routing_manifest` and a JSON file beside the
 * synthesized stack listing, per region, the endpoint, deployments, priority and residency.
 */
export class RoutingManifest extends Construct {
  private doc: RoutingManifestDocument;

  /** The manifest content. */
  public get document(): RoutingManifestDocument {
    return this.doc;
  }

  constructor(scope: Construct, id: string, props: RoutingManifestProps) {
    super(scope, id);
    this.doc = {
      environment: props.environment,
      residency: props.residency,
      authentication: { type: "entra-id", tokenScope: "https://cognitiveservices.azure.com/.default" },
      regions: [...props.regions]
        .sort((a, b) => a.priority - b.priority)
        .map((r) => ({
          location: r.location,
          priority: r.priority,
          endpoint: `https://${r.customSubdomainName}.openai.azure.com/`,
          kind: r.kind ?? "OpenAI",
          ...(r.kind === "AIServices"
            ? {
                foundryEndpoint: `https://${r.customSubdomainName}.services.ai.azure.com/`,
                projects: (r.projects ?? []).map((name) => ({ name, endpoint: `https://${r.customSubdomainName}.services.ai.azure.com/api/projects/${name}` })),
              }
            : {}),
          dataZone: findRegion(r.location)?.dataZone,
          deployments: r.deployments.map((d) => ({
            name: d.name,
            model: d.model,
            version: d.version,
            sku: d.sku,
            processing: processingScope(d.sku),
          })),
        })),
    };
    new TerraformOutput(this, "output", {
      description: "Regions, endpoints, deployments and priorities for failover clients (no secrets)",
      value: Lazy.stringValue({ produce: () => JSON.stringify(this.doc) }),
    }).overrideLogicalId("routing_manifest");
    addStackArtifact(this, props.fileName ?? "routing-manifest.json", () => `${JSON.stringify(this.doc, null, 2)}\n`);
  }

  /** Names the AI gateway as the entry point applications call (lib/gateway). */
  public setEntryPoint(entryPoint: Omit<RoutingEntryPoint, "type">): void {
    this.doc = { ...this.doc, entryPoint: { type: "ai-gateway", ...entryPoint } };
  }
}
