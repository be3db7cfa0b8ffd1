// A built-in pack is a table (cdk-nag's packs are lists of applyRule calls): each row is a rule,
// the controls it evidences and its level; one class turns a table and the user's options into
// a CompliancePack, so the three packs share one constructor and one options type.
import { PropKeysOf, unknownProps } from "../../../core/known-props";
import { PropChecks } from "../../../core/validation";
import { ComplianceLevel } from "../finding";
import { CompliancePack, CompliancePackRule } from "../pack";
import { ComplianceRule } from "../rule";

/**
 * Options of the built-in packs ({@link Soc2Pack}, {@link HipaaPack}, {@link GdprPack}). Each
 * pack takes the options its rules use (its own options type picks them); any other option
 * fails the synth.
 */
export interface CompliancePackOptions {
  /**
   * Fewest days the Audit logs must be kept (`AuditLogRetention`); may only be raised.
   * @default - the pack's: 365 for SOC 2, 2190 (six years) for HIPAA
   */
  readonly auditLogMinimumDays?: number;
  /**
   * Most days any destination may keep RequestResponse logs, which hold prompts and completions
   * (personal data), for `RequestResponseRetentionLimit`. Set it to what your records of
   * processing state.
   * @default - the pack's: 90 for GDPR
   */
  readonly requestResponseMaximumDays?: number;
  /**
   * Treat every account as production (true) or none (false) for the customer-managed-key rule.
   * @default - decided per account by its `environment` tag (prod, production)
   */
  readonly production?: boolean;
}

/** The options of {@link CompliancePackOptions} that count days. */
export type PackDayOption = "auditLogMinimumDays" | "requestResponseMaximumDays";

/** A day-count option a pack takes: its default and the whole numbers a user may set. */
export interface PackDayLimit {
  /** The value when the option is not given. */
  readonly default: number;
  /** Fewest days allowed. */
  readonly min: number;
  /** Most days allowed. */
  readonly max: number;
}

/** The options as a pack's rules read them: the day counts the pack takes, defaults applied. */
export type PackSettings<Days extends PackDayOption = never> = Readonly<Record<Days, number>> & Pick<CompliancePackOptions, "production">;

/**
 * One row of a pack's table: the rule, or how to make it from the pack's settings (for a rule
 * with options), the controls it evidences and its level.
 */
export interface PackEntry<Days extends PackDayOption = never> {
  /** The rule, or a function of the pack's settings that makes it. */
  readonly rule: ComplianceRule | ((settings: PackSettings<Days>) => ComplianceRule);
  /** The pack's control IDs the rule evidences, for example `["CC6.1", "CC6.2"]`. */
  readonly controls: readonly string[];
  /** `error` fails the synth when the rule is broken; `warning` only reports it. */
  readonly level: ComplianceLevel;
}

/** A built-in pack as data: its names, the day-count options it takes and its rows. */
export interface PackTable<Days extends PackDayOption = never> {
  /** Short pack name used in findings and messages, for example `SOC2`. */
  readonly name: string;
  /** The framework in words, for the report. */
  readonly title: string;
  /** Name of the pack's class, the prefix of its options in problems (`Soc2Pack.auditLogMinimumDays`). */
  readonly className: string;
  /** The day-count options the pack takes, each with its default and range. */
  readonly days: Readonly<Record<Days, PackDayLimit>>;
  /** The rows: every rule of the pack, in report order. */
  readonly entries: readonly PackEntry<Days>[];
}

/**
 * A compliance pack made from a {@link PackTable} and the user's options: the one constructor of
 * {@link Soc2Pack}, {@link HipaaPack} and {@link GdprPack}. The options are checked at synth
 * with the stack's other input: an option the table does not take, or a day count outside its
 * range, fails the synth with the option's path (`Soc2Pack.auditLogMinimumDays`).
 */
export class TableCompliancePack<Days extends PackDayOption = never> extends CompliancePack {
  private readonly table: PackTable<Days>;
  private readonly options: CompliancePackOptions;
  private readonly settings: PackSettings<Days>;

  constructor(table: PackTable<Days>, options: CompliancePackOptions = {}) {
    const settings = settingsOf(table, options);
    super({ name: table.name, title: table.title, rules: table.entries.map((entry) => applied(entry, settings)) });
    this.table = table;
    this.options = options;
    this.settings = settings;
  }

  protected override checkOptions(c: PropChecks): void {
    const days = Object.keys(this.table.days) as Days[];
    const known: PropKeysOf = Object.fromEntries([...days, "production"].map((key) => [key, true]));
    for (const problem of unknownProps(this.table.className, this.options, known)) c.fail(problem.prop, problem.value, problem.allowed);
    for (const option of days) {
      const limit = this.table.days[option];
      c.integerInRange(`${this.table.className}.${option}`, this.settings[option], limit.min, limit.max, "days");
    }
  }
}

/** The table's day-count options with the user's values or their defaults, and `production`. */
function settingsOf<Days extends PackDayOption>(table: PackTable<Days>, options: CompliancePackOptions): PackSettings<Days> {
  const days = Object.entries<PackDayLimit>(table.days).map(([option, limit]) => [option, options[option as Days] ?? limit.default]);
  return { ...(Object.fromEntries(days) as Record<Days, number>), production: options.production };
}

/** A table row as the pack applies it: the rule made from the settings when it is a function. */
function applied<Days extends PackDayOption>(entry: PackEntry<Days>, settings: PackSettings<Days>): CompliancePackRule {
  const rule = typeof entry.rule === "function" ? entry.rule(settings) : entry.rule;
  return { rule, controls: entry.controls, level: entry.level };
}
