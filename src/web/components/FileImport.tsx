import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, type ColProps, Progress, Row, Space, Statistic, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import { fontSize, space } from '../theme.ts';
import FormAlert from './FormAlert.tsx';
import { useTemplateDownload } from './file-import-queries.ts';
import { errorMessage } from './form-utils.ts';
import ImportErrorTable from './ImportErrorTable.tsx';

export type ImportOutcome = {
  type: 'success' | 'info';
  title: string;
  stats: { key: string; label: string; value: number }[];
  /** Width of each figure's column. */
  col: ColProps;
};

type Props = {
  /** Prefix of the data-testids: `${testId}-template`, `-file`, `-progress`, `-result`. */
  testId: string;
  intro: string;
  columns: string;
  templateLabel: string;
  downloadTemplate: () => Promise<void>;
  file: File | null;
  onChoose: (file: File) => void;
  /** When given, the chosen file is listed under the drop zone with a remove button. */
  onRemove?: () => void;
  canChoose: boolean;
  disabled?: boolean;
  /** While an upload reports its progress: the fraction sent (0–1). */
  progress?: number | null;
  outcome?: ImportOutcome | null;
  error: unknown;
  /** The buttons at the bottom right. */
  actions: ReactNode;
};

/**
 * The body of an import dialog: what to upload and its template, the drop zone, the upload's
 * progress, the figures of a passed file and every located problem of a refused one.
 */
export default function FileImport(props: Props) {
  const { testId, file, onRemove, progress, outcome, error } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const template = useTemplateDownload(props.downloadTemplate);
  const rowErrors = isApiError(error) && error.code === 'import_failed' ? error.details : [];
  const listing = onRemove
    ? { fileList: file ? [{ uid: 'file', name: file.name, status: 'done' as const }] : [], onRemove }
    : { showUploadList: false };
  const choose = (f: File) => {
    props.onChoose(f);
    return false; // the caller decides when to send it
  };

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: space.xs }}>
        {props.intro}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: fontSize.caption }}>
        {props.columns}
      </Typography.Paragraph>
      <Button
        type="link"
        icon={<DownloadOutlined />}
        loading={template.isPending}
        onClick={() => template.mutate(undefined, { onError: (e) => void message.error(errorMessage(e), 6) })}
        style={{ paddingInline: 0, marginBottom: space.md }}
        data-testid={`${testId}-template`}
      >
        {props.templateLabel}
      </Button>
      {props.canChoose && (
        <Upload.Dragger accept=".xlsx,.csv" maxCount={1} beforeUpload={choose} disabled={props.disabled} {...listing} data-testid={`${testId}-file`}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
      )}
      {progress != null && (
        <div style={{ marginTop: space.lg }} data-testid={`${testId}-progress`}>
          <Typography.Text>{t('import.uploading', { name: file?.name ?? '' })}</Typography.Text>
          <Progress percent={Math.round(progress * 100)} status="active" />
          {progress >= 1 && <Typography.Text type="secondary">{t('import.checking')}</Typography.Text>}
        </div>
      )}
      {outcome && (
        <div data-testid={`${testId}-result`} style={{ marginTop: space.lg }}>
          <Alert type={outcome.type} showIcon title={outcome.title} style={{ marginBottom: space.md }} />
          <Row gutter={16}>
            {outcome.stats.map((s) => (
              <Col key={s.key} {...outcome.col}>
                <Statistic title={s.label} value={s.value} />
              </Col>
            ))}
          </Row>
        </div>
      )}
      {error != null && (
        <div style={{ marginTop: space.lg }}>
          <FormAlert error={error} />
          {rowErrors.length > 0 && <ImportErrorTable details={rowErrors} />}
        </div>
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: space.lg }}>{props.actions}</Space>
    </>
  );
}
