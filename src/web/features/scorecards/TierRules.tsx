import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import { newUid, toNum } from './card-draft.ts';
import { type DetailsPartProps, pctProps } from './details-part.ts';
import Field from './Field.tsx';

/** The tiers of a "tiers" rule: from an achievement on, the multiplier; and what happens below the first. */
export default function TierRules({ d, issues, at, onChange }: DetailsPartProps) {
  const { t } = useTranslation();
  return (
    <div data-testid="rule-tiers">
      {d.tiers.map((tier, j) => (
        <Field key={tier.uid} issues={issues} path={at('rule', 'tiers', j)}>
          <Space wrap size={space.sm} data-testid="tier-row">
            <Select
              value={tier.bound}
              onChange={(bound) => onChange({ tiers: d.tiers.map((x) => (x.uid === tier.uid ? { ...x, bound } : x)) })}
              options={(['atLeast', 'above'] as const).map((b) => ({ value: b, label: t(`scorecards.tierBound.${b}`) }))}
              style={{ width: 140 }}
              aria-label={t('scorecards.threshold')}
              data-testid="tier-bound"
            />
            <InputNumber
              {...pctProps}
              value={tier.threshold}
              onChange={(v) => onChange({ tiers: d.tiers.map((x) => (x.uid === tier.uid ? { ...x, threshold: toNum(v) } : x)) })}
              aria-label={t('scorecards.threshold')}
              data-testid="tier-threshold"
            />
            <span>→ ×</span>
            <InputNumber
              value={tier.multiplier}
              step={0.1}
              style={{ width: 90 }}
              onChange={(v) => onChange({ tiers: d.tiers.map((x) => (x.uid === tier.uid ? { ...x, multiplier: toNum(v) } : x)) })}
              aria-label={t('scorecards.multiplier')}
              data-testid="tier-multiplier"
            />
            <Button
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('scorecards.removeRow')}
              disabled={d.tiers.length <= 1}
              onClick={() => onChange({ tiers: d.tiers.filter((x) => x.uid !== tier.uid) })}
            />
          </Space>
        </Field>
      ))}
      <Space wrap style={{ marginBottom: space.md }}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => {
            const last = d.tiers[d.tiers.length - 1];
            onChange({ tiers: [...d.tiers, { uid: newUid(), bound: 'atLeast', threshold: (last?.threshold ?? 80) + 20, multiplier: (last?.multiplier ?? 1) + 0.2 }] });
          }}
          data-testid="tier-add"
        >
          {t('scorecards.addTier')}
        </Button>
        <span>{t('scorecards.below')}</span>
        <Select
          size="small"
          value={d.below}
          onChange={(below) => onChange({ below })}
          options={(['proportional', 'zero'] as const).map((b) => ({ value: b, label: t(`scorecards.belows.${b}`) }))}
          style={{ width: 110 }}
          aria-label={t('scorecards.below')}
          data-testid="tier-below"
        />
      </Space>
    </div>
  );
}
