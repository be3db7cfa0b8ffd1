import { Annotations, AnnotationMetadataEntryType, IAspect, TerraformResource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { GovernanceTags } from "../../core/governance-tags";
import { IStackWideAspect } from "../../core/stack-aspects";
import { addPropChecks, PropChecks } from "../../core/validation";
import { RuleContext } from "./context";
import { ComplianceFinding, ComplianceLevel } from "./finding";
import { ComplianceReport } from "./report";
import { ComplianceReportPack } from "./report-render";
import { ComplianceRule, nonCompliant, RuleJudgement } from "./rule";
import { registerRuleIds } from "./rule-registry";
import { ComplianceSuppressions } from "./suppressions";

/** A rule as one pack applies it: the controls it evidences and how much a failure weighs. */
export interface CompliancePackRule {
  /** The rule. */
  readonly rule: ComplianceRule;
  /** The pack's control IDs the rule evidences, for example `["CC6.1", "CC6.2"]`. */
  readonly controls: readonly string[];
  /** `error` fails the synth when the rule is broken; `warning` only reports it. */
  readonly level: ComplianceLevel;
}

/** Props of {@link CompliancePack}. */
export interface CompliancePackProps {
  /** Short pack name used in findings and messages, for example `SOC2`. */
  readonly name: string;
  /** The framework in words, for the report, for example `SOC 2 Trust Services Criteria (2017)`. */
  readonly title: string;
  /** The rules, each with its controls and level. */
  readonly rules: readonly CompliancePackRule[];
}

/**
 * A compliance rule pack: a cdktf Aspect that judges every provider resource of the stack it
 * is added to (`Aspects.of(stack).add(pack)`) with its rules, records a finding per rule and
 * resource, and annotates each unsuppressed non-compliant resource: an error annotation (which
 * fails the synth) for error-level rules, a warning otherwise. It pushes its description and
 * findings into the stack's {@link ComplianceReport}, which writes them beside the stack's
 * Terraform JSON as compliance-report.json, .md and .html. A break is accepted (reported as
 * suppressed) by a {@link ComplianceSuppressions} entry or by a weakening recorded with
 * `acknowledgeWeakening` under one of the rule's `acknowledgedBy` keys.
 *
 * Add the pack to a stack (or a construct inside one), or to the App to judge every stack
 * (`Aspects.of(app).add(pack)`, the cdk-nag habit): cdktf itself invokes aspects from each stack
 * down, so `GuardedApp` copies the packs on the App onto every stack before synth
 * ({@link propagateStackWideAspects}); a stack that has a pack of the same name keeps its own and
 * is judged once. Visiting a resource again (a second synth) replaces its findings and adds no
 * second annotation.
 */
export class CompliancePack implements IAspect, IStackWideAspect {
  /** Short pack name. */
  public readonly name: string;
  /** The framework in words. */
  public readonly title: string;
  /** The rules with their controls and levels. */
  public readonly rules: readonly CompliancePackRule[];

  /** One pack of a name per stack: a pack on the App and one of the same name on a stack judge it once. */
  public get stackWideKey(): string {
    return `compliance-pack:${this.name}`;
  }

  private readonly findingsByStack = new WeakMap<TerraformStack, Map<string, ComplianceFinding>>();
  private readonly summary: ComplianceReportPack;

  constructor(props: CompliancePackProps) {
    this.name = props.name;
    this.title = props.title;
    this.rules = props.rules;
    this.summary = {
      name: this.name,
      title: this.title,
      rules: this.rules.map((r) => ({ ruleId: r.rule.id, controls: r.controls, level: r.level, description: r.rule.description })),
    };
  }

  /** Called by cdktf at synth for every construct under the scope the pack was added to. */
  public visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) {
      // Aspects visit the stack before anything in it: a new synthesis reads the tree afresh.
      RuleContext.startSynthesis(node);
      this.attach(node);
      return;
    }
    if (!TerraformResource.isTerraformResource(node)) return;
    // Judge the resource with the tags it is synthesized with, whatever the aspects' order.
    GovernanceTags.settle(node);
    const stack = TerraformStack.of(node);
    const findings = this.attach(stack);
    let context: RuleContext | undefined;
    const judged: ComplianceFinding[] = [];
    for (const entry of this.rules) {
      if (!entry.rule.resourceTypes.includes(node.terraformResourceType)) continue;
      context ??= RuleContext.of(stack);
      const finding = this.judge(node, entry, context);
      findings.set(`${node.node.path}\u0000${entry.rule.id}`, finding);
      judged.push(finding);
      if (finding.result === "non-compliant") annotateOnce(node, finding.level, this.message(entry, finding));
    }
    if (judged.length > 0) ComplianceReport.of(stack).record(this.summary, judged);
  }

  /** The findings of this pack on `stack`, in the order the resources were judged (empty before synth). */
  public findingsFor(stack: TerraformStack): ComplianceFinding[] {
    return [...(this.findingsByStack.get(stack)?.values() ?? [])];
  }

  /**
   * Checks the pack's options; runs at synth with the stack's other validations. Subclasses
   * with options override it.
   */
  protected checkOptions(_checks: PropChecks): void {}

  /**
   * On the first visit of `stack`: joins its report, registers the pack's rule IDs in the
   * stack's app (for suppressions of custom rules) and adds the option checks. Returns the
   * stack's findings.
   */
  private attach(stack: TerraformStack): Map<string, ComplianceFinding> {
    let findings = this.findingsByStack.get(stack);
    if (!findings) {
      findings = new Map();
      this.findingsByStack.set(stack, findings);
      const report = ComplianceReport.of(stack);
      report.record(this.summary);
      registerRuleIds(stack, this.rules.map((r) => r.rule.id));
      addPropChecks(report, (c) => this.checkOptions(c));
    }
    return findings;
  }

  private judge(resource: TerraformResource, entry: CompliancePackRule, context: RuleContext): ComplianceFinding {
    const judgement = evaluateSafely(entry.rule, resource, context);
    const suppression =
      judgement.outcome === "non-compliant" ? ComplianceSuppressions.find(resource, entry.rule.id, entry.rule.acknowledgedBy) : undefined;
    return {
      ruleId: entry.rule.id,
      pack: this.name,
      controls: entry.controls,
      level: entry.level,
      resourcePath: resource.node.path,
      resourceType: resource.terraformResourceType,
      result: suppression ? "suppressed" : judgement.outcome,
      detail: judgement.detail,
      suppressionReason: suppression?.reason,
    };
  }

  private message(entry: CompliancePackRule, finding: ComplianceFinding): string {
    return (
      `${this.name} ${entry.rule.id} (controls ${entry.controls.join(", ")}): ${finding.detail ?? entry.rule.description}. ` +
      `Fix: ${entry.rule.fix} To accept the risk instead: ComplianceSuppressions.add(construct, [{ ruleId: "${entry.rule.id}", reason }]).`
    );
  }
}

/** A rule that throws is reported as a non-compliant finding rather than crashing the synth. */
function evaluateSafely(rule: ComplianceRule, resource: TerraformResource, context: RuleContext): RuleJudgement {
  try {
    return rule.evaluate(resource, context);
  } catch (error) {
    return nonCompliant(`the rule could not judge the resource: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Adds the annotation unless the same one is already there (the aspect ran before). */
function annotateOnce(resource: TerraformResource, level: ComplianceLevel, message: string): void {
  const type = level === "error" ? AnnotationMetadataEntryType.ERROR : AnnotationMetadataEntryType.WARN;
  if (resource.node.metadata.some((m) => m.type === type && m.data === message)) return;
  if (level === "error") Annotations.of(resource).addError(message);
  else Annotations.of(resource).addWarning(message);
}
