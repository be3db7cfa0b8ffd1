import { createHash } from "crypto";
import { ApplicationInsightsWorkbook } from "@cdktf/provider-azurerm/lib/application-insights-workbook";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import type { ILogWorkspace } from "../core/features/diagnostic-settings";
import type { ModelTokenPrice } from "./price-table";
import { hclOneLineStrings } from "../core/hcl-literal";

/** Props of {@link GatewayCostWorkbook}. */
export interface GatewayCostWorkbookProps {
  /** The gateway's name: the workbook's stable ID is derived from it. */
  readonly gatewayName: string;
  /** Resource group of the workbook. */
  readonly resourceGroupName: string;
  /** Azure location of the workbook. */
  readonly location: string;
  /** The audit workspace the token metrics land in (`AppMetrics`). */
  readonly workspace: ILogWorkspace;
  /** The price table (the gateway's): each price carries its source and date into the workbook. */
  readonly prices: readonly ModelTokenPrice[];
  /** Model of each deployment name (the `Deployment` metric dimension), for the price lookup. */
  readonly deploymentModels: Readonly<Record<string, string>>;
}

/** A v5-style UUID from `seed` (Azure wants a lowercase UUID as the workbook's name; it must not change). */
export function stableUuid(seed: string): string {
  const h = createHash("sha1").update(`cdktf-azure-openai/${seed}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const kql = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');

/**
 * The KQL of tokens and estimated cost per workload and `period` (`1d` or a calendar month) from
 * the token metrics, priced with the table: prompt tokens at the input price, completion tokens
 * at the output price. A deployment whose model has no price is priced at the dearest price of
 * the table (as the token quotas are) and marked so in `Priced`.
 */
export function costPerWorkloadQuery(prices: readonly ModelTokenPrice[], deploymentModels: Readonly<Record<string, string>>, period: "day" | "month"): string {
  const priceRows = prices.map((p) => `"${kql(p.model)}", ${p.inputPer1K}, ${p.outputPer1K}, "${kql(p.asOf)}", "${kql(p.source)}"`).join(",\n  ");
  const modelRows = Object.entries(deploymentModels).map(([d, m]) => `"${kql(d)}", "${kql(m)}"`).join(", ");
  const dearest = prices.length > 0 ? Math.max(...prices.map((p) => Math.max(p.inputPer1K, p.outputPer1K))) : 0;
  const bucket = period === "day" ? "bin(TimeGenerated, 1d)" : "startofmonth(TimeGenerated)";
  return [
    `let Prices = datatable(Model: string, InputPer1K: real, OutputPer1K: real, PriceAsOf: string, PriceSource: string) [\n  ${priceRows}\n];`,
    `let Deployments = datatable(Deployment: string, Model: string) [${modelRows}];`,
    "AppMetrics",
    `| where Name in ("Prompt Tokens", "Completion Tokens")`,
    `| extend Workload = tostring(Properties["Workload"]), Deployment = tostring(Properties["Deployment"])`,
    `| summarize Tokens = sum(Sum) by Period = ${bucket}, Workload, Deployment, Name`,
    "| evaluate pivot(Name, sum(Tokens))",
    "| lookup kind=leftouter Deployments on Deployment",
    "| lookup kind=leftouter Prices on Model",
    `| extend PromptTokens = todouble(column_ifexists("Prompt Tokens", 0.0)), CompletionTokens = todouble(column_ifexists("Completion Tokens", 0.0))`,
    `| extend Priced = iff(isnull(InputPer1K), "dearest price (deployment not in the price table)", strcat(Model, " as of ", PriceAsOf))`,
    `| extend EstimatedUsd = round(PromptTokens / 1000 * coalesce(InputPer1K, ${dearest}) + CompletionTokens / 1000 * coalesce(OutputPer1K, ${dearest}), 2)`,
    "| project Period, Workload, Deployment, PromptTokens, CompletionTokens, EstimatedUsd, Priced, PriceSource",
    "| order by Period desc, EstimatedUsd desc",
  ].join("\n");
}

/**
 * A workbook of tokens and estimated cost per workload per day and per month, for charge-back:
 * the token metrics (`AppMetrics`, dimensions Workload and Deployment) priced with the price
 * table, which the workbook shows with each price's source and date. A workbook, not saved
 * searches: its `data_json` updates in place, whereas a saved search holding prices would be
 * replaced on every price change (and the workspace lock refuses that).
 */
export class GatewayCostWorkbook extends Construct {
  /** The `azurerm_application_insights_workbook`. */
  public readonly workbook: ApplicationInsightsWorkbook;

  constructor(scope: Construct, id: string, props: GatewayCostWorkbookProps) {
    super(scope, id);
    const query = (title: string, period: "day" | "month") => ({
      type: 3,
      name: `cost-per-workload-${period}`,
      content: {
        version: "KqlItem/1.0",
        title,
        query: costPerWorkloadQuery(props.prices, props.deploymentModels, period),
        size: 0,
        queryType: 0,
        resourceType: "microsoft.operationalinsights/workspaces",
        crossComponentResources: [props.workspace.workspaceId],
      },
    });
    const priceLines = props.prices.map((p) => `| ${p.model} | ${p.inputPer1K} | ${p.outputPer1K} | ${p.asOf} | ${p.source}${p.confirmed ? "" : " (not confirmed on Microsoft's pricing page)"} |`);
    const data = {
      version: "Notebook/1.0",
      items: [
        {
          type: 1,
          name: "prices",
          content: {
            json: [
              "## Tokens and estimated cost per workload",
              "Estimates from the gateway's token metrics and the price table below (USD per 1,000 tokens); the invoice is authoritative.",
              "",
              "| model | input | output | as of | source |",
              "|---|---|---|---|---|",
              ...priceLines,
            ].join("\n"),
          },
        },
        query("Per workload per day", "day"),
        query("Per workload per month", "month"),
      ],
      isLocked: false,
    };
    this.workbook = new CostWorkbook(this, "workbook", {
      name: stableUuid(`${props.gatewayName}/cost-per-workload`),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      displayName: `AI gateway ${props.gatewayName}: tokens and cost per workload`,
      category: "workbook",
      // The provider requires lowercase; a workspace ID holds "resourceGroups".
      sourceId: Fn.lower(props.workspace.workspaceId),
      dataJson: JSON.stringify(data),
    });
  }
}

/**
 * The workbook with its `data_json` written as one escaped HCL string in `cdktf synth --hcl`:
 * cdktf's renderer escapes only quotes, and the JSON document holds backslashes and newlines.
 */
class CostWorkbook extends ApplicationInsightsWorkbook {
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclOneLineStrings(super.synthesizeHclAttributes(), ["data_json"]);
  }
}
