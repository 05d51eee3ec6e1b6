import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Badge, Button, Form, Input, InputNumber, Select, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupDigits, ungroupDigits } from '../../components/number-input.ts';
import { formatPercent } from '../../../core/scoring/arith.ts';
import { type CardDraft, type IndicatorDraft, RULE_TYPES, type RuleType, toNum } from './card-draft.ts';
import Field from './Field.tsx';
import { issuesAt, type LocatedIssue, statusOf } from './issues.ts';

type Options = {
  draft: CardDraft;
  onDraft: (update: (draft: CardDraft) => CardDraft) => void;
  issues: LocatedIssue[];
  readOnly: boolean;
  expanded: string[];
  expand: (uid: string) => void;
  setIndicator: (uid: string, patch: Partial<IndicatorDraft>) => void;
};

/** The columns of the indicators table: name, weight, target, rule, flags and (when editing) the row's buttons. */
export function useIndicatorColumns({ draft, onDraft, issues, readOnly, expanded, expand, setIndicator }: Options): TableColumnsType<IndicatorDraft> {
  const { t } = useTranslation();
  /** Errors anywhere in an indicator's row, to flag a collapsed row. */
  const rowErrors = (index: number) => issuesAt(issues, ['indicators', index]).filter((i) => i.severity === 'error').length;
  const move = (index: number, by: -1 | 1) =>
    onDraft((d) => {
      const next = [...d.indicators];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return { ...d, indicators: next };
    });
  return [
    {
      title: t('scorecards.indicatorName'),
      key: 'name',
      width: 240,
      render: (_: unknown, r, i) => (
        <Field issues={issues} path={['indicators', i, 'name']}>
          <Input value={r.name} maxLength={200} onChange={(e) => setIndicator(r.uid, { name: e.target.value, ...(r.key === r.name || r.key === '' ? { key: e.target.value } : {}) })} data-testid="indicator-name" />
          {r.key && r.key !== r.name && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('scorecards.key')}: {r.key}
            </Typography.Text>
          )}
        </Field>
      ),
    },
    {
      title: t('scorecards.weight'),
      key: 'weight',
      width: 110,
      render: (_: unknown, r, i) => {
        const here = issuesAt(issues, ['indicators', i, 'weight']);
        return (
          <Field issues={here.filter((x) => x.severity === 'error')} path={['indicators', i, 'weight']}>
            <Tooltip title={here.filter((x) => x.severity === 'warning').map((x) => x.message).join(' ') || undefined}>
              <InputNumber
                value={r.weight}
                min={0}
                max={100}
                status={statusOf(here)}
                onChange={(v) => setIndicator(r.uid, { weight: toNum(v) })}
                style={{ width: 90 }}
                aria-label={t('scorecards.weight')}
                data-testid="indicator-weight"
                data-status={statusOf(here) ?? 'ok'}
              />
            </Tooltip>
          </Field>
        );
      },
    },
    {
      title: t('scorecards.target'),
      key: 'target',
      width: 170,
      render: (_: unknown, r, i) =>
        r.ruleType === 'manual' ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('scorecards.targetManual')}
          </Typography.Text>
        ) : (
          <Field issues={issues.filter((x) => x.severity === 'error')} path={['indicators', i, 'target']}>
            <InputNumber<number>
              value={r.target}
              min={0}
              formatter={groupDigits}
              parser={(v) => ungroupDigits(v) as unknown as number}
              status={statusOf(issuesAt(issues, ['indicators', i, 'target']))}
              // a % indicator's target is a ratio (0.9): say what it means rather than "0.9 %"
              suffix={r.unit === '%' ? (r.target === null || r.target === undefined ? '= —%' : `= ${formatPercent(r.target)}`) : r.unit || undefined}
              onChange={(v) => setIndicator(r.uid, { target: toNum(v) })}
              style={{ width: 150 }}
              aria-label={t('scorecards.target')}
              data-testid="indicator-target"
            />
          </Field>
        ),
    },
    {
      title: t('scorecards.rule'),
      key: 'rule',
      width: 130,
      render: (_: unknown, r) => (
        <Form.Item style={{ marginBottom: 12 }}>
          <Select<RuleType>
            value={r.ruleType}
            onChange={(ruleType) => {
              setIndicator(r.uid, { ruleType });
              if (ruleType !== 'proportional') expand(r.uid);
            }}
            options={RULE_TYPES.map((x) => ({ value: x, label: t(`scorecards.ruleTypes.${x}`) }))}
            aria-label={t('scorecards.rule')}
            data-testid="indicator-rule"
          />
        </Form.Item>
      ),
    },
    {
      title: '',
      key: 'flags',
      width: 120,
      render: (_: unknown, r, i) => (
        <Space size={4} wrap style={{ marginBottom: 12 }}>
          {r.cap !== null && <Tag>≤ ×{r.cap}</Tag>}
          {r.vetoOn && <Tag color="red">{t('scorecards.veto')}</Tag>}
          {rowErrors(i) > 0 && !expanded.includes(r.uid) && <Badge count={rowErrors(i)} title={t('scorecards.severity.error')} data-testid="row-errors" />}
        </Space>
      ),
    },
    ...(readOnly
      ? []
      : [
          {
            title: '',
            key: 'actions',
            width: 110,
            render: (_: unknown, r: IndicatorDraft, i: number) => (
              <Space size={0} style={{ marginBottom: 12 }}>
                <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('scorecards.moveUp')} />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={i === draft.indicators.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('scorecards.moveDown')}
                />
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onDraft((d) => ({ ...d, indicators: d.indicators.filter((x) => x.uid !== r.uid) }))}
                  aria-label={t('scorecards.remove')}
                  data-testid="indicator-remove"
                />
              </Space>
            ),
          },
        ]),
  ];
}
