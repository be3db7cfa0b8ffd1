import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  addPropChecks,
  governanceTags,
  isProvisioned,
  nameProblem,
  OpenAiAccount,
  OpenAiPlatform,
  resolveResidency,
  ResourceNaming,
} from "../lib";
import { configureBackend } from "./backend";
import { EnvironmentConfig } from "./environment-config";

const ENVIRONMENT_NAME = /^[a-z][a-z0-9]{1,11}$/;
const WORKLOAD_NAME = /^[a-z][a-z0-9-]{0,14}[a-z0-9]$/;

/** One environment: its resource group and the governed Azure OpenAI platform. */
export class OpenAiEnvironmentStack extends TerraformStack {
  /** The Azure OpenAI platform of the environment. */
  public readonly platform: OpenAiPlatform;

  /** The accounts, one per region, in priority order. */
  public get accounts(): readonly OpenAiAccount[] {
    return this.platform.accounts;
  }

  constructor(scope: Construct, public readonly config: EnvironmentConfig) {
    super(scope, config.name);
    addPropChecks(this, (c) => {
      c.matches("name", config.name, ENVIRONMENT_NAME, "2-12 lowercase letters or digits, starting with a letter");
      c.matches("workload", config.workload, WORKLOAD_NAME, "2-16 lowercase letters, digits or hyphens, starting with a letter");
      const tokenCapacity = config.deployments
        .filter((d) => !isProvisioned(d.sku))
        .reduce((sum, d) => sum + d.capacity, 0) * config.regions.length;
      if (tokenCapacity > config.capacityCapK) {
        c.fail("deployments", `${tokenCapacity}K TPM in total`, `allowed: at most capacityCapK = ${config.capacityCapK}K TPM`);
      }
    });

    // Local state (relative path) unless remote state is configured; see docs/DELIVERY.md.
    configureBackend(this, config.name);
    new AzurermProvider(this, "azurerm", { features: [{}] });

    const naming = new ResourceNaming({
      workload: config.workload,
      environment: config.name,
      uniqueSuffix: config.uniqueSuffix,
    });
    const residency = resolveResidency(config.residency);
    const tagProps = { environment: config.name, owner: config.owner, dataResidency: residency.name, workload: config.workload };
    const resourceGroupName = naming.name("resourceGroup", { location: config.location });
    addPropChecks(this, (c) => {
      const problem = nameProblem("resourceGroup", resourceGroupName);
      if (problem) c.fail("resourceGroup name", resourceGroupName, problem);
    });
    const resourceGroup = new ResourceGroup(this, "resource-group", {
      name: resourceGroupName,
      location: config.location,
      tags: governanceTags(tagProps, config.tags),
    });

    this.platform = new OpenAiPlatform(this, "openai", {
      environment: config.name,
      owner: config.owner,
      naming,
      resourceGroupName: resourceGroup.name,
      residency: config.residency,
      regions: config.regions,
      deployments: config.deployments,
      tags: { ...config.tags, workload: config.workload },
    });
  }
}
