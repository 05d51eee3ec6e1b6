import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../api.ts';
import type { IndicatorAction } from './indicators-queries.ts';

type Props = {
  indicator: Indicator;
  onEdit: (indicator: Indicator) => void;
  /** Copy and restore run at once; archive asks first. */
  onAction: (action: IndicatorAction, indicator: Indicator) => void;
};

/** A workspace indicator's actions: edit, copy, and archive or restore. */
export default function IndicatorRowActions({ indicator: i, onEdit, onAction }: Props) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => onEdit(i)} data-testid="indicator-edit">
        {t('common.edit')}
      </Button>
      <Button type="link" size="small" onClick={() => onAction('copy', i)} data-testid="indicator-copy">
        {t('indicators.copy')}
      </Button>
      {i.status === 'active' ? (
        <Button type="link" size="small" danger onClick={() => onAction('archive', i)} data-testid="indicator-archive">
          {t('indicators.archive')}
        </Button>
      ) : (
        <Button type="link" size="small" onClick={() => onAction('restore', i)} data-testid="indicator-restore">
          {t('indicators.restore')}
        </Button>
      )}
    </Space>
  );
}
