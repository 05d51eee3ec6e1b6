import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiToken, api } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import CreateTokenModal from './CreateTokenModal.tsx';
import { confirmOkProps } from '../../components/confirm-props.ts';

export const tokensKey = ['tokens'] as const;
const when = (v: string | null, fallback: string) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : fallback);

/** API tokens of the signed-in user: list, create (shown once), revoke. */
/** Personal API tokens; the shared demo accounts may not create any (the server refuses too). */
export default function TokensCard({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: api.auth.tokens });
  const [creating, setCreating] = useState(false);
  const revoke = useMutation({ mutationFn: (tk: ApiToken) => api.auth.revokeToken(tk.id) });

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
        } finally {
          void tokens.refetch();
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
      {disabled && <Alert type="info" showIcon title={t('account.demoTokensNote')} style={{ marginBottom: 16 }} />}
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
      {creating && <CreateTokenModal onClose={() => setCreating(false)} onCreated={() => void tokens.refetch()} />}
    </Card>
  );
}
