import { Button, Divider, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { loginInput } from '../../../contracts/auth.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { applyServerErrors, fieldRules, parseForm } from '../../components/form-utils.ts';
import { useLogin } from './auth-queries.ts';
import { useEnterDemo } from './use-enter-demo.ts';

type Values = { email: string; password: string };

/** Where to go after signing in: the page that sent us here, if it was inside the app. */
function targetAfterSignIn(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export default function SignInForm({ demoEnabled }: { demoEnabled: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const location = useLocation();
  const openDemo = useEnterDemo();
  const login = useLogin();

  const submit = (values: Values) => {
    const input = parseForm(loginInput, values, form);
    if (!input) return;
    login.mutate(input, {
      onSuccess: () => navigate(targetAfterSignIn(location.state), { replace: true }),
      onError: (e) => applyServerErrors(form, e),
    });
  };

  return (
    <>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="signin-form">
        <Form.Item name="email" label={t('landing.email')} rules={fieldRules(loginInput, 'email')}>
          <Input inputMode="email" autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('landing.password')} rules={fieldRules(loginInput, 'password')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <FormAlert error={login.error} />
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="signin-submit">
          {t('landing.signInSubmit')}
        </Button>
      </Form>
      {demoEnabled && (
        <>
          <Divider plain>{t('landing.or')}</Divider>
          <FormAlert error={openDemo.error} />
          <Button block size="large" loading={openDemo.isPending} onClick={() => openDemo.mutate()} data-testid="demo-open">
            {t('landing.demoButton')}
          </Button>
        </>
      )}
    </>
  );
}
