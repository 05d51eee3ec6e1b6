import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { createUnitInput, updateUnitInput } from '../../../contracts/org.ts';
import type { Unit } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { applyServerErrors, fieldRules, parseForm } from '../../components/form-utils.ts';
import PersonSelect from '../../components/PersonSelect.tsx';
import UnitTreeSelect from '../../components/UnitTreeSelect.tsx';
import { useReloadOrg, useSaveUnit } from './org-queries.ts';

export type UnitDialogState =
  | { kind: 'create'; parent: Unit | null }
  | { kind: 'rename' | 'move' | 'lead'; unit: Unit };

type Props = { ws: string; units: Unit[]; state: UnitDialogState; onClose: () => void; onDone: (unit: Unit) => void };
type Values = { name?: string; parentId?: string | null; leadPersonId?: string | null };

/** One small form per unit action: create (sub-)unit, rename, move, set lead. */
export default function UnitDialog({ ws, units, state, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const stale = useStaleVersion(state.kind === 'create' ? undefined : state.unit.version);
  const save = useSaveUnit(ws, state.kind === 'create' ? null : state.unit.id, stale.version);
  const reload = useReloadOrg(ws);
  const reloadUnit = async (id: string) => {
    save.reset();
    const fresh = await reload.unit(id);
    if (fresh) form.setFieldsValue({ name: fresh.name, parentId: fresh.parentId, leadPersonId: fresh.leadPersonId });
  };
  /** The input of the action, or null when the form does not parse (its fields then show why). */
  const inputOf = (values: Values) => {
    if (state.kind === 'create') return parseForm(createUnitInput, { name: values.name, parentId: state.parent?.id ?? null }, form);
    const body =
      state.kind === 'rename'
        ? { name: values.name }
        : state.kind === 'move'
          ? { parentId: values.parentId ?? null }
          : { leadPersonId: values.leadPersonId ?? null };
    return parseForm(updateUnitInput, body, form);
  };
  const submit = (values: Values, version?: number) => {
    const input = inputOf(values);
    save.mutate(input && version ? { ...input, version } : input, {
      onSuccess: (unit) => {
        if (!unit) return;
        message.success(state.kind === 'create' ? t('units.created', { name: unit.name }) : t('units.updated'));
        onDone(unit);
        onClose();
      },
      onError: (e) =>
        (state.kind !== 'create' && stale.offer(e, { reload: () => reloadUnit(state.unit.id), reapply: (current) => submit(values, current) })) || applyServerErrors(form, e),
    });
  };

  const unit = state.kind === 'create' ? null : state.unit;
  const title =
    state.kind === 'create'
      ? state.parent
        ? t('units.createChildTitle', { parent: state.parent.name })
        : t('units.createTitle')
      : state.kind === 'rename'
        ? t('units.renameTitle', { name: state.unit.name })
        : state.kind === 'move'
          ? t('units.moveTitle', { name: state.unit.name })
          : t('units.leadTitle', { name: state.unit.name });
  const initialValues: Values = {
    name: state.kind === 'rename' ? state.unit.name : undefined,
    parentId: unit?.parentId ?? null,
    leadPersonId: unit?.leadPersonId ?? null,
  };

  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden afterClose={() => save.reset()}>
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => submit(v)} data-testid="unit-form">
        {(state.kind === 'create' || state.kind === 'rename') && (
          <Form.Item name="name" label={t('units.name')} rules={fieldRules(createUnitInput, 'name')}>
            <Input autoFocus maxLength={100} data-testid="unit-name-input" />
          </Form.Item>
        )}
        {state.kind === 'move' && (
          <>
            <Typography.Paragraph type="secondary">{t('units.moveHint')}</Typography.Paragraph>
            <Form.Item name="parentId" label={t('units.parent')}>
              <UnitTreeSelect units={units} withRoot testId="unit-parent-select" />
            </Form.Item>
          </>
        )}
        {state.kind === 'lead' && (
          <Form.Item name="leadPersonId" label={t('units.lead')}>
            <PersonSelect ws={ws} initialLabel={state.unit.leadName} testId="unit-lead-select" />
          </Form.Item>
        )}
        <FormAlert error={save.error} />
        <StaleVersionDialog {...stale.dialog} />
        <FormButtons
          onCancel={onClose}
          submitLabel={state.kind === 'create' ? t('common.create') : t('common.save')}
          loading={save.isPending}
          testId="unit-submit"
        />
      </Form>
    </Modal>
  );
}
