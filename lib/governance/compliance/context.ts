import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Tokenization } from "cdktf";
import { IConstruct } from "constructs";
import { AcknowledgedWeakening, acknowledgedWeakenings, isValidReason } from "../../core/justification";
import { ResourceAttributes } from "./values";

const RESOLVER = new DefaultTokenResolver(new StringConcat());
const CURRENT = new WeakMap<TerraformStack, RuleContext>();

/**
 * What a rule may ask about the stack being judged: the synthesized attributes of a resource,
 * the resources of a type, and references between them. One context serves one visit; it
 * caches what it resolved, so a rule looking at every resource of a type stays cheap.
 */
export class RuleContext {
  private readonly attributeCache = new Map<TerraformResource, ResourceAttributes>();
  private readonly typeCache = new Map<string, TerraformResource[]>();

  constructor(
    /** The stack the judged resource is in. */
    public readonly stack: TerraformStack,
  ) {}

  /**
   * The context of `stack` for the synthesis under way, shared by every pack and rule: resolving
   * a resource's attributes is the expensive part, and the tree cannot change while the
   * (synchronous) synthesis runs. It is dropped once that synthesis has returned.
   */
  public static of(stack: TerraformStack): RuleContext {
    let context = CURRENT.get(stack);
    if (!context) {
      context = new RuleContext(stack);
      CURRENT.set(stack, context);
      queueMicrotask(() => CURRENT.delete(stack));
    }
    return context;
  }

  /**
   * The attributes the resource synthesizes to, overrides included, with references resolved
   * to Terraform expressions such as `${azurerm_cognitive_account.openai_resource_1A2B3C4D.id}`.
   */
  public attributes(resource: TerraformResource): ResourceAttributes {
    let cached = this.attributeCache.get(resource);
    if (!cached) {
      const json = this.resolve(resource.toTerraform()) as { resource?: Record<string, Record<string, ResourceAttributes>> };
      cached = json.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId] ?? {};
      this.attributeCache.set(resource, cached);
    }
    return cached;
  }

  /** Every resource of a Terraform type in the stack. */
  public resourcesOfType(type: string): TerraformResource[] {
    let cached = this.typeCache.get(type);
    if (!cached) {
      cached = this.stack.node
        .findAll()
        .filter((c): c is TerraformResource => TerraformResource.isTerraformResource(c) && c.terraformResourceType === type);
      this.typeCache.set(type, cached);
    }
    return cached;
  }

  /** The Terraform expression other resources use to refer to an attribute of `resource` (its `id` by default). */
  public reference(resource: TerraformResource, attribute = "id"): string {
    return String(this.resolve(resource.getStringAttribute(attribute)));
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
