import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Annotations, TerraformStack } from "cdktf";
import { Construct } from "constructs";

/**
 * Warns when the stack's azurerm provider may reach for the storage data plane. In azurerm 4.x
 * `azurerm_storage_account` reads queue and static-website properties over the data plane
 * unless `features { storage { data_plane_available = false } }` is set; with public network
 * access and shared keys off that read fails with 403 and the plan stops.
 */
export function warnIfStorageDataPlaneExpected(scope: Construct): void {
  let warned = false; // validations can run more than once per synth
  scope.node.addValidation({
    validate: () => {
      if (warned) return [];
      const providers = TerraformStack.of(scope)
        .node.findAll()
        .filter((c): c is AzurermProvider => c instanceof AzurermProvider);
      if (providers.length > 0 && !providers.every(dataPlaneOff)) {
        warned = true;
        Annotations.of(scope).addWarning(
          "Set the azurerm provider's features { storage { data_plane_available = false } }: this archive's storage account " +
            "has public network access and shared keys off, so the provider's data-plane reads of it fail with 403.",
        );
      }
      return [];
    },
  });
}

function dataPlaneOff(provider: AzurermProvider): boolean {
  const features = provider.featuresInput;
  if (!Array.isArray(features)) return false;
  return features.some((f) => Array.isArray(f.storage) && f.storage.some((s) => s.dataPlaneAvailable === false));
}
