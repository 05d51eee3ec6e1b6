import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

type SaveState = { dirty: boolean; invalid: boolean; saving: boolean; saved: boolean; onSave: () => void };

/** A row's save button while it has edits, "saved" just after. */
export default function RowSaveState({ dirty, invalid, saving, saved, onSave }: SaveState) {
  const { t } = useTranslation();
  if (dirty) {
    return (
      <Button type="primary" size="small" loading={saving} disabled={invalid} onClick={onSave} data-testid="row-save">
        {t('common.save')}
      </Button>
    );
  }
  if (!saved) return null;
  return (
    <Tag color="success" icon={<CheckCircleFilled />} data-testid="row-saved">
      {t('common.saved')}
    </Tag>
  );
}
