import { Form, Modal, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import FormAlert from '../../components/FormAlert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { space } from '../../theme.ts';
import type { Dataset } from './datasets-api.ts';
import { useDatasets, useFilePreview, useImportTemplates } from './datasets-queries.ts';
import FileDrop from './FileDrop.tsx';
import FilePreview from './FilePreview.tsx';
import ImportDone from './ImportDone.tsx';
import ImportErrors from './ImportErrors.tsx';
import ImportFooter, { type ImportStep } from './ImportFooter.tsx';
import ImportProgress from './ImportProgress.tsx';
import ImportTargetFields, { type TargetValues } from './ImportTargetFields.tsx';
import { useColumnMapping } from './use-column-mapping.ts';
import { useElapsedSeconds } from './use-elapsed-seconds.ts';
import { isSameFile, useImportRun } from './use-import-run.ts';

type Props = {
  ws: string;
  /** Import into this dataset (its page); null: a new dataset, or one chosen in step 2. */
  target: Dataset | null;
  /** Closed; with the dataset's id after a successful import. */
  onClose: (datasetId?: string) => void;
};

/**
 * The import wizard (admins): pick a file → its preview (template recognised or types guessed,
 * the columns to keep, rename and type, the key and date columns, the first rows as stored with
 * their problems) → the dataset to save it to → the import with its progress and outcome.
 */
export default function ImportWizard({ ws, target, onClose }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const datasets = useDatasets(ws, target === null);
  const templates = useImportTemplates(ws, target === null);
  const templateNames = new Set((templates.data ?? []).flatMap((x) => [x.name['zh-CN'], x.name.en]));
  const [form] = Form.useForm<TargetValues>();
  const [step, setStep] = useState<ImportStep>('file');
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<number | null>(null);
  const mapping = useColumnMapping();
  const preview = useFilePreview(ws, target?.id);
  const p = preview.data;
  const datasetBody = (values: TargetValues) => mapping.datasetBody(values, p?.template?.key ?? null);
  const { run, start, job } = useImportRun({ ws, target, form, file, sheet, datasetBody, setProgress, onImported: () => setStep('done') });

  const readFile = (f: File, s?: string) =>
    preview.mutateAsync({ file: f, sheet: s, onProgress: setProgress }).then(
      (read) => {
        setProgress(null);
        mapping.startFrom(read);
        setSheet(read.sheet ?? undefined);
      },
      () => setProgress(null),
    );
  const choose = (f: File) => {
    setFile(f);
    setSheet(undefined);
    run.reset();
    readFile(f);
    return false as const;
  };

  // the seconds since the upload finished, while the server imports
  const importing = run.isPending && progress !== null && progress >= 1;
  const elapsed = useElapsedSeconds(importing);

  const defaultName = p?.template ? p.template.name[lang] || p.template.name['zh-CN'] : (file?.name.replace(/\.[^.]+$/, '') ?? '');
  const canContinue = !!p && !preview.isPending && mapping.kept.length > 0 && !mapping.namesBlank && (target !== null || !mapping.dateMissing);

  const toTarget = () => {
    form.setFieldsValue({ mode: 'new', name: defaultName, description: '', saveTemplate: false, templateName: '' });
    setStep('target');
  };

  const importError = run.error && !isSameFile(run.error) ? run.error : null;
  const uploadState = <ImportProgress fileName={file?.name ?? ''} progress={progress} running={run.isPending} importing={importing} job={job} elapsed={elapsed} />;

  const fileStep = (
    <>
      <FileDrop file={file} disabled={preview.isPending || run.isPending} onChoose={choose} />
      {preview.isPending && uploadState}
      {preview.isError && (
        <div style={{ marginTop: space.lg }}>
          <FormAlert error={preview.error} />
        </div>
      )}
      {p && !preview.isPending && <FilePreview preview={p} into={target?.name ?? null} sheet={sheet} onSheet={(next) => (setSheet(next), file && readFile(file, next))} mapping={mapping} />}
      {target && uploadState}
      {target && <ImportErrors error={importError} />}
    </>
  );

  const targetStep = (
    <Form<TargetValues> form={form} layout="vertical" onFinish={() => start(false)} disabled={run.isPending} data-testid="dataset-target-form">
      <ImportTargetFields form={form} datasets={datasets.data} loading={datasets.isPending} templateNames={templateNames} />
      {/* Enter in a field submits */}
      <button type="submit" hidden />
      {uploadState}
      <ImportErrors error={importError} />
    </Form>
  );

  const result = run.data;
  const steps = target ? [t('importWizard.stepFile'), t('importWizard.stepDone')] : [t('importWizard.stepFile'), t('importWizard.stepTarget'), t('importWizard.stepDone')];
  const current = step === 'file' ? 0 : step === 'target' ? 1 : steps.length - 1;
  const footer = (
    <ImportFooter
      step={step}
      into={target !== null}
      canContinue={canContinue}
      running={run.isPending}
      onCancel={() => onClose()}
      onBack={() => (run.reset(), setStep('file'))}
      onNext={toTarget}
      onRun={() => start(false)}
      onSubmit={() => form.submit()}
      onDone={() => onClose(result?.dataset.id)}
    />
  );

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
      <Steps size="small" current={current} items={steps.map((title) => ({ title }))} style={{ marginBottom: space.lg }} />
      {step === 'file' ? fileStep : step === 'target' ? targetStep : result && <ImportDone ws={ws} result={result} />}
    </Modal>
  );
}
