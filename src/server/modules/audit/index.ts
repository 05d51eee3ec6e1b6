/** The audit module's public face: every module records what it changed here, and the audit log reads it. */
export { type Actor, type AuditEntryInput, listAudit, recordAudit } from './audit.service.ts';
