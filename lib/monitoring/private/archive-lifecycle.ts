import { StorageManagementPolicyRule } from "@cdktf/provider-azurerm/lib/storage-management-policy";
import { archiveContainerName, RETENTION_CATEGORIES, RetentionCategory } from "../log-categories";

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
