import { CognitiveDeployment } from "@cdktf/provider-azurerm/lib/cognitive-deployment";
import { Annotations, DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from "cdktf";
import { Construct } from "constructs";
import { acknowledgeWeakening } from "../core/justification"; // compliance: acknowledged weakening
import type { Justification } from "../core/justification";
import { WEAKENING_KEYS } from "../core/weakening-keys"; // compliance: acknowledged weakening
import { addPropChecks, isToken, isTokenLookAlike, PropChecks, UNKNOWN_TOKEN } from "../core/validation";
import { DEPLOYMENT_SKUS, isProvisioned } from "../regions/processing";
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
  VERSION_UPGRADE_OPTIONS,
} from "./deployment-options";
import { SYNTH_DATE_CONTEXT_KEY } from "../core/synth-date";
import { catalogModelFormat, checkModelLifecycle, findModelLifecycle, isIsoDate, lifecycleToday, unofferedSku } from "./model-lifecycle";
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
const MODEL_DEPLOYMENT_PROP_KEYS: PropKeys<ModelDeploymentProps> = { account: true, today: true, name: true, model: true, version: true, sku: true, capacity: true, versionUpgradeOption: true, raiPolicyName: true, contentFilterOverride: true, format: true };

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
    this.contentFilterOverrideReason = props.contentFilterOverride?.reason;
    if (props.contentFilterOverride) acknowledgeWeakening(this, WEAKENING_KEYS.contentFilterOverride, "contentFilterOverride", props.contentFilterOverride); // compliance: acknowledged weakening
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
