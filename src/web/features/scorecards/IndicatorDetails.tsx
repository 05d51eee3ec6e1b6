import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '../../components/FormulaEditor.tsx';
import { type IndicatorDraft, newUid, type Num, type RuleType } from './card-draft.ts';
import { issuesAt, type LocatedIssue, statusOf } from './issues.ts';

type Props = {
  index: number;
  indicator: IndicatorDraft;
  issues: LocatedIssue[];
  onChange: (uid: string, patch: Partial<IndicatorDraft>) => void;
};

const RULES: RuleType[] = ['proportional', 'tiers', 'linear', 'manual'];

/** Messages of the errors (and warnings) at a field, under it. */
export function FieldHelp({ issues }: { issues: LocatedIssue[] }) {
  const shown = issues.filter((i) => i.severity !== 'info');
  if (shown.length === 0) return null;
  return (
    <div data-testid="field-issues">
      {shown.map((i, n) => (
        <div key={n} data-severity={i.severity} data-code={i.code}>
          {i.message}
        </div>
      ))}
    </div>
  );
}

/** A labelled field showing the issues at `path` (errors red, warnings orange). */
export function Field({ label, issues, path, children, extra, exact }: { label?: ReactNode; issues: LocatedIssue[]; path: (string | number)[]; children: ReactNode; extra?: ReactNode; exact?: boolean }) {
  const here = issuesAt(issues, path, exact);
  const status = statusOf(here);
  return (
    <Form.Item label={label} validateStatus={status} help={status ? <FieldHelp issues={here} /> : undefined} extra={extra} style={{ marginBottom: 12 }}>
      {children}
    </Form.Item>
  );
}

const pctProps = { addonAfter: '%', style: { width: 130 } };

/** The expanded row of an indicator: its definition, rule, limits and veto. */
function IndicatorDetails({ index, indicator: d, issues, onChange: change }: Props) {
  const { t } = useTranslation();
  const onChange = (patch: Partial<IndicatorDraft>) => change(d.uid, patch);
  const at = (...sub: (string | number)[]) => ['indicators', index, ...sub];
  const num = (v: number | string | null): Num => (typeof v === 'number' && Number.isFinite(v) ? v : null);

  return (
    <div data-testid="indicator-details" data-index={index} style={{ padding: '8px 8px 0' }}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Field label={t('scorecards.key')} issues={issues} path={at('key')} extra={t('scorecards.keyHelp')}>
            <Input value={d.key} maxLength={100} onChange={(e) => onChange({ key: e.target.value })} data-testid="indicator-key" />
          </Field>
        </Col>
        <Col xs={12} md={4}>
          <Field label={t('scorecards.unit')} issues={issues} path={at('unit')}>
            <Input value={d.unit} maxLength={20} onChange={(e) => onChange({ unit: e.target.value })} data-testid="indicator-unit" />
          </Field>
        </Col>
        <Col xs={12} md={6}>
          <Field label={t('scorecards.direction')} issues={issues} path={at('direction')}>
            <Select
              value={d.direction}
              onChange={(direction) => onChange({ direction })}
              options={(['higher', 'lower'] as const).map((v) => ({ value: v, label: t(`scorecards.directions.${v}`) }))}
              data-testid="indicator-direction"
            />
          </Field>
        </Col>
        {d.direction === 'lower' && (
          <Col xs={24} md={6}>
            <Field label={t('scorecards.achievement')} issues={issues} path={at('achievement')}>
              <Select
                value={d.achievement}
                onChange={(achievement) => onChange({ achievement })}
                options={(['mirror', 'inverse'] as const).map((v) => ({ value: v, label: t(`scorecards.achievements.${v}`) }))}
                popupMatchSelectWidth={false}
                data-testid="indicator-achievement"
              />
            </Field>
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field label={t('scorecards.purpose')} issues={issues} path={at('purpose')}>
            <Input.TextArea
              value={d.purpose}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder={t('scorecards.purposePlaceholder')}
              onChange={(e) => onChange({ purpose: e.target.value })}
              data-testid="indicator-purpose"
            />
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field label={t('scorecards.formula')} issues={issues} path={at('formula')}>
            <Input.TextArea
              value={d.formula}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder={t('scorecards.formulaPlaceholder')}
              onChange={(e) => onChange({ formula: e.target.value })}
              style={{ fontFamily: MONO }}
              data-testid="indicator-formula"
            />
          </Field>
        </Col>
      </Row>

      <Row gutter={24}>
        <Col xs={24} lg={13}>
          <Field label={t('scorecards.rule')} issues={issues} path={at('rule')} exact>
            <Radio.Group
              optionType="button"
              value={d.ruleType}
              onChange={(e) => onChange({ ruleType: e.target.value as RuleType })}
              options={RULES.map((r) => ({ value: r, label: t(`scorecards.ruleTypes.${r}`) }))}
              data-testid="indicator-rule-detail"
            />
          </Field>
          <Typography.Paragraph type="secondary" style={{ marginTop: -6, fontSize: 12 }}>
            {t(`scorecards.ruleHelp.${d.ruleType}`)}
          </Typography.Paragraph>

          {d.ruleType === 'tiers' && (
            <div data-testid="rule-tiers">
              {d.tiers.map((tier, j) => (
                <Field key={tier.uid} issues={issues} path={at('rule', 'tiers', j)}>
                  <Space wrap size={8} data-testid="tier-row">
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
                      onChange={(v) => onChange({ tiers: d.tiers.map((x) => (x.uid === tier.uid ? { ...x, threshold: num(v) } : x)) })}
                      aria-label={t('scorecards.threshold')}
                      data-testid="tier-threshold"
                    />
                    <span>→ ×</span>
                    <InputNumber
                      value={tier.multiplier}
                      step={0.1}
                      style={{ width: 90 }}
                      onChange={(v) => onChange({ tiers: d.tiers.map((x) => (x.uid === tier.uid ? { ...x, multiplier: num(v) } : x)) })}
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
              <Space wrap style={{ marginBottom: 12 }}>
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
          )}

          {d.ruleType === 'linear' && (
            <div data-testid="rule-linear">
              <Typography.Text type="secondary">{t('scorecards.points')}</Typography.Text>
              {d.points.map((p, j) => (
                <Field key={p.uid} issues={issues} path={at('rule', 'points', j)}>
                  <Space size={8} data-testid="point-row">
                    <InputNumber
                      {...pctProps}
                      value={p.r}
                      onChange={(v) => onChange({ points: d.points.map((x) => (x.uid === p.uid ? { ...x, r: num(v) } : x)) })}
                      aria-label={t('scorecards.threshold')}
                      data-testid="point-r"
                    />
                    <span>→ ×</span>
                    <InputNumber
                      value={p.m}
                      step={0.1}
                      style={{ width: 90 }}
                      onChange={(v) => onChange({ points: d.points.map((x) => (x.uid === p.uid ? { ...x, m: num(v) } : x)) })}
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
                style={{ marginBottom: 12 }}
                onClick={() => {
                  const last = d.points[d.points.length - 1];
                  onChange({ points: [...d.points, { uid: newUid(), r: (last?.r ?? 100) + 20, m: last?.m ?? 1 }] });
                }}
              >
                {t('scorecards.addPoint')}
              </Button>
            </div>
          )}

          {d.ruleType === 'manual' && (
            <Row gutter={16} data-testid="rule-manual">
              <Col span={12}>
                <Field label={t('scorecards.scale')} issues={issues} path={at('rule', 'scale')}>
                  <Space size={4}>
                    <InputNumber value={d.scale[0]} style={{ width: 70 }} onChange={(v) => onChange({ scale: [num(v), d.scale[1]] })} aria-label={t('scorecards.scale')} />
                    <span>{t('scorecards.to')}</span>
                    <InputNumber value={d.scale[1]} style={{ width: 70 }} onChange={(v) => onChange({ scale: [d.scale[0], num(v)] })} aria-label={t('scorecards.scale')} />
                  </Space>
                </Field>
              </Col>
              <Col span={12}>
                <Field label={t('scorecards.mapTo')} issues={issues} path={at('rule', 'mapTo')}>
                  <Space size={4}>
                    <InputNumber value={d.mapTo[0]} step={0.1} style={{ width: 70 }} onChange={(v) => onChange({ mapTo: [num(v), d.mapTo[1]] })} aria-label={t('scorecards.mapTo')} />
                    <span>{t('scorecards.to')}</span>
                    <InputNumber value={d.mapTo[1]} step={0.1} style={{ width: 70 }} onChange={(v) => onChange({ mapTo: [d.mapTo[0], num(v)] })} aria-label={t('scorecards.mapTo')} />
                  </Space>
                </Field>
              </Col>
            </Row>
          )}
        </Col>

        <Col xs={24} lg={11}>
          <Row gutter={16}>
            <Col span={12}>
              <Field label={t('scorecards.cap')} issues={issues} path={at('cap')}>
                <InputNumber value={d.cap} step={0.1} min={0} style={{ width: '100%' }} placeholder={t('scorecards.capPlaceholder')} onChange={(v) => onChange({ cap: num(v) })} data-testid="indicator-cap" />
              </Field>
            </Col>
            <Col span={12}>
              <Field label={t('scorecards.floor')} issues={issues} path={at('floor')}>
                <InputNumber value={d.floor} step={0.1} min={0} style={{ width: '100%' }} placeholder={t('scorecards.floorPlaceholder')} onChange={(v) => onChange({ floor: num(v) })} data-testid="indicator-floor" />
              </Field>
            </Col>
          </Row>
          <Field issues={issues} path={at('veto')}>
            <div data-testid="veto">
              <Checkbox checked={d.vetoOn} onChange={(e) => onChange({ vetoOn: e.target.checked })} data-testid="veto-on">
                {t('scorecards.vetoOn')}
              </Checkbox>
              {d.vetoOn && (
                <Space wrap size={8} style={{ marginTop: 8 }}>
                  <span>{t('scorecards.vetoBelow')}</span>
                  <InputNumber {...pctProps} style={{ width: 110 }} value={d.vetoBelow} onChange={(v) => onChange({ vetoBelow: num(v) })} aria-label={t('scorecards.vetoBelow')} data-testid="veto-below" />
                  <span>{t('scorecards.vetoEffect')}</span>
                  <Select
                    value={d.vetoEffect}
                    onChange={(vetoEffect) => onChange({ vetoEffect })}
                    options={(['zero', 'multiply', 'capTotal'] as const).map((v) => ({ value: v, label: t(`scorecards.vetoEffects.${v}`) }))}
                    style={{ width: 120 }}
                    aria-label={t('scorecards.vetoEffect')}
                    data-testid="veto-effect"
                  />
                  {d.vetoEffect === 'multiply' && (
                    <InputNumber value={d.vetoK} step={0.1} min={0} max={1} style={{ width: 80 }} onChange={(v) => onChange({ vetoK: num(v) })} aria-label={t('scorecards.vetoK')} data-testid="veto-k" />
                  )}
                  {d.vetoEffect === 'capTotal' && (
                    <InputNumber value={d.vetoCap} min={0} style={{ width: 90 }} onChange={(v) => onChange({ vetoCap: num(v) })} aria-label={t('scorecards.vetoCap')} data-testid="veto-cap" />
                  )}
                </Space>
              )}
            </div>
          </Field>
        </Col>
      </Row>
    </div>
  );
}

/** Re-renders only when its indicator or its issues change (typing elsewhere on the card does not). */
export default memo(IndicatorDetails, (a, b) => a.index === b.index && a.indicator === b.indicator && a.onChange === b.onChange && JSON.stringify(a.issues) === JSON.stringify(b.issues));
