import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePasswordInput } from '../../../contracts/auth.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { applyServerErrors, fieldRules, parseForm, sameAs } from '../../components/form-utils.ts';
import { space } from '../../theme.ts';
import { useChangePassword } from './account-queries.ts';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

export default function PasswordCard({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const submit = ({ confirmPassword: _, ...v }: Values) => {
    const input = parseForm(changePasswordInput, v, form);
    if (!input) return;
    change.mutate(input, {
      onSuccess: () => {
        form.resetFields();
        message.success(t('account.passwordChanged'));
      },
      onError: (e) => applyServerErrors(form, e),
    });
  };
  return (
    <Card title={t('account.password')} data-testid="password-card" style={{ height: '100%' }}>
      {disabled && <Alert type="info" showIcon title={t('account.demoNote')} style={{ marginBottom: space.lg }} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={disabled}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={fieldRules(changePasswordInput, 'currentPassword')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.newPassword')} rules={fieldRules(changePasswordInput, 'newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label={t('account.confirmPassword')} dependencies={['newPassword']} rules={[sameAs('newPassword')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <FormAlert error={change.error} />
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
