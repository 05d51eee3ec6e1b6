import { Button, Popconfirm, Space, Table, type TableProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeoplePage, PeopleQuery, Person } from '../../api.ts';
import { fontSize, space } from '../../theme.ts';

type Sort = NonNullable<PeopleQuery['sort']>;
type Props = {
  data: PeoplePage;
  loading: boolean;
  sort: Sort;
  onChange: (page: number, pageSize: number, sort: Sort) => void;
  canEdit: (p: Person) => boolean;
  onEdit: (p: Person) => void;
  onMarkLeft: (p: Person) => void;
  onReactivate: (p: Person) => void;
  empty: ReactNode;
};

const sortField = { name: 'name', unitName: 'unit', updatedAt: 'updatedAt' } as const;

/** The paginated, server-sorted people list. */
export default function PeopleTable({ data, loading, sort, onChange, canEdit, onEdit, onMarkLeft, onReactivate, empty }: Props) {
  const { t } = useTranslation();
  const orderOf = (field: string) => {
    const key = sort.replace('-', '');
    if (key !== field) return null;
    return sort.startsWith('-') ? ('descend' as const) : ('ascend' as const);
  };
  const columns: TableProps<Person>['columns'] = [
    {
      title: t('people.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: orderOf('name'),
      render: (_, p) => (
        <div style={{ minWidth: 120 }}>
          <Typography.Text strong>{p.name}</Typography.Text>
          {p.status === 'left' && <Tag style={{ marginInlineStart: space.xs }}>{t('people.status_left')}</Tag>}
          {p.email && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
                {p.email}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    { title: t('people.employeeNo'), dataIndex: 'employeeNo', responsive: ['xxl'], render: (v) => v ?? '—' },
    { title: t('people.unit'), dataIndex: 'unitName', sorter: true, sortOrder: orderOf('unit'), render: (v) => v ?? '—' },
    { title: t('people.position'), dataIndex: 'positionName', responsive: ['md'], render: (v) => v ?? '—' },
    { title: t('people.manager'), dataIndex: 'managerName', responsive: ['lg'], render: (v) => v ?? '—' },
    {
      title: t('people.joinedOn'),
      dataIndex: 'joinedOn',
      responsive: ['xl'],
      render: (v: string | null, p) => (p.status === 'left' && p.leftOn ? `${v ?? '—'} → ${p.leftOn}` : (v ?? '—')),
    },
    {
      title: t('people.updatedAt'),
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: orderOf('updatedAt'),
      responsive: ['xxl'],
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, p) =>
        canEdit(p) ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => onEdit(p)} data-testid="person-edit">
              {t('common.edit')}
            </Button>
            {p.status === 'active' ? (
              <Button type="link" size="small" danger onClick={() => onMarkLeft(p)} data-testid="person-mark-left">
                {t('people.markLeft')}
              </Button>
            ) : (
              <Popconfirm title={t('people.reactivateConfirm', { name: p.name })} onConfirm={() => onReactivate(p)}>
                <Button type="link" size="small" data-testid="person-reactivate">
                  {t('people.reactivate')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ) : null,
    },
  ];

  return (
    <div data-testid="people-table">
      <Table<Person>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: empty }}
        onRow={(p) => ({ 'data-testid': 'person-row', 'data-person-name': p.name }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: data.page,
          pageSize: data.pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = sortField[s?.field as keyof typeof sortField];
          const next: Sort = field && s?.order ? ((s.order === 'descend' ? `-${field}` : field) as Sort) : 'name';
          onChange(pagination.current ?? 1, pagination.pageSize ?? data.pageSize, next);
        }}
      />
    </div>
  );
}
