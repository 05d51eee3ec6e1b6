import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Badge, Button, Form, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import { type CardDraft, type IndicatorDraft, RULE_TYPES, type RuleType } from './card-draft.ts';
import { NameCell, TargetCell, WeightCell } from './IndicatorCells.tsx';
import { issuesAt, type LocatedIssue } from './issues.ts';

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
    { title: t('scorecards.indicatorName'), key: 'name', width: 240, render: (_: unknown, r, i) => <NameCell r={r} index={i} issues={issues} setIndicator={setIndicator} /> },
    { title: t('scorecards.weight'), key: 'weight', width: 110, render: (_: unknown, r, i) => <WeightCell r={r} index={i} issues={issues} setIndicator={setIndicator} /> },
    { title: t('scorecards.target'), key: 'target', width: 170, render: (_: unknown, r, i) => <TargetCell r={r} index={i} issues={issues} setIndicator={setIndicator} /> },
    {
      title: t('scorecards.rule'),
      key: 'rule',
      width: 130,
      render: (_: unknown, r) => (
        <Form.Item style={{ marginBottom: space.md }}>
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
        <Space size={space.xs} wrap style={{ marginBottom: space.md }}>
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
              <Space size={0} style={{ marginBottom: space.md }}>
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
