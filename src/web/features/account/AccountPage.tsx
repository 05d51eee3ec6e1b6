import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import { useMe } from '../auth/auth-queries.ts';
import CreateWorkspaceModal from '../shell/CreateWorkspaceModal.tsx';
import PasswordCard from './PasswordCard.tsx';
import ProfileCard from './ProfileCard.tsx';
import TokensCard from './TokensCard.tsx';

/** 账户: profile and language, password, API tokens. */
export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [creating, setCreating] = useState(false);
  if (!me) return null;
  return (
    <div data-testid="account-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('account.title')}
      </Typography.Title>
      {me.workspaces.length === 0 && (
        <Empty
          style={{ marginBottom: space.xl }}
          description={
            <>
              <div>{t('workspace.noneTitle')}</div>
              <Typography.Text type="secondary">{t('workspace.noneHint')}</Typography.Text>
            </>
          }
        >
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('header.createWorkspace')}
          </Button>
          <CreateWorkspaceModal open={creating} onClose={() => setCreating(false)} />
        </Empty>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ProfileCard me={me} />
        </Col>
        <Col xs={24} lg={12}>
          <PasswordCard disabled={me.user.isDemo} />
        </Col>
        <Col xs={24}>
          <TokensCard disabled={me.user.isDemo} />
        </Col>
      </Row>
    </div>
  );
}
