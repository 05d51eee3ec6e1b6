import { Alert, App, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createIndicatorInput } from '../../../contracts/indicators.ts';
import { type Indicator, isApiError } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormDrawer from '../../components/FormDrawer.tsx';
import FormulaEditor, { type FormulaRange } from '../../components/FormulaEditor.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { applyNestedServerErrors, fieldRules } from '../../components/form-utils.ts';
import { space } from '../../theme.ts';
import IndicatorClassFields from './IndicatorClassFields.tsx';
import { emptyTerm, type IndicatorValues, indicatorBody, initialValues, type Term } from './indicator-form.ts';
import { useReloadIndicator, useSaveIndicator } from './indicators-queries.ts';
import TermsEditor from './TermsEditor.tsx';

/** Create or edit an indicator: its purpose, classification, terms with their 口径, and the formula. */
export default function IndicatorDrawer({ ws, indicator, onClose }: { ws: string; indicator: Indicator | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IndicatorValues>();
  const terms = (Form.useWatch('terms', form) ?? []) as (Term | undefined)[];
  const termNames = terms.map((term) => term?.name?.trim() ?? '').filter((n) => n !== '');
  const [formulaRanges, setFormulaRanges] = useState<FormulaRange[]>([]);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const stale = useStaleVersion(indicator?.version);
  const save = useSaveIndicator(ws, indicator?.id ?? null, stale.version);
  const reload = useReloadIndicator(ws);
  const reloadIndicator = async (id: string) => {
    save.reset();
    const fresh = await reload(id);
    form.resetFields();
    form.setFieldsValue(initialValues(fresh));
  };

  const submit = (values: IndicatorValues, version?: number) => {
    setFormulaRanges([]);
    setUnplaced([]);
    save.mutate({ ...indicatorBody(values, indicator !== null), ...(version ? { version } : {}) }, {
      onSuccess: (saved) => {
        message.success(indicator ? t('indicators.updated') : t('indicators.created', { name: saved.name }));
        onClose();
      },
      onError: (e) => {
        if (indicator && stale.offer(e, { reload: () => reloadIndicator(indicator.id), reapply: (current) => submit(values, current) })) return;
        const left = applyNestedServerErrors(form, e);
        if (!isApiError(e)) return;
        // the server's located problems of the formula are underlined in it; the others listed
        setFormulaRanges(
          e.details
            .filter((d) => d.path?.[1] === 'formula' && d.start !== undefined && d.end !== undefined)
            .map((d) => ({ start: d.start ?? 0, end: d.end ?? 0, severity: 'error' as const, message: d.message })),
        );
        setUnplaced(left.map((d) => d.message).filter((m) => m !== e.message));
      },
    });
  };

  const addTerm = (name: string) => {
    const current = (form.getFieldValue('terms') ?? []) as Term[];
    // fill an empty row first
    const blank = current.findIndex((term) => !term?.name?.trim());
    const next = blank >= 0 ? current.map((term, i) => (i === blank ? { ...term, name } : term)) : [...current, emptyTerm(name)];
    form.setFieldValue('terms', next);
    const index = blank >= 0 ? blank : next.length - 1;
    setTimeout(() => document.querySelector<HTMLTextAreaElement>(`[data-testid=term-definition][data-index="${index}"]`)?.focus(), 50);
  };

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
      <Form<IndicatorValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(indicator)}
        onFinish={(v) => submit(v)}
        onValuesChange={(changed: Partial<IndicatorValues>) => {
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
        <IndicatorClassFields />

        <Form.Item name="formula" label={t('indicators.formula')} extra={t('indicators.formulaHelp')}>
          <FormulaEditor ws={ws} termNames={termNames} onAddTerm={addTerm} extraRanges={formulaRanges} />
        </Form.Item>

        <TermsEditor />
        {unplaced.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: space.lg }} title={unplaced.map((m) => <div key={m}>{m}</div>)} data-testid="indicator-unplaced-errors" />
        )}
        <FormAlert error={save.error} />
        <StaleVersionDialog {...stale.dialog} />
      </Form>
    </FormDrawer>
  );
}
