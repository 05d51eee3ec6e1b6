import { Alert, Button, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { createTokenInput } from '../../../contracts/auth.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import { applyServerErrors, fieldRules, parseForm } from '../../components/form-utils.ts';
import { fontSize, space } from '../../theme.ts';
import { useCreateToken } from './account-queries.ts';

type Values = { name: string; expiresInDays?: number | null };

/** Creates a token and shows its secret exactly once, with a copy button. */
export default function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const submit = (v: Values) => {
    const input = parseForm(createTokenInput, { name: v.name, expiresInDays: v.expiresInDays ?? null }, form);
    if (input) create.mutate(input, { onError: (e) => applyServerErrors(form, e) });
  };
  const created = create.data;
  return (
    <Modal
      open
      title={created ? t('account.tokenCreatedTitle') : t('account.createTokenTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      maskClosable={!created}
    >
      {created ? (
        <div data-testid="token-created">
          <Alert type="warning" showIcon title={t('account.tokenOnce')} style={{ marginBottom: space.lg }} />
          <Typography.Paragraph
            code
            copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }}
            style={{ wordBreak: 'break-all', fontSize: fontSize.small }}
            data-testid="token-value"
          >
            {created.token}
          </Typography.Paragraph>
          <div style={{ textAlign: 'right' }}>
            <Button type="primary" autoFocus onClick={onClose} data-testid="token-done">
              {t('common.close')}
            </Button>
          </div>
        </div>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} data-testid="token-form">
          <Form.Item name="name" label={t('account.tokenName')} rules={fieldRules(createTokenInput, 'name')}>
            <Input autoFocus maxLength={100} placeholder="kedu-cli" data-testid="token-name" />
          </Form.Item>
          <Form.Item
            name="expiresInDays"
            label={t('account.expiresInDays')}
            extra={t('account.expiresInDaysHelp')}
            rules={fieldRules(createTokenInput, 'expiresInDays', (v) => v ?? null)}
          >
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <FormAlert error={create.error} />
          <FormButtons onCancel={onClose} submitLabel={t('common.create')} loading={create.isPending} testId="token-submit" />
        </Form>
      )}
    </Modal>
  );
}
