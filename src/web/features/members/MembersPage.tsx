import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../contracts/common.ts';
import { ApiError, type Member } from '../../api.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { useMe } from '../auth/auth-queries.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import { space } from '../../theme.ts';
import MemberModal from './MemberModal.tsx';
import { useChangeMemberRole, useMembers, useRemoveMember } from './members-queries.ts';

const roles: Role[] = ['admin', 'manager', 'member'];

/** 成员与权限 (admins): who can sign in to this workspace and with which role. */
export default function MembersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { slug: ws } = useCurrentWorkspace();
  const canManage = useCan()('members.manage');
  const me = useMe().data;
  const members = useMembers(ws, canManage);
  const [editing, setEditing] = useState<{ member: Member | null } | null>(null);
  const changeRole = useChangeMemberRole(ws);
  const remove = useRemoveMember(ws);
  // a role changed meanwhile by another admin: the dialog offers the list as it is now, or this change over it
  const stale = useStaleVersion(undefined);
  const setRole = (m: Member, role: Role, version?: number): Promise<void> =>
    changeRole.mutateAsync({ m, role, version }).then(
      (changed) => void message.success(t('members.roleChanged', { name: changed.name, role: t(`role.${changed.role}`) })),
      (e) => void (stale.offer(e, { reload: () => members.refetch(), reapply: (current) => setRole(m, role, current) }) || message.error(errorMessage(e), 6)),
    );

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
                    {m.userId === me?.user.id && <Tag style={{ marginInlineStart: space.xs }}>{t('members.you')}</Tag>}
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
                    onChange={(next) => setRole(m, next)}
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
      <StaleVersionDialog {...stale.dialog} />
    </Card>
  );
}
