import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail, TargetGrid } from '../../api.ts';
import type { Cell } from '../../components/grid-editing/grid-cells.ts';
import { space } from '../../theme.ts';

type Props = { refused: { cell: Cell; message: string }[]; unlocated: ErrorDetail[]; rows: TargetGrid['indicators'] };

/** Why the server saved no target: each refused cell by indicator and period, then the rest. */
export default function TargetsErrors({ refused, unlocated, rows }: Props) {
  const { t } = useTranslation();
  const count = refused.length + unlocated.length;
  if (count === 0) return null;
  const nameOf = (key: string) => rows.find((r) => r.key === key)?.name ?? key;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="targets-errors"
      title={t('scorecards.targetErrors', { count })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: space.lg }}>
          {refused.map(({ cell, message }) => (
            <li key={`${cell.row}\u0000${cell.col}`}>
              <b>{t('scorecards.cellLabel', { indicator: nameOf(cell.row), period: cell.col })}</b>
              {t('common.colon')}
              {message}
            </li>
          ))}
          {unlocated.map((d, i) => (
            <li key={`o${i}`}>{d.message}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: space.md }}
    />
  );
}
