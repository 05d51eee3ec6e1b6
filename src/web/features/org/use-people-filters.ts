import { useState } from 'react';
import type { PeopleQuery, Unit } from '../../api.ts';
import { useDebounced } from '../../components/use-debounced.ts';

export type PeopleStatus = NonNullable<PeopleQuery['status']>;
export type PeopleSort = NonNullable<PeopleQuery['sort']>;

/**
 * The search, filters, sort and page of the people list of `unit`. A new search or filter starts
 * again at page 1; a new sort too (a page of another order shows other people).
 */
export function usePeopleFilters(unit: Unit | null) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<PeopleStatus>('active');
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const [sort, setSort] = useState<PeopleSort>('name');
  const q = useDebounced(search.trim(), 300);
  const keyOf = (s: PeopleSort) => JSON.stringify([q, status, unit?.id, includeSubunits, s]);
  const filterKey = keyOf(sort);
  const [paging, setPaging] = useState({ key: filterKey, page: 1, pageSize: 20 });
  const page = paging.key === filterKey ? paging.page : 1;
  const filters: PeopleQuery = {
    q: q || undefined,
    unitId: unit?.id,
    includeSubunits: unit ? includeSubunits : undefined,
    status,
    sort,
  };
  /** The table's paging or sort changed. */
  const changePage = (p: number, size: number, s: PeopleSort) => {
    setSort(s);
    setPaging({ key: keyOf(s), page: s === sort ? p : 1, pageSize: size });
  };
  return {
    search,
    setSearch,
    status,
    setStatus,
    includeSubunits,
    setIncludeSubunits,
    sort,
    filters,
    query: { ...filters, page, pageSize: paging.pageSize },
    changePage,
    /** Whether a search or a status other than "active" narrows the list. */
    filtered: Boolean(q) || status !== 'active',
  };
}
