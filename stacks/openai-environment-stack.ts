import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  addPropChecks,
  governanceTags,
  isProvisioned,
  nameProblem,
  OpenAiAccount,
  ResourceNaming,
} from "../lib";
import { EnvironmentConfig } from "./environment-config";

const ENVIRONMENT_NAME = /^[a-z][a-z0-9]{1,11}$/;
const WORKLOAD_NAME = /^[a-z][a-z0-9-]{0,14}[a-z0-9]$/;

/** One environment: its resource group and an Azure OpenAI account per region. */
export class OpenAiEnvironmentStack extends TerraformStack {
  /** The accounts, one per region, in the order of `config.regions`. */
  public readonly accounts: OpenAiAccount[];

  constructor(scope: Construct, public readonly config: EnvironmentConfig) {
    super(scope, config.name);
    addPropChecks(this, (c) => {
      c.matches("name", config.name, ENVIRONMENT_NAME, "2-12 lowercase letters or digits, starting with a letter");
      c.matches("workload", config.workload, WORKLOAD_NAME, "2-16 lowercase letters, digits or hyphens, starting with a letter");
      if (config.regions.length === 0) c.fail("regions", config.regions, "allowed: at least one region");
      const tokenCapacity = config.deployments
        .filter((d) => !isProvisioned(d.sku))
        .reduce((sum, d) => sum + d.capacity, 0) * config.regions.length;
      if (tokenCapacity > config.capacityCapK) {
        c.fail("deployments", `${tokenCapacity}K TPM in total`, `allowed: at most capacityCapK = ${config.capacityCapK}K TPM`);
      }
    });

    // A relative path: cdktf's implicit local backend writes an absolute one into every stack.
    new LocalBackend(this, { path: `terraform.${config.name}.tfstate` });
    new AzurermProvider(this, "azurerm", { features: [{}] });

    const naming = new ResourceNaming({
      workload: config.workload,
      environment: config.name,
      uniqueSuffix: config.uniqueSuffix,
    });
    const tagProps = { environment: config.name, owner: config.owner, dataResidency: config.residency, workload: config.workload };
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

    // Construct IDs carry the location, never a list index: adding a region renames nothing.
    this.accounts = config.regions.map(
      (region) =>
        new OpenAiAccount(this, `openai-${region.location}`, {
          name: naming.name("openAiAccount", { location: region.location }),
          resourceGroupName: resourceGroup.name,
          location: region.location,
          environment: config.name,
          owner: config.owner,
          dataResidency: config.residency,
          deployments: [...config.deployments],
          tags: { ...config.tags, workload: config.workload },
        }),
    );

    for (const account of this.accounts) {
      new TerraformOutput(this, `endpoint-${account.location}`, {
        description: `Azure OpenAI endpoint in ${account.location}`,
        value: `https://${account.customSubdomainName}.openai.azure.com/`,
      });
    }
  }
}
