import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import LoadError from '../../components/LoadError.tsx';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import CycleFormModal from './CycleFormModal.tsx';
import CyclesTable from './CyclesTable.tsx';
import { useCycles } from './cycles-queries.ts';

/** 考核: the workspace's appraisal cycles, newest period first; admins create new ones. */
export default function CyclesPage() {
  const { t } = useTranslation();
  const { slug: ws } = useCurrentWorkspace();
  const can = useCan();
  const canManage = can('cycles.manage');
  const navigate = useNavigate();
  const list = useCycles(ws);
  const [creating, setCreating] = useState(false);
  // who does not see the participants (`metrics.diff`) follows their own result
  const member = !can('metrics.diff');

  const body = () => {
    if (list.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
    if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
    if (list.data.length === 0) {
      return (
        <Empty description={t('cycles.emptyTitle')} data-testid="cycles-empty">
          <Typography.Paragraph type="secondary">{canManage ? t('cycles.emptyHintAdmin') : t('cycles.emptyHint')}</Typography.Paragraph>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cycles-empty-create">
              {t('cycles.create')}
            </Button>
          )}
        </Empty>
      );
    }
    return <CyclesTable ws={ws} cycles={list.data} member={member} />;
  };

  return (
    <Card
      title={t('cycles.title')}
      data-testid="cycles-card"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cycle-create">
            {t('cycles.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{member ? t('cycles.introMember') : t('cycles.intro')}</Typography.Paragraph>
      {body()}
      {creating && (
        <CycleFormModal
          ws={ws}
          cycle={null}
          onClose={(created) => {
            setCreating(false);
            if (created) void navigate(`/w/${ws}/cycles/${created.id}`);
          }}
        />
      )}
    </Card>
  );
}
