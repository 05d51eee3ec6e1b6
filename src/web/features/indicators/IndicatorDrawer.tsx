import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Grid, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createIndicatorInput, indicatorTerm } from '../../../contracts/indicators.ts';
import { api, type Indicator, isApiError } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormDrawer from '../../components/FormDrawer.tsx';
import FormulaEditor, { type FormulaRange } from '../../components/FormulaEditor.tsx';
import { applyNestedServerErrors, fieldRules } from '../../components/form-utils.ts';
import { useRefreshIndicators } from './indicator-queries.ts';
import { DIRECTIONS, KINDS, NATURES, PERIODS, PERSPECTIVE_OPTIONS, ROLL_UPS, TERM_ROLL_UPS } from './labels.ts';

type Term = { name: string; definition: string; rollUp: Indicator['terms'][number]['rollUp'] };
type Values = {
  name: string;
  nameEn?: string;
  purpose: string;
  perspective?: Indicator['perspective'];
  kind: Indicator['kind'];
  nature: Indicator['nature'];
  unit?: string;
  direction: Indicator['direction'];
  formula?: string;
  terms: Term[];
  period: Indicator['period'];
  rollUp: Indicator['rollUp'];
};

const emptyTerm = (name = ''): Term => ({ name, definition: '', rollUp: 'sum' });

function initialValues(indicator: Indicator | null): Partial<Values> {
  if (!indicator) {
    return { kind: 'result', nature: 'management', direction: 'higher', period: 'month', rollUp: 'recompute', unit: '', formula: '', terms: [emptyTerm()] };
  }
  return {
    name: indicator.name,
    nameEn: indicator.nameEn ?? '',
    purpose: indicator.purpose,
    perspective: indicator.perspective,
    kind: indicator.kind,
    nature: indicator.nature,
    unit: indicator.unit,
    direction: indicator.direction,
    formula: indicator.formula ?? '',
    terms: indicator.terms.map((term) => ({ ...term })),
    period: indicator.period,
    rollUp: indicator.rollUp,
  };
}

/** Create or edit an indicator: its purpose, classification, terms with their 口径, and the formula. */
export default function IndicatorDrawer({ ws, indicator, onClose }: { ws: string; indicator: Indicator | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<Values>();
  const refresh = useRefreshIndicators(ws);
  const terms = (Form.useWatch('terms', form) ?? []) as (Term | undefined)[];
  const termNames = terms.map((term) => term?.name?.trim() ?? '').filter((n) => n !== '');
  const [formulaRanges, setFormulaRanges] = useState<FormulaRange[]>([]);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const save = useMutation({
    mutationFn: (values: Values): Promise<Indicator> => {
      const formula = values.formula?.trim() ? values.formula.trim() : null;
      const nameEn = values.nameEn?.trim() ? values.nameEn.trim() : null;
      const body = {
        name: values.name,
        purpose: values.purpose,
        perspective: values.perspective as Indicator['perspective'],
        kind: values.kind,
        nature: values.nature,
        unit: values.unit ?? '',
        direction: values.direction,
        formula,
        terms: (values.terms ?? []).map((term) => ({ name: term.name ?? '', definition: term.definition ?? '', rollUp: term.rollUp ?? 'sum' })),
        period: values.period,
        rollUp: values.rollUp,
      };
      return indicator
        ? api.indicators.update(ws, indicator.id, { ...body, nameEn })
        : api.indicators.create(ws, { ...body, ...(nameEn ? { nameEn } : {}) });
    },
    onMutate: () => {
      setFormulaRanges([]);
      setUnplaced([]);
    },
    onSuccess: (saved) => {
      message.success(indicator ? t('indicators.updated') : t('indicators.created', { name: saved.name }));
      void refresh();
      onClose();
    },
    onError: (e) => {
      const left = applyNestedServerErrors(form, e);
      if (!isApiError(e)) return;
      setFormulaRanges(
        e.details
          .filter((d) => d.path?.[1] === 'formula' && d.start !== undefined && d.end !== undefined)
          .map((d) => ({ start: d.start ?? 0, end: d.end ?? 0, severity: 'error' as const, message: d.message })),
      );
      setUnplaced(left.map((d) => d.message).filter((m) => m !== e.message));
    },
  });

  const addTerm = (name: string) => {
    const current = (form.getFieldValue('terms') ?? []) as Term[];
    // fill an empty row first
    const blank = current.findIndex((term) => !term?.name?.trim());
    const next = blank >= 0 ? current.map((term, i) => (i === blank ? { ...term, name } : term)) : [...current, emptyTerm(name)];
    form.setFieldValue('terms', next);
    const index = blank >= 0 ? blank : next.length - 1;
    setTimeout(() => document.querySelector<HTMLTextAreaElement>(`[data-testid=term-definition][data-index="${index}"]`)?.focus(), 50);
  };

  const enumOptions = <T extends string>(values: readonly T[], group: string) =>
    values.map((v) => ({ value: v, label: t(`indicators.${group}.${v}` as never) as string }));

  return (
    <FormDrawer
      form={form}
      onClose={onClose}
      width={760}
      title={indicator ? t('indicators.editTitle', { name: indicator.name }) : t('indicators.createTitle')}
      data-testid="indicator-drawer"
      saving={save.isPending}
      submitLabel={indicator ? t('common.save') : t('common.create')}
      submitTestId="indicator-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(indicator)}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed: Partial<Values>) => {
          if ('formula' in changed) setFormulaRanges([]);
        }}
        data-testid="indicator-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('indicators.name')} rules={fieldRules(createIndicatorInput, 'name')}>
              <Input autoFocus maxLength={100} data-testid="indicator-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={`${t('indicators.nameEn')} (${t('common.optional')})`}>
              <Input maxLength={100} data-testid="indicator-name-en" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="purpose" label={t('indicators.purpose')} extra={t('indicators.purposeHelp')} rules={fieldRules(createIndicatorInput, 'purpose')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="indicator-purpose" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="perspective" label={t('indicators.perspective')} rules={[{ required: true, message: t('field.required') }]}>
              <Select options={enumOptions(PERSPECTIVE_OPTIONS, 'perspectives')} data-testid="indicator-perspective" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="kind" label={t('indicators.kind')} rules={[{ required: true, message: t('field.required') }]}>
              <Select options={enumOptions(KINDS, 'kinds')} data-testid="indicator-kind" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="nature" label={t('indicators.nature')} rules={[{ required: true, message: t('field.required') }]}>
              <Select options={enumOptions(NATURES, 'natures')} data-testid="indicator-nature" />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="unit" label={t('indicators.unit')} rules={fieldRules(createIndicatorInput, 'unit')}>
              <Input maxLength={20} placeholder={t('indicators.unitPlaceholder')} data-testid="indicator-unit" />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item name="direction" label={t('indicators.direction')} rules={[{ required: true, message: t('field.required') }]}>
              <Select options={enumOptions(DIRECTIONS, 'directionsLong')} data-testid="indicator-direction-select" />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="period" label={t('indicators.period')} rules={[{ required: true, message: t('field.required') }]}>
              <Select options={enumOptions(PERIODS, 'periods')} data-testid="indicator-period" />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item name="rollUp" label={t('indicators.rollUp')} rules={[{ required: true, message: t('field.required') }]}>
              <Select options={enumOptions(ROLL_UPS, 'rollUps')} popupMatchSelectWidth={false} data-testid="indicator-rollup" />
            </Form.Item>
          </Col>
        </Row>

        <Form.Item name="formula" label={t('indicators.formula')} extra={t('indicators.formulaHelp')}>
          <FormulaEditor ws={ws} termNames={termNames} onAddTerm={addTerm} extraRanges={formulaRanges} />
        </Form.Item>

        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('indicators.terms')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('indicators.termsHelp')}</Typography.Paragraph>
        <Form.List name="terms">
          {(fields, { add, remove }) => (
            <div data-testid="terms-table">
              {!narrow && (
                <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
                  <Col span={7}>{t('indicators.termName')}</Col>
                  <Col span={11}>{t('indicators.termDefinition')}</Col>
                  <Col span={5}>{t('indicators.termRollUp')}</Col>
                </Row>
              )}
              {fields.map((field) => (
                <Row key={field.key} gutter={8} data-testid="term-row" align="top">
                  <Col xs={24} md={7}>
                    <Form.Item name={[field.name, 'name']} rules={fieldRules(indicatorTerm, 'name')} style={{ marginBottom: 12 }}>
                      <Input placeholder={t('indicators.termName')} maxLength={100} data-testid="term-name" data-index={field.name} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={11}>
                    <Form.Item name={[field.name, 'definition']} rules={fieldRules(indicatorTerm, 'definition')} style={{ marginBottom: 12 }}>
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={2000}
                        placeholder={t('indicators.termDefinitionPlaceholder')}
                        data-testid="term-definition"
                        data-index={field.name}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={18} md={5}>
                    <Form.Item name={[field.name, 'rollUp']} style={{ marginBottom: 12 }}>
                      <Select options={enumOptions(TERM_ROLL_UPS, 'termRollUps')} data-testid="term-rollup" />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={1}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={fields.length <= 1}
                      onClick={() => remove(field.name)}
                      aria-label={t('indicators.removeTerm')}
                      title={t('indicators.removeTerm')}
                      data-testid="term-remove"
                    />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptyTerm())} block data-testid="term-add" style={{ marginBottom: 16 }}>
                {t('indicators.addTerm')}
              </Button>
            </div>
          )}
        </Form.List>
        {unplaced.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={unplaced.map((m) => <div key={m}>{m}</div>)} data-testid="indicator-unplaced-errors" />
        )}
        <FormAlert error={save.error} />
      </Form>
    </FormDrawer>
  );
}
