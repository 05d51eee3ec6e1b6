import { ExperimentOutlined, RocketOutlined } from '@ant-design/icons';
import { Button, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import Brand from '../../components/Brand.tsx';
import FormAlert from '../../components/FormAlert.tsx';
import FullPageSpin from '../../components/FullPageSpin.tsx';
import LanguageSwitch from '../../components/LanguageSwitch.tsx';
import Panel from '../../components/Panel.tsx';
import { EntryError } from '../../components/RouteError.tsx';
import { fontSize, space, surface } from '../../theme.ts';
import { useMe, useSetupStatus } from './auth-queries.ts';
import SetupForm from './SetupForm.tsx';
import SignInForm from './SignInForm.tsx';
import { useEnterDemo } from './use-enter-demo.ts';

/**
 * `/login`: the first-run page (setup + demo) while the server has no workspace yet,
 * the sign-in page afterwards.
 */
export default function LandingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const status = useSetupStatus();
  // before setup, accounts can still exist (the demo's): let them sign in too
  const [signingIn, setSigningIn] = useState(false);
  if (me.data) return <Navigate to="/" replace />;
  if (status.isPending || me.isPending) return <FullPageSpin />;
  if (status.isError) return <EntryError error={status.error} onRetry={() => status.refetch()} />;
  const { demoEnabled, version, database } = status.data;
  const needsSetup = status.data.needsSetup && !signingIn;

  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: `linear-gradient(160deg, ${surface.landingFrom} 0%, ${surface.landingTo} 55%)` }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: `${space.lg}px ${space.xl}px` }}>
        <Brand />
        <LanguageSwitch size="small" />
      </header>
      <main style={{ flex: 1, width: '100%', maxWidth: needsSetup ? 1000 : 440, margin: '0 auto', padding: `${space.xl}px ${space.lg}px`, boxSizing: 'border-box' }}>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: space.xl }}>
          {t('app.tagline')}
        </Typography.Paragraph>
        {needsSetup ? (
          <Row gutter={[24, 24]} align="stretch">
            <Col xs={24} md={demoEnabled ? 14 : 24}>
              <Panel testId="setup-card" title={<><RocketOutlined /> {t('landing.setupTitle')}</>}>
                <Typography.Paragraph type="secondary">{t('landing.setupIntro')}</Typography.Paragraph>
                <SetupForm />
              </Panel>
            </Col>
            {demoEnabled && (
              <Col xs={24} md={10}>
                <DemoCard />
              </Col>
            )}
            <Col span={24} style={{ textAlign: 'center' }}>
              <Button type="link" onClick={() => setSigningIn(true)} data-testid="signin-toggle">
                {t('landing.haveAccount')}
              </Button>
            </Col>
          </Row>
        ) : (
          <Panel testId="signin-card" title={t('landing.signInTitle')}>
            <Typography.Paragraph type="secondary">{t('landing.signInIntro')}</Typography.Paragraph>
            <SignInForm demoEnabled={demoEnabled} />
            {signingIn && (
              <Button type="link" block onClick={() => setSigningIn(false)} data-testid="setup-toggle">
                {t('landing.backToSetup')}
              </Button>
            )}
          </Panel>
        )}
      </main>
      <footer style={{ textAlign: 'center', padding: space.lg }}>
        <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
          {t('landing.footer', { version, database: t(`landing.database_${database}`) })}
        </Typography.Text>
      </footer>
    </div>
  );
}

function DemoCard() {
  const { t } = useTranslation();
  const openDemo = useEnterDemo();
  return (
    <Panel testId="demo-card" title={<><ExperimentOutlined /> {t('landing.demoTitle')}</>} style={{ height: '100%', boxSizing: 'border-box' }}>
      <Typography.Paragraph type="secondary">{t('landing.demoIntro')}</Typography.Paragraph>
      <FormAlert error={openDemo.error} />
      <Button type="primary" ghost block size="large" loading={openDemo.isPending} onClick={() => openDemo.mutate()} data-testid="demo-open">
        {t('landing.demoButton')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: space.lg, fontSize: fontSize.caption }}>
        {t('landing.demoAccounts')}
      </Typography.Paragraph>
    </Panel>
  );
}
