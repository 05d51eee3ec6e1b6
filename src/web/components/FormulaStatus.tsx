import { CheckCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../theme.ts';
import type { CheckedFormula } from './use-checked-formula.ts';

/** Under the formula: "checking…", why the check could not run, or "correct". */
export default function FormulaStatus({ empty, check }: { empty: boolean; check: CheckedFormula }) {
  const { t } = useTranslation();
  const { settling, current, diagnostics, error } = check;
  const state = settling ? 'checking' : current && diagnostics.length === 0 ? 'ok' : 'problems';
  return (
    <div data-testid="formula-status" data-state={state} style={{ minHeight: 22, marginTop: space.xxs }}>
      {empty ? null : settling && diagnostics.length === 0 ? (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('indicators.checking')}
        </Typography.Text>
      ) : error ? (
        <Typography.Text type="danger">{error.message}</Typography.Text>
      ) : check.ok ? (
        <Typography.Text type="success" data-testid="formula-ok">
          <CheckCircleOutlined /> {t('indicators.formulaOk')}
        </Typography.Text>
      ) : null}
    </div>
  );
}
