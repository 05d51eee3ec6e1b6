/** The server state of background jobs: a job followed as a query. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { wsKey } from '../org/org-queries.ts';
import { isFinished, jobsApi, POLL_MS } from './jobs-api.ts';

/**
 * A job followed as a query (asked again every half second until it has finished). When it
 * finishes, everything of the workspace is asked again: background work changes what the
 * pages show as a write does (an import's actuals refresh moves cycles, goals and dashboards).
 */
export function useJob(ws: string, id: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['jobs', ws, id],
    queryFn: () => jobsApi.get(ws, id!),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : POLL_MS),
  });
  const finished = query.data !== undefined && isFinished(query.data);
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: wsKey(ws) });
  }, [finished, queryClient, ws]);
  return query;
}
