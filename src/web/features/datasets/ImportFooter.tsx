import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export type ImportStep = 'file' | 'target' | 'done';

type Props = {
  step: ImportStep;
  /** Importing into a dataset (its page): no target step, the file step imports at once. */
  into: boolean;
  canContinue: boolean;
  running: boolean;
  onCancel: () => void;
  onBack: () => void;
  onNext: () => void;
  /** Imports from the file step (into a dataset). */
  onRun: () => void;
  /** Submits the target step's form (which imports). */
  onSubmit: () => void;
  onDone: () => void;
};

/** The wizard's buttons for each step: cancel and next (or import), back and import, then open the dataset (or close). */
export default function ImportFooter({ step, into, canContinue, running, onCancel, onBack, onNext, onRun, onSubmit, onDone }: Props) {
  const { t } = useTranslation();
  if (step === 'done') {
    return (
      <Button type="primary" onClick={onDone} data-testid="import-open-dataset" autoFocus>
        {into ? t('common.close') : t('importWizard.openDataset')}
      </Button>
    );
  }
  if (step === 'target') {
    return (
      <Space>
        <Button onClick={onBack} disabled={running}>
          {t('importWizard.back')}
        </Button>
        <Button type="primary" loading={running} onClick={onSubmit} data-testid="import-run">
          {t('importWizard.import')}
        </Button>
      </Space>
    );
  }
  return (
    <Space>
      <Button onClick={onCancel} data-testid="import-cancel">
        {t('common.cancel')}
      </Button>
      {into ? (
        <Button type="primary" disabled={!canContinue} loading={running} onClick={onRun} data-testid="import-run">
          {t('importWizard.import')}
        </Button>
      ) : (
        <Button type="primary" disabled={!canContinue} onClick={onNext} data-testid="import-next">
          {t('importWizard.next')}
        </Button>
      )}
    </Space>
  );
}
