import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditQuery } from '../../api.ts';
import { useDebounced } from '../../components/use-debounced.ts';

type Range = [Dayjs | null, Dayjs | null] | null;

/**
 * The audit log's filters as typed, and as sent: the text filters are debounced so that
 * typing does not send a request per key.
 */
export function useAuditFilters() {
  const [entityType, setEntityType] = useState<string | undefined>();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [range, setRange] = useState<Range>(null);
  const debouncedAction = useDebounced(action.trim(), 300);
  const debouncedActor = useDebounced(actor.trim(), 300);
  const query: AuditQuery = {
    entityType,
    action: debouncedAction || undefined,
    actor: debouncedActor || undefined,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
  };
  const reset = () => {
    setEntityType(undefined);
    setAction('');
    setActor('');
    setRange(null);
  };
  return { entityType, setEntityType, action, setAction, actor, setActor, range, setRange, query, reset };
}

export type AuditFilters = ReturnType<typeof useAuditFilters>;
