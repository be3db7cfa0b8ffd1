import { StorageManagementPolicyRule } from "@cdktf/provider-azurerm/lib/storage-management-policy";
import { archiveContainerName, logContainerName, RETENTION_CATEGORIES, RetentionCategory } from "../log-categories";

/** Name of the lifecycle rule that deletes a category (Azure allows letters and digits only). */
function lifecycleRuleName(category: RetentionCategory): string {
  return category === "metrics" ? "deleteMetrics" : `delete${category}Logs`;
}

/**
 * One lifecycle rule per category: delete Azure Monitor's append blobs under the category's
 * container once they have not been written for `days` days. Append blobs support deletion
 * only (no tiering), so deletion is the whole policy.
 */
export function lifecycleRules(days: Readonly<Record<RetentionCategory, number>>): StorageManagementPolicyRule[] {
  return RETENTION_CATEGORIES.map((category) => ({
    name: lifecycleRuleName(category),
    enabled: true,
    filters: {
      blobTypes: ["appendBlob"],
      // The trailing slash keeps the prefix to this container only.
      prefixMatch: [`${archiveContainerName(category)}/`],
    },
    actions: {
      baseBlob: { deleteAfterDaysSinceModificationGreaterThan: days[category] },
    },
  }));
}

/**
 * A log category another resource adds to the archive, as Azure Monitor names it: letters,
 * digits and single hyphens, short enough for its container name (`insights-logs-` + 49 = 63,
 * Azure's longest container name).
 */
export const ARCHIVE_CATEGORY_NAME = /^(?=.{1,49}$)[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;

/** Name of the lifecycle rule of an added category: `delete<category>` without hyphens (rule names are letters and digits). */
export function addedCategoryRuleName(category: string): string {
  return `delete${category.replace(/-/g, "")}`;
}

/** The lifecycle rule of an added category: delete its append blobs `days` after the last write. */
export function addedCategoryRule(category: string, days: number): StorageManagementPolicyRule {
  return {
    name: addedCategoryRuleName(category),
    enabled: true,
    filters: { blobTypes: ["appendBlob"], prefixMatch: [`${logContainerName(category)}/`] },
    actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: days } },
  };
}
