import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import LoadError from '../../components/LoadError.tsx';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import type { Plan } from './goals-api.ts';
import { usePlans } from './goals-queries.ts';
import ImportPlanModal from './ImportPlanModal.tsx';
import PlanCard from './PlanCard.tsx';
import PlanFormModal from './PlanFormModal.tsx';

/** 计划与目标: the workspace's plans; everyone reads them, admins create, import, edit and delete. */
export default function PlansPage() {
  const { t } = useTranslation();
  const { slug: ws } = useCurrentWorkspace();
  const canWritePlans = useCan()('plans.write');
  const navigate = useNavigate();
  const list = usePlans(ws);
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const open = (plan?: Plan) => plan && void navigate(`/w/${ws}/plans/${plan.id}`);

  const buttons = (
    <Space wrap>
      <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="plan-import">
        {t('goals.import.button')}
      </Button>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="plan-create">
        {t('goals.plan.create')}
      </Button>
    </Space>
  );

  const body = () => {
    if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
    if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
    if (list.data.length === 0) {
      return (
        <Empty description={t('goals.plan.emptyTitle')} data-testid="plans-empty">
          <Typography.Paragraph type="secondary" style={{ maxWidth: 620, margin: '0 auto 8px' }}>
            {t('goals.plan.emptyWhat')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 620, margin: '0 auto 16px' }}>
            {canWritePlans ? t('goals.plan.emptyHintAdmin') : t('goals.plan.emptyHint')}
          </Typography.Paragraph>
          {canWritePlans && buttons}
        </Empty>
      );
    }
    return (
      <Row gutter={[16, 16]} data-testid="plans-list">
        {list.data.map((plan) => (
          <Col key={plan.id} xs={24} lg={12} xxl={8}>
            <PlanCard ws={ws} plan={plan} canWrite={canWritePlans} onEdit={setEditing} />
          </Col>
        ))}
      </Row>
    );
  };

  return (
    <Card title={t('goals.title')} extra={canWritePlans && !!list.data?.length && buttons} data-testid="plans-card">
      <Typography.Paragraph type="secondary">{t('goals.intro')}</Typography.Paragraph>
      {body()}
      {editing !== null && (
        <PlanFormModal
          ws={ws}
          plan={editing === 'new' ? null : editing}
          onClose={(saved) => {
            const created = editing === 'new';
            setEditing(null);
            if (created) open(saved);
          }}
        />
      )}
      {importing && (
        <ImportPlanModal
          ws={ws}
          onClose={(plan) => {
            setImporting(false);
            open(plan);
          }}
        />
      )}
    </Card>
  );
}
