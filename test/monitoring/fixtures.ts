import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { AnnotationMetadataEntryType, Testing, TerraformStack } from "cdktf";
import { validationErrors } from "../helpers/synth";
import { AuditWorkspace, AuditWorkspaceProps, RetentionArchive, RetentionArchiveProps } from "../../lib/monitoring";

/** Tag props every monitoring construct needs. */
export const TAGS = { environment: "test", owner: "platform-team" } as const;

/** A stack whose azurerm provider keeps off the storage data plane, as the archive requires. */
export function monitoringStack(id = "test"): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  new AzurermProvider(stack, "azurerm", { features: [{ storage: [{ dataPlaneAvailable: false }] }] });
  return stack;
}

/** Props of a valid workspace in Sweden Central. */
export const WORKSPACE_PROPS: AuditWorkspaceProps = {
  ...TAGS,
  name: "aoai-test-sdc-log",
  resourceGroupName: "rg-monitoring",
  location: "swedencentral",
};

/** Props of a valid archive in Sweden Central. */
export const ARCHIVE_PROPS: RetentionArchiveProps = {
  ...TAGS,
  name: "aoaitestsdcauditst",
  resourceGroupName: "rg-monitoring",
  location: "swedencentral",
};

/** A workspace in `stack`. */
export function workspaceIn(stack: TerraformStack, props: Partial<AuditWorkspaceProps> = {}, id = "workspace"): AuditWorkspace {
  return new AuditWorkspace(stack, id, { ...WORKSPACE_PROPS, ...props });
}

/** An archive in `stack`. */
export function archiveIn(stack: TerraformStack, props: Partial<RetentionArchiveProps> = {}, id = "archive"): RetentionArchive {
  return new RetentionArchive(stack, id, { ...ARCHIVE_PROPS, ...props });
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
