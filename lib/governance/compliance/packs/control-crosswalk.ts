// The built-in packs as one crosswalk, the way compliance teams read them: a row per rule, a
// column per framework. A cell is the rule's level and the controls it evidences in that
// framework; no cell, the framework's pack does not have the rule. Each pack's table is its
// column, in row order, so a rule is listed, and its options wired, once for all three packs.
import * as rules from "../rules";
import { ComplianceLevel } from "../finding";
import { ComplianceRule } from "../rule";
import { PackDayLimit, PackDayOption, PackEntry, PackSettings, PackTable } from "./pack-table";

/** The day-count options each built-in pack takes, by the pack's name (its column). */
export interface FrameworkDays {
  readonly SOC2: "auditLogMinimumDays";
  readonly HIPAA: "auditLogMinimumDays";
  readonly GDPR: "requestResponseMaximumDays";
}

/** A built-in pack's name, for example `SOC2`: a column of the crosswalk. */
export type Framework = keyof FrameworkDays;

/** A rule in one framework: its level and the controls it evidences there. */
export interface CrosswalkCell {
  /** `error` fails the synth when the rule is broken; `warning` only reports it. */
  readonly level: ComplianceLevel;
  /** The framework's control IDs the rule evidences, for example `["CC6.1", "CC6.2"]`. */
  readonly controls: readonly string[];
}

/** The frameworks whose packs take every day-count option in `Needs` (all of them when it needs none). */
type FrameworksTaking<Needs extends PackDayOption> = { [F in Framework]: [Needs] extends [FrameworkDays[F]] ? F : never }[Framework];

/** A row's cells: only frameworks whose pack gives the rule the settings it needs may have one. */
type CrosswalkCells<Needs extends PackDayOption> = { readonly [F in FrameworksTaking<Needs>]?: CrosswalkCell };

/** One row of the crosswalk: the rule, or how to make it from the pack's settings, and its cells. */
export interface CrosswalkRow {
  /** The rule, or a function of the settings of the pack that applies it. */
  readonly rule: ComplianceRule | ((settings: PackSettings<PackDayOption>) => ComplianceRule);
  /** The rule's cell per framework; a framework without one does not have the rule. */
  readonly cells: Readonly<Partial<Record<Framework, CrosswalkCell>>>;
}

/**
 * A row. A rule made from settings names the day-count options it needs (`row<"auditLogMinimumDays">`),
 * and the compiler then refuses a cell for a framework whose pack does not take them.
 */
function row<Needs extends PackDayOption = never>(rule: ComplianceRule | ((settings: PackSettings<Needs>) => ComplianceRule), cells: CrosswalkCells<Needs>): CrosswalkRow {
  return { rule, cells };
}

/** A cell whose break fails the synth. */
const error = (...controls: string[]): CrosswalkCell => ({ level: "error", controls });
/** A cell whose break is only reported. */
const warning = (...controls: string[]): CrosswalkCell => ({ level: "warning", controls });

/**
 * Every built-in rule with its level and controls in SOC 2, HIPAA and GDPR, in report order.
 * Why a level is what it is in a framework is written on that framework's pack class.
 */
export const CONTROL_CROSSWALK: readonly CrosswalkRow[] = [
  row(new rules.CognitivePublicNetworkAccessDisabled(), { SOC2: error("CC6.1"), HIPAA: error("164.312(a)(1)", "164.312(e)(1)"), GDPR: error("Art. 32") }),
  row(new rules.CognitiveLocalAuthDisabled(), { SOC2: error("CC6.1", "CC6.2"), HIPAA: error("164.312(a)(1)"), GDPR: error("Art. 32") }),
  row(new rules.CognitiveOutboundRestricted(), { SOC2: warning("CC6.1"), HIPAA: error("164.312(e)(1)"), GDPR: warning("Art. 32") }),
  row(new rules.CognitivePrivateEndpoint(), { SOC2: error("CC6.1"), HIPAA: error("164.312(a)(1)", "164.312(e)(1)"), GDPR: error("Art. 32") }),
  row(new rules.CognitiveDiagnosticLogs(), { SOC2: error("CC7.2"), HIPAA: error("164.312(b)"), GDPR: warning("Art. 32") }),
  row<"auditLogMinimumDays">(({ auditLogMinimumDays }) => new rules.AuditLogRetention({ minimumDays: auditLogMinimumDays }), { SOC2: error("CC7.2"), HIPAA: error("164.312(b)") }),
  row<"requestResponseMaximumDays">(({ requestResponseMaximumDays }) => new rules.RequestResponseRetentionLimit({ maximumDays: requestResponseMaximumDays }), { GDPR: error("Art. 5(1)(e)") }),
  row(({ production }) => new rules.CognitiveCustomerManagedKey({ production }), { SOC2: warning("CC6.1"), HIPAA: error("164.312(a)(1)"), GDPR: warning("Art. 32") }),
  row(new rules.NoPrivilegedRoleAssignment(), { SOC2: error("CC6.3", "CC8.1"), HIPAA: error("164.312(a)(1)"), GDPR: error("Art. 32") }),
  row(new rules.DataResidencyRespected(), { GDPR: error("Art. 44") }),
  row(new rules.StorageAccountHardened(), { SOC2: error("CC6.1"), HIPAA: error("164.312(a)(1)", "164.312(e)(1)"), GDPR: error("Art. 32") }),
  row(new rules.KeyVaultHardened(), { SOC2: error("CC6.1", "CC9.1"), HIPAA: error("164.312(a)(1)"), GDPR: error("Art. 32") }),
  row(new rules.DeploymentContentFilter(), { SOC2: error("CC8.1") }),
  row(new rules.ApiGatewayPrivateOnly(), { SOC2: error("CC6.1", "CC6.7"), HIPAA: error("164.312(a)(1)", "164.312(e)(1)"), GDPR: error("Art. 32") }),
  row(new rules.ApiGatewayManagedIdentityBackends(), { SOC2: error("CC6.1", "CC6.2"), HIPAA: error("164.312(a)(1)", "164.312(d)"), GDPR: error("Art. 32") }),
  row(new rules.ApiGatewayLimitsEnforced(), { SOC2: warning("CC6.1", "A1.1"), HIPAA: error("164.312(a)(1)", "164.312(d)"), GDPR: warning("Art. 32") }),
  row(new rules.ApiGatewayLogsExported(), { SOC2: error("CC7.2"), HIPAA: error("164.312(b)"), GDPR: warning("Art. 32") }),
  row(new rules.ApiGatewayContentSafety(), { SOC2: warning("CC6.8"), HIPAA: error("164.308(a)(5)(ii)(B)"), GDPR: warning("Art. 32") }),
  // Issue 28: warnings, so stacks made before these rules still synthesize; see docs/SECURITY-PACK.md.
  row(new rules.DefenderForAiEnabled(), { SOC2: warning("CC7.1", "CC7.2"), HIPAA: warning("164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)"), GDPR: warning("Art. 32") }),
  row(new rules.ContentFilterPromptShields(), { SOC2: warning("CC6.8", "PI1.3"), HIPAA: warning("164.312(c)(1)"), GDPR: warning("Art. 32") }),
  row(new rules.CognitiveStoredCompletionsDisabled(), { SOC2: warning("C1.1", "P4.1"), HIPAA: warning("164.502(b)"), GDPR: warning("Art. 5(1)(c)", "Art. 25") }),
];

/** A framework's column: its pack's entries, in row order. */
export function crosswalkColumn<F extends Framework>(framework: F): PackEntry<FrameworkDays[F]>[] {
  return CONTROL_CROSSWALK.flatMap(({ rule, cells }) => {
    const cell = cells[framework];
    // A rule made from settings has cells only where the pack's settings hold what it needs (see `row`).
    return cell ? [{ rule: rule as PackEntry<FrameworkDays[F]>["rule"], controls: cell.controls, level: cell.level }] : [];
  });
}

/** What a built-in pack's table says besides its column. */
export interface BuiltInPackSpec<F extends Framework> {
  /** The framework in words, for the report. */
  readonly title: string;
  /** Name of the pack's class, the prefix of its options in problems. */
  readonly className: string;
  /** The day-count options the pack takes, each with its default and range. */
  readonly days: Readonly<Record<FrameworkDays[F], PackDayLimit>>;
}

/** A built-in pack's table: named by its framework, its entries that framework's column. */
export function builtInPackTable<F extends Framework>(framework: F, spec: BuiltInPackSpec<F>): PackTable<FrameworkDays[F]> {
  return { name: framework, ...spec, entries: crosswalkColumn(framework) };
}
