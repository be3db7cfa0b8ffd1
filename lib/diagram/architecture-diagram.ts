import { ISynthesisSession, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { addStackArtifact } from "../core/stack-artifact";
import { extractArchitecture, extractArchitectureAtSynthesis } from "./extract";
import { renderArchitectureHtml } from "./html";
import { renderArchitectureMarkdown } from "./mermaid";
import { ArchitectureModel } from "./model";

/** Props of {@link ArchitectureDiagram}. */
export interface ArchitectureDiagramProps {
  /**
   * File name of the Markdown page with the Mermaid chart, written beside the stack's `cdk.tf.json`.
   * @default "architecture.md"
   */
  readonly markdownFileName?: string;
  /**
   * File name of the self-contained HTML page, written beside the stack's `cdk.tf.json`.
   * @default "architecture.html"
   */
  readonly htmlFileName?: string;
}

/**
 * The architecture diagram of one stack, drawn at synthesis from the resources the stack
 * synthesizes (not from its config): `architecture.md` (a Mermaid flowchart GitHub renders) and
 * `architecture.html` (a page that opens offline), beside `cdk.tf.json`.
 */
export class ArchitectureDiagram extends Construct {
  /** Default file name of the Markdown page. */
  public static readonly MARKDOWN_FILE = "architecture.md";
  /** Default file name of the HTML page. */
  public static readonly HTML_FILE = "architecture.html";
  private static readonly ID = "architecture-diagram";

  /** The diagram of `stack`, created on first use; `props` only count on that first call. */
  public static of(stack: TerraformStack, props: ArchitectureDiagramProps = {}): ArchitectureDiagram {
    const existing = stack.node.tryFindChild(ArchitectureDiagram.ID);
    return existing instanceof ArchitectureDiagram ? existing : new ArchitectureDiagram(stack, props);
  }

  private readonly stack: TerraformStack;
  /** The model of the synthesis under way: both pages draw the same one. */
  private synthesized?: { session: ISynthesisSession; model: ArchitectureModel };

  private constructor(stack: TerraformStack, props: ArchitectureDiagramProps) {
    super(stack, ArchitectureDiagram.ID);
    this.stack = stack;
    // One custom-synthesis hook per construct, so each file gets its own child.
    addStackArtifact(new Construct(this, "markdown"), props.markdownFileName ?? ArchitectureDiagram.MARKDOWN_FILE, (session) =>
      renderArchitectureMarkdown(this.modelAt(session)),
    );
    addStackArtifact(new Construct(this, "html"), props.htmlFileName ?? ArchitectureDiagram.HTML_FILE, (session) =>
      renderArchitectureHtml(this.modelAt(session)),
    );
  }

  /** The boxes and arrows, read from the stack as it stands (call it at synthesis, or after every construct exists). */
  public model(): ArchitectureModel {
    return extractArchitecture(this.stack);
  }

  /** The model for the synthesis `session`, read once from the stack's shared resolved view. */
  private modelAt(session: ISynthesisSession): ArchitectureModel {
    if (this.synthesized?.session !== session) this.synthesized = { session, model: extractArchitectureAtSynthesis(this.stack, session) };
    return this.synthesized.model;
  }
}
