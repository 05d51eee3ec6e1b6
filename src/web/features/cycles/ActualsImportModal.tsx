import { App, Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../api.ts';
import FileImport from '../../components/FileImport.tsx';
import { useImportActuals } from './cycles-queries.ts';
import { cyclesApi } from './cycles-api.ts';

const FIGURES = ['rows', 'participants', 'values', 'notApplicable'] as const;

/**
 * Upload a filled actuals file (.xlsx/.csv). All or nothing: a file with any problem writes
 * nothing and every problem is listed with its row, column and value.
 */
export default function ActualsImportModal({ ws, cycle, onClose }: { ws: string; cycle: Cycle; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportActuals(ws, cycle.id, setProgress);
  const choose = (f: File) => {
    setFile(f);
    setProgress(0);
    upload.mutate(f, { onSuccess: (r) => void message.success(t('cycles.import.done', { participants: r.participants, values: r.values })) });
  };
  const result = upload.data;

  return (
    <Modal open title={t('cycles.import.title', { name: cycle.name })} onCancel={onClose} footer={null} width={780} destroyOnHidden>
      <div data-testid="actuals-import">
        <FileImport
          testId="actuals-import"
          intro={t('cycles.import.intro')}
          columns={t('cycles.import.columns')}
          templateLabel={t('cycles.import.template')}
          downloadTemplate={() => cyclesApi.actualsTemplate(ws, cycle.id)}
          file={file}
          onChoose={choose}
          canChoose={!result}
          disabled={upload.isPending}
          progress={upload.isPending ? progress : null}
          outcome={
            result && {
              type: 'success',
              title: t('cycles.import.doneTitle', { name: file?.name ?? '' }),
              stats: FIGURES.map((k) => ({ key: k, label: t(`cycles.import.${k}`), value: result[k] })),
              col: { xs: 12, sm: 6 },
            }
          }
          error={upload.error}
          actions={
            <>
              {result && (
                <Button onClick={() => upload.reset()} data-testid="actuals-import-again">
                  {t('import.again')}
                </Button>
              )}
              <Button type={result ? 'primary' : 'default'} onClick={onClose} data-testid="actuals-import-close">
                {t('common.close')}
              </Button>
            </>
          }
        />
      </div>
    </Modal>
  );
}
