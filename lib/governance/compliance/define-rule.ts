// A rule is data plus one function (cdk-nag's rule files): `defineRule` turns the data into the
// class users construct (`new CognitiveLocalAuthDisabled()`, `AuditLogRetention.ID`), so no rule
// file repeats the ID, text and type fields as class members.
import { TerraformResource } from "cdktf";
import type { RuleContext } from "./context";
import { ComplianceRule, compliant, nonCompliant, RuleJudgement } from "./rule";
import { booleanProblem } from "./values";

/** A rule's text: fixed, or written from the options the rule was constructed with. */
export type RuleText<Options> = string | ((options: Options) => string);

/** One rule as data plus its `evaluate` function: what {@link defineRule} takes. */
export interface RuleDefinition<Options extends object> {
  /** Stable rule ID, also the name of the rule's file (for example `CognitiveLocalAuthDisabled`). */
  readonly id: string;
  /** What the rule requires, in one sentence. */
  readonly description: RuleText<Options>;
  /** How to become compliant, in one sentence, in the library's props where the library has one. */
  readonly fix: RuleText<Options>;
  /** Terraform resource types the rule judges. */
  readonly resourceTypes: readonly string[];
  /**
   * Weakening keys that acknowledge a break of the rule (see {@link ComplianceRule.acknowledgedBy}).
   * @default - none: only an explicit suppression accepts a break
   */
  readonly acknowledgedBy?: readonly string[];
  /** Judges one resource of a type in `resourceTypes`, with the options the rule was constructed with. */
  evaluate(this: void, resource: TerraformResource, context: RuleContext, options: Options): RuleJudgement;
}

/** A constructed rule of {@link defineRule}: the compliance rule, with its options as read-only properties. */
export type DefinedRule<Options extends object = {}> = ComplianceRule & Readonly<Options>;

/**
 * What {@link defineRule} returns: the rule's class. Construct it (with the rule's options, when
 * it has required ones) to put the rule in a pack; `ID` is the rule ID for suppressions.
 */
export interface RuleClass<Options extends object = {}> {
  /** The rule ID, for suppressions. */
  readonly ID: string;
  new (...options: {} extends Options ? [options?: Options] : [options: Options]): DefinedRule<Options>;
}

// The classes defineRule made, so the built-in rule list can be read off the rules module.
const DEFINED = new WeakSet<object>();

/**
 * Defines a compliance rule from its data and one `evaluate` function, cdk-nag style: the rule
 * file exports `const MyRule = defineRule({ id: "MyRule", ... })`, and `new MyRule()` is a
 * {@link ComplianceRule} for a {@link CompliancePack}. A rule with options takes them in its
 * constructor; `description` and `fix` may be written from them, and `evaluate` receives them.
 */
export function defineRule<Options extends object = {}>(definition: RuleDefinition<Options>): RuleClass<Options> {
  const text = (value: RuleText<Options>, options: Options) => (typeof value === "function" ? value(options) : value);
  class Rule implements ComplianceRule {
    public static readonly ID = definition.id;
    public readonly id = definition.id;
    public readonly description: string;
    public readonly fix: string;
    public readonly resourceTypes = definition.resourceTypes;
    public readonly acknowledgedBy = definition.acknowledgedBy;
    readonly #options: Options;

    constructor(options?: Options) {
      this.#options = Object.freeze({ ...(options ?? ({} as Options)) });
      this.description = text(definition.description, this.#options);
      this.fix = text(definition.fix, this.#options);
      // The options read as the rule's own read-only properties (`new AuditLogRetention({ minimumDays }).minimumDays`);
      // the rule's own members are set first, so an option never replaces one of them.
      for (const [key, value] of Object.entries(this.#options)) {
        if (!(key in this)) Object.defineProperty(this, key, { value, enumerable: true });
      }
    }

    public evaluate(resource: TerraformResource, context: RuleContext): RuleJudgement {
      return definition.evaluate(resource, context, this.#options);
    }
  }
  // The class is named by its rule, as cdk-nag names a rule by its file.
  Object.defineProperty(Rule, "name", { value: definition.id });
  DEFINED.add(Rule);
  return Rule as unknown as RuleClass<Options>;
}

/** Whether `value` is a rule class made by {@link defineRule}. */
export function isRuleClass(value: unknown): value is RuleClass<never> {
  return typeof value === "function" && DEFINED.has(value);
}

/**
 * The `evaluate` of a rule that requires one boolean attribute of the resource to be `required`
 * (explicitly: a missing attribute breaks it too); a break's detail names the value found and
 * `consequence`, when given.
 */
export function requireBoolean(attribute: string, required: boolean, consequence?: string): RuleDefinition<{}>["evaluate"] {
  return (resource, context) => {
    const problem = booleanProblem(context.attributes(resource), attribute, required);
    if (!problem) return compliant();
    return nonCompliant(consequence ? `${problem}: ${consequence}` : problem);
  };
}
