import { Alert, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fontSize, space } from '../../theme.ts';
import { problemCount } from './column-drafts.ts';
import DateAndKeyColumns from './DateAndKeyColumns.tsx';
import type { DatasetPreview } from './datasets-api.ts';
import PreviewColumnsTable from './PreviewColumnsTable.tsx';
import PreviewRowsTable from './PreviewRowsTable.tsx';
import PreviewSummary from './PreviewSummary.tsx';
import type { ColumnMapping } from './use-column-mapping.ts';

type Props = {
  preview: DatasetPreview;
  /** The dataset imported into (its columns are fixed); null: a new one, mapped here. */
  into: string | null;
  sheet: string | undefined;
  onSheet: (sheet: string) => void;
  mapping: ColumnMapping;
};

/** The file's preview: how it was read, its columns as mapped (with a new dataset's date and key columns), and its first rows with their problems. */
export default function FilePreview({ preview: p, into, sheet, onSheet, mapping: m }: Props) {
  const { t } = useTranslation();
  const problems = useMemo(() => problemCount(p, m.drafts, t), [p, m.drafts, t]);
  return (
    <div style={{ marginTop: space.lg }} data-testid="dataset-preview">
      <PreviewSummary preview={p} into={into} sheet={sheet} onSheet={onSheet} />
      <Typography.Title level={5}>{t('importWizard.columnsTitle')}</Typography.Title>
      <PreviewColumnsTable drafts={m.drafts} onChange={m.setDrafts} editable={into === null} />
      {into === null && <DateAndKeyColumns kept={m.kept} dateIdx={m.dateIdx} onDate={m.setDateIdx} keyIdx={m.keyIdx} onKeys={m.setKeyIdx} dateMissing={m.dateMissing} />}
      {p.ignoredHeaders.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: space.sm }}>
          {t('importWizard.ignoredHeaders', { headers: p.ignoredHeaders.join(t('common.enumSeparator')) })}
        </Typography.Paragraph>
      )}
      <Typography.Title level={5} style={{ marginTop: space.sm }}>
        {t('importWizard.rowsTitle')}
        <Typography.Text type="secondary" style={{ fontSize: fontSize.caption, fontWeight: 'normal', marginInlineStart: space.sm }}>
          {t('importWizard.rowsRead', { rows: p.rowsRead })}
        </Typography.Text>
      </Typography.Title>
      {problems > 0 && <Alert type="warning" showIcon title={t('importWizard.problems', { count: problems })} style={{ marginBottom: space.sm }} data-testid="preview-problems" />}
      <PreviewRowsTable preview={p} drafts={m.drafts} />
    </div>
  );
}
