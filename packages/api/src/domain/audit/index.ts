export { recordAudit, type AuditEntry } from "./record-audit";
export {
  listAuditLogs,
  ZListAuditLogsSchema,
  type ListAuditLogsInput,
} from "./list-audit-logs";
