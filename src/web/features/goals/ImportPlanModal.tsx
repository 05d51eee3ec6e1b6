import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ErrorDetail, isApiError } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import ImportErrorTable from '../../components/ImportErrorTable.tsx';
import { space } from '../../theme.ts';
import type { Plan } from './goals-api.ts';
import { useImportPlan } from './goals-queries.ts';

type Row = ErrorDetail & { key: number };

/** Reads the chosen file as JSON; a file that is not JSON is refused here, before it is sent. */
async function readJson(file: File): Promise<unknown> {
  const text = await file.text();
  return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
}

/** Imports a `kedu.plan/v1` file (admins): all or nothing, every problem located by its path in the file. */
export default function ImportPlanModal({ ws, onClose }: { ws: string; onClose: (plan?: Plan) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const run = useImportPlan(ws);
  const read = async (f: File) => {
    try {
      return await readJson(f);
    } catch {
      throw new Error(t('goals.import.notJson', { name: f.name }));
    }
  };
  const start = (f: File) =>
    run.mutate(() => read(f), {
      onSuccess: (plan) => {
        message.success(t('goals.import.done', { name: plan.name, count: plan.goalCount }));
        onClose(plan);
      },
    });
  const details = isApiError(run.error) ? run.error.details : [];

  return (
    <Modal open title={t('goals.import.title')} onCancel={() => onClose()} footer={null} destroyOnHidden width={720}>
      <Typography.Paragraph type="secondary">{t('goals.import.intro')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".json,application/json"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          run.reset();
          return false; // sent when the user confirms
        }}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        onRemove={() => setFile(null)}
        data-testid="plan-import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('goals.import.drop')}</p>
        <p className="ant-upload-hint">{t('goals.import.dropHint')}</p>
      </Upload.Dragger>
      {run.error && (
        <div style={{ marginTop: space.lg }} data-testid="plan-import-error">
          <FormAlert error={run.error} />
          {details.length > 0 && (
            <ImportErrorTable
              details={details}
              heading={<Alert type="warning" showIcon title={t('goals.import.nothingImported')} style={{ marginBottom: space.sm }} />}
              columns={[
                { title: t('goals.import.where'), dataIndex: 'path', width: 220, render: (p: Row['path']) => <Typography.Text code>{(p ?? []).filter((x) => x !== 'body').join(' › ') || '—'}</Typography.Text> },
                { title: t('import.message'), dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: space.lg }}>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => file && start(file)} data-testid="plan-import-run">
          {t('goals.import.run')}
        </Button>
      </Space>
    </Modal>
  );
}
