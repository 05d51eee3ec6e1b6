import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Col, Modal, Row, Space, Statistic, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ImportResult, isApiError } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { errorMessage } from '../../components/form-utils.ts';
import ImportErrorTable from './ImportErrorTable.tsx';
import { useRefreshWorkspace } from './org-queries.ts';

/**
 * Import people from .xlsx/.csv in two steps: a dry run that reports what would
 * change (or every error with its row and column), then the real import.
 */
export default function ImportModal({ ws, open, onClose }: { ws: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshWorkspace(ws);
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({ mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => api.people.import(ws, f, dryRun) });
  const template = useMutation({ mutationFn: () => api.people.template(ws), onError: (e) => message.error(errorMessage(e)) });
  const result: ImportResult | undefined = run.data;
  const failed = run.error;
  const rowErrors = isApiError(failed) && failed.code === 'import_failed' ? failed.details : null;

  const choose = (f: File) => {
    setFile(f);
    run.reset();
    return false; // keep the file here; nothing is uploaded until "Preview"
  };
  const commit = () =>
    file &&
    run.mutate(
      { f: file, dryRun: false },
      {
        onSuccess: (r) => {
          message.success(t('import.done', { rows: r.rows }));
          void refresh();
        },
      },
    );
  const close = () => {
    onClose();
    setFile(null);
    run.reset();
  };
  const done = result && !result.dryRun;

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} footer={null} width={760} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('import.intro')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('import.columns')}
      </Typography.Paragraph>
      <Button
        type="link"
        icon={<DownloadOutlined />}
        loading={template.isPending}
        onClick={() => template.mutate()}
        style={{ paddingInline: 0, marginBottom: 12 }}
        data-testid="import-template"
      >
        {t('import.template')}
      </Button>
      {!done && (
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={choose}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          onRemove={() => {
            setFile(null);
            run.reset();
          }}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
      )}
      {result && (
        <div data-testid="import-result" style={{ marginTop: 16 }}>
          <Alert type={done ? 'success' : 'info'} showIcon title={done ? t('import.doneTitle') : t('import.previewTitle')} style={{ marginBottom: 12 }} />
          <Row gutter={16}>
            {(['rows', 'created', 'updated', 'unitsCreated', 'positionsCreated'] as const).map((k) => (
              <Col key={k} xs={12} sm={8} md={4} style={{ minWidth: 120 }}>
                <Statistic title={t(`import.${k}`)} value={result[k]} />
              </Col>
            ))}
          </Row>
        </div>
      )}
      {failed && (
        <div style={{ marginTop: 16 }}>
          <FormAlert error={failed} />
          {rowErrors && rowErrors.length > 0 && <ImportErrorTable details={rowErrors} />}
        </div>
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }}>
        {done ? (
          <Button type="primary" onClick={close} data-testid="import-close">
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              disabled={!file}
              loading={run.isPending && run.variables?.dryRun}
              onClick={() => file && run.mutate({ f: file, dryRun: true })}
              type={result ? 'default' : 'primary'}
              data-testid="import-preview"
            >
              {t('import.preview')}
            </Button>
            {result?.dryRun && (
              <Button type="primary" loading={run.isPending && !run.variables?.dryRun} onClick={commit} data-testid="import-confirm">
                {t('import.confirm')}
              </Button>
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
