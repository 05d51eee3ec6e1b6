import { Card, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import { useAuditLog } from './audit-queries.ts';
import AuditFilterBar from './AuditFilterBar.tsx';
import AuditTable from './AuditTable.tsx';
import { useAuditFilters } from './use-audit-filters.ts';

/** 审计日志 (admins): who changed what and when; a row expands to before/after. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { slug: ws } = useCurrentWorkspace();
  const canRead = useCan()('audit.read');
  const filters = useAuditFilters();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  // a page chosen under other filters does not apply: new filters start again at page 1
  const filterKey = JSON.stringify(filters.query);
  const [pagedFor, setPagedFor] = useState(filterKey);
  const page = pagedFor === filterKey ? paging.page : 1;
  const audit = useAuditLog(ws, { ...filters.query, page, pageSize: paging.pageSize }, canRead);
  if (!canRead) return <LoadError error={new ApiError(403, 'forbidden', t('error.forbidden'))} />;

  return (
    <Card title={t('audit.title')} data-testid="audit-card">
      <AuditFilterBar filters={filters} />
      {audit.isError ? (
        <LoadError error={audit.error} onRetry={() => audit.refetch()} />
      ) : audit.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <AuditTable
          page={audit.data}
          fetching={audit.isFetching}
          onReset={filters.reset}
          onPage={(current, pageSize) => {
            setPagedFor(filterKey);
            setPaging({ page: current, pageSize });
          }}
        />
      )}
    </Card>
  );
}
