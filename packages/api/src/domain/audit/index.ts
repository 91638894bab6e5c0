export { recordAudit, type AuditEntry } from "./record-audit";
export { listAuditLogs, type ListAuditLogsInput } from "./list-audit-logs";
