import { Aspects, IAspect, TerraformResource } from "cdktf";
import { IConstruct } from "constructs";
import { checkGovernanceTags, GovernanceTagProps, governanceTags } from "./tags";
import { addPropChecks } from "./validation";

/** Props of {@link GovernanceTags}: the governance tags and the caller's own tags. */
export interface GovernanceTagsProps extends GovernanceTagProps {
  /**
   * Extra tags for every taggable resource. The governance tags win over keys of the same name
   * (in any case), and a resource's own tags win over these.
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A provider resource with a `tags` argument (the generated bindings all name it so). */
interface Taggable extends TerraformResource {
  tags?: Record<string, string> | { [key: string]: string };
  readonly tagsInput?: Record<string, string>;
}

/**
 * Types whose `tags` force a replacement (azurerm v4.55.0
 * `internal/services/loganalytics/log_analytics_saved_search_resource.go:102`,
 * `commonschema.TagsForceNew()`): tagging them would replace them on the next apply, and under a
 * workspace lock the replacement fails. They keep the tags their construct gives them.
 */
export const TAGS_FORCE_REPLACEMENT: readonly string[] = Object.freeze(["azurerm_log_analytics_saved_search"]);

/**
 * Types with `tags` in only one of the provider versions the library is built for: azurerm 4.73
 * (CDK Terrain) gave `azurerm_cognitive_account_rai_blocklist` tags (v4.73.0
 * `internal/services/cognitive/cognitive_account_rai_blocklist_resource.go:53`), 4.55 (cdktf) has
 * none. Left untagged, so both toolchains synthesize the same stacks (docs/CDK-TERRAIN.md).
 */
export const TAGS_NOT_IN_EVERY_TOOLCHAIN: readonly string[] = Object.freeze(["azurerm_cognitive_account_rai_blocklist"]);

function isTaggable(node: IConstruct): node is Taggable {
  if (!TerraformResource.isTerraformResource(node) || !("tagsInput" in node)) return false;
  const type = node.terraformResourceType;
  return !TAGS_FORCE_REPLACEMENT.includes(type) && !TAGS_NOT_IN_EVERY_TOOLCHAIN.includes(type);
}

/**
 * Governance tags applied once, by an aspect, to every taggable resource under a scope: like
 * aws-cdk's `Tags.of(scope).add()`, so resource constructs take no tag props of their own. The
 * innermost `GovernanceTags` wins, so a scope with another residency can say so. The tag text is
 * checked with the scope's other input (`${` and `%{` are refused).
 */
export class GovernanceTags implements IAspect {
  /** Tags every taggable resource under `scope` with `props`. */
  public static apply(scope: IConstruct, props: GovernanceTagsProps): GovernanceTags {
    const aspect = new GovernanceTags(props);
    Aspects.of(scope).add(aspect);
    addPropChecks(scope, (c) => checkGovernanceTags(c, props, props.tags ?? {}));
    return aspect;
  }

  /**
   * Applies now, outermost first, every GovernanceTags that covers `node`. cdktf runs the
   * aspects of outer scopes first, so an aspect on the stack (a compliance pack) would otherwise
   * see a resource before a GovernanceTags of an inner scope has tagged it; a pack calls this
   * before it judges, so rules read the tags the resource is synthesized with.
   */
  public static settle(node: IConstruct): void {
    for (const scope of node.node.scopes) {
      for (const aspect of Aspects.of(scope).all) if (aspect instanceof GovernanceTags) aspect.visit(node);
    }
  }

  private readonly visited = new WeakSet<IConstruct>();

  private constructor(
    /** The tags this aspect applies. */
    public readonly props: GovernanceTagsProps,
  ) {}

  /** Called by cdktf at synth for every construct under the scope. */
  public visit(node: IConstruct): void {
    if (!isTaggable(node) || this.visited.has(node)) return;
    this.visited.add(node);
    // Inner aspects run after outer ones, so a nearer scope overrides: the resource's tags
    // as given are kept in a side table, and every aspect starts from them.
    const own = ownTags(node);
    node.tags = governanceTags(this.props, { ...(this.props.tags ?? {}), ...own });
  }
}

const OWN_TAGS = new WeakMap<TerraformResource, Record<string, string>>();

/** The tags the resource was created with, before any aspect added to them. */
function ownTags(resource: Taggable): Record<string, string> {
  let own = OWN_TAGS.get(resource);
  if (!own) {
    own = { ...(resource.tagsInput ?? {}) };
    OWN_TAGS.set(resource, own);
  }
  return own;
}
