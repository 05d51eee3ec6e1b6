import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../contracts/common.ts';
import { addMemberInput, updateMemberInput } from '../../../contracts/org.ts';
import type { Member } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { applyServerErrors, fieldRules, parseForm } from '../../components/form-utils.ts';
import PersonSelect from '../../components/PersonSelect.tsx';
import { useReloadMember, useSaveMember } from './members-queries.ts';

type Values = { email?: string; name?: string; role: Role; personId?: string | null; password?: string };

/** Add a member (email, name, role, linked person, initial password) or edit one's role and person. */
export default function MemberModal({ ws, member, onClose }: { ws: string; member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const stale = useStaleVersion(member?.version);
  const save = useSaveMember(ws, member?.userId ?? null, stale.version);
  const reload = useReloadMember(ws);
  const reloadMember = async (userId: string) => {
    save.reset();
    const fresh = await reload(userId);
    if (fresh) form.setFieldsValue({ role: fresh.role, personId: fresh.personId });
  };
  // parsed here so that field errors show on the form; an input that does not parse sends nothing
  const parse = (v: Values) => {
    if (member) return parseForm(updateMemberInput, { role: v.role, personId: v.personId ?? null }, form);
    const body = { email: v.email, name: v.name, role: v.role, personId: v.personId ?? null, password: v.password || undefined };
    return parseForm(addMemberInput, body, form);
  };
  const submit = (v: Values, version?: number) => {
    const input = parse(v);
    save.mutate(input && version ? { ...input, version } : input, {
      onSuccess: (m) => {
        if (!m) return;
        message.success(member ? t('common.saved') : t('members.added', { name: m.name }));
        onClose();
      },
      onError: (e) => (member && stale.offer(e, { reload: () => reloadMember(member.userId), reapply: (current) => submit(v, current) })) || applyServerErrors(form, e),
    });
  };
  const roleOptions = (['admin', 'manager', 'member'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <Modal open title={member ? t('members.editTitle', { name: member.name }) : t('members.addTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: member?.role ?? 'member', personId: member?.personId ?? null }}
        onFinish={submit}
        data-testid="member-form"
      >
        {!member && (
          <>
            <Form.Item name="email" label={t('members.email')} rules={fieldRules(addMemberInput, 'email')}>
              <Input inputMode="email" autoFocus data-testid="member-email" />
            </Form.Item>
            <Form.Item name="name" label={t('members.name')} rules={fieldRules(addMemberInput, 'name')}>
              <Input maxLength={100} data-testid="member-name" />
            </Form.Item>
          </>
        )}
        <Form.Item name="role" label={t('members.role')} rules={fieldRules(addMemberInput, 'role')}>
          <Select options={roleOptions} data-testid="member-role-select" />
        </Form.Item>
        <Form.Item name="personId" label={t('members.person')}>
          <PersonSelect ws={ws} initialLabel={member?.personName} testId="member-person" />
        </Form.Item>
        {!member && (
          <Form.Item
            name="password"
            label={t('members.password')}
            extra={t('members.passwordHelp')}
            rules={fieldRules(addMemberInput, 'password')}
          >
            <Input.Password autoComplete="new-password" data-testid="member-password" />
          </Form.Item>
        )}
        <FormAlert error={save.error} />
        <StaleVersionDialog {...stale.dialog} />
        <FormButtons
          onCancel={onClose}
          submitLabel={member ? t('common.save') : t('members.add')}
          loading={save.isPending}
          testId="member-submit"
        />
      </Form>
    </Modal>
  );
}
