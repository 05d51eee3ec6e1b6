import { App, DatePicker, Form, Input, type InputRef, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { createPersonInput, updatePersonInput } from '../../../contracts/org.ts';
import type { Person, Unit } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormDrawer from '../../components/FormDrawer.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { applyServerErrors, fieldRules, parseForm } from '../../components/form-utils.ts';
import PersonSelect from '../../components/PersonSelect.tsx';
import UnitTreeSelect from '../../components/UnitTreeSelect.tsx';
import { usePositions, useReloadOrg, useSavePerson } from './org-queries.ts';

type Props = {
  ws: string;
  units: Unit[];
  person: Person | null;
  defaultUnitId: string | null;
  /** The units this user may place people in (a manager's); null = any. */
  editableUnitIds: Set<string> | null;
  onClose: () => void;
};
type Values = {
  name: string;
  email?: string;
  employeeNo?: string;
  unitId?: string | null;
  positionId?: string | null;
  managerId?: string | null;
  joinedOn?: Dayjs | null;
};

const valuesOf = (person: Person): Values => ({
  name: person.name,
  email: person.email ?? '',
  employeeNo: person.employeeNo ?? '',
  unitId: person.unitId,
  positionId: person.positionId,
  managerId: person.managerId,
  joinedOn: person.joinedOn ? dayjs(person.joinedOn) : null,
});

/** Create or edit a person. Every field is sent, so clearing one clears it on the server. */
export default function PersonDrawer({ ws, units, person, defaultUnitId, editableUnitIds, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const firstField = useRef<InputRef>(null);
  const positions = usePositions(ws);
  const stale = useStaleVersion(person?.version);
  const save = useSavePerson(ws, person?.id ?? null, stale.version);
  const reload = useReloadOrg(ws);
  const reloadPerson = async (id: string) => {
    save.reset();
    const fresh = await reload.person(id);
    form.resetFields();
    form.setFieldsValue(valuesOf(fresh));
  };

  /** The input to send, or null when the form does not parse (its fields then show why). */
  const inputOf = (values: Values) => {
    const body = {
      name: values.name,
      email: values.email?.trim() || null,
      employeeNo: values.employeeNo?.trim() || null,
      unitId: values.unitId ?? null,
      positionId: values.positionId ?? null,
      managerId: values.managerId ?? null,
      joinedOn: values.joinedOn ? values.joinedOn.format('YYYY-MM-DD') : null,
    };
    return person ? parseForm(updatePersonInput, body, form) : parseForm(createPersonInput, body, form);
  };
  const submit = (values: Values, version?: number) => {
    const input = inputOf(values);
    save.mutate(input && version ? { ...input, version } : input, {
      onSuccess: (saved) => {
        if (!saved) return;
        message.success(person ? t('people.updated', { name: saved.name }) : t('people.created', { name: saved.name }));
        onClose();
      },
      onError: (e) => (person && stale.offer(e, { reload: () => reloadPerson(person.id), reapply: (current) => submit(values, current) })) || applyServerErrors(form, e),
    });
  };

  const initialValues: Values = person
    ? valuesOf(person)
    : {
        name: '',
        unitId:
          !editableUnitIds || (defaultUnitId && editableUnitIds.has(defaultUnitId))
            ? defaultUnitId
            : ([...editableUnitIds][0] ?? null),
      };

  return (
    <FormDrawer
      form={form}
      onClose={onClose}
      width={480}
      title={person ? t('people.editTitle', { name: person.name }) : t('people.createTitle')}
      afterOpenChange={(open) => open && firstField.current?.focus()}
      saving={save.isPending}
      submitLabel={person ? t('common.save') : t('common.create')}
      submitTestId="person-submit"
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="person-form">
        <Form.Item name="name" label={t('people.name')} rules={fieldRules(createPersonInput, 'name')}>
          <Input ref={firstField} autoFocus maxLength={100} data-testid="person-name" />
        </Form.Item>
        <Form.Item name="email" label={t('people.email')} rules={fieldRules(createPersonInput, 'email')}>
          <Input inputMode="email" data-testid="person-email" />
        </Form.Item>
        <Form.Item name="employeeNo" label={t('people.employeeNo')} rules={fieldRules(createPersonInput, 'employeeNo')}>
          <Input maxLength={50} data-testid="person-employee-no" />
        </Form.Item>
        <Form.Item name="unitId" label={t('people.unit')}>
          <UnitTreeSelect units={units} activeOnly selectableIds={editableUnitIds} testId="person-unit" />
        </Form.Item>
        <Form.Item name="positionId" label={t('people.position')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={positions.isPending}
            placeholder={t('people.selectPosition')}
            options={(positions.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="person-position"
          />
        </Form.Item>
        <Form.Item name="managerId" label={t('people.manager')}>
          <PersonSelect
            ws={ws}
            initialLabel={person?.managerName}
            excludeId={person?.id}
            placeholder={t('people.selectManager')}
            testId="person-manager"
          />
        </Form.Item>
        <Form.Item name="joinedOn" label={t('people.joinedOn')}>
          <DatePicker style={{ width: '100%' }} data-testid="person-joined-on" />
        </Form.Item>
        <FormAlert error={save.error} />
        <StaleVersionDialog {...stale.dialog} />
      </Form>
    </FormDrawer>
  );
}
