// Assertions on a synthesized stack, in the spirit of aws-cdk's `Template` (assertions/lib/template.ts):
// a test states the properties that carry the mission and the failure says which key differs.
// Built on our own Match rather than cdktf's `Testing.setupJest()`, whose
// `toHaveResourceWithProperties` has no absent/arrayWith and reports no path on failure.
import { TerraformStack } from "cdktf";
import { MatchFailure, matchFailures } from "./match";
import { synthJson, TerraformJson } from "./synth";

export { Match, Matcher } from "./match";

/** The synthesized Terraform JSON of one stack, with assertions on its resources and data sources. */
export class TerraformTemplate {
  /** Synthesizes `stack` (validations on) and wraps its JSON. */
  public static fromStack(stack: TerraformStack): TerraformTemplate {
    return new TerraformTemplate(synthJson(stack));
  }

  /** Wraps JSON already synthesized (`synthJson`, `synthEnvironment`). */
  public static fromJson(json: TerraformJson): TerraformTemplate {
    return new TerraformTemplate(json);
  }

  private constructor(public readonly json: TerraformJson) {}

  /** The resources of `type` that match `props` (all of them without `props`), by logical id. */
  public findResources(type: string, props?: unknown): Record<string, any> {
    return matching(this.json.resource?.[type] ?? {}, props);
  }

  /** The data sources of `type` that match `props` (all of them without `props`), by logical id. */
  public findDataSources(type: string, props?: unknown): Record<string, any> {
    return matching(this.json.data?.[type] ?? {}, props);
  }

  /** Fails unless there are exactly `count` resources of `type`. */
  public resourceCountIs(type: string, count: number): void {
    const found = Object.keys(this.findResources(type)).length;
    if (found !== count) throw new Error(`expected ${count} ${type}, found ${found}`);
  }

  /** Fails unless exactly `count` resources of `type` match `props`. */
  public resourcePropertiesCountIs(type: string, props: unknown, count: number): void {
    const found = Object.keys(this.findResources(type, props)).length;
    if (found !== count) throw new Error(`expected ${count} ${type} matching the pattern, found ${found}${nearest(this.findResources(type), props)}`);
  }

  /** Fails unless some resource of `type` matches `props` (plain objects match like `Match.objectLike`). */
  public hasResourceProperties(type: string, props: unknown): void {
    const all = this.findResources(type);
    if (Object.keys(matching(all, props)).length === 0) throw new Error(`no ${type} matches the pattern${nearest(all, props)}`);
  }

  /** Fails unless some data source of `type` matches `props`. */
  public hasDataSourceProperties(type: string, props: unknown): void {
    const all = this.findDataSources(type);
    if (Object.keys(matching(all, props)).length === 0) throw new Error(`no data.${type} matches the pattern${nearest(all, props)}`);
  }

  /** Fails unless there is at least one resource of `type` and every one of them matches `props`. */
  public allResources(type: string, props: unknown): void {
    const all = this.findResources(type);
    if (Object.keys(all).length === 0) throw new Error(`expected resources of type ${type}, found none`);
    const failing = Object.entries(all).filter(([, r]) => matchFailures(props, r).length > 0);
    if (failing.length > 0) {
      const [id, resource] = failing[0];
      throw new Error(`${failing.length} of ${Object.keys(all).length} ${type} do not match; ${type}.${id}:\n${describe(matchFailures(props, resource))}`);
    }
  }

  /** Fails when some resource of `type` matches `props`. */
  public noResourceMatches(type: string, props: unknown): void {
    const found = Object.keys(this.findResources(type, props));
    if (found.length > 0) throw new Error(`expected no ${type} matching the pattern, found ${found.map((id) => `${type}.${id}`).join(", ")}`);
  }
}

function matching(all: Record<string, any>, props: unknown): Record<string, any> {
  if (props === undefined) return { ...all };
  return Object.fromEntries(Object.entries(all).filter(([, r]) => matchFailures(props, r).length === 0));
}

/** The candidate with the fewest failures and why it fails, so a failing test shows what differs. */
function nearest(all: Record<string, any>, props: unknown): string {
  const ranked = Object.entries(all)
    .map(([id, r]) => ({ id, failures: matchFailures(props, r) }))
    .sort((a, b) => a.failures.length - b.failures.length);
  if (ranked.length === 0) return "; there are none of that type";
  return `; the nearest of ${ranked.length}, ${ranked[0].id}, differs:\n${describe(ranked[0].failures)}`;
}

function describe(failures: readonly MatchFailure[]): string {
  return failures.map((f) => `  ${f.path || "(root)"}: ${f.message}`).join("\n");
}

