import { DatabaseOutlined } from '@ant-design/icons';
import { Descriptions, Popover, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../api.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { fontSize, space } from '../../theme.ts';

export type TermValue = ParticipantDetail['values'][number];
export type TermLineage = NonNullable<TermValue['lineage']>;

/** A term value taken from a metric: read-only wherever actuals are entered. */
export const fromData = (v: TermValue | null | undefined): v is TermValue & { source: 'metric' } => v?.source === 'metric';

/** The lineage of a value: metric → dataset → batches → rows (skipped rows when any), and when it was computed. */
export function LineageDetails({ lineage }: { lineage: TermLineage }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ maxWidth: 320 }}
      items={[
        { key: 'metric', label: t('dataSource.metric'), children: lineage.metric },
        { key: 'dataset', label: t('dataSource.dataset'), children: lineage.dataset },
        { key: 'batches', label: t('dataSource.batches'), children: lineage.batches },
        { key: 'rows', label: t('dataSource.rows'), children: lineage.rows.toLocaleString(lang) },
        ...(lineage.skipped > 0 ? [{ key: 'skipped', label: t('dataSource.skipped'), children: <Typography.Text type="warning">{lineage.skipped}</Typography.Text> }] : []),
        ...(lineage.owner ? [{ key: 'owner', label: t('dataSource.owner'), children: lineage.owner }] : []),
        { key: 'at', label: t('dataSource.computedAt'), children: lineage.computedAt.slice(0, 16).replace('T', ' ') },
      ]}
    />
  );
}

/** "来自数据" with its lineage in a popover (focusable, so it opens from the keyboard too). */
export default function DataSourceTag({ lineage }: { lineage: TermLineage | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color="geekblue" icon={<DatabaseOutlined />} tabIndex={0} style={{ cursor: lineage ? 'help' : undefined, marginInlineEnd: 0 }} data-testid="from-data">
      {t('dataSource.tag')}
    </Tag>
  );
  if (!lineage) return tag;
  return (
    <Popover
      title={t('dataSource.lineageTitle')}
      content={
        <>
          <LineageDetails lineage={lineage} />
          <Typography.Paragraph type="secondary" style={{ fontSize: fontSize.caption, margin: `${space.sm}px 0 0`, maxWidth: 320 }}>
            {t('dataSource.readOnly')}
          </Typography.Paragraph>
        </>
      }
      trigger={['hover', 'focus']}
    >
      {tag}
    </Popover>
  );
}
