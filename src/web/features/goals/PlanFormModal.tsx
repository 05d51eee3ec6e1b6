import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { REVIEW_CADENCES } from '../../../core/goals/types.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { applyNestedServerErrors } from '../../components/form-utils.ts';
import type { Plan } from './goals-api.ts';
import { useReloadGoals, useSavePlan } from './goals-queries.ts';
import PhasesEditor from './PhasesEditor.tsx';
import { withFormPaths } from './server-errors.ts';
import { planBodyOf, planValuesOf, type PlanValues } from './plan-form.ts';

/** Server paths name the API's fields; the form edits the dates as one range. */
const formPath = (path: (string | number)[]) => path.map((p) => (p === 'startsOn' || p === 'endsOn' ? 'range' : p));

/** Create a plan or edit one (admins): name, range, review cadence and phases. Closes with the saved plan. */
export default function PlanFormModal({ ws, plan, onClose }: { ws: string; plan: Plan | null; onClose: (saved?: Plan) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const save = useSavePlan(ws);
  const stale = useStaleVersion(plan?.version);
  const reload = useReloadGoals(ws);
  const reloadPlan = async (id: string) => {
    save.reset();
    const fresh = await reload.plan(id);
    form.resetFields();
    form.setFieldsValue(planValuesOf(fresh));
  };
  const submit = (v: PlanValues, version = stale.version) =>
    save.mutate(
      { id: plan?.id, version, body: planBodyOf(v) },
      {
        onSuccess: (saved) => {
          message.success(plan ? t('goals.plan.saved', { name: saved.name }) : t('goals.plan.created', { name: saved.name }));
          onClose(saved);
        },
        onError: (e) => (plan && stale.offer(e, { reload: () => reloadPlan(plan.id), reapply: (current) => submit(v, current) })) || applyNestedServerErrors(form, withFormPaths(e, formPath)),
      },
    );
  const required = { required: true, message: t('field.required') };

  return (
    <Modal open title={plan ? t('goals.plan.editTitle', { name: plan.name }) : t('goals.plan.createTitle')} onCancel={() => onClose()} footer={null} destroyOnHidden width={640}>
      <Form<PlanValues> form={form} layout="vertical" initialValues={planValuesOf(plan)} onFinish={(v) => submit(v)} data-testid="plan-form">
        <Form.Item name="name" label={t('goals.plan.name')} rules={[required, { max: 100 }]}>
          <Input autoFocus maxLength={100} placeholder={t('goals.plan.namePlaceholder')} data-testid="plan-name" />
        </Form.Item>
        <Form.Item name="range" label={t('goals.plan.range')} rules={[required]}>
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="plan-range" />
        </Form.Item>
        <Form.Item name="reviewCadence" label={t('goals.plan.cadence')} extra={t('goals.plan.cadenceHint')}>
          <Select
            allowClear
            placeholder={t('goals.cadence.none')}
            options={REVIEW_CADENCES.map((c) => ({ value: c, label: t(`goals.cadence.${c}`) }))}
            data-testid="plan-cadence"
          />
        </Form.Item>
        <PhasesEditor form={form} />
        <Form.Item name="description" label={t('goals.plan.description')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="plan-description" />
        </Form.Item>
        <FormAlert error={save.error} />
        <StaleVersionDialog {...stale.dialog} />
        <FormButtons onCancel={() => onClose()} loading={save.isPending} testId="plan-submit" submitLabel={plan ? t('common.save') : t('common.create')} />
      </Form>
    </Modal>
  );
}
