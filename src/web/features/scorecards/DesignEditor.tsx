import { ArrowDownOutlined, ArrowUpOutlined, CheckCircleOutlined, DeleteOutlined, LoadingOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Empty, Form, Grid, Input, InputNumber, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplatePeriod } from '../../api.ts';
import { type CardDraft, emptyIndicator, fromLibrary, type GradeDraft, type IndicatorDraft, newUid, type Num, type RuleType, weightSum } from './card-draft.ts';
import IndicatorDetails, { Field } from './IndicatorDetails.tsx';
import { bySeverity, issuesAt, type LocatedIssue, statusOf } from './issues.ts';
import { formatPercent } from '../../../core/scoring/arith.ts';
import { formatWeight, PERIODS } from './labels.ts';
import { useIndicatorChoices } from './scorecard-queries.ts';

export type Meta = { name: string; description: string; period: TemplatePeriod };

type Props = {
  ws: string;
  meta: Meta;
  onMeta: (patch: Partial<Meta>) => void;
  /** Errors of the name / description / period fields from the last save. */
  metaErrors: Partial<Record<keyof Meta, string>>;
  draft: CardDraft;
  onDraft: (update: (draft: CardDraft) => CardDraft) => void;
  issues: LocatedIssue[];
  checking: boolean;
  readOnly: boolean;
  periodLocked: boolean;
};

const RULES: RuleType[] = ['proportional', 'tiers', 'linear', 'manual'];
/** 500000 → 500,000 while typing (the decimals untouched). */
const groupDigits = (v: number | string | undefined) => {
  const [int, dec] = String(v ?? '').split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${dec !== undefined ? `.${dec}` : ''}`;
};
const ungroup = (v: string | undefined) => (v ?? '').replace(/,/g, '') as unknown as number;
const num = (v: number | string | null): Num => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The design tab: name and period, the indicators with their rules, the grades, and the live design check. */
export default function DesignEditor({ ws, meta, onMeta, metaErrors, draft, onDraft, issues, checking, readOnly, periodLocked }: Props) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<string[]>([]);
  // the check beside the editor on wide screens, above the indicators otherwise
  const wide = Grid.useBreakpoint().xxl === true;
  const library = useIndicatorChoices(ws, !readOnly);
  const sum = weightSum(draft);
  const sumOk = draft.indicators.length > 0 && Math.abs(sum - 100) < 1e-9;

  const setIndicator = useCallback(
    (uid: string, patch: Partial<IndicatorDraft>) => onDraft((d) => ({ ...d, indicators: d.indicators.map((i) => (i.uid === uid ? { ...i, ...patch } : i)) })),
    [onDraft],
  );
  const add = (indicator: IndicatorDraft) => {
    onDraft((d) => ({ ...d, indicators: [...d.indicators, indicator] }));
    setExpanded((e) => [...e, indicator.uid]);
    setTimeout(() => document.querySelector<HTMLInputElement>(`[data-testid=indicator-row][data-uid="${indicator.uid}"] [data-testid=indicator-name]`)?.focus(), 50);
  };
  const move = (index: number, by: -1 | 1) =>
    onDraft((d) => {
      const next = [...d.indicators];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return { ...d, indicators: next };
    });
  const setGrade = (uid: string, patch: Partial<GradeDraft>) => onDraft((d) => ({ ...d, grades: d.grades.map((g) => (g.uid === uid ? { ...g, ...patch } : g)) }));

  /** Errors anywhere in an indicator's row, to flag a collapsed row. */
  const rowErrors = (index: number) => issuesAt(issues, ['indicators', index]).filter((i) => i.severity === 'error').length;
  const showIssue = (issue: LocatedIssue) => {
    if (issue.path[0] !== 'indicators' || typeof issue.path[1] !== 'number') return;
    const row = draft.indicators[issue.path[1]];
    if (!row) return;
    setExpanded((e) => (e.includes(row.uid) ? e : [...e, row.uid]));
    setTimeout(() => document.querySelector<HTMLElement>(`[data-testid=indicator-row][data-uid="${row.uid}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 50);
  };

  const cardIssues = bySeverity(issues);
  const errors = cardIssues.filter((i) => i.severity === 'error').length;

  const checkPanel = (
    <Card size="small" title={t('scorecards.designTitle')} data-testid="design-check" style={wide ? { position: 'sticky', top: 80 } : { marginBottom: 16 }}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Tag color={sumOk ? 'success' : 'warning'} data-testid="weight-sum" data-sum={sum} style={{ fontSize: 14, padding: '2px 8px' }}>
          {t('scorecards.weightTotal', { sum: formatWeight(sum) })}
        </Tag>
        {checking && (
          <Typography.Text type="secondary" data-testid="check-busy">
            <LoadingOutlined /> {t('scorecards.checking')}
          </Typography.Text>
        )}
      </Space>
      {draft.indicators.length === 0 ? (
        <Typography.Text type="secondary">{t('scorecards.indicatorsEmpty')}</Typography.Text>
      ) : cardIssues.length === 0 ? (
        <Typography.Text type="success" data-testid="check-ok">
          <CheckCircleOutlined /> {t('scorecards.checkOk')}
        </Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%', ...(wide ? {} : { maxHeight: 280, overflowY: 'auto' }) }} size={8} data-testid="design-issues">
          {errors > 0 && <Typography.Text type="danger">{t('scorecards.errorsBlockSave', { count: errors })}</Typography.Text>}
          {cardIssues.map((issue, n) => (
            <Alert
              key={n}
              type={issue.severity === 'error' ? 'error' : issue.severity === 'warning' ? 'warning' : 'info'}
              showIcon
              data-testid="design-issue"
              data-severity={issue.severity}
              data-code={issue.code}
              title={<span style={{ fontSize: 13 }}>{issue.message}</span>}
              onClick={() => showIssue(issue)}
              style={{ cursor: issue.path[0] === 'indicators' && typeof issue.path[1] === 'number' ? 'pointer' : undefined, padding: '6px 10px' }}
            />
          ))}
        </Space>
      )}
    </Card>
  );

  const libraryOptions = (library.data?.items ?? []).map((i) => ({
    value: i.id,
    label: i.name,
    search: `${i.name} ${i.nameEn ?? ''} ${i.key}`,
    hint: [i.unit, t(`scorecards.directionsShort.${i.direction}`)].filter(Boolean).join(' · '),
  }));

  return (
    <Form layout="vertical" component="div" disabled={readOnly} data-testid="template-form">
      <Row gutter={24}>
        <Col span={wide ? 17 : 24}>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item label={t('scorecards.name')} required validateStatus={metaErrors.name ? 'error' : undefined} help={metaErrors.name} style={{ marginBottom: 12 }}>
                <Input value={meta.name} maxLength={100} onChange={(e) => onMeta({ name: e.target.value })} data-testid="template-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item
                label={t('scorecards.period')}
                validateStatus={metaErrors.period ? 'error' : undefined}
                help={metaErrors.period ?? (periodLocked && !readOnly ? t('scorecards.periodLocked') : undefined)}
                style={{ marginBottom: 12 }}
              >
                <Select<TemplatePeriod>
                  value={meta.period}
                  onChange={(period) => onMeta({ period })}
                  disabled={periodLocked}
                  options={PERIODS.map((p) => ({ value: p, label: t(`scorecards.periods.${p}`) }))}
                  data-testid="template-period"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('scorecards.description')} validateStatus={metaErrors.description ? 'error' : undefined} help={metaErrors.description}>
            <Input.TextArea
              value={meta.description}
              maxLength={2000}
              autoSize={{ minRows: 1, maxRows: 4 }}
              placeholder={t('scorecards.descriptionPlaceholder')}
              onChange={(e) => onMeta({ description: e.target.value })}
              data-testid="template-description"
            />
          </Form.Item>

          <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('scorecards.indicators')}
            </Typography.Title>
            {!readOnly && (
              <Space wrap>
                <Select<string>
                  value={null}
                  showSearch={{ optionFilterProp: 'search' }}
                  placeholder={t('scorecards.addFromLibrary')}
                  loading={library.isPending}
                  options={libraryOptions}
                  notFoundContent={t('scorecards.addFromLibraryEmpty')}
                  optionRender={(o) => (
                    <span>
                      {o.label}
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                        {o.data.hint}
                      </Typography.Text>
                    </span>
                  )}
                  onChange={(id) => {
                    const found = library.data?.items.find((i) => i.id === id);
                    if (found) add(fromLibrary(found, draft.indicators.map((i) => i.key)));
                  }}
                  style={{ width: 240 }}
                  popupMatchSelectWidth={320}
                  data-testid="add-from-library"
                />
                <Button icon={<PlusOutlined />} onClick={() => add(emptyIndicator())} data-testid="add-custom">
                  {t('scorecards.addCustom')}
                </Button>
              </Space>
            )}
          </Space>

          {!wide && checkPanel}
          <Table<IndicatorDraft>
            rowKey="uid"
            size="small"
            dataSource={draft.indicators}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecards.indicatorsEmpty')} /> }}
            onRow={(r, i) => ({ 'data-testid': 'indicator-row', 'data-uid': r.uid, 'data-key': r.key, 'data-index': i }) as React.HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowKeys: expanded,
              onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
              expandedRowRender: (r, i) => <IndicatorDetails index={i} indicator={r} issues={issuesAt(issues, ['indicators', i])} onChange={setIndicator} />,
            }}
            columns={[
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
                          onChange={(v) => setIndicator(r.uid, { weight: num(v) })}
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
                        parser={ungroup}
                        status={statusOf(issuesAt(issues, ['indicators', i, 'target']))}
                        // a % indicator's target is a ratio (0.9): say what it means rather than "0.9 %"
                        suffix={r.unit === '%' ? (r.target === null || r.target === undefined ? '= —%' : `= ${formatPercent(r.target)}`) : r.unit || undefined}
                        onChange={(v) => setIndicator(r.uid, { target: num(v) })}
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
                        if (ruleType !== 'proportional') setExpanded((e) => (e.includes(r.uid) ? e : [...e, r.uid]));
                      }}
                      options={RULES.map((x) => ({ value: x, label: t(`scorecards.ruleTypes.${x}`) }))}
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
            ]}
          />

          <Row gutter={24} style={{ marginTop: 24 }}>
            <Col xs={24} md={14}>
              <Typography.Title level={5}>{t('scorecards.grades')}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('scorecards.gradesHelp')}
              </Typography.Paragraph>
              <div data-testid="grades">
                {draft.grades.map((g, j) => (
                  <Field key={g.uid} issues={issues} path={['grades', j]}>
                    <Space size={8} data-testid="grade-row">
                      <Input value={g.grade} maxLength={20} style={{ width: 80 }} onChange={(e) => setGrade(g.uid, { grade: e.target.value })} aria-label={t('scorecards.gradeName')} data-testid="grade-name" />
                      <span>≥</span>
                      <InputNumber value={g.min} style={{ width: 100 }} onChange={(v) => setGrade(g.uid, { min: num(v) })} aria-label={t('scorecards.gradeMin')} data-testid="grade-min" />
                      {!readOnly && (
                        <Button type="text" icon={<DeleteOutlined />} aria-label={t('scorecards.removeRow')} onClick={() => onDraft((d) => ({ ...d, grades: d.grades.filter((x) => x.uid !== g.uid) }))} />
                      )}
                    </Space>
                  </Field>
                ))}
                {!readOnly && (
                  <Button size="small" icon={<PlusOutlined />} onClick={() => onDraft((d) => ({ ...d, grades: [...d.grades, { uid: newUid(), min: null, grade: '' }] }))}>
                    {t('scorecards.addGrade')}
                  </Button>
                )}
              </div>
            </Col>
            <Col xs={24} md={10}>
              <Typography.Title level={5}>{t('scorecards.maxTotal')}</Typography.Title>
              <Field issues={issues} path={['maxTotal']}>
                <InputNumber value={draft.maxTotal} min={0} placeholder={t('scorecards.maxTotalPlaceholder')} onChange={(v) => onDraft((d) => ({ ...d, maxTotal: num(v) }))} style={{ width: 160 }} data-testid="max-total" />
              </Field>
            </Col>
          </Row>
        </Col>
        {wide && <Col span={7}>{checkPanel}</Col>}
      </Row>
    </Form>
  );
}
