import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { onCancel: () => void; submitLabel?: string; loading: boolean; testId: string; danger?: boolean };

/** Cancel + submit at the foot of a form inside a modal; the submit button is the form's default (Enter). */
export default function FormButtons({ onCancel, submitLabel, loading, testId, danger = false }: Props) {
  const { t } = useTranslation();
  return (
    <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" danger={danger} htmlType="submit" loading={loading} data-testid={testId}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Space>
  );
}
