import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Tokenization } from "cdktf";
import { IConstruct } from "constructs";
import { GovernanceTags } from "../../core/governance-tags";
import { AcknowledgedWeakening, acknowledgedWeakenings, isValidReason } from "../../core/justification";
import { ResourceAttributes } from "./values";

const RESOLVER = new DefaultTokenResolver(new StringConcat());
/** The shared context of each stack for the synthesis under way, and the session that claimed it (see `forSynthesis`). */
const CURRENT = new WeakMap<TerraformStack, { context: RuleContext; session?: object }>();

/**
 * What a rule may ask about the stack being judged: the synthesized attributes of a resource,
 * the resources of a type, and references between them. One context serves one visit; it
 * caches what it resolved, so a rule looking at every resource of a type stays cheap.
 */
export class RuleContext {
  private readonly attributeCache = new Map<TerraformResource, ResourceAttributes>();
  private typeIndex?: Map<string, TerraformResource[]>;
  private readonly referenceCache = new Map<TerraformResource, Map<string, string>>();
  /** Whether attributes are read as synthesized, governance tags applied: set on the synthesis's shared context. */
  private settlesTags = false;

  constructor(
    /** The stack the judged resource is in. */
    public readonly stack: TerraformStack,
  ) {}

  /**
   * The context of `stack` for the synthesis under way, shared by every pack and rule and by the
   * artifacts written beside the stack (diagram, compliance report): the one resolved view of
   * the stack. Resolving a resource's attributes is the expensive part, and the tree does not
   * change once the aspects have settled it (each resource's governance tags are applied before
   * it is read). It is dropped once that synthesis has returned.
   */
  public static of(stack: TerraformStack): RuleContext {
    return (CURRENT.get(stack) ?? RuleContext.share(stack)).context;
  }

  /**
   * Starts a new shared context for `stack`: called when the aspects start visiting the stack,
   * so a second synthesis in the same tick (the tree changed in between) reads it afresh.
   * @internal
   */
  public static startSynthesis(stack: TerraformStack): void {
    RuleContext.share(stack);
  }

  /**
   * The shared context for an artifact written during the synthesis `session` (a custom
   * synthesis): the one the aspects of this synthesis built, or a fresh one when the stack's
   * aspects did not start one for this session (a stack without packs synthesized again).
   * @internal
   */
  public static forSynthesis(stack: TerraformStack, session: object): RuleContext {
    const current = CURRENT.get(stack);
    if (current && (current.session === undefined || current.session === session)) {
      current.session = session;
      return current.context;
    }
    const shared = RuleContext.share(stack);
    shared.session = session;
    return shared.context;
  }

  private static share(stack: TerraformStack): { context: RuleContext; session?: object } {
    const context = new RuleContext(stack);
    context.settlesTags = true;
    const shared: { context: RuleContext; session?: object } = { context };
    CURRENT.set(stack, shared);
    queueMicrotask(() => {
      if (CURRENT.get(stack) === shared) CURRENT.delete(stack);
    });
    return shared;
  }

  /**
   * The attributes the resource synthesizes to, overrides included, with references resolved
   * to Terraform expressions such as `${azurerm_cognitive_account.openai_resource_1A2B3C4D.id}`.
   */
  public attributes(resource: TerraformResource): ResourceAttributes {
    let cached = this.attributeCache.get(resource);
    if (!cached) {
      // Read the resource as it is synthesized, whatever the order the aspects visit it in.
      if (this.settlesTags) GovernanceTags.settle(resource);
      const json = this.resolve(resource.toTerraform()) as { resource?: Record<string, Record<string, ResourceAttributes>> };
      cached = json.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId] ?? {};
      this.attributeCache.set(resource, cached);
    }
    return cached;
  }

  /** Every resource of a Terraform type in the stack. */
  public resourcesOfType(type: string): TerraformResource[] {
    // One walk of the tree indexes every type, in tree order.
    if (!this.typeIndex) {
      this.typeIndex = new Map();
      for (const c of this.stack.node.findAll()) {
        if (!TerraformResource.isTerraformResource(c)) continue;
        const list = this.typeIndex.get(c.terraformResourceType);
        if (list) list.push(c);
        else this.typeIndex.set(c.terraformResourceType, [c]);
      }
    }
    return this.typeIndex.get(type) ?? [];
  }

  /** The Terraform expression other resources use to refer to an attribute of `resource` (its `id` by default). */
  public reference(resource: TerraformResource, attribute = "id"): string {
    // Each getStringAttribute creates a token (and captures a stack trace): once per pair.
    let byAttribute = this.referenceCache.get(resource);
    if (!byAttribute) this.referenceCache.set(resource, (byAttribute = new Map()));
    let cached = byAttribute.get(attribute);
    if (cached === undefined) {
      cached = String(this.resolve(resource.getStringAttribute(attribute)));
      byAttribute.set(attribute, cached);
    }
    return cached;
  }

  /**
   * The resources of `type` whose attribute picked by `pick` is (or, for a list, contains)
   * `target`, typically a reference from {@link reference}.
   */
  public referencing(type: string, target: string, pick: (attributes: ResourceAttributes) => unknown): TerraformResource[] {
    return this.resourcesOfType(type).filter((candidate) => {
      const picked = pick(this.attributes(candidate));
      return Array.isArray(picked) ? picked.includes(target) : picked === target;
    });
  }

  /** Resolves tokens in `value` the way the stack's synthesis does (references become `${...}`). */
  public resolve(value: unknown): unknown {
    return Tokenization.resolve(value, { scope: this.stack, preparing: false, resolver: RESOLVER });
  }

  /**
   * The weakening recorded under `key` (`acknowledgeWeakening`) on `construct` or the nearest of
   * its scopes, with a valid reason. For a rule that accepts a weakening only under conditions it
   * checks itself (a trusted-services storage endpoint behind a Deny firewall); a rule that a
   * weakening simply accepts names the key in `acknowledgedBy` instead.
   */
  public acknowledgedWeakening(construct: IConstruct, key: string): AcknowledgedWeakening | undefined {
    for (const scope of [...construct.node.scopes].reverse()) {
      const found = acknowledgedWeakenings(scope).find((w) => w.key === key && isValidReason(w.reason));
      if (found) return found;
    }
    return undefined;
  }

  /** The resource of `type` that `reference` points to, when it is in this stack. */
  public resolveReference(type: string, reference: unknown): TerraformResource | undefined {
    if (typeof reference !== "string") return undefined;
    return this.resourcesOfType(type).find((candidate) => this.reference(candidate) === reference);
  }
}
