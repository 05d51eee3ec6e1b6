import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../api.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { space } from '../../theme.ts';
import { useRevokeToken, useTokens } from './account-queries.ts';
import CreateTokenModal from './CreateTokenModal.tsx';

const when = (v: string | null, fallback: string) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : fallback);

/**
 * API tokens of the signed-in user: list, create (shown once), revoke. The shared demo accounts
 * may not create any (the server refuses too).
 */
export default function TokensCard({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const revoke = useRevokeToken();

  const confirmRevoke = (tk: ApiToken) =>
    modal.confirm({
      title: t('account.revokeConfirm', { name: tk.name }),
      content: t('account.revokeHint'),
      okText: t('account.revoke'),
      okType: 'danger',
      okButtonProps: confirmOkProps,
      onOk: async () => {
        try {
          await revoke.mutateAsync(tk);
          message.success(t('account.revoked'));
        } catch (e) {
          message.error(errorMessage(e), 6);
        }
      },
    });

  const addButton = (testId: string) => (
    <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={disabled} data-testid={testId}>
      {t('account.createToken')}
    </Button>
  );
  return (
    <Card title={t('account.tokens')} extra={addButton('token-add')} data-testid="tokens-card">
      {disabled && <Alert type="info" showIcon title={t('account.demoTokensNote')} style={{ marginBottom: space.lg }} />}
      <Typography.Paragraph type="secondary">{t('account.tokensIntro')}</Typography.Paragraph>
      {tokens.isPending ? (
        <Skeleton active />
      ) : tokens.isError ? (
        <LoadError error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : (
        <div data-testid="tokens-table">
          <Table<ApiToken>
            rowKey="id"
            size="small"
            dataSource={tokens.data}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('account.tokensEmpty')}>{addButton('token-add-empty')}</Empty> }}
            columns={[
              { title: t('account.tokenName'), dataIndex: 'name' },
              { title: t('account.tokenPrefix'), dataIndex: 'prefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
              { title: t('account.createdAt'), dataIndex: 'createdAt', render: (v: string) => when(v, '—') },
              { title: t('account.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => when(v, t('account.neverUsed')) },
              { title: t('account.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => when(v, t('account.never')) },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, tk) => (
                  <Button type="link" danger size="small" onClick={() => confirmRevoke(tk)} data-testid="token-revoke">
                    {t('account.revoke')}
                  </Button>
                ),
              },
            ]}
          />
        </div>
      )}
      {creating && <CreateTokenModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
