import { Alert, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { space } from '../../theme.ts';
import type { DatasetPreview } from './datasets-api.ts';

type Props = { preview: DatasetPreview; into: string | null; sheet: string | undefined; onSheet: (sheet: string) => void };

/** What the file was read as: the dataset it goes into, or the template that recognised it (or a guess); its header row, encoding and sheet. */
export default function PreviewSummary({ preview: p, into, sheet, onSheet }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Space wrap size={[space.lg, space.sm]} style={{ marginBottom: space.md }}>
      {into !== null ? (
        <Alert type="info" showIcon title={t('importWizard.intoDataset', { name: into })} />
      ) : p.template ? (
        <Alert type="success" showIcon title={t('importWizard.recognised', { name: p.template.name[lang] || p.template.name['zh-CN'] })} data-testid="preview-template" />
      ) : (
        <Alert type="warning" showIcon title={t('importWizard.guessed')} data-testid="preview-guessed" />
      )}
      <Typography.Text type="secondary">{t('importWizard.headerRow', { row: p.headerRow })}</Typography.Text>
      {p.encoding && <Typography.Text type="secondary">{t('importWizard.encoding', { encoding: p.encoding })}</Typography.Text>}
      {p.sheets.length > 1 && (
        <Space>
          <Typography.Text>{t('importWizard.sheet')}</Typography.Text>
          <Select
            value={sheet}
            style={{ minWidth: 160 }}
            options={p.sheets.map((s) => ({ value: s, label: s }))}
            onChange={onSheet}
            aria-label={t('importWizard.sheet')}
            data-testid="preview-sheet"
          />
        </Space>
      )}
    </Space>
  );
}
