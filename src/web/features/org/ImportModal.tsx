import { App, Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../api.ts';
import FileImport from '../../components/FileImport.tsx';
import { orgApi } from './org-api.ts';
import { useImportPeople } from './org-queries.ts';

const FIGURES = ['rows', 'created', 'updated', 'unitsCreated', 'positionsCreated'] as const;

/**
 * Import people from .xlsx/.csv in two steps: a dry run that reports what would
 * change (or every error with its row and column), then the real import.
 */
export default function ImportModal({ ws, open, onClose }: { ws: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const run = useImportPeople(ws);
  const result: ImportResult | undefined = run.data;
  const done = result && !result.dryRun;

  const choose = (f: File | null) => {
    setFile(f); // nothing is uploaded until "Preview"
    run.reset();
  };
  const send = (dryRun: boolean) =>
    file &&
    run.mutate(
      { f: file, dryRun },
      {
        onSuccess: (r) => {
          if (!dryRun) message.success(t('import.done', { rows: r.rows }));
        },
      },
    );
  const close = () => {
    onClose();
    choose(null);
  };

  const actions = done ? (
    <Button type="primary" onClick={close} data-testid="import-close">
      {t('common.close')}
    </Button>
  ) : (
    <>
      <Button onClick={close}>{t('common.cancel')}</Button>
      <Button
        disabled={!file}
        loading={run.isPending && run.variables?.dryRun}
        onClick={() => send(true)}
        type={result ? 'default' : 'primary'}
        data-testid="import-preview"
      >
        {t('import.preview')}
      </Button>
      {result?.dryRun && (
        <Button type="primary" loading={run.isPending && !run.variables?.dryRun} onClick={() => send(false)} data-testid="import-confirm">
          {t('import.confirm')}
        </Button>
      )}
    </>
  );

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} footer={null} width={760} destroyOnHidden>
      <FileImport
        testId="import"
        intro={t('import.intro')}
        columns={t('import.columns')}
        templateLabel={t('import.template')}
        downloadTemplate={() => orgApi.people.template(ws)}
        file={file}
        onChoose={choose}
        onRemove={() => choose(null)}
        canChoose={!done}
        outcome={
          result && {
            type: done ? 'success' : 'info',
            title: done ? t('import.doneTitle') : t('import.previewTitle'),
            stats: FIGURES.map((k) => ({ key: k, label: t(`import.${k}`), value: result[k] })),
            col: { xs: 12, sm: 8, md: 4, style: { minWidth: 120 } },
          }
        }
        error={run.error}
        actions={actions}
      />
    </Modal>
  );
}
