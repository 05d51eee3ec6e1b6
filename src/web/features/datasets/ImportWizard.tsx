import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, Form, Input, Modal, Progress, Radio, Result, Row, Select, Space, Spin, Statistic, Steps, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ErrorDetail, isApiError } from '../../api.ts';
import { confirmCancelProps, confirmOkProps } from '../../components/confirm-props.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { errorMessage } from '../../components/form-utils.ts';
import ImportErrorTable from '../../components/ImportErrorTable.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { type CreateDatasetBody, type Dataset, type DatasetImportResult, type DatasetPreview, datasetsApi, datasetsKey, useDatasets, useRefreshData } from './datasets-api.ts';
import { detailedMessage } from './labels.ts';
import { type ColumnDraft, draftsOf, PreviewColumnsTable, PreviewRowsTable, problemOf } from './PreviewTables.tsx';

type Props = {
  ws: string;
  /** Import into this dataset (its page); null: a new dataset, or one chosen in step 2. */
  target: Dataset | null;
  /** Closed; with the dataset's id after a successful import. */
  onClose: (datasetId?: string) => void;
};

type Step = 'file' | 'target' | 'done';
type TargetValues = { mode: 'new' | 'existing'; name: string; description: string; datasetId?: string; saveTemplate: boolean; templateName: string };
type ImportArgs = { replace: boolean };

const isSameFile = (e: unknown) => isApiError(e) && e.status === 409 && e.details.some((d) => d.code === 'dataset.same_file');

/**
 * The import wizard (admins): pick a file → its preview (template recognised or types guessed,
 * the columns to keep, rename and type, the key and date columns, the first rows as stored with
 * their problems) → the dataset to save it to → the import with its progress and outcome.
 */
export default function ImportWizard({ ws, target, onClose }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const lang = currentLanguage();
  const refresh = useRefreshData(ws);
  const datasets = useDatasets(ws, target === null);
  const templates = useQuery({ queryKey: [...datasetsKey(ws), 'templates'], queryFn: () => datasetsApi.templates(ws), enabled: target === null, staleTime: 60_000 });
  const templateNames = new Set((templates.data ?? []).flatMap((x) => [x.name['zh-CN'], x.name.en]));
  const [form] = Form.useForm<TargetValues>();
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<ColumnDraft[]>([]);
  const [keyIdx, setKeyIdx] = useState<number[]>([]);
  const [dateIdx, setDateIdx] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);

  const preview = useMutation({
    mutationFn: ({ f, s }: { f: File; s?: string }) => datasetsApi.preview(ws, f, { datasetId: target?.id, sheet: s, onProgress: setProgress }),
    onSuccess: (p) => {
      setProgress(null);
      const d = draftsOf(p);
      setDrafts(d);
      setKeyIdx(p.keyColumns.map((name) => p.columns.find((c) => c.name === name)?.index).filter((i): i is number => i !== undefined));
      setDateIdx(p.columns.find((c) => c.name === p.dateColumn)?.index ?? null);
      setSheet(p.sheet ?? undefined);
    },
    onError: () => setProgress(null),
  });
  const p: DatasetPreview | undefined = preview.data;

  const choose = (f: File) => {
    setFile(f);
    setSheet(undefined);
    run.reset();
    preview.mutate({ f });
    return false;
  };

  const kept = drafts.filter((d) => !d.ignored);
  const nameOf = (index: number) => drafts.find((d) => d.index === index)?.name.trim() ?? '';
  const datasetBody = (values: TargetValues): CreateDatasetBody => ({
    name: values.name,
    description: values.description ?? '',
    columns: kept.map((d) => {
      const name = d.name.trim();
      const renamed = name !== d.original.name;
      return {
        name,
        ...(!renamed && d.original.nameEn ? { nameEn: d.original.nameEn } : {}),
        type: d.type,
        snapshot: d.snapshot,
        // the file's header (and the template's aliases) still find the column when it was renamed
        aliases: [...new Set([...d.original.aliases, d.header, ...(renamed ? [d.original.name] : [])])].filter((a) => a.trim() !== '' && a !== name).slice(0, 20),
      };
    }),
    keyColumns: keyIdx.filter((i) => kept.some((d) => d.index === i)).map(nameOf),
    dateColumn: dateIdx === null ? '' : nameOf(dateIdx),
    templateKey: p?.template?.key ?? null,
  });

  const run = useMutation({
    mutationFn: async ({ replace }: ImportArgs): Promise<DatasetImportResult> => {
      if (!file) throw new Error('no file');
      setProgress(0);
      setElapsed(0);
      const options = { sheet, replace, onProgress: setProgress };
      if (target) return datasetsApi.importInto(ws, target.id, file, options);
      const values = form.getFieldsValue(true) as TargetValues;
      if (values.mode === 'existing' && values.datasetId) return datasetsApi.importInto(ws, values.datasetId, file, options);
      return datasetsApi.createAndImport(ws, datasetBody(values), file, options);
    },
    onSuccess: (result) => {
      setProgress(null);
      setStep('done');
      void refresh();
      const values = form.getFieldsValue(true) as TargetValues;
      if (!target && values.mode === 'new' && values.saveTemplate && values.templateName?.trim()) {
        const body = datasetBody(values);
        datasetsApi
          .saveTemplate(ws, { name: values.templateName.trim(), description: body.description, columns: body.columns, keyColumns: body.keyColumns, dateColumn: body.dateColumn })
          .then((tpl) => message.success(t('importWizard.templateSaved', { name: tpl.name[lang] || values.templateName })))
          .catch((e: unknown) => message.error(errorMessage(e), 6));
      }
    },
    onError: (e) => {
      setProgress(null);
      if (isSameFile(e)) {
        modal.confirm({
          title: t('importWizard.sameFileTitle'),
          content: detailedMessage(e),
          okText: t('importWizard.sameFileReplace'),
          okButtonProps: confirmOkProps,
          cancelButtonProps: confirmCancelProps,
          onOk: () => run.mutate({ replace: true }),
        });
      }
    },
  });

  // the seconds since the upload finished, while the server imports
  const importing = run.isPending && progress !== null && progress >= 1;
  useEffect(() => {
    if (!importing) return;
    const started = Date.now();
    const id = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(id);
  }, [importing]);

  const defaultName = p?.template ? p.template.name[lang] || p.template.name['zh-CN'] : (file?.name.replace(/\.[^.]+$/, '') ?? '');
  const problems = useMemo(() => (p ? p.rows.reduce((n, r) => n + r.cells.filter((c, i) => problemOf(c, p.columns[i]?.type ?? 'text', drafts[i], t)).length, 0) : 0), [p, drafts, t]);
  const dateMissing = kept.length > 0 && (dateIdx === null || !kept.some((d) => d.index === dateIdx && d.type === 'datetime'));
  const namesBlank = kept.some((d) => d.name.trim() === '');
  const canContinue = !!p && !preview.isPending && kept.length > 0 && !namesBlank && (target !== null || !dateMissing);

  const toTarget = () => {
    form.setFieldsValue({ mode: 'new', name: defaultName, description: '', saveTemplate: false, templateName: '' });
    setStep('target');
  };

  const importError = run.error && !isSameFile(run.error) ? run.error : null;
  const rowErrors: ErrorDetail[] = isApiError(importError) && importError.code === 'import_failed' ? importError.details : [];
  const fieldErrors: ErrorDetail[] = isApiError(importError) && importError.code === 'validation_failed' ? importError.details : [];

  const uploadState = (progress !== null || importing) && (
    <div style={{ marginTop: 16 }} data-testid="dataset-import-progress">
      {importing ? (
        <Space>
          <Spin size="small" />
          <Typography.Text>{t('importWizard.importing', { seconds: elapsed })}</Typography.Text>
        </Space>
      ) : (
        <>
          <Typography.Text>{run.isPending ? t('importWizard.uploading', { name: file?.name ?? '' }) : t('importWizard.reading', { name: file?.name ?? '' })}</Typography.Text>
          <Progress percent={Math.round((progress ?? 0) * 100)} status="active" />
        </>
      )}
    </div>
  );

  const errors = (
    <>
      {importError != null && (
        <div style={{ marginTop: 16 }} data-testid="dataset-import-error">
          <FormAlert error={importError} />
          {fieldErrors.length > 0 && (
            <ul style={{ marginTop: -8 }}>
              {fieldErrors.map((d, i) => (
                <li key={i}>{d.message}</li>
              ))}
            </ul>
          )}
          {rowErrors.length > 0 && <ImportErrorTable details={rowErrors} />}
        </div>
      )}
    </>
  );

  const fileStep = (
    <>
      <Upload.Dragger accept=".csv,.xlsx" maxCount={1} beforeUpload={choose} showUploadList={false} disabled={preview.isPending || run.isPending} data-testid="dataset-file">
        {!file && (
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
        )}
        <p className="ant-upload-text">{file ? file.name : t('importWizard.drop')}</p>
        <p className="ant-upload-hint">{t('importWizard.dropHint')}</p>
      </Upload.Dragger>
      {preview.isPending && uploadState}
      {preview.isError && (
        <div style={{ marginTop: 16 }}>
          <FormAlert error={preview.error} />
        </div>
      )}
      {p && !preview.isPending && (
        <div style={{ marginTop: 16 }} data-testid="dataset-preview">
          <Space wrap size={[16, 8]} style={{ marginBottom: 12 }}>
            {target ? (
              <Alert type="info" showIcon title={t('importWizard.intoDataset', { name: target.name })} />
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
                  onChange={(s) => {
                    setSheet(s);
                    if (file) preview.mutate({ f: file, s });
                  }}
                  aria-label={t('importWizard.sheet')}
                  data-testid="preview-sheet"
                />
              </Space>
            )}
          </Space>
          <Typography.Title level={5}>{t('importWizard.columnsTitle')}</Typography.Title>
          <PreviewColumnsTable drafts={drafts} onChange={setDrafts} editable={target === null} />
          {target === null && (
            <Row gutter={16} style={{ marginTop: 12 }}>
              <Col xs={24} md={12}>
                <Form.Item label={t('importWizard.dateColumn')} help={dateMissing ? t('importWizard.dateColumnMissing') : t('importWizard.dateColumnHint')} validateStatus={dateMissing ? 'error' : undefined} layout="vertical">
                  <Select
                    value={dateIdx ?? undefined}
                    onChange={(v: number) => setDateIdx(v)}
                    options={kept.filter((d) => d.type === 'datetime').map((d) => ({ value: d.index, label: d.name || d.header }))}
                    aria-label={t('importWizard.dateColumn')}
                    data-testid="preview-date-column"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('importWizard.keyColumns')} help={t('importWizard.keyColumnsHint')} layout="vertical">
                  <Select
                    mode="multiple"
                    maxCount={5}
                    value={keyIdx.filter((i) => kept.some((d) => d.index === i))}
                    onChange={(v: number[]) => setKeyIdx(v)}
                    options={kept.map((d) => ({ value: d.index, label: d.name || d.header }))}
                    aria-label={t('importWizard.keyColumns')}
                    data-testid="preview-key-columns"
                  />
                </Form.Item>
              </Col>
            </Row>
          )}
          {p.ignoredHeaders.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('importWizard.ignoredHeaders', { headers: p.ignoredHeaders.join(t('common.enumSeparator')) })}
            </Typography.Paragraph>
          )}
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t('importWizard.rowsTitle')}
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
              {t('importWizard.rowsRead', { rows: p.rowsRead })}
            </Typography.Text>
          </Typography.Title>
          {problems > 0 && <Alert type="warning" showIcon title={t('importWizard.problems', { count: problems })} style={{ marginBottom: 8 }} data-testid="preview-problems" />}
          <PreviewRowsTable preview={p} drafts={drafts} />
        </div>
      )}
      {target && uploadState}
      {target && errors}
    </>
  );

  const targetStep = (
    <Form<TargetValues> form={form} layout="vertical" onFinish={() => run.mutate({ replace: false })} disabled={run.isPending} data-testid="dataset-target-form">
      <Form.Item name="mode">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'new', label: t('importWizard.newDataset') },
            { value: 'existing', label: t('importWizard.existingDataset'), disabled: !datasets.data?.length },
          ]}
          data-testid="target-mode"
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['mode', 'saveTemplate']}>
        {({ getFieldValue }) =>
          getFieldValue('mode') === 'existing' ? (
            <Form.Item name="datasetId" label={t('importWizard.pickDataset')} rules={[{ required: true, message: t('field.required') }]}>
              <Select options={(datasets.data ?? []).map((d) => ({ value: d.id, label: d.name }))} loading={datasets.isPending} data-testid="target-dataset" />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="name" label={t('importWizard.datasetName')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 100 }]}>
                <Input maxLength={100} data-testid="target-name" />
              </Form.Item>
              <Form.Item name="description" label={t('importWizard.description')}>
                <Input.TextArea rows={2} maxLength={2000} placeholder={t('importWizard.descriptionPlaceholder')} />
              </Form.Item>
              <Space align="start" wrap>
                <Form.Item name="saveTemplate" valuePropName="checked">
                  <Checkbox
                    data-testid="target-save-template"
                    onChange={(e) => {
                      if (e.target.checked && !form.getFieldValue('templateName')) form.setFieldValue('templateName', form.getFieldValue('name'));
                    }}
                  >{t('importWizard.saveTemplate')}</Checkbox>
                </Form.Item>
                {getFieldValue('saveTemplate') && (
                  <Form.Item
                    name="templateName"
                    rules={[
                      { required: true, whitespace: true, message: t('field.required') },
                      { validator: async (_r, v: string | undefined) => { if (v && templateNames.has(v.trim())) throw new Error(t('importWizard.templateNameTaken')); } },
                    ]}
                    style={{ minWidth: 260 }}
                  >
                    <Input maxLength={100} placeholder={t('importWizard.templateName')} aria-label={t('importWizard.templateName')} />
                  </Form.Item>
                )}
              </Space>
            </>
          )
        }
      </Form.Item>
      {/* Enter in a field submits */}
      <button type="submit" hidden />
      {uploadState}
      {errors}
    </Form>
  );

  const result = run.data;
  const doneStep = result && (
    <Result
      status="success"
      title={t('importWizard.doneTitle', { rows: result.batch.rowCount, name: result.dataset.name })}
      data-testid="dataset-import-done"
      extra={
        <Row gutter={16} style={{ maxWidth: 480, margin: '0 auto', textAlign: 'center' }}>
          <Col span={8}>
            <Statistic title={t('importWizard.doneRows')} value={result.batch.rowCount} />
          </Col>
          <Col span={8}>
            <Statistic title={t('importWizard.doneReplaced')} value={result.replaced} />
          </Col>
          <Col span={8}>
            <Statistic title={t('importWizard.doneCycles')} value={result.refreshedCycles} />
          </Col>
        </Row>
      }
    />
  );

  const footer =
    step === 'done' ? (
      <Button type="primary" onClick={() => onClose(result?.dataset.id)} data-testid="import-open-dataset" autoFocus>
        {target ? t('common.close') : t('importWizard.openDataset')}
      </Button>
    ) : step === 'target' ? (
      <Space>
        <Button onClick={() => (run.reset(), setStep('file'))} disabled={run.isPending}>
          {t('importWizard.back')}
        </Button>
        <Button type="primary" loading={run.isPending} onClick={() => form.submit()} data-testid="import-run">
          {t('importWizard.import')}
        </Button>
      </Space>
    ) : (
      <Space>
        <Button onClick={() => onClose()} data-testid="import-cancel">
          {t('common.cancel')}
        </Button>
        {target ? (
          <Button type="primary" disabled={!canContinue} loading={run.isPending} onClick={() => run.mutate({ replace: false })} data-testid="import-run">
            {t('importWizard.import')}
          </Button>
        ) : (
          <Button type="primary" disabled={!canContinue} onClick={toTarget} data-testid="import-next">
            {t('importWizard.next')}
          </Button>
        )}
      </Space>
    );

  const steps = target ? [t('importWizard.stepFile'), t('importWizard.stepDone')] : [t('importWizard.stepFile'), t('importWizard.stepTarget'), t('importWizard.stepDone')];
  const current = step === 'file' ? 0 : step === 'target' ? 1 : steps.length - 1;

  return (
    <Modal
      open
      title={target ? t('importWizard.titleInto', { name: target.name }) : t('importWizard.title')}
      onCancel={() => (step === 'done' ? onClose(result?.dataset.id) : onClose())}
      maskClosable={false}
      footer={footer}
      width={1040}
      destroyOnHidden
      data-testid="dataset-import"
    >
      <Steps size="small" current={current} items={steps.map((title) => ({ title }))} style={{ marginBottom: 16 }} />
      {step === 'file' ? fileStep : step === 'target' ? targetStep : doneStep}
    </Modal>
  );
}
