import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { createPositionInput, updatePositionInput } from '../../../contracts/org.ts';
import type { Position } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import { applyServerErrors, fieldRules, parseForm } from '../../components/form-utils.ts';
import { useSavePosition } from './positions-queries.ts';

type Values = { name: string; description?: string };

export default function PositionModal({ ws, position, onClose }: { ws: string; position: Position | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePosition(ws, position?.id ?? null, position?.version);
  // parsed here so that field errors show on the form; an input that does not parse sends nothing
  const parse = (values: Values) => {
    const body = { name: values.name, description: values.description ?? '' };
    return position ? parseForm(updatePositionInput, body, form) : parseForm(createPositionInput, body, form);
  };
  const submit = (values: Values) =>
    save.mutate(parse(values), {
      onSuccess: (p) => {
        if (!p) return;
        message.success(position ? t('positions.updated') : t('positions.created', { name: p.name }));
        onClose();
      },
      onError: (e) => applyServerErrors(form, e),
    });
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
