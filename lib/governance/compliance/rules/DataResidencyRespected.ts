import { CognitiveAccount } from "@cdktf/provider-azurerm/lib/cognitive-account";
import { CognitiveDeployment } from "@cdktf/provider-azurerm/lib/cognitive-deployment";
import type { DeploymentSku } from "../../../regions/processing";
import { findRegion } from "../../../core/region-catalog";
import { findResidencyPolicy, ResidencyPolicy, skuResidencyProblem } from "../../../regions/residency";
import { defineRule } from "../define-rule";
import { compliant, nonCompliant, notApplicable, RuleJudgement } from "../rule";
import { ResourceAttributes, describeValue, firstBlock, isExpression, tagsOf } from "../values";

/** Tag carrying the account's residency promise (see governanceTags). */
const RESIDENCY_TAG = "data-residency";

/**
 * Data stays where the account's `data-residency` tag promises: the account's location is in
 * the promised data zone (eu, us) or geography (apac), and its deployments' SKUs do not process
 * data outside it (Global* never under eu/us/apac, DataZone* only in the promised zone). A tag
 * naming one location pins the account there with regional SKUs only.
 */
export const DataResidencyRespected = defineRule({
  id: "DataResidencyRespected",
  description:
    "The account's location and its deployments' SKUs keep data inside the residency its data-residency tag promises (eu, us, apac, global or one location).",
  fix:
    "Keep the account's location and its ModelDeployment skus inside the residency that GovernanceTags dataResidency (the environment's residency) promises: a region of that zone, a Standard/ProvisionedManaged sku or a DataZone* sku of the same zone, never a Global* sku under eu, us or apac.",
  resourceTypes: [CognitiveAccount.tfResourceType, CognitiveDeployment.tfResourceType],
  evaluate(resource, context) {
    if (resource.terraformResourceType === CognitiveAccount.tfResourceType) {
      return judgeAccount(context.attributes(resource));
    }
    const deployment = context.attributes(resource);
    const account = context.resolveReference(CognitiveAccount.tfResourceType, deployment.cognitive_account_id);
    if (!account) return notApplicable("the deployment's account is not in this stack, so its residency promise is unknown here");
    const accountAttributes = context.attributes(account);
    const promise = residencyPromise(accountAttributes);
    if (!("policy" in promise)) return promise;
    const location = accountAttributes.location;
    const sku = firstBlock(deployment.sku)?.name;
    if (typeof location !== "string" || isExpression(location)) return nonCompliant(`the account's location is ${describeValue(location)}`);
    if (typeof sku !== "string" || isExpression(sku)) return nonCompliant(`sku.name is ${describeValue(sku)}`);
    const problem = skuResidencyProblem(promise.policy, sku as DeploymentSku, location);
    return problem ? nonCompliant(`sku.name ${sku}: ${problem}`) : compliant(`${sku} in ${location} under residency "${promise.policy.name}"`);
  },
});
/** A constructed {@link DataResidencyRespected} rule. */
export type DataResidencyRespected = InstanceType<typeof DataResidencyRespected>;

/** The account's location against its residency promise. */
function judgeAccount(attributes: ResourceAttributes): RuleJudgement {
  const promise = residencyPromise(attributes);
  if (!("policy" in promise)) return promise;
  const location = attributes.location;
  if (typeof location !== "string" || isExpression(location)) return nonCompliant(`location is ${describeValue(location)}`);
  if (!promise.policy.allowedRegions.includes(location)) {
    const zone = findRegion(location)?.dataZone;
    return nonCompliant(
      `location ${location} (${zone ? `${zone} data zone` : "no data zone"}) is outside residency "${promise.policy.name}" (${promise.policy.allowedRegions.join(", ")})`,
    );
  }
  return compliant(`${location} under residency "${promise.policy.name}"`);
}
/** The policy an account's tag promises, or the judgement when the tag cannot be checked. */
function residencyPromise(account: ResourceAttributes): { policy: ResidencyPolicy } | RuleJudgement {
  const tag = tagsOf(account)[RESIDENCY_TAG];
  if (tag === undefined) return nonCompliant(`the account has no ${RESIDENCY_TAG} tag: there is no residency promise to check`);
  const name = tag.toLowerCase();
  // Own entries only: a tag "constructor" is a custom residency, not Object.prototype.constructor.
  const builtIn = findResidencyPolicy(name);
  if (builtIn) return { policy: builtIn };
  if (findRegion(name)) return { policy: { name, allowedRegions: [name], allowsGlobalProcessing: false } };
  return notApplicable(`${RESIDENCY_TAG} "${tag}" is a custom residency whose regions this rule does not know`);
}
