import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { createPositionInput, updatePositionInput } from '../../../contracts/org.ts';
import type { Position } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { applyServerErrors, fieldRules, parseForm } from '../../components/form-utils.ts';
import { useReloadPosition, useSavePosition } from './positions-queries.ts';

type Values = { name: string; description?: string };

export default function PositionModal({ ws, position, onClose }: { ws: string; position: Position | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const stale = useStaleVersion(position?.version);
  const save = useSavePosition(ws, position?.id ?? null, stale.version);
  const reload = useReloadPosition(ws);
  const reloadPosition = async (id: string) => {
    save.reset();
    const fresh = await reload(id);
    if (fresh) form.setFieldsValue({ name: fresh.name, description: fresh.description });
  };
  // parsed here so that field errors show on the form; an input that does not parse sends nothing
  const parse = (values: Values) => {
    const body = { name: values.name, description: values.description ?? '' };
    return position ? parseForm(updatePositionInput, body, form) : parseForm(createPositionInput, body, form);
  };
  const submit = (values: Values, version?: number) => {
    const input = parse(values);
    save.mutate(input && version ? { ...input, version } : input, {
      onSuccess: (p) => {
        if (!p) return;
        message.success(position ? t('positions.updated') : t('positions.created', { name: p.name }));
        onClose();
      },
      onError: (e) => (position && stale.offer(e, { reload: () => reloadPosition(position.id), reapply: (current) => submit(values, current) })) || applyServerErrors(form, e),
    });
  };
  return (
    <Modal
      open
      title={position ? t('positions.editTitle', { name: position.name }) : t('positions.createTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: position?.name ?? '', description: position?.description ?? '' }}
        onFinish={submit}
        data-testid="position-form"
      >
        <Form.Item name="name" label={t('positions.name')} rules={fieldRules(createPositionInput, 'name')}>
          <Input autoFocus maxLength={100} data-testid="position-name" />
        </Form.Item>
        <Form.Item name="description" label={t('positions.description')} rules={fieldRules(createPositionInput, 'description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <FormAlert error={save.error} />
        <StaleVersionDialog {...stale.dialog} />
        <FormButtons
          onCancel={onClose}
          submitLabel={position ? t('common.save') : t('common.create')}
          loading={save.isPending}
          testId="position-submit"
        />
      </Form>
    </Modal>
  );
}
