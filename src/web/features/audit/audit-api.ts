/** The audit log endpoint (contracts/org.ts), on top of the shared typed client of api.ts. */
import { type AuditPage, type AuditQuery, get, workspacePath } from '../../api.ts';

export const auditApi = {
  list: (ws: string, query: AuditQuery) => get<AuditPage>(`${workspacePath(ws)}/audit`, query),
};
