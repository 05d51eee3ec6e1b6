import { Alert, Empty, Space, Spin, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import type { MetricValues } from './metrics-api.ts';
import { feedback, fontSize, space, tabularNums, text } from '../../theme.ts';

type PivotRow = { owner: string; matched: boolean; cells: Record<string, { value: number | null; rows: number; skipped: number }> };

/** The preview: owners × months, each value with the rows behind it; owners naming nobody are flagged. */
export default function MetricPreviewPane({ data, loading, idle, failed, unit }: { data: MetricValues | undefined; loading: boolean; idle: boolean; failed: boolean; unit: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { periods, rows } = useMemo(() => {
    if (!data) return { periods: [] as string[], rows: [] as PivotRow[] };
    const periods = [...new Set(data.values.map((v) => v.period))].sort().slice(-12);
    const unmatched = new Set(data.unmatchedOwners);
    const byOwner = new Map<string, PivotRow>();
    for (const v of data.values) {
      if (!periods.includes(v.period)) continue;
      const row = byOwner.get(v.owner) ?? { owner: v.owner, matched: !unmatched.has(v.owner), cells: {} };
      row.cells[v.period] = { value: v.value, rows: v.rows, skipped: v.skipped };
      byOwner.set(v.owner, row);
    }
    return { periods, rows: [...byOwner.values()] };
  }, [data]);

  return (
    <div style={{ position: 'sticky', top: 0 }} data-testid="metric-preview">
      <Space style={{ marginBottom: space.sm }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('metrics.builder.preview')}
        </Typography.Title>
        {loading && <Spin size="small" />}
      </Space>
      {idle ? (
        <Typography.Paragraph type="secondary">{t('metrics.builder.previewIdle')}</Typography.Paragraph>
      ) : !data ? (
        failed ? <Typography.Paragraph type="secondary" data-testid="metric-preview-failed">{t('metrics.builder.previewFailed')}</Typography.Paragraph> : <Spin />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: fontSize.caption, opacity: failed ? 0.5 : 1 }}>
            {t('metrics.builder.previewLineage', { dataset: data.lineage.dataset, batches: data.lineage.batches, rows: data.lineage.rows.toLocaleString(lang) })}
          </Typography.Paragraph>
          {data.unmatchedOwners.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: space.sm }}
              title={t('metrics.builder.unmatched', { count: data.unmatchedOwners.length, owners: data.unmatchedOwners.slice(0, 10).join(t('common.enumSeparator')) + (data.unmatchedOwners.length > 10 ? '…' : '') })}
              data-testid="metric-unmatched"
            />
          )}
          <Table<PivotRow>
            size="small"
            rowKey="owner"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
            scroll={{ x: 'max-content' }}
            style={{ opacity: failed ? 0.5 : 1 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('metrics.builder.previewEmpty')} /> }}
            columns={[
              {
                title: t('metrics.builder.previewOwner'),
                dataIndex: 'owner',
                fixed: 'left',
                render: (owner: string, r) => (r.matched ? owner || '—' : <Typography.Text type="warning">{owner || '—'}</Typography.Text>),
              },
              ...periods.map((period) => ({
                title: period,
                key: period,
                align: 'right' as const,
                render: (_: unknown, r: PivotRow) => {
                  const c = r.cells[period];
                  if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
                  const title = [t('metrics.builder.previewRows', { rows: c.rows }), c.skipped > 0 ? t('metrics.builder.previewSkipped', { skipped: c.skipped }) : ''].filter(Boolean).join(' · ');
                  return (
                    <span title={title} style={{ whiteSpace: 'nowrap', ...tabularNums }}>
                      {c.value === null ? '—' : c.value.toLocaleString(lang, { maximumFractionDigits: 2 })}
                      {unit && c.value !== null ? <Typography.Text type="secondary"> {unit}</Typography.Text> : null}
                      <div style={{ fontSize: fontSize.tiny, color: c.skipped > 0 ? feedback.caution : text.secondary }}>{title}</div>
                    </span>
                  );
                },
              })),
            ]}
          />
        </>
      )}
    </div>
  );
}
