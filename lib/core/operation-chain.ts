import { dependable, TerraformResource } from "cdktf";

/**
 * An Azure resource whose changes Azure runs one at a time, so resources that change it (a
 * deployment, a content filter, a key, a private endpoint) join a chain of `depends_on`.
 * `OpenAiAccount` implements it; a construct that only connects to such a resource (a private
 * endpoint) needs nothing more than this.
 */
export interface IOperationChain {
  /** Azure resource ID of the resource (often a Terraform reference). */
  readonly resourceId: string;
  /** Azure location of the resource. */
  readonly location: string;
  /**
   * Orders `resource` after every earlier operation on the resource. Azure runs one operation
   * on an Azure OpenAI account at a time: deployments, private endpoints, keys and content
   * filters created together fail with 409 "Another operation is being performed on the parent
   * resource".
   */
  chainOperation(resource: TerraformResource): void;
}

/**
 * The chain itself: each resource added depends on the one added before it. A construct that
 * implements {@link IOperationChain} keeps one and hands `chainOperation` to it.
 */
export class OperationChain {
  private last?: TerraformResource;

  /** Makes `resource` depend on the resource added before it, and remembers it as the last. */
  public add(resource: TerraformResource): void {
    const previous = this.last;
    if (previous) resource.dependsOn = [...(resource.dependsOn ?? []), dependable(previous)];
    this.last = resource;
  }
}
