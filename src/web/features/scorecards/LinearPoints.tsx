import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import { newUid, toNum } from './card-draft.ts';
import { type DetailsPartProps, pctProps } from './details-part.ts';
import Field from './Field.tsx';

/** The points of a "linear" rule, between which the multiplier is interpolated. */
export default function LinearPoints({ d, issues, at, onChange }: DetailsPartProps) {
  const { t } = useTranslation();
  return (
    <div data-testid="rule-linear">
      <Typography.Text type="secondary">{t('scorecards.points')}</Typography.Text>
      {d.points.map((p, j) => (
        <Field key={p.uid} issues={issues} path={at('rule', 'points', j)}>
          <Space size={space.sm} data-testid="point-row">
            <InputNumber
              {...pctProps}
              value={p.r}
              onChange={(v) => onChange({ points: d.points.map((x) => (x.uid === p.uid ? { ...x, r: toNum(v) } : x)) })}
              aria-label={t('scorecards.threshold')}
              data-testid="point-r"
            />
            <span>→ ×</span>
            <InputNumber
              value={p.m}
              step={0.1}
              style={{ width: 90 }}
              onChange={(v) => onChange({ points: d.points.map((x) => (x.uid === p.uid ? { ...x, m: toNum(v) } : x)) })}
              aria-label={t('scorecards.multiplier')}
              data-testid="point-m"
            />
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('scorecards.removeRow')}
              disabled={d.points.length <= 2}
              onClick={() => onChange({ points: d.points.filter((x) => x.uid !== p.uid) })}
            />
          </Space>
        </Field>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginBottom: space.md }}
        onClick={() => {
          const last = d.points[d.points.length - 1];
          onChange({ points: [...d.points, { uid: newUid(), r: (last?.r ?? 100) + 20, m: last?.m ?? 1 }] });
        }}
      >
        {t('scorecards.addPoint')}
      </Button>
    </div>
  );
}
