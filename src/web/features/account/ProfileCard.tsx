import { App, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { updateProfileInput } from '../../../contracts/auth.ts';
import type { Me } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { applyServerErrors, fieldRules, parseForm } from '../../components/form-utils.ts';
import type { Lang } from '../../i18n/index.ts';
import { useUpdateProfile } from './account-queries.ts';

type Values = { name: string; locale: Lang | 'auto' };

/** Name and preferred language of the signed-in user. */
export default function ProfileCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useUpdateProfile();
  const submit = (v: Values) => {
    const input = parseForm(updateProfileInput, { name: v.name, locale: v.locale === 'auto' ? null : v.locale }, form);
    if (!input) return;
    save.mutate(input, {
      onSuccess: () => void message.success(t('account.profileSaved')),
      onError: (e) => applyServerErrors(form, e),
    });
  };
  return (
    <Card title={t('account.profile')} data-testid="profile-card" style={{ height: '100%' }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: me.user.name, locale: me.user.locale ?? 'auto' }}
        onFinish={submit}
      >
        <Form.Item label={t('account.email')}>
          <Input value={me.user.email} disabled />
        </Form.Item>
        <Form.Item name="name" label={t('account.name')} rules={fieldRules(updateProfileInput, 'name')}>
          <Input maxLength={100} data-testid="profile-name" />
        </Form.Item>
        <Form.Item name="locale" label={t('account.language')}>
          <Select
            data-testid="profile-locale"
            options={[
              { value: 'zh-CN', label: t('language.zh') },
              { value: 'en', label: t('language.en') },
              { value: 'auto', label: t('language.followBrowser') },
            ]}
          />
        </Form.Item>
        <FormAlert error={save.error} />
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="profile-submit">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
