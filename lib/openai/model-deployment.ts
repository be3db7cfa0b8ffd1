import { CognitiveDeployment } from "@cdktf/provider-azurerm/lib/cognitive-deployment";
import { Construct } from "constructs";
import { addPropChecks } from "../core/validation";
import {
  DEPLOYMENT_SKUS,
  isProvisioned,
  MAX_PROVISIONED_CAPACITY,
  MAX_TOKEN_CAPACITY,
  ModelDeploymentOptions,
  VERSION_UPGRADE_OPTIONS,
} from "./deployment-options";
import type { IOpenAiAccount } from "./openai-account-ref";

/** Props of {@link ModelDeployment}. */
export interface ModelDeploymentProps extends ModelDeploymentOptions {
  /** The account the model is deployed on. */
  readonly account: IOpenAiAccount;
}

const DEPLOYMENT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;
const MODEL_PART = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;

/**
 * A model deployment on an Azure OpenAI account. It joins the account's operation chain, so
 * Azure receives the deployments of one account one at a time (in parallel they fail with 409).
 */
export class ModelDeployment extends Construct {
  /** The `azurerm_cognitive_deployment` resource. */
  public readonly resource: CognitiveDeployment;
  /** The options the deployment was made with. */
  public readonly options: ModelDeploymentOptions;

  constructor(scope: Construct, id: string, props: ModelDeploymentProps) {
    super(scope, id);
    const { account, ...options } = props;
    this.options = options;

    addPropChecks(this, (c) => {
      c.matches("name", props.name, DEPLOYMENT_NAME, "1-64 letters, digits, '-', '_' or '.', starting with a letter or digit");
      c.matches("model", props.model, MODEL_PART, "a model name such as gpt-4.1");
      c.matches("version", props.version, MODEL_PART, "a model version such as 2025-04-14");
      c.oneOf("sku", props.sku, DEPLOYMENT_SKUS);
      if (DEPLOYMENT_SKUS.includes(props.sku)) {
        if (isProvisioned(props.sku)) {
          c.integerInRange("capacity", props.capacity, 1, MAX_PROVISIONED_CAPACITY, `PTUs for ${props.sku}`);
        } else {
          c.integerInRange("capacity", props.capacity, 1, MAX_TOKEN_CAPACITY, `(units of 1,000 tokens per minute) for ${props.sku}`);
        }
      }
      c.oneOf("versionUpgradeOption", props.versionUpgradeOption, VERSION_UPGRADE_OPTIONS);
    });

    this.resource = new CognitiveDeployment(this, "resource", {
      name: props.name,
      cognitiveAccountId: account.accountId,
      model: { format: props.format ?? "OpenAI", name: props.model, version: props.version },
      sku: { name: props.sku, capacity: props.capacity },
      versionUpgradeOption: props.versionUpgradeOption ?? "OnceCurrentVersionExpired",
      raiPolicyName: props.raiPolicyName,
    });
    account.chainOperation(this.resource);
    account.registerDeployment(this);
  }
}
