import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../theme.ts';

type Props = {
  /** Names the formula uses that have no term yet. */
  missing: string[];
  /** Terms the formula does not use. */
  unused: string[];
  /** Adds a term for a missing name; without it, missing names are not offered. */
  onAddTerm?: (name: string) => void;
};

/** Under the checked formula: a button per name without a term, and the terms it leaves unused. */
export default function FormulaTermHints({ missing, unused, onAddTerm }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {missing.length > 0 && onAddTerm && (
        <div data-testid="formula-missing-terms" style={{ marginTop: space.xs }}>
          <Typography.Text type="secondary">{t('indicators.missingTerms')}</Typography.Text>{' '}
          {missing.map((name) => (
            <Button
              key={name}
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => onAddTerm(name)}
              data-testid="formula-add-term"
              data-name={name}
              style={{ marginInlineEnd: space.xs, marginTop: space.xs }}
            >
              {t('indicators.addTermFor', { name })}
            </Button>
          ))}
        </div>
      )}
      {unused.length > 0 && (
        <Typography.Text type="secondary" data-testid="formula-unused-terms" style={{ display: 'block', marginTop: space.xs }}>
          {t('indicators.unusedTerms', { names: unused.join(t('common.enumSeparator')) })}
        </Typography.Text>
      )}
    </>
  );
}
