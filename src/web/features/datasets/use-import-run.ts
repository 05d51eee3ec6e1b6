import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api.ts';
import { confirmCancelProps, confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { Job } from '../jobs/jobs-api.ts';
import type { CreateDatasetBody, Dataset } from './datasets-api.ts';
import { useImportFile, useSaveImportTemplate } from './datasets-queries.ts';
import type { TargetValues } from './ImportTargetFields.tsx';
import { detailedMessage } from './labels.ts';

/** The server refused the file as one imported before: the admin may replace that import's rows. */
export const isSameFile = (e: unknown) => isApiError(e) && e.status === 409 && e.details.some((d) => d.code === 'dataset.same_file');

type Options = {
  ws: string;
  target: Dataset | null;
  form: FormInstance<TargetValues>;
  file: File | null;
  sheet: string | undefined;
  /** The new dataset the target step's values make, with the file's columns as mapped. */
  datasetBody: (values: TargetValues) => CreateDatasetBody;
  setProgress: (fraction: number | null) => void;
  onImported: () => void;
};

/**
 * The import wizard's import: the file into the target (or the dataset chosen, or a new one),
 * its upload's progress and its job's; refused as the same file as before, it asks to replace
 * that import; done, it keeps the new dataset's mapping as a template when the admin asked.
 */
export function useImportRun({ ws, target, form, file, sheet, datasetBody, setProgress, onImported }: Options) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const lang = currentLanguage();
  const run = useImportFile(ws);
  const saveTemplate = useSaveImportTemplate(ws);
  const [job, setJob] = useState<Job | null>(null);

  const keepAsTemplate = (values: TargetValues) => {
    const body = datasetBody(values);
    saveTemplate
      .mutateAsync({ name: values.templateName.trim(), description: body.description, columns: body.columns, keyColumns: body.keyColumns, dateColumn: body.dateColumn })
      .then((tpl) => message.success(t('importWizard.templateSaved', { name: tpl.name[lang] || values.templateName })))
      .catch((e: unknown) => message.error(errorMessage(e), 6));
  };

  const start = (replace: boolean) => {
    setProgress(0);
    setJob(null);
    const values = form.getFieldsValue(true) as TargetValues;
    const into = target?.id ?? (values.mode === 'existing' ? values.datasetId : undefined);
    // on the promise, not mutate's callbacks: the template is kept even when the wizard was closed during the import
    run.mutateAsync({ file, into, dataset: datasetBody(values), sheet, replace, onProgress: setProgress, onJob: setJob }).then(
      () => {
        setProgress(null);
        setJob(null);
        onImported();
        const now = form.getFieldsValue(true) as TargetValues;
        if (!target && now.mode === 'new' && now.saveTemplate && now.templateName?.trim()) keepAsTemplate(now);
      },
      (e: unknown) => {
        setProgress(null);
        setJob(null);
        if (!isSameFile(e)) return;
        modal.confirm({
          title: t('importWizard.sameFileTitle'),
          content: detailedMessage(e),
          okText: t('importWizard.sameFileReplace'),
          okButtonProps: confirmOkProps,
          cancelButtonProps: confirmCancelProps,
          onOk: () => start(true),
        });
      },
    );
  };

  return { run, start, job };
}
