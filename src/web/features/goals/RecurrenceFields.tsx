import { UndoOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Radio, Tag, theme, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type GoalPeriod, RECURRENCES } from '../../../core/goals/recurrence.ts';
import { groupDigits, ungroupDigits } from '../../components/number-input.ts';
import { type GoalValues, periodDefaults } from './goal-form.ts';
import { fontSize, space } from '../../theme.ts';

type Props = { values: GoalValues | undefined; additive: boolean; hints: (field: string) => ReactNode };

/** A month shows its days only when the goal's span cuts it; a week or a quarter always does. */
function showsDays(p: GoalPeriod, monthly: boolean): boolean {
  if (!monthly) return true;
  const next = new Date(`${p.endsOn}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return p.startsOn.slice(8) !== '01' || next.getUTCDate() !== 1;
}

/**
 * Does the goal recur (every week, month or quarter of its span)? When it does, every period of
 * the span with its own target, prefilled with the goal's: only the ones set apart are sent.
 */
export default function RecurrenceFields({ values, additive, hints }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const form = Form.useFormInstance<GoalValues>();
  const periods = periodDefaults(values, additive);
  const monthly = values?.recurrence === 'month';
  const options = (['none', ...RECURRENCES] as const).map((r) => ({ value: r, label: t(`goals.recurrence.${r}`) }));

  return (
    <>
      <Form.Item name="recurrence" label={t('goals.form.recurrence')} extra={<>{t('goals.form.recurrenceHint')}{hints('recurrence')}</>}>
        <Radio.Group optionType="button" options={options} data-testid="goal-recurrence" />
      </Form.Item>
      {periods.length > 0 && (
        <div style={{ marginBottom: space.xl }} data-testid="period-targets">
          <Typography.Text strong id="period-targets-title">{t('goals.form.periodTargets', { count: periods.length })}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '2px 0 8px', fontSize: fontSize.small }}>
            {t('goals.form.periodTargetsHint')}
          </Typography.Paragraph>
          {/* biome-ignore lint/a11y/useSemanticElements: a grid of inputs, without a fieldset's border and legend */}
          <div
            role="group"
            aria-labelledby="period-targets-title"
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(132px, 1fr))', gap: '0 12px', maxHeight: 300, overflowY: 'auto', paddingInlineEnd: space.xs }}
          >
            {periods.map(({ period: p, target }) => {
              const value = values?.periodTargets?.[p.label];
              const own = value !== null && value !== undefined && value !== target;
              const days = showsDays(p, monthly) ? `${p.startsOn.slice(5)} ~ ${p.endsOn.slice(5)}` : null;
              return (
                <Form.Item
                  key={p.label}
                  name={['periodTargets', p.label]}
                  style={{ marginBottom: space.sm }}
                  label={
                    <span style={{ display: 'inline-flex', alignItems: 'center', gap: space.xs, fontVariantNumeric: 'tabular-nums' }}>
                      {p.label}
                      {days && <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>{days}</Typography.Text>}
                      {own && <Tag color="blue" style={{ marginInlineEnd: 0, fontSize: fontSize.tiny, lineHeight: '16px', paddingInline: space.xs }}>{t('goals.form.periodOwn')}</Tag>}
                    </span>
                  }
                  data-testid="period-target"
                  data-period={p.label}
                  data-own={own ? 'true' : 'false'}
                >
                  <InputNumber<number>
                    style={{ width: '100%', ...(own ? { borderColor: token.colorPrimaryBorder } : {}) }}
                    formatter={groupDigits}
                    parser={(s) => Number(ungroupDigits(s))}
                    placeholder={target === null ? undefined : groupDigits(target)}
                    aria-label={t('goals.form.periodTargetOf', { period: p.label })}
                    data-testid={`period-target-${p.label}`}
                    suffix={
                      own ? (
                        <Tooltip title={t('goals.form.periodReset')}>
                          <Button type="text" size="small" icon={<UndoOutlined />} aria-label={t('goals.form.periodResetOf', { period: p.label })} onClick={() => form.setFieldValue(['periodTargets', p.label], target)} style={{ height: 20, width: 20, minWidth: 20 }} />
                        </Tooltip>
                      ) : undefined
                    }
                  />
                </Form.Item>
              );
            })}
          </div>
        </div>
      )}
    </>
  );
}
