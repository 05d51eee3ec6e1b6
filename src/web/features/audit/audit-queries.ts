import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '../../api.ts';
import { wsKey } from '../org/org-queries.ts';
import { auditApi } from './audit-api.ts';

/** One page of the audit log; the previous page stays on screen while the next one loads. */
export function useAuditLog(ws: string, query: AuditQuery, enabled: boolean) {
  return useQuery({
    queryKey: [...wsKey(ws), 'audit', query],
    queryFn: () => auditApi.list(ws, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}
