import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { AnnotationMetadataEntryType, Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  AlertActionGroup,
  AlertActionGroupProps,
  AuditWorkspace,
  AuditWorkspaceProps,
  OpenAiDiagnosticSetting,
  OpenAiDiagnosticSettingProps,
  OpenAiMetricAlerts,
  OpenAiMetricAlertsProps,
  RetentionArchive,
  RetentionArchiveProps,
  WorkspaceSavedSearches,
  WorkspaceSavedSearchesProps,
} from "../../lib/monitoring";
import { TEST_CONTEXT, validationErrors } from "./synth";

// One builder per monitoring construct: valid defaults in Sweden Central that `props` override.

/** A stack whose azurerm provider keeps off the storage data plane, as the archive requires. */
export function monitoringStack(id = "test"): TerraformStack {
  const stack = new TerraformStack(Testing.app({ context: TEST_CONTEXT }), id);
  new AzurermProvider(stack, "azurerm", { features: [{ storage: [{ dataPlaneAvailable: false }] }] });
  return stack;
}

/** Azure resource ID of an Azure OpenAI account the settings and alerts target. */
export const ACCOUNT_ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/aoai-sdc";

/** Props of a valid workspace in Sweden Central. */
export const WORKSPACE_PROPS: AuditWorkspaceProps = {
  name: "aoai-test-sdc-log",
  resourceGroupName: "rg-monitoring",
  location: "swedencentral",
};

/** Props of a valid archive in Sweden Central. */
export const ARCHIVE_PROPS: RetentionArchiveProps = {
  name: "aoaitestsdcauditst",
  resourceGroupName: "rg-monitoring",
  location: "swedencentral",
};

/** Props of a valid action group. */
export const ACTION_GROUP_PROPS: AlertActionGroupProps = {
  name: "aoai-test-ag",
  resourceGroupName: "rg-monitoring",
  shortName: "aoai-test",
  emails: [{ name: "platform", address: "platform@example.com" }],
};

/** A workspace in `scope`. */
export function workspaceIn(scope: Construct, props: Partial<AuditWorkspaceProps> = {}, id = "workspace"): AuditWorkspace {
  return new AuditWorkspace(scope, id, { ...WORKSPACE_PROPS, ...props });
}

/** An archive in `scope`. */
export function archiveIn(scope: Construct, props: Partial<RetentionArchiveProps> = {}, id = "archive"): RetentionArchive {
  return new RetentionArchive(scope, id, { ...ARCHIVE_PROPS, ...props });
}

/** An Azure OpenAI diagnostic setting on {@link ACCOUNT_ID} in Sweden Central; give it a workspace or an archive. */
export function diagnosticSettingIn(scope: Construct, props: Partial<OpenAiDiagnosticSettingProps> = {}, id = "diagnostics"): OpenAiDiagnosticSetting {
  return new OpenAiDiagnosticSetting(scope, id, { targetResourceId: ACCOUNT_ID, location: "swedencentral", ...props });
}

/** An action group in `scope`. */
export function actionGroupIn(scope: Construct, props: Partial<AlertActionGroupProps> = {}, id = "group"): AlertActionGroup {
  return new AlertActionGroup(scope, id, { ...ACTION_GROUP_PROPS, ...props });
}

/** Metric alerts in `scope` on one account, notifying `actionGroupId`. */
export function metricAlertsIn(scope: Construct, props: Partial<OpenAiMetricAlertsProps> & Pick<OpenAiMetricAlertsProps, "actionGroupId">, id = "alerts"): OpenAiMetricAlerts {
  return new OpenAiMetricAlerts(scope, id, { resourceGroupName: "rg-monitoring", accounts: [{ key: "sdc", accountId: ACCOUNT_ID }], ...props });
}

/** Saved searches in `workspace`'s scope. */
export function savedSearchesIn(scope: Construct, props: Partial<WorkspaceSavedSearchesProps> & Pick<WorkspaceSavedSearchesProps, "workspace">, id = "searches"): WorkspaceSavedSearches {
  return new WorkspaceSavedSearches(scope, id, props);
}

/** Every key anywhere in a JSON value, for "this block never appears" assertions. */
export function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
  }
  return [];
}

/** Runs the stack's validations and returns the warnings its constructs reported. */
export function warningsOf(stack: TerraformStack): string[] {
  validationErrors(stack);
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === AnnotationMetadataEntryType.WARN)
    .map((m) => String(m.data));
}
