import { Col, DatePicker, Form, Input, InputNumber, type InputRef, Radio, Row, Select } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_OWNER_KINDS, GOAL_SOURCES } from '../../../core/goals/types.ts';
import type { Indicator, Unit } from '../../api.ts';
import { groupDigits, ungroupDigits } from '../../components/number-input.ts';
import PersonSelect from '../../components/PersonSelect.tsx';
import UnitTreeSelect from '../../components/UnitTreeSelect.tsx';
import type { GoalValues } from './goal-form.ts';
import type { Plan, SmartMessage } from './goals-api.ts';
import { indicatorName } from './labels.tsx';
import ParentGoalSelect from './ParentGoalSelect.tsx';
import RecurrenceFields from './RecurrenceFields.tsx';
import { SmartHints } from './SmartHints.tsx';
import { space } from '../../theme.ts';

type Props = {
  ws: string;
  plan: Plan;
  values: GoalValues | undefined;
  /** SMART messages by the form field they are about. */
  hints: (field: string) => SmartMessage[];
  units: Unit[];
  indicators: Indicator[];
  indicatorsLoading: boolean;
  /** The owner kinds offered: a child goal sits below its parent (no company goal under a goal). */
  ownerKinds: readonly GoalValues['ownerKind'][];
  selectableUnitIds: Set<string> | null;
  personLabel?: string;
  parentLabel?: string;
  editingId?: string;
  needsReason: boolean;
  /** The indicator is counted up: a period the span cuts short takes a share of the target. */
  additive: boolean;
  reasonRequired: boolean;
  statementRef: Ref<InputRef>;
};

/** The goal form's fields, each with the SMART messages about it underneath. */
export default function GoalFields(p: Props) {
  const { t, i18n } = useTranslation();
  const required = { required: true, message: t('field.required') };
  const v = p.values;
  const unit = p.indicators.find((i) => i.id === v?.indicatorId)?.unit ?? '';
  // no extra line at all when a field has no message: antd reserves space for an empty `extra`
  const hints = (field: string) => (p.hints(field).length ? <SmartHints messages={p.hints(field)} /> : undefined);
  const number = (testId: string) => (
    <InputNumber<number> style={{ width: '100%' }} formatter={groupDigits} parser={(s) => Number(ungroupDigits(s))} suffix={unit === '%' ? undefined : unit || undefined} placeholder={unit === '%' ? t('scorecards.ratioUnit') : undefined} data-testid={testId} />
  );

  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="ownerKind" label={t('goals.form.owner')} extra={hints('ownerKind')}>
            <Radio.Group optionType="button" options={GOAL_OWNER_KINDS.map((k) => ({ value: k, label: t(`goals.ownerKinds.${k}`), disabled: !p.ownerKinds.includes(k) }))} data-testid="goal-owner-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          {v?.ownerKind === 'unit' && (
            <Form.Item name="unitId" label={t('goals.ownerKinds.unit')} rules={[required]} extra={hints('unitId')}>
              <UnitTreeSelect units={p.units} activeOnly selectableIds={p.selectableUnitIds} testId="goal-owner-unit" />
            </Form.Item>
          )}
          {v?.ownerKind === 'person' && (
            <Form.Item name="personId" label={t('goals.ownerKinds.person')} rules={[required]} extra={hints('personId')}>
              <PersonSelect ws={p.ws} initialLabel={p.personLabel} testId="goal-owner-person" />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item name="statement" label={t('goals.form.statement')} rules={[{ ...required, whitespace: true }, { max: 500 }]} extra={hints('statement')}>
        <Input.TextArea ref={p.statementRef} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} placeholder={t('goals.form.statementPlaceholder')} data-testid="goal-statement" />
      </Form.Item>
      <Form.Item name="indicatorId" label={t('goals.form.indicator')} rules={[required]} extra={hints('indicatorId')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={p.indicatorsLoading}
          placeholder={t('goals.form.indicatorPlaceholder')}
          options={p.indicators.map((i) => ({ value: i.id, label: i.unit ? t('common.withNote', { text: indicatorName(i, i18n.language), note: i.unit }) : indicatorName(i, i18n.language) }))}
          data-testid="goal-indicator"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="baseline" label={t('goals.form.baseline')} extra={hints('baseline')}>
            {number('goal-baseline')}
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="target" label={v?.recurrence && v.recurrence !== 'none' ? t('goals.form.targetPerPeriod') : t('goals.form.target')} rules={[required]} extra={hints('target')}>
            {number('goal-target')}
          </Form.Item>
        </Col>
      </Row>
      <RecurrenceFields values={v} additive={p.additive} hints={hints} />
      {p.needsReason && (
        <Form.Item style={{ marginBottom: space.xl }} name="changeReason" label={t('goals.form.changeReason')} rules={[{ ...required, required: p.reasonRequired, whitespace: true }, { max: 500 }]} extra={t('goals.form.changeReasonHint')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} data-testid="goal-change-reason" />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="phaseId" label={t('goals.form.phase')} extra={hints('phaseId')}>
            <Select allowClear placeholder={t('goals.form.noPhase')} options={p.plan.phases.map((ph) => ({ value: ph.id, label: ph.name }))} data-testid="goal-phase" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="startsOn" label={t('goals.form.startsOn')} rules={[required]} extra={hints('startsOn')}>
            <DatePicker style={{ width: '100%' }} data-testid="goal-starts-on" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="deadline" label={t('goals.form.deadline')} rules={[required]} extra={hints('deadline')}>
            <DatePicker style={{ width: '100%' }} data-testid="goal-deadline" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="source" label={t('goals.form.source')} rules={[required]} extra={
          <>
            {t('goals.form.sourceHint')}
            {hints('source')}
          </>
        }>
        <Select placeholder={t('goals.form.sourcePlaceholder')} options={GOAL_SOURCES.map((s) => ({ value: s, label: t(`goals.source.${s}`) }))} data-testid="goal-source" />
      </Form.Item>
      {v?.source === 'parent' && (
        <Form.Item name="parentId" label={t('goals.form.parent')} rules={[required]} extra={hints('parentId')}>
          <ParentGoalSelect ws={p.ws} planId={p.plan.id} excludeId={p.editingId} initialLabel={p.parentLabel} testId="goal-parent" />
        </Form.Item>
      )}
      <Form.Item name="sourceNote" label={t('goals.form.sourceNote')} extra={hints('sourceNote')}>
        <Input maxLength={500} placeholder={t('goals.form.sourceNotePlaceholder')} data-testid="goal-source-note" />
      </Form.Item>
    </>
  );
}
