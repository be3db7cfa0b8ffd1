import { MonitorMetricAlert, MonitorMetricAlertCriteria } from "@cdktf/provider-azurerm/lib/monitor-metric-alert";
import { Construct } from "constructs";
import { addPropChecks, PropChecks } from "../core/validation";
import { COGNITIVE_SERVICES_NAMESPACE } from "./log-categories";
import { PropKeys } from "../core/known-props";

/** An account the alerts watch. */
export interface AlertedAccount {
  /** Stable key (letters, digits, hyphens), for example the region code; it keys and names the alert rules. */
  readonly key: string;
  /** Azure resource ID of the account. */
  readonly accountId: string;
}

/** Evaluation windows Azure accepts for metric alerts (ISO 8601). */
export const ALERT_WINDOWS = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "PT6H", "PT12H", "P1D"] as const;

/** An evaluation window. */
export type AlertWindow = (typeof ALERT_WINDOWS)[number];

/** Tuning of one alert; each value left out keeps the alert's default (see {@link OPENAI_ALERTS}). */
export interface AlertTuning {
  /**
   * Threshold: throttled requests per window, or availability in percent.
   * @default - 10 requests for throttling, 99 percent for availability
   */
  readonly threshold?: number;
  /**
   * Window the metric is aggregated over; the evaluation frequency follows from it.
   * @default - "PT5M" for throttling, "PT15M" for availability
   */
  readonly windowSize?: AlertWindow;
  /**
   * Severity, 0 (critical) to 4 (verbose).
   * @default - 2 for throttling, 1 for availability
   */
  readonly severity?: number;
}

/** Props of {@link OpenAiMetricAlerts}. */
export interface OpenAiMetricAlertsProps {
  /** Resource group the alert rules are created in. */
  readonly resourceGroupName: string;
  /** Azure resource ID of the action group notified (see {@link AlertActionGroup}). */
  readonly actionGroupId: string;
  /** The accounts to watch; one rule per account and alert, keyed by `key`. */
  readonly accounts: readonly AlertedAccount[];
  /**
   * Prefix of the alert rule names.
   * @default "openai"
   */
  readonly namePrefix?: string;
  /**
   * Throttling: requests answered with HTTP 429 (`AzureOpenAIRequests`, dimension
   * `StatusCode` = 429, Total) greater than the threshold within the window.
   * @default - threshold 10, window PT5M, severity 2
   */
  readonly throttling?: AlertTuning;
  /**
   * Availability: `AzureOpenAIAvailabilityRate` (Average, percent) below the threshold.
   * @default - threshold 99, window PT15M, severity 1
   */
  readonly availability?: AlertTuning;
}

/** Alert kinds, keyed by the suffix of their construct IDs and rule names. */
export const OPENAI_ALERTS = {
  throttled: { metricName: "AzureOpenAIRequests", threshold: 10, windowSize: "PT5M", severity: 2 },
  availability: { metricName: "AzureOpenAIAvailabilityRate", threshold: 99, windowSize: "PT15M", severity: 1 },
} as const;

/** How often a window is evaluated: often enough to react, never more often than Azure allows for the window. */
const EVALUATION_FREQUENCY: Readonly<Record<AlertWindow, string>> = {
  PT1M: "PT1M",
  PT5M: "PT1M",
  PT15M: "PT5M",
  PT30M: "PT5M",
  PT1H: "PT15M",
  PT6H: "PT1H",
  PT12H: "PT1H",
  P1D: "PT1H",
};

const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/i;

/** The props OpenAiMetricAlerts accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const OPENAI_METRIC_ALERTS_PROP_KEYS: PropKeys<OpenAiMetricAlertsProps> = { resourceGroupName: true, actionGroupId: true, accounts: true, namePrefix: true, throttling: true, availability: true };

/**
 * Metric alerts for Azure OpenAI accounts (`azurerm_monitor_metric_alert` on namespace
 * `Microsoft.CognitiveServices/accounts`): throttled requests (HTTP 429) and low availability,
 * one rule per account so accounts in different regions can be watched together.
 */
export class OpenAiMetricAlerts extends Construct {
  /** The alert rules, by `<account key>-<alert>`. */
  public readonly alerts: Readonly<Record<string, MonitorMetricAlert>>;

  constructor(scope: Construct, id: string, props: OpenAiMetricAlertsProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, OPENAI_METRIC_ALERTS_PROP_KEYS));
    const prefix = props.namePrefix ?? "openai";
    const throttling = { ...OPENAI_ALERTS.throttled, ...props.throttling };
    const availability = { ...OPENAI_ALERTS.availability, ...props.availability };
    const alerts: Record<string, MonitorMetricAlert> = {};

    for (const account of props.accounts) {
      if (alerts[`${account.key}-throttled`]) continue; // a repeated key is reported below
      const rule = (kind: keyof typeof OPENAI_ALERTS, tuning: AlertTuning, description: string, criteria: MonitorMetricAlertCriteria) =>
        new MonitorMetricAlert(this, `${account.key}-${kind}`, {
          name: `${prefix}-${account.key}-${kind}`,
          resourceGroupName: props.resourceGroupName,
          scopes: [account.accountId],
          description,
          severity: tuning.severity,
          frequency: EVALUATION_FREQUENCY[tuning.windowSize ?? "PT5M"],
          windowSize: tuning.windowSize,
          autoMitigate: true,
          criteria: [criteria],
          action: [{ actionGroupId: props.actionGroupId }],
        });
      alerts[`${account.key}-throttled`] = rule(
        "throttled",
        throttling,
        `More than ${throttling.threshold} requests throttled (HTTP 429) in ${throttling.windowSize}: raise the quota or spread the load.`,
        {
          metricNamespace: COGNITIVE_SERVICES_NAMESPACE,
          metricName: OPENAI_ALERTS.throttled.metricName,
          aggregation: "Total",
          operator: "GreaterThan",
          threshold: throttling.threshold,
          dimension: [{ name: "StatusCode", operator: "Include", values: ["429"] }],
        },
      );
      alerts[`${account.key}-availability`] = rule(
        "availability",
        availability,
        `Availability below ${availability.threshold}% over ${availability.windowSize}.`,
        {
          metricNamespace: COGNITIVE_SERVICES_NAMESPACE,
          metricName: OPENAI_ALERTS.availability.metricName,
          aggregation: "Average",
          operator: "LessThan",
          threshold: availability.threshold,
        },
      );
    }
    this.alerts = alerts;

    addPropChecks(this, (c: PropChecks) => {
      if (props.accounts.length === 0) c.fail("accounts", props.accounts, "allowed: at least one account to watch");
      props.accounts.forEach((a) => c.matches(`accounts.${a.key}.key`, a.key, KEY, "1-40 letters, digits or hyphens, starting with a letter or digit"));
      c.unique("accounts", props.accounts.map((a) => a.key), "account key");
      c.matches("namePrefix", props.namePrefix, /^[A-Za-z0-9][A-Za-z0-9-]{0,59}$/, "1-60 letters, digits or hyphens");
      for (const [name, tuning] of [["throttling", props.throttling], ["availability", props.availability]] as const) {
        c.oneOf(`${name}.windowSize`, tuning?.windowSize, ALERT_WINDOWS);
        c.integerInRange(`${name}.severity`, tuning?.severity, 0, 4);
      }
      const throttleThreshold = props.throttling?.threshold;
      if (throttleThreshold !== undefined) c.integerInRange("throttling.threshold", throttleThreshold, 0, 1_000_000, "requests");
      const availabilityThreshold = props.availability?.threshold;
      if (availabilityThreshold !== undefined && !(availabilityThreshold > 0 && availabilityThreshold <= 100)) {
        c.fail("availability.threshold", availabilityThreshold, "allowed: a percentage greater than 0 and at most 100");
      }
    });
  }
}
