import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Progress, Space, Spin, Steps, Typography, Upload } from 'antd';
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
import ImportDone from './ImportDone.tsx';
import { followJob, isJobAccepted, type Job } from '../jobs/jobs-api.ts';
import JobProgressLine from '../jobs/JobProgressLine.tsx';
import ImportTargetFields, { type TargetValues } from './ImportTargetFields.tsx';
import PreviewSummary from './PreviewSummary.tsx';
import DateAndKeyColumns from './DateAndKeyColumns.tsx';

type Props = {
  ws: string;
  /** Import into this dataset (its page); null: a new dataset, or one chosen in step 2. */
  target: Dataset | null;
  /** Closed; with the dataset's id after a successful import. */
  onClose: (datasetId?: string) => void;
};

type Step = 'file' | 'target' | 'done';
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
  const [job, setJob] = useState<Job | null>(null);

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
      setJob(null);
      const options = { sheet, replace, onProgress: setProgress };
      const values = form.getFieldsValue(true) as TargetValues;
      const into = target?.id ?? (values.mode === 'existing' ? values.datasetId : undefined);
      const answer = into ? await datasetsApi.importInto(ws, into, file, options) : await datasetsApi.createAndImport(ws, datasetBody(values), file, options);
      // a large file goes on in the background: follow its rows as the server reads them
      return isJobAccepted(answer) ? followJob<DatasetImportResult>(ws, answer.job, setJob) : answer;
    },
    onSuccess: () => {
      setProgress(null);
      setJob(null);
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
      setJob(null);
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
      {importing && job ? (
        <JobProgressLine job={job} elapsed={elapsed} />
      ) : importing ? (
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
          <PreviewSummary
            preview={p}
            into={target?.name ?? null}
            sheet={sheet}
            onSheet={(next) => {
              setSheet(next);
              if (file) preview.mutate({ f: file, s: next });
            }}
          />
          <Typography.Title level={5}>{t('importWizard.columnsTitle')}</Typography.Title>
          <PreviewColumnsTable drafts={drafts} onChange={setDrafts} editable={target === null} />
          {target === null && <DateAndKeyColumns kept={kept} dateIdx={dateIdx} onDate={setDateIdx} keyIdx={keyIdx} onKeys={setKeyIdx} dateMissing={dateMissing} />}
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
      <ImportTargetFields form={form} datasets={datasets.data} loading={datasets.isPending} templateNames={templateNames} />
      {/* Enter in a field submits */}
      <button type="submit" hidden />
      {uploadState}
      {errors}
    </Form>
  );

  const result = run.data;
  const doneStep = result && <ImportDone ws={ws} result={result} />;

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
