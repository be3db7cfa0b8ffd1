import type { CustomRole } from "../identity/role-ref";

/**
 * Built-in Azure roles of API Management the gateway's grant methods assign, as role specs.
 * Given by their built-in GUIDs (Microsoft's "Azure built-in roles for Integration"), so
 * `grantRole` emits the built-in role definitions; the library's role catalog has no API
 * Management entries yet.
 */
export const GATEWAY_ROLES = Object.freeze({
  /**
   * API Management Service Reader Role: read the service and its APIs, policies and backends
   * (`Microsoft.ApiManagement/service/*\/read`), never users' keys (a NotAction). No writes.
   */
  reader: Object.freeze({
    customRoleDefinitionId: "71522526-b88f-4d52-b57f-d31fc3546d0d",
    displayName: "API Management Service Reader Role",
    key: "ApiManagementServiceReader",
  }),
  /**
   * API Management Service Operator Role: manage the service but not its APIs: scale, backup,
   * restore, certificates and host names, and `service/write` and `service/delete` (which can
   * change the network mode or remove the service: the lock and the stated reason guard it).
   */
  operator: Object.freeze({
    customRoleDefinitionId: "e022efe7-f5ba-4159-bbe4-b44f577e9b61",
    displayName: "API Management Service Operator Role",
    key: "ApiManagementServiceOperator",
  }),
} satisfies Record<string, CustomRole>);
