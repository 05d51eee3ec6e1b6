import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import PositionModal from './PositionModal.tsx';
import { useDeletePosition, usePositionList } from './positions-queries.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';

/** 岗位: the positions with their headcount; admins create, edit and delete them. */
export default function PositionsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { slug: ws } = useCurrentWorkspace();
  const canWrite = useCan()('position.write');
  const positions = usePositionList(ws);
  const [editing, setEditing] = useState<{ position: Position | null } | null>(null);
  const remove = useDeletePosition(ws);

  const confirmDelete = (p: Position) =>
    modal.confirm({
      title: t('positions.deleteConfirm', { name: p.name }),
      content: t('positions.deleteHint'),
      okText: t('common.delete'),
      okType: 'danger',
      okButtonProps: confirmOkProps,
      onOk: async () => {
        try {
          await remove.mutateAsync(p);
          message.success(t('positions.deleted', { name: p.name }));
        } catch (e) {
          message.error(errorMessage(e), 6);
        }
      },
    });

  const addButton = (testId: string) => (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ position: null })} data-testid={testId}>
      {t('positions.add')}
    </Button>
  );

  return (
    <Card title={t('positions.title')} extra={canWrite && addButton('position-add')} data-testid="positions-card">
      {positions.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : positions.isError ? (
        <LoadError error={positions.error} onRetry={() => positions.refetch()} />
      ) : positions.data.length === 0 ? (
        <Empty description={t('positions.emptyTitle')} data-testid="positions-empty">
          <Typography.Paragraph type="secondary">{t('positions.emptyHint')}</Typography.Paragraph>
          {canWrite && addButton('position-add-empty')}
        </Empty>
      ) : (
        <div data-testid="positions-table">
          <Table<Position>
            rowKey="id"
            dataSource={positions.data}
            loading={positions.isFetching}
            pagination={positions.data.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 'max-content' }}
            onRow={(p) => ({ 'data-testid': 'position-row', 'data-position-name': p.name }) as object}
            columns={[
              { title: t('positions.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
              {
                title: t('positions.description'),
                dataIndex: 'description',
                responsive: ['md'],
                render: (v: string) => <Typography.Text type="secondary">{v || '—'}</Typography.Text>,
              },
              { title: t('positions.headcount'), dataIndex: 'headcount', width: 110, align: 'right', sorter: (a, b) => a.headcount - b.headcount },
              ...(canWrite
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 150,
                      render: (_: unknown, p: Position) => (
                        <Space size={0}>
                          <Button type="link" size="small" onClick={() => setEditing({ position: p })} data-testid="position-edit">
                            {t('common.edit')}
                          </Button>
                          <Button type="link" size="small" danger onClick={() => confirmDelete(p)} data-testid="position-delete">
                            {t('common.delete')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}
      {editing && <PositionModal ws={ws} position={editing.position} onClose={() => setEditing(null)} />}
    </Card>
  );
}
