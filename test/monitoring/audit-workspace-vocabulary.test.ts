import { acknowledgedWeakenings } from "../../lib/core/justification";
import { WEAKENING_KEYS } from "../../lib/core/weakening-keys";
import { AuditWorkspace } from "../../lib/monitoring";
import { GUIDS, subscriptionFormRoleId } from "../identity/fixtures";
import { monitoringStack, workspaceIn } from "../helpers/monitoring";
import { failedProps, resources, synthJson } from "../helpers/synth";

const WORKSPACE_ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central-log";
const AUDITORS = "7d1b8a52-3c4e-4f60-9a1b-2c3d4e5f6a7b";

describe("AuditWorkspace.fromWorkspaceAttributes", () => {
  test("imports by an attributes object; grants land on the imported workspace's ID", () => {
    const stack = monitoringStack();
    const shared = AuditWorkspace.fromWorkspaceAttributes(stack, "shared", { workspaceId: WORKSPACE_ID, location: "westeurope" });
    expect(shared).toMatchObject({ workspaceId: WORKSPACE_ID, location: "westeurope", scopeId: WORKSPACE_ID });
    const grant = shared.grantLogReader({ principalId: AUDITORS, principalType: "Group", granteeKey: "auditors" });
    expect(grant.node.path).toBe("test/shared/grant-LogAnalyticsReader-auditors");
    const [assignment] = Object.values(resources(synthJson(stack), "azurerm_role_assignment"));
    expect(assignment).toMatchObject({
      scope: WORKSPACE_ID,
      principal_id: AUDITORS,
      principal_type: "Group",
      role_definition_id: subscriptionFormRoleId(GUIDS.LogAnalyticsReader),
    });
  });

  test("the deprecated fromWorkspaceId gives the same import", () => {
    const stack = monitoringStack();
    const shared = AuditWorkspace.fromWorkspaceId(stack, "shared", WORKSPACE_ID, "westeurope");
    expect(shared).toMatchObject({ workspaceId: WORKSPACE_ID, location: "westeurope" });
  });

  test("a missing or unknown attribute is a problem with its path, not a stack trace", () => {
    const stack = monitoringStack();
    AuditWorkspace.fromWorkspaceAttributes(stack, "shared", { workspaceId: "", location: "westeurope", region: "x" } as never);
    const props = failedProps(stack).filter((p) => p.path === "test/shared").map((p) => p.prop);
    expect(props).toEqual(expect.arrayContaining(["workspaceId", "region"]));
  });
});

describe("AuditWorkspace roleAssignments and weakenings", () => {
  test("roleAssignments are exposed, in key order, as assignments on the workspace", () => {
    const stack = monitoringStack();
    const workspace = workspaceIn(stack, {
      roleAssignments: {
        auditors: { principalId: AUDITORS, principalType: "Group", role: "LogAnalyticsReader" },
        operators: { principalId: AUDITORS.replace("7d", "8d"), principalType: "Group", role: "Reader" },
      },
    });
    expect(workspace.roleAssignments.map((a) => a.node.id)).toEqual(["grant-LogAnalyticsReader-auditors", "grant-Reader-operators"]);
    expect(workspace.roleAssignments.map((a) => a.role.guid)).toEqual([GUIDS.LogAnalyticsReader, GUIDS.Reader]);
    expect(workspace.roleAssignments.every((a) => a.scopeId === workspace.workspaceId)).toBe(true);
  });

  test("each weakening is acknowledged under its neutral key and listed once", () => {
    const stack = monitoringStack();
    const reason = { reason: "legacy agents still send with keys until 2027-03" };
    const workspace = workspaceIn(stack, { securityExceptions: { localAuth: reason }, dailyCap: { gb: 5, reason: "sandbox subscription budget" } });
    expect(acknowledgedWeakenings(workspace)).toEqual([
      { key: WEAKENING_KEYS.workspaceLocalAuth, prop: "securityExceptions.localAuth", reason: reason.reason },
      { key: WEAKENING_KEYS.workspaceDailyCap, prop: "dailyCap", reason: "sandbox subscription budget" },
    ]);
    expect(workspace.securityExceptions).toEqual([
      { setting: "localAuth", reason: reason.reason },
      { setting: "dailyCap", reason: "sandbox subscription budget" },
    ]);
  });

  test("a misspelt weakening fails instead of being dropped", () => {
    const stack = monitoringStack();
    workspaceIn(stack, { securityExceptions: { localAuthentication: { reason: "legacy agents need the keys" } } as never });
    expect(failedProps(stack).map((p) => p.prop)).toContain("securityExceptions.localAuthentication");
  });
});
