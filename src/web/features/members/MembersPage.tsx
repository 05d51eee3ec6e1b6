import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../contracts/common.ts';
import { ApiError, api, type Member } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { useCan, useCurrentWorkspace, useMe } from '../auth/session.ts';
import { wsKey } from '../org/org-queries.ts';
import MemberModal from './MemberModal.tsx';
import { confirmOkProps } from '../../components/confirm-props.ts';

const roles: Role[] = ['admin', 'manager', 'member'];

/** 成员与权限 (admins): who can sign in to this workspace and with which role. */
export default function MembersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { slug: ws } = useCurrentWorkspace();
  const canManage = useCan()('members.manage');
  const me = useMe().data;
  const members = useQuery({ queryKey: [...wsKey(ws), 'members'], queryFn: () => api.members.list(ws), enabled: canManage });
  const [editing, setEditing] = useState<{ member: Member | null } | null>(null);
  const changeRole = useMutation({
    mutationFn: ({ m, role }: { m: Member; role: Role }) => api.members.update(ws, m.userId, { role }),
    onSuccess: (m) => void message.success(t('members.roleChanged', { name: m.name, role: t(`role.${m.role}`) })),
    onError: (e) => void message.error(errorMessage(e), 6),
    onSettled: () => members.refetch(),
  });
  const remove = useMutation({ mutationFn: (m: Member) => api.members.remove(ws, m.userId) });

  if (!canManage) return <LoadError error={new ApiError(403, 'forbidden', t('error.forbidden'))} />;

  const confirmRemove = (m: Member) =>
    modal.confirm({
      title: t('members.removeConfirm', { name: m.name }),
      content: t('members.removeHint'),
      okText: t('common.remove'),
      okType: 'danger',
      okButtonProps: confirmOkProps,
      onOk: async () => {
        try {
          await remove.mutateAsync(m);
          message.success(t('members.removed', { name: m.name }));
        } catch (e) {
          message.error(errorMessage(e), 6);
        } finally {
          void members.refetch();
        }
      },
    });

  const addButton = (testId: string) => (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ member: null })} data-testid={testId}>
      {t('members.add')}
    </Button>
  );

  return (
    <Card title={t('members.title')} extra={addButton('member-add')} data-testid="members-card">
      <Typography.Paragraph type="secondary">{t('members.intro')}</Typography.Paragraph>
      {members.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : members.isError ? (
        <LoadError error={members.error} onRetry={() => members.refetch()} />
      ) : (
        <div data-testid="members-table">
          <Table<Member>
            rowKey="userId"
            dataSource={members.data}
            loading={members.isFetching}
            pagination={members.data.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('members.emptyTitle')}>{addButton('member-add-empty')}</Empty> }}
            onRow={(m) => ({ 'data-testid': 'member-row', 'data-member-email': m.email }) as object}
            columns={[
              {
                title: t('members.name'),
                dataIndex: 'name',
                render: (v: string, m) => (
                  <span>
                    {v}
                    {m.userId === me?.user.id && <Tag style={{ marginInlineStart: 6 }}>{t('members.you')}</Tag>}
                  </span>
                ),
              },
              { title: t('members.email'), dataIndex: 'email' },
              {
                title: t('members.role'),
                dataIndex: 'role',
                render: (role: Role, m) => (
                  <Select<Role>
                    value={role}
                    size="small"
                    style={{ width: 110 }}
                    aria-label={t('members.role')}
                    data-testid="member-role"
                    disabled={changeRole.isPending && changeRole.variables?.m.userId === m.userId}
                    onChange={(next) => changeRole.mutate({ m, role: next })}
                    options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                  />
                ),
              },
              {
                title: t('members.person'),
                dataIndex: 'personName',
                responsive: ['md'],
                render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('members.noPerson')}</Typography.Text>,
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, m) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing({ member: m })} data-testid="member-edit">
                      {t('common.edit')}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => confirmRemove(m)} data-testid="member-remove">
                      {t('common.remove')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </div>
      )}
      {editing && <MemberModal ws={ws} member={editing.member} onClose={() => setEditing(null)} />}
    </Card>
  );
}
