import type { IOperationChain } from "../core/operation-chain";
import type { IGrantee } from "../identity/principal";
import type { RbacAssignment } from "../identity/role-assignment";
import type { IRoleTarget } from "../identity/role-target";
import type { AccountKind } from "./foundry-upgrade";

/**
 * An Azure OpenAI or Foundry account as other constructs use it: `OpenAiAccount`, or an account
 * made elsewhere (`OpenAiAccount.fromAccountId`). Deployments, content filters, projects and
 * private endpoints join its operation chain; roles granted on it become its children.
 */
export interface IOpenAiAccount extends IOperationChain, IRoleTarget {
  /** Azure resource ID of the account (the same as `resourceId` and `scopeId`). */
  readonly accountId: string;
  /** Account name. */
  readonly accountName: string;
  /** Custom subdomain (`https://<subdomain>.openai.azure.com`). */
  readonly customSubdomainName: string;
  /**
   * Kind of the account: `AIServices` (a Foundry resource: projects, and three private DNS
   * names) or `OpenAI`.
   */
  readonly kind: AccountKind;
  /** Lets `grantee` call the models (Cognitive Services OpenAI User). */
  grantUse(grantee: IGrantee): RbacAssignment;
  /** Lets `grantee` create and change deployments (Cognitive Services OpenAI Contributor). */
  grantManageDeployments(grantee: IGrantee): RbacAssignment;
  /** Lets `grantee` read the account's configuration (Reader). */
  grantRead(grantee: IGrantee): RbacAssignment;
}
