import { MonitorActionGroup } from "@cdktf/provider-azurerm/lib/monitor-action-group";
import { Construct } from "constructs";
import { addPropChecks, PropChecks } from "../core/validation";
import { NameChoice } from "./monitoring-props";
import { checkChosenName, chosenName } from "./private/common";
import { PropKeys } from "../core/known-props";

/** An email address that receives alerts. */
export interface EmailReceiver {
  /** Receiver name, unique in the group; it keys the receiver. */
  readonly name: string;
  /** Email address. */
  readonly address: string;
}

/** An HTTPS endpoint that receives alerts (common alert schema). */
export interface WebhookReceiver {
  /** Receiver name, unique in the group. */
  readonly name: string;
  /**
   * HTTPS URL. It is stored in Terraform state and shown to readers of the action group, so
   * pass secrets as a Terraform variable, not in code.
   */
  readonly serviceUri: string;
}

/** Props of {@link AlertActionGroup}. */
export interface AlertActionGroupProps extends NameChoice {
  /** Resource group the action group is created in. */
  readonly resourceGroupName: string;
  /** Short name used in SMS and email subjects, 1-12 characters. */
  readonly shortName: string;
  /** Email receivers. */
  readonly emails: readonly EmailReceiver[];
  /**
   * Webhook receivers, for example an incident tool.
   * @default - none
   */
  readonly webhooks?: readonly WebhookReceiver[];
}

const RECEIVER_NAME = /^[^<>%&\\?/]{1,128}$/;

/** The props AlertActionGroup accepts; a prop outside this list fails the synth (see PropChecks.knownProps). */
const ALERT_ACTION_GROUP_PROP_KEYS: PropKeys<AlertActionGroupProps> = { resourceGroupName: true, shortName: true, emails: true, webhooks: true, name: true, naming: true };

/** Where alerts go: an `azurerm_monitor_action_group` with email and webhook receivers. */
export class AlertActionGroup extends Construct {
  /** The `azurerm_monitor_action_group` resource (also `node.defaultChild`). */
  public readonly resource: MonitorActionGroup;
  /** Azure resource ID. */
  public readonly actionGroupId: string;

  constructor(scope: Construct, id: string, props: AlertActionGroupProps) {
    super(scope, id);
    addPropChecks(this, (c) => c.knownProps(props, ALERT_ACTION_GROUP_PROP_KEYS));
    const name = chosenName("actionGroup", props);
    const webhooks = props.webhooks ?? [];
    this.resource = new MonitorActionGroup(this, "resource", {
      name,
      resourceGroupName: props.resourceGroupName,
      location: "global",
      shortName: props.shortName,
      emailReceiver: props.emails.map((e) => ({ name: e.name, emailAddress: e.address, useCommonAlertSchema: true })),
      webhookReceiver:
        webhooks.length > 0 ? webhooks.map((w) => ({ name: w.name, serviceUri: w.serviceUri, useCommonAlertSchema: true })) : undefined,
    });
    this.node.defaultChild = this.resource;
    this.actionGroupId = this.resource.id;

    addPropChecks(this, (c) => {
      checkChosenName(c, "actionGroup", props, name);
      checkReceivers(c, props);
    });
  }
}

function checkReceivers(c: PropChecks, props: AlertActionGroupProps): void {
  c.matches("shortName", props.shortName, /^.{1,12}$/, "1-12 characters");
  const webhooks = props.webhooks ?? [];
  if (props.emails.length === 0 && webhooks.length === 0) {
    c.fail("emails", props.emails, "allowed: at least one email or webhook receiver, or the alerts reach nobody");
  }
  props.emails.forEach((e) => {
    c.matches(`emails.${e.name}.name`, e.name, RECEIVER_NAME, "1-128 characters other than < > % & \\ ? /");
    c.email(`emails.${e.name}.address`, e.address);
  });
  webhooks.forEach((w) => {
    c.matches(`webhooks.${w.name}.name`, w.name, RECEIVER_NAME, "1-128 characters other than < > % & \\ ? /");
    c.matches(`webhooks.${w.name}.serviceUri`, w.serviceUri, /^https:\/\/[^\s]+$/, "an https:// URL (alerts carry resource details)");
  });
  c.unique("emails/webhooks", [...props.emails.map((e) => e.name), ...webhooks.map((w) => w.name)], "receiver name");
}
