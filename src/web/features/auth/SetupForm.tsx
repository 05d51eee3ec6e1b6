import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { setupInput } from '../../../contracts/auth.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { applyServerErrors, fieldRules, parseForm, sameAs } from '../../components/form-utils.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useSetup } from './auth-queries.ts';

type Values = { workspaceName: string; adminName: string; email: string; password: string; confirmPassword: string };

/** First run: creates the workspace and its administrator, and signs in. */
export default function SetupForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const setup = useSetup();

  const submit = (values: Values) => {
    const { confirmPassword: _, ...rest } = values;
    const input = parseForm(setupInput, { ...rest, locale: currentLanguage() }, form);
    if (!input) return;
    setup.mutate(input, {
      onSuccess: (me) => {
        const ws = me.workspaces[0];
        navigate(ws ? `/w/${ws.slug}/home` : '/', { replace: true });
      },
      onError: (e) => applyServerErrors(form, e),
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="setup-form">
      <Form.Item name="workspaceName" label={t('landing.workspaceName')} rules={fieldRules(setupInput, 'workspaceName')}>
        <Input autoFocus placeholder={t('landing.workspaceNamePlaceholder')} maxLength={100} />
      </Form.Item>
      <Form.Item name="adminName" label={t('landing.adminName')} rules={fieldRules(setupInput, 'adminName')}>
        <Input autoComplete="name" maxLength={100} />
      </Form.Item>
      <Form.Item name="email" label={t('landing.email')} rules={fieldRules(setupInput, 'email')}>
        <Input inputMode="email" autoComplete="email" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('landing.password')}
        extra={t('landing.passwordHelp')}
        rules={fieldRules(setupInput, 'password')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('landing.confirmPassword')}
        dependencies={['password']}
        rules={[sameAs('password')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <FormAlert error={setup.error} />
      <Button type="primary" htmlType="submit" block size="large" loading={setup.isPending} data-testid="setup-submit">
        {t('landing.setupSubmit')}
      </Button>
    </Form>
  );
}
