import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Col, Modal, Progress, Row, Space, Statistic, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Cycle, isApiError } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { errorMessage } from '../../components/form-utils.ts';
import { useMe } from '../auth/session.ts';
import ImportErrorTable from '../org/ImportErrorTable.tsx';
import { cyclesApi, uploadActuals } from './cycles-api.ts';
import { useRefreshCycle } from './cycle-queries.ts';

/**
 * Upload a filled actuals file (.xlsx/.csv). All or nothing: a file with any problem writes
 * nothing and every problem is listed with its row, column and value.
 */
export default function ActualsImportModal({ ws, cycle, onClose }: { ws: string; cycle: Cycle; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const refresh = useRefreshCycle(ws, cycle.id);
  const [progress, setProgress] = useState(0);
  const [fileName, setFileName] = useState<string | null>(null);
  const template = useMutation({ mutationFn: () => cyclesApi.actualsTemplate(ws, cycle.id), onError: (e) => message.error(errorMessage(e), 6) });
  const upload = useMutation({
    mutationFn: (file: File) => uploadActuals(ws, cycle.id, file, me?.csrfToken ?? null, setProgress),
    onSuccess: (r) => {
      message.success(t('cycles.import.done', { participants: r.participants, values: r.values }));
      void refresh();
    },
  });
  const choose = (file: File) => {
    setFileName(file.name);
    setProgress(0);
    upload.mutate(file);
    return false;
  };
  const rowErrors = isApiError(upload.error) && upload.error.code === 'import_failed' ? upload.error.details : null;
  const result = upload.data;

  return (
    <Modal open title={t('cycles.import.title', { name: cycle.name })} onCancel={onClose} footer={null} width={780} destroyOnHidden>
      <div data-testid="actuals-import">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t('cycles.import.intro')}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('cycles.import.columns')}
        </Typography.Paragraph>
        <Button
          type="link"
          icon={<DownloadOutlined />}
          loading={template.isPending}
          onClick={() => template.mutate()}
          style={{ paddingInline: 0, marginBottom: 12 }}
          data-testid="actuals-import-template"
        >
          {t('cycles.import.template')}
        </Button>
        {!result && (
          <Upload.Dragger accept=".xlsx,.csv" maxCount={1} showUploadList={false} beforeUpload={choose} disabled={upload.isPending} data-testid="actuals-import-file">
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
        )}
        {upload.isPending && (
          <div style={{ marginTop: 16 }} data-testid="actuals-import-progress">
            <Typography.Text>{t('cycles.import.uploading', { name: fileName ?? '' })}</Typography.Text>
            <Progress percent={Math.round(progress * 100)} status="active" />
            {progress >= 1 && <Typography.Text type="secondary">{t('cycles.import.checking')}</Typography.Text>}
          </div>
        )}
        {result && (
          <div data-testid="actuals-import-result" style={{ marginTop: 16 }}>
            <Alert type="success" showIcon title={t('cycles.import.doneTitle', { name: fileName ?? '' })} style={{ marginBottom: 12 }} />
            <Row gutter={16}>
              {(['rows', 'participants', 'values', 'notApplicable'] as const).map((k) => (
                <Col key={k} xs={12} sm={6}>
                  <Statistic title={t(`cycles.import.${k}`)} value={result[k]} />
                </Col>
              ))}
            </Row>
          </div>
        )}
        {upload.error && (
          <div style={{ marginTop: 16 }}>
            <FormAlert error={upload.error} />
            {rowErrors && rowErrors.length > 0 && <ImportErrorTable details={rowErrors} />}
          </div>
        )}
        <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }}>
          {result && (
            <Button onClick={() => upload.reset()} data-testid="actuals-import-again">
              {t('import.again')}
            </Button>
          )}
          <Button type={result ? 'primary' : 'default'} onClick={onClose} data-testid="actuals-import-close">
            {t('common.close')}
          </Button>
        </Space>
      </div>
    </Modal>
  );
}
