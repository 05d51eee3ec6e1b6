import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Form, Input, Modal, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ErrorDetail, isApiError, type ScorecardTemplate, type TemplatePeriod } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import ImportErrorTable from '../../components/ImportErrorTable.tsx';
import { space } from '../../theme.ts';
import { formatPath, PERIODS, stripPath } from './labels.ts';
import { useImportTemplate } from './scorecards-queries.ts';

type Props = { ws: string; onClose: () => void; onImported: (template: ScorecardTemplate) => void };
type Chosen = { name: string; json: unknown } | { name: string; error: string };

/** Imports a kedu.scorecard/v1 file as a new template; every located problem of a refused file in a table. */
export default function ImportTemplateModal({ ws, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<Chosen | null>(null);
  const [name, setName] = useState('');
  const [period, setPeriod] = useState<TemplatePeriod | undefined>(undefined);

  const run = useImportTemplate(ws);
  // mutateAsync: an import that succeeds is told even if choosing another file reset the mutation meanwhile
  const submit = () =>
    run.mutateAsync(file && 'json' in file ? { json: file.json, name: name.trim() || undefined, period } : { missing: t('scorecards.chooseFile') }).then(
      (template) => {
        message.success(t('scorecards.imported', { name: template.name }));
        onImported(template);
      },
      () => undefined, // shown below (run.error)
    );

  const choose = async (f: File) => {
    run.reset();
    const text = await f.text();
    try {
      setFile({ name: f.name, json: JSON.parse(text) as unknown });
    } catch (e) {
      setFile({ name: f.name, error: t('scorecards.notJson', { name: f.name, message: (e as Error).message }) });
    }
    return false;
  };

  const details: ErrorDetail[] = isApiError(run.error) ? run.error.details : [];
  const count = file && 'json' in file ? (file.json as { indicators?: unknown[] } | null)?.indicators?.length ?? 0 : 0;

  return (
    <Modal
      open
      title={t('scorecards.importTitle')}
      onCancel={onClose}
      onOk={() => submit()}
      okText={t('scorecards.importSubmit')}
      okButtonProps={{ disabled: !file || !('json' in file), loading: run.isPending, ...({ 'data-testid': 'import-submit' } as object) }}
      width={720}
      destroyOnHidden
      data-testid="import-modal"
    >
      <Typography.Paragraph type="secondary">{t('scorecards.importHint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".json,application/json"
        multiple={false}
        showUploadList={false}
        beforeUpload={(f) => choose(f)}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? file.name : t('scorecards.chooseFile')}</p>
        {file && 'json' in file && <p className="ant-upload-hint" data-testid="import-chosen">{t('scorecards.fileChosen', { name: file.name, count })}</p>}
      </Upload.Dragger>
      {file && 'error' in file && <Alert type="error" showIcon title={file.error} style={{ marginTop: space.md }} data-testid="import-not-json" />}
      <Form layout="vertical" style={{ marginTop: space.lg }} onFinish={() => submit()}>
        <Form.Item label={`${t('scorecards.importName')} (${t('common.optional')})`} extra={t('scorecards.importNameHelp')}>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} data-testid="import-name" />
        </Form.Item>
        <Form.Item label={`${t('scorecards.importPeriod')} (${t('common.optional')})`} extra={t('scorecards.importPeriodHelp')}>
          <Select<TemplatePeriod>
            allowClear
            value={period}
            onChange={setPeriod}
            options={PERIODS.map((p) => ({ value: p, label: t(`scorecards.periods.${p}`) }))}
            data-testid="import-period"
          />
        </Form.Item>
      </Form>
      {run.error && details.length === 0 && <FormAlert error={run.error} />}
      {details.length > 0 && (
        <ImportErrorTable
          details={details}
          heading={<Alert type="error" showIcon title={t('scorecards.importErrors', { count: details.length })} style={{ marginBottom: space.sm }} />}
          columns={[
            {
              title: t('scorecards.errorPath'),
              key: 'path',
              width: 220,
              render: (_: unknown, d) => <Typography.Text code>{formatPath(stripPath(d.path, 'body', 'query')) || '—'}</Typography.Text>,
            },
            { title: t('scorecards.errorMessage'), dataIndex: 'message' },
          ]}
        />
      )}
    </Modal>
  );
}
