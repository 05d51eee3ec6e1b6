import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createWorkspaceInput } from '../../../contracts/auth.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import { applyServerErrors, fieldRules, parseForm } from '../../components/form-utils.ts';
import { useCreateWorkspace } from '../auth/auth-queries.ts';

type Values = { name: string; slug?: string; kind: 'team' | 'solo' };

export default function CreateWorkspaceModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const create = useCreateWorkspace();
  const submit = (values: Values) => {
    const input = parseForm(createWorkspaceInput, { ...values, slug: values.slug || undefined }, form);
    if (!input) return;
    create.mutate(input, {
      onSuccess: (ws) => {
        message.success(t('workspace.created', { name: ws.name }));
        onClose();
        // a team starts by building its organisation; a solo seller by their goals
        navigate(`/w/${ws.slug}/${ws.kind === 'solo' ? 'home' : 'org'}`);
      },
      onError: (e) => applyServerErrors(form, e),
    });
  };
  return (
    <Modal
      open={open}
      title={t('workspace.createTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => {
        create.reset();
        form.resetFields();
      }}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'team' }} data-testid="workspace-form">
        <Form.Item name="name" label={t('workspace.name')} rules={fieldRules(createWorkspaceInput, 'name')}>
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item name="slug" label={t('workspace.slug')} extra={t('workspace.slugHelp')} rules={fieldRules(createWorkspaceInput, 'slug')}>
          <Input maxLength={40} placeholder="east-sales" />
        </Form.Item>
        <Form.Item name="kind" label={t('workspace.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'team', label: t('workspace.kind_team') },
              { value: 'solo', label: t('workspace.kind_solo') },
            ]}
          />
        </Form.Item>
        <FormAlert error={create.error} />
        <FormButtons onCancel={onClose} submitLabel={t('common.create')} loading={create.isPending} testId="workspace-submit" />
      </Form>
    </Modal>
  );
}
