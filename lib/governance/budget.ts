import { ConsumptionBudgetResourceGroup } from "@cdktf/provider-azurerm/lib/consumption-budget-resource-group";
import { Construct } from "constructs";
import { addPropChecks } from "../core/validation";

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

/** Props of {@link MonthlyBudget}. */
export interface MonthlyBudgetProps {
  /** Budget name. */
  readonly name: string;
  /** Resource group ID the budget watches. */
  readonly resourceGroupId: string;
  /** Monthly amount in the billing currency. */
  readonly amount: number;
  /** First day of the first budget month, `YYYY-MM-01` (fixed, so every synth emits the same). */
  readonly startDate: string;
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

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A monthly consumption budget on a resource group with notifications (the seed's CostGovernor). */
export class MonthlyBudget extends Construct {
  /** The `azurerm_consumption_budget_resource_group` resource. */
  public readonly resource: ConsumptionBudgetResourceGroup;

  constructor(scope: Construct, id: string, props: MonthlyBudgetProps) {
    super(scope, id);
    const alerts = props.alerts ?? DEFAULT_BUDGET_ALERTS;
    addPropChecks(this, (c) => {
      if (!(props.amount > 0) || !Number.isFinite(props.amount)) c.fail("amount", props.amount, "allowed: a positive amount");
      c.matches("startDate", props.startDate, /^\d{4}-(0[1-9]|1[0-2])-01$/, "the first day of a month, YYYY-MM-01");
      if (props.contactEmails.length === 0 && (props.contactGroupIds ?? []).length === 0) {
        c.fail("contactEmails", props.contactEmails, "allowed: at least one email address or contact group");
      }
      props.contactEmails.forEach((e, i) => c.matches(`contactEmails[${i}]`, e, EMAIL, "an email address"));
      alerts.forEach((a, i) => c.integerInRange(`alerts[${i}].thresholdPercent`, a.thresholdPercent, 1, 1000, "percent"));
      if (alerts.length > 5) c.fail("alerts", alerts.length, "allowed: at most 5 notifications per budget (Azure's limit)");
    });
    this.resource = new ConsumptionBudgetResourceGroup(this, "resource", {
      name: props.name,
      resourceGroupId: props.resourceGroupId,
      amount: props.amount,
      timeGrain: "Monthly",
      timePeriod: { startDate: `${props.startDate}T00:00:00Z` },
      notification: alerts.map((a) => ({
        enabled: true,
        operator: "GreaterThanOrEqualTo",
        threshold: a.thresholdPercent,
        thresholdType: a.type,
        contactEmails: [...props.contactEmails],
        contactGroups: props.contactGroupIds ? [...props.contactGroupIds] : undefined,
      })),
    });
  }
}
