import { CognitiveDeployment } from "@cdktf/provider-azurerm/lib/cognitive-deployment";
import { Annotations, DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from "cdktf";
import { Construct } from "constructs";
import { applyWeakenings, WeakeningMap } from "../core/applied-weakening";
import type { Justification } from "../core/justification";
import { WEAKENING_KEYS } from "../core/weakening-keys";
import { addPropChecks, isToken, isTokenLookAlike, PropChecks, UNKNOWN_TOKEN } from "../core/validation";
import { DEPLOYMENT_SKUS, DeploymentSku, isProvisioned } from "../regions/processing";
import type { ContentFilter } from "./content-filter";
import {
  DEPLOYMENT_NAME_PATTERN,
  DEPLOYMENT_NAME_RULE,
  MAX_PROVISIONED_CAPACITY,
  MAX_TOKEN_CAPACITY,
  ModelDeploymentOptions,
  modelFormatProblem,
  NO_FILTER_POLICY,
  OPENAI_MODEL_FORMAT,
  SPILLOVER_API_VERSION,
  SPILLOVER_TARGET_SKU,
  VERSION_UPGRADE_OPTIONS,
} from "./deployment-options";
import { SYNTH_DATE_CONTEXT_KEY } from "../core/synth-date";
import { catalogModelFormat, checkModelLifecycle, findModelLifecycle, isIsoDate, lifecycleToday, ptuCapacityProblem, ptuSize, PTU_SIZES_SOURCE, unofferedSku } from "./model-lifecycle";
import { AzapiUpdateResource } from "../core/azapi";
import type { IOpenAiAccount } from "./openai-account-ref";
import { PropKeys } from "../core/known-props";

/** Props of {@link ModelDeployment}. */
export interface ModelDeploymentProps extends ModelDeploymentOptions {
  /** The account the model is deployed on. */
  readonly account: IOpenAiAccount;
  /**
   * The date the model lifecycle is checked against, ISO `YYYY-MM-DD`: a retired version fails
   * the synth, one within 90 days of retirement (or no longer offered to new customers, or not in
   * the catalog) warns. Set it to make tests deterministic.
   * @default - the context value `aoai:today`, else the current UTC date
   */
  readonly today?: string;
}

const MODEL_PART = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;

/** The props ModelDeployment accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
/** The deployment's one weakening and its neutral key (read by `applyWeakenings`). */
const DEPLOYMENT_WEAKENINGS: WeakeningMap<"contentFilterOverride"> = { contentFilterOverride: WEAKENING_KEYS.contentFilterOverride };

const MODEL_DEPLOYMENT_PROP_KEYS: PropKeys<ModelDeploymentProps> = { account: true, today: true, name: true, model: true, version: true, sku: true, capacity: true, versionUpgradeOption: true, raiPolicyName: true, contentFilterOverride: true, format: true, spilloverDeploymentName: true };

/**
 * A model deployment on an Azure OpenAI account. It joins the account's operation chain, so
 * Azure receives the deployments of one account one at a time (in parallel they fail with 409).
 */
export class ModelDeployment extends Construct {
  /** The deployments made on `account` (through any scope), in creation order. */
  public static onAccount(account: IOpenAiAccount): readonly ModelDeployment[] {
    return deploymentsByAccount.get(account) ?? [];
  }

  /** The `azurerm_cognitive_deployment` resource (also `node.defaultChild`). */
  public readonly resource: CognitiveDeployment;
  /** The options the deployment was made with. */
  public readonly options: ModelDeploymentOptions;
  /** The account the deployment is made on. */
  public readonly account: IOpenAiAccount;
  /**
   * The `azapi_update_resource` that sets `spilloverDeploymentName`, once the spillover target
   * exists on the account (`undefined` before, and without `spilloverDeploymentName`).
   */
  public get spillover(): AzapiUpdateResource | undefined {
    return this.spilloverUpdate;
  }
  private spilloverUpdate?: AzapiUpdateResource;
  /**
   * The stated reason the deployment does not use its account's content filter, when it has a
   * `contentFilterOverride`; the compliance report shows it as the suppression reason.
   */
  public readonly contentFilterOverrideReason?: string;

  constructor(scope: Construct, id: string, props: ModelDeploymentProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, MODEL_DEPLOYMENT_PROP_KEYS));
    const { account, today: todayProp, ...options } = props;
    this.options = options;
    this.account = account;
    this.contentFilterOverrideReason = props.contentFilterOverride?.reason;
    applyWeakenings(this, "", { contentFilterOverride: props.contentFilterOverride }, DEPLOYMENT_WEAKENINGS);
    // The account's content filter, when the account is an OpenAiAccount that has one.
    const accountFilter = (account as { readonly contentFilter?: ContentFilter }).contentFilter;
    const raiPolicyName = props.raiPolicyName ?? accountFilter?.resource.name;

    // Model lifecycle (catalog in ./model-lifecycle): a retired version fails in the checks
    // below, the other findings warn. Terraform tokens are left unchecked.
    const today = lifecycleToday(this, todayProp);
    const known = !isToken(props.model) && !isToken(props.version);
    const lifecycle = known && isIsoDate(today) ? checkModelLifecycle(props.model, props.version, today) : undefined;
    if (lifecycle && lifecycle.verdict !== "ok" && lifecycle.verdict !== "retired") {
      Annotations.of(this).addWarning(`${props.name}: ${lifecycle.message}`);
    }
    if (lifecycle?.caveat && lifecycle.verdict !== "retired") Annotations.of(this).addWarning(`${props.name}: ${lifecycle.caveat}`);

    // Model format: spelt as Azure spells it, and not a non-OpenAI one on an OpenAI-kind account.
    const format = props.format ?? OPENAI_MODEL_FORMAT;
    const formatProblem = modelFormatProblem(format, account.kind);
    if (formatProblem?.severity === "warning") Annotations.of(this).addWarning(`${props.name}: ${formatProblem.rule}`);
    const catalogFormat = known && !isToken(format) ? catalogModelFormat(props.model) : undefined;

    addPropChecks(this, (c) => {
      c.matches("name", props.name, DEPLOYMENT_NAME_PATTERN, DEPLOYMENT_NAME_RULE);
      checkContentFilterOverride(c, props.raiPolicyName, accountFilter, props.contentFilterOverride);
      c.matches("model", props.model, MODEL_PART, "a model name such as gpt-5.4");
      c.matches("version", props.version, MODEL_PART, "a model version such as 2026-03-05");
      c.oneOf("sku", props.sku, DEPLOYMENT_SKUS);
      if (DEPLOYMENT_SKUS.includes(props.sku)) {
        if (isProvisioned(props.sku)) {
          c.integerInRange("capacity", props.capacity, 1, MAX_PROVISIONED_CAPACITY, `PTUs for ${props.sku}`);
        } else {
          c.integerInRange("capacity", props.capacity, 1, MAX_TOKEN_CAPACITY, `(units of 1,000 tokens per minute) for ${props.sku}`);
        }
      }
      c.oneOf("versionUpgradeOption", props.versionUpgradeOption, VERSION_UPGRADE_OPTIONS);
      if (formatProblem?.severity === "error") {
        c.fail("format", format, formatProblem.rule);
      } else if (catalogFormat !== undefined && catalogFormat !== format) {
        const defaulted = props.format === undefined ? ` (${OPENAI_MODEL_FORMAT} is the default: set format)` : "";
        c.fail("format", format, `allowed: ${JSON.stringify(catalogFormat)}; the model catalog lists ${props.model} as a ${catalogFormat} model${defaulted}`);
      }
      if (!isIsoDate(today)) {
        c.fail(todayProp !== undefined ? "today" : `today (context ${SYNTH_DATE_CONTEXT_KEY})`, today, "allowed: a date written YYYY-MM-DD");
        return;
      }
      if (lifecycle?.verdict === "retired") {
        c.fail("version", props.version, `allowed: a version that is not retired; ${lifecycle.message}`);
      }
      const inRange = Number.isInteger(props.capacity) && props.capacity >= 1 && props.capacity <= MAX_PROVISIONED_CAPACITY;
      if (known && isProvisioned(props.sku) && inRange) checkPtuSize(c, props.model, props.sku, props.capacity);
      if (props.spilloverDeploymentName !== undefined) checkSpillover(c, this, props.spilloverDeploymentName);
      const offered = known && DEPLOYMENT_SKUS.includes(props.sku) ? unofferedSku(props.model, props.version, props.sku) : undefined;
      if (offered) {
        const matrix = findModelLifecycle(props.model, props.version)?.skuSource?.title ?? "model catalog";
        c.fail("sku", props.sku, `allowed: ${offered.join(", ")}; ${props.model} ${props.version} is offered only on these (${matrix})`);
      }
    });

    this.resource = new CognitiveDeployment(this, "resource", {
      name: props.name,
      cognitiveAccountId: account.accountId,
      model: { format, name: props.model, version: props.version },
      sku: { name: props.sku, capacity: props.capacity },
      versionUpgradeOption: props.versionUpgradeOption ?? "OnceCurrentVersionExpired",
      raiPolicyName,
    });
    this.node.defaultChild = this.resource;
    account.chainOperation(this.resource);
    deploymentsByAccount.set(account, [...ModelDeployment.onAccount(account), this]);
    // Spillover is set after both deployments exist, in the account's operation chain: for a
    // target made earlier now, else when the target is made.
    for (const waiting of ModelDeployment.onAccount(account)) waiting.setSpilloverIfReady();
  }

  /** Creates the spillover update once the target deployment exists on the account. */
  private setSpilloverIfReady(): void {
    const target = this.options.spilloverDeploymentName;
    if (this.spilloverUpdate || target === undefined || isToken(target) || !isProvisioned(this.options.sku)) return;
    const targetDeployment = ModelDeployment.onAccount(this.account).find((d) => d !== this && d.options.name.toLowerCase() === target.toLowerCase());
    // Only a valid target is set; checkSpillover reports the others.
    const t = targetDeployment?.options;
    if (!targetDeployment || !t || t.sku !== SPILLOVER_TARGET_SKU[this.options.sku] || t.model !== this.options.model || t.version !== this.options.version) return;
    this.spilloverUpdate = new AzapiUpdateResource(this, "spillover", {
      type: `Microsoft.CognitiveServices/accounts/deployments@${SPILLOVER_API_VERSION}`,
      resourceId: this.resource.id,
      body: { properties: { spilloverDeploymentName: targetDeployment.options.name } },
      dependsOn: [this.resource, targetDeployment.resource],
    });
    this.account.chainOperation(this.spilloverUpdate);
  }
}

/** A provisioned capacity must be at least the model's minimum and grow by its increment (catalog data). */
function checkPtuSize(c: PropChecks, model: string, sku: DeploymentSku, capacity: number): void {
  if (ptuSize(model, sku) === "not-offered") {
    c.fail("sku", sku, `allowed: GlobalProvisionedManaged, DataZoneProvisionedManaged; ${model} has no regional provisioned size (${PTU_SIZES_SOURCE.title}, ${PTU_SIZES_SOURCE.date})`);
    return;
  }
  const problem = ptuCapacityProblem(model, sku, capacity);
  if (problem) c.fail("capacity", capacity, problem);
}

/**
 * Spillover needs a provisioned deployment and, on the same account, a Standard-family target
 * with the same data processing level, model and version (Microsoft Learn "Manage traffic with
 * spillover for provisioned deployments", 2025-10-02).
 */
function checkSpillover(c: PropChecks, deployment: ModelDeployment, target: string): void {
  const prop = "spilloverDeploymentName";
  if (isToken(target)) return;
  const { sku, name, model, version } = deployment.options;
  const wanted = SPILLOVER_TARGET_SKU[sku];
  if (!wanted) {
    c.fail(prop, target, `allowed: only on a provisioned SKU (GlobalProvisionedManaged, DataZoneProvisionedManaged, ProvisionedManaged); ${name} is ${sku}`);
    return;
  }
  if (target.toLowerCase() === name.toLowerCase()) {
    c.fail(prop, target, `allowed: another deployment than ${name} itself`);
    return;
  }
  const same = (d: ModelDeployment) => d.options.name.toLowerCase() === target.toLowerCase();
  const onAccount = ModelDeployment.onAccount(deployment.account).find(same);
  if (!onAccount) {
    const elsewhere = deployment.node.root.node.findAll().find((x): x is ModelDeployment => x instanceof ModelDeployment && x.account !== deployment.account && same(x));
    const names = ModelDeployment.onAccount(deployment.account).filter((d) => d !== deployment).map((d) => d.options.name);
    c.fail(
      prop,
      target,
      elsewhere
        ? `allowed: a deployment on the same account (${deployment.account.accountName}); ${target} is on account ${elsewhere.account.accountName}, and Azure spills over only within one account`
        : `allowed: the name of a deployment on account ${deployment.account.accountName} (${names.length > 0 ? names.join(", ") : "it has no other deployment"})`,
    );
    return;
  }
  const t = onAccount.options;
  if (t.sku !== wanted) {
    c.fail(prop, target, `allowed: a ${wanted} deployment (spillover keeps the data processing level of ${sku}); ${t.name} is ${t.sku}`);
    return;
  }
  if (t.model !== model || t.version !== version) {
    c.fail(prop, target, `allowed: a deployment of the same model and version (${model} ${version}); ${t.name} deploys ${t.model} ${t.version}`);
  }
}

const deploymentsByAccount = new WeakMap<IOpenAiAccount, readonly ModelDeployment[]>();

/** True when the tokens `a` and `b` resolve to the same Terraform expression. */
function sameReference(a: string, b: string, scope: Construct): boolean {
  if (!isToken(a)) return false;
  const stack = TerraformStack.of(scope);
  const resolve = (v: string) => Tokenization.resolve(v, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
  try {
    return resolve(a) === resolve(b);
  } catch {
    return false;
  }
}

/**
 * A deployment that does not use its account's content filter, or uses no filtering at all
 * (`Microsoft.Nil`), must say why in `contentFilterOverride`: otherwise one `raiPolicyName`
 * would silently replace the filter the account was reviewed with.
 */
function checkContentFilterOverride(
  c: PropChecks,
  raiPolicyName: string | undefined,
  accountFilter: ContentFilter | undefined,
  override: Justification | undefined,
): void {
  if (override !== undefined) {
    c.justification("contentFilterOverride", override);
    return;
  }
  if (raiPolicyName === undefined) return;
  if (isTokenLookAlike(raiPolicyName)) {
    c.fail("raiPolicyName", raiPolicyName, UNKNOWN_TOKEN);
    return;
  }
  if (!isToken(raiPolicyName) && raiPolicyName.toLowerCase() === NO_FILTER_POLICY.toLowerCase()) {
    c.fail("raiPolicyName", raiPolicyName, `allowed: ${NO_FILTER_POLICY} (no content filtering) only with contentFilterOverride: { reason }`);
    return;
  }
  if (accountFilter === undefined) return;
  // The filter's name as a literal; a reference to it is compared by what it resolves to.
  if (raiPolicyName === accountFilter.policyName || sameReference(raiPolicyName, accountFilter.resource.name, accountFilter)) return;
  c.fail(
    "raiPolicyName",
    raiPolicyName,
    `allowed: the account's content filter ${JSON.stringify(accountFilter.policyName)}, or another policy only with contentFilterOverride: { reason }; otherwise it replaces the account's content filter`,
  );
}
