import { SYNTH_DATE_CONTEXT_KEY } from "../core/synth-date";
import { ConsumptionBudgetResourceGroup } from "@cdktf/provider-azurerm/lib/consumption-budget-resource-group";
import { Construct } from "constructs";
import { addPropChecks, PropChecks } from "../core/validation";
import { firstOfMonth } from "./private/dates";
import { PropKeys } from "../core/known-props";

/** A budget notification: a percentage of the amount, actual or forecast. */
export interface BudgetAlert {
  /** Percent of the budget (1-1000). */
  readonly thresholdPercent: number;
  /** Actual spend, or the month-end forecast. */
  readonly type: "Actual" | "Forecasted";
}

/** The seed's CostGovernor thresholds: 50, 80, 100 % actual and 100 % forecast. */
export const DEFAULT_BUDGET_ALERTS: readonly BudgetAlert[] = [
  { thresholdPercent: 50, type: "Actual" },
  { thresholdPercent: 80, type: "Actual" },
  { thresholdPercent: 100, type: "Actual" },
  { thresholdPercent: 100, type: "Forecasted" },
];

/** Earliest start date Azure accepts (Budget API `timePeriod`; provider `validate/time_period.go`). */
const EARLIEST_START = { year: 2017, month: 6 };

/** Props of {@link MonthlyBudget}. */
export interface MonthlyBudgetProps {
  /** Budget name. */
  readonly name: string;
  /** Resource group ID the budget watches. */
  readonly resourceGroupId: string;
  /** Monthly amount in the billing currency. */
  readonly amount: number;
  /**
   * First day of the first budget month, `YYYY-MM-01`: a real month, not before 2017-06 and
   * at most 12 months after the synth date. Azure refuses a start before the current month when
   * the budget is created, so leave it out unless a later month is wanted. Either way the
   * deployed start date is never changed by a later synth (`ignore_changes`, see the class).
   * @default - the first day of the current month (UTC) at synth
   */
  readonly startDate?: string;
  /**
   * The date the default and the 12-month limit are computed from.
   * @default - the cdktf context value `aoai:today` ({@link SYNTH_DATE_CONTEXT_KEY}), else the clock
   */
  readonly now?: Date;
  /** Who is told (email addresses). */
  readonly contactEmails: readonly string[];
  /**
   * Action groups that are told too.
   * @default - none
   */
  readonly contactGroupIds?: readonly string[];
  /**
   * Notifications.
   * @default DEFAULT_BUDGET_ALERTS
   */
  readonly alerts?: readonly BudgetAlert[];
}

const START_DATE = /^(\d{4})-(0[1-9]|1[0-2])-01$/;

/** The props MonthlyBudget accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const MONTHLY_BUDGET_PROP_KEYS: PropKeys<MonthlyBudgetProps> = { name: true, resourceGroupId: true, amount: true, startDate: true, now: true, contactEmails: true, contactGroupIds: true, alerts: true };

/**
 * A monthly consumption budget on a resource group with notifications (the seed's CostGovernor).
 *
 * `time_period.start_date` is ForceNew in azurerm 4.55 (`consumption_budget_base.go`), and Azure
 * accepts a past start only within the current month ("Past start date should be selected within
 * the timegrain period", Budget API `timePeriod`). The start date therefore defaults to the
 * current month and is listed in `lifecycle.ignore_changes`: the date is used when the budget is
 * created and never again, so next month's synth (a new default) does not replace the budget,
 * which Azure would refuse anyway for a month already past.
 */
export class MonthlyBudget extends Construct {
  /** The `azurerm_consumption_budget_resource_group` resource (also `node.defaultChild`). */
  public readonly resource: ConsumptionBudgetResourceGroup;
  /** The start date written to the configuration, `YYYY-MM-01`. */
  public readonly startDate: string;

  constructor(scope: Construct, id: string, props: MonthlyBudgetProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, MONTHLY_BUDGET_PROP_KEYS));
    const alerts = props.alerts ?? DEFAULT_BUDGET_ALERTS;
    const now = props.now ?? contextNow(this) ?? new Date();
    this.startDate = props.startDate ?? firstOfMonth(now);
    addPropChecks(this, (c) => {
      if (!(props.amount > 0) || !Number.isFinite(props.amount)) c.fail("amount", props.amount, "allowed: a positive amount");
      if (Number.isNaN(now.getTime())) {
        c.fail("now", String(now), `allowed: a valid date (prop now, or context ${SYNTH_DATE_CONTEXT_KEY} as YYYY-MM-DD)`);
      } else if (props.startDate !== undefined) {
        checkStartDate(c, props.startDate, now);
      }
      if (props.contactEmails.length === 0 && (props.contactGroupIds ?? []).length === 0) {
        c.fail("contactEmails", props.contactEmails, "allowed: at least one email address or contact group");
      }
      props.contactEmails.forEach((e, i) => c.email(`contactEmails[${i}]`, e));
      alerts.forEach((a, i) => c.integerInRange(`alerts[${i}].thresholdPercent`, a.thresholdPercent, 1, 1000, "percent"));
      if (alerts.length > 5) c.fail("alerts", alerts.length, "allowed: at most 5 notifications per budget (Azure's limit)");
    });
    this.resource = new ConsumptionBudgetResourceGroup(this, "resource", {
      name: props.name,
      resourceGroupId: props.resourceGroupId,
      amount: props.amount,
      timeGrain: "Monthly",
      timePeriod: { startDate: `${this.startDate}T00:00:00Z` },
      notification: alerts.map((a) => ({
        enabled: true,
        operator: "GreaterThanOrEqualTo",
        threshold: a.thresholdPercent,
        thresholdType: a.type,
        contactEmails: [...props.contactEmails],
        contactGroups: props.contactGroupIds ? [...props.contactGroupIds] : undefined,
      })),
      lifecycle: {
        // Also with an explicit date: once the budget exists its start month is history. Editing
        // the date would plan a replacement (ForceNew) that Azure refuses for a past month and
        // that would drop the budget's history; a deliberate new start is `terraform apply
        // -replace=<address>` in the current month (docs/OPERATIONS.md).
        ignoreChanges: ["time_period[0].start_date"],
      },
    });
    this.node.defaultChild = this.resource;
  }
}

function contextNow(scope: Construct): Date | undefined {
  const value: unknown = scope.node.tryGetContext(SYNTH_DATE_CONTEXT_KEY);
  if (value === undefined || value === null || value === "") return undefined;
  return value instanceof Date ? value : new Date(String(value));
}

function checkStartDate(c: PropChecks, startDate: string, now: Date): void {
  const match = START_DATE.exec(startDate);
  if (!match) {
    c.fail("startDate", startDate, "allowed: the first day of a month, YYYY-MM-01");
    return;
  }
  const months = (year: number, month: number) => year * 12 + (month - 1);
  const start = months(Number(match[1]), Number(match[2]));
  if (start < months(EARLIEST_START.year, EARLIEST_START.month)) {
    c.fail("startDate", startDate, "allowed: 2017-06-01 or later (Azure's earliest budget start)");
  }
  const latest = months(now.getUTCFullYear(), now.getUTCMonth() + 1) + 12;
  if (start > latest) {
    const latestDate = `${Math.floor(latest / 12)}-${String((latest % 12) + 1).padStart(2, "0")}-01`;
    c.fail("startDate", startDate, `allowed: at most 12 months after the synth date, ${latestDate} or earlier; or leave it out for the current month`);
  }
}
