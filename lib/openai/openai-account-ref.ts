import { TerraformResource } from "cdktf";
import type { ModelDeployment } from "./model-deployment";

/** What other constructs need from an Azure OpenAI account. */
export interface IOpenAiAccount {
  /** Azure resource ID of the account. */
  readonly accountId: string;
  /** Account name. */
  readonly accountName: string;
  /** Azure location of the account. */
  readonly location: string;
  /**
   * Orders `resource` after every earlier operation on the account. Azure runs one operation
   * on an account at a time: deployments, private endpoints, keys and content filters created
   * together fail with 409 "Another operation is being performed on the parent resource".
   */
  chainOperation(resource: TerraformResource): void;
  /** Records a deployment made on the account. */
  registerDeployment(deployment: ModelDeployment): void;
}
