import { Col, Input, Radio, Row, Select, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { MONO } from '../../components/FormulaEditor.tsx';
import { fontSize, space } from '../../theme.ts';
import { type IndicatorDraft, RULE_TYPES, type RuleType } from './card-draft.ts';
import Field from './Field.tsx';
import LimitsAndVeto from './LimitsAndVeto.tsx';
import LinearPoints from './LinearPoints.tsx';
import ManualScale from './ManualScale.tsx';
import ProvenanceFields from './ProvenanceFields.tsx';
import type { LocatedIssue } from './issues.ts';
import TierRules from './TierRules.tsx';

type Props = {
  index: number;
  indicator: IndicatorDraft;
  issues: LocatedIssue[];
  onChange: (uid: string, patch: Partial<IndicatorDraft>) => void;
};

/** The expanded row of an indicator: its definition, source and data owner, rule, limits and veto. */
function IndicatorDetails({ index, indicator: d, issues, onChange: change }: Props) {
  const { t } = useTranslation();
  const onChange = (patch: Partial<IndicatorDraft>) => change(d.uid, patch);
  const at = (...sub: (string | number)[]) => ['indicators', index, ...sub];
  const part = { d, issues, at, onChange };

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
      <ProvenanceFields {...part} />

      <Row gutter={24}>
        <Col xs={24} lg={13}>
          <Field label={t('scorecards.rule')} issues={issues} path={at('rule')} exact>
            <Radio.Group
              optionType="button"
              value={d.ruleType}
              onChange={(e) => onChange({ ruleType: e.target.value as RuleType })}
              options={RULE_TYPES.map((r) => ({ value: r, label: t(`scorecards.ruleTypes.${r}`) }))}
              data-testid="indicator-rule-detail"
            />
          </Field>
          <Typography.Paragraph type="secondary" style={{ marginTop: -space.xs, fontSize: fontSize.caption }}>
            {t(`scorecards.ruleHelp.${d.ruleType}`)}
          </Typography.Paragraph>

          {d.ruleType === 'tiers' && <TierRules {...part} />}
          {d.ruleType === 'linear' && <LinearPoints {...part} />}
          {d.ruleType === 'manual' && <ManualScale {...part} />}
        </Col>
        <Col xs={24} lg={11}>
          <LimitsAndVeto {...part} />
        </Col>
      </Row>
    </div>
  );
}

/** Re-renders only when its indicator or its issues change (typing elsewhere on the card does not). */
export default memo(IndicatorDetails, (a, b) => a.index === b.index && a.indicator === b.indicator && a.onChange === b.onChange && JSON.stringify(a.issues) === JSON.stringify(b.issues));
