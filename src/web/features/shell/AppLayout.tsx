import { MenuOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Grid, Layout, Result } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import type { Action } from '../../../contracts/access.ts';
import Brand from '../../components/Brand.tsx';
import LanguageSwitch from '../../components/LanguageSwitch.tsx';
import { border, space } from '../../theme.ts';
import { useMe } from '../auth/auth-queries.ts';
import { defaultWorkspace, rememberWorkspace } from '../auth/session.ts';
import SideNav from './SideNav.tsx';
import UserMenu from './UserMenu.tsx';
import WorkspaceSwitcher from './WorkspaceSwitcher.tsx';

const NO_ABILITIES: readonly Action[] = [];

/**
 * The signed-in frame: header (workspace switcher, language, user menu) and the
 * navigation — a sider on wide screens, a drawer behind a menu button on narrow ones.
 */
export default function AppLayout() {
  const { t } = useTranslation();
  const { ws } = useParams();
  const me = useMe().data;
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const current = me?.workspaces.find((w) => w.slug === ws) ?? null;
  const navWorkspace = current?.slug ?? (ws ? null : me ? defaultWorkspace(me) : null);
  const navSummary = me?.workspaces.find((w) => w.slug === navWorkspace) ?? null;

  useEffect(() => {
    if (current) rememberWorkspace(current.slug);
  }, [current]);
  if (!me) return null; // RequireAuth renders us only with a session

  const nav = <SideNav workspace={navWorkspace} abilities={navSummary?.abilities ?? NO_ABILITIES} solo={navSummary?.kind === 'solo'} onNavigate={() => setDrawerOpen(false)} />;
  return (
    <App>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: space.sm,
            borderBottom: `1px solid ${border.shell}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              data-testid="nav-drawer-toggle"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          {!narrow && (
            <Link to="/" aria-label={t('app.name')} style={{ display: 'inline-flex' }}>
              <Brand />
            </Link>
          )}
          <WorkspaceSwitcher
            workspaces={me.workspaces}
            current={current ?? me.workspaces.find((w) => w.slug === navWorkspace) ?? null}
            compact={narrow}
            canCreate={!me.user.isDemo}
          />
          <div style={{ flex: 1 }} />
          <LanguageSwitch size="small" compact={narrow} />
          <UserMenu me={me} compact={narrow} />
        </Layout.Header>
        <Layout>
          {!narrow && (
            <Layout.Sider width={216} style={{ borderInlineEnd: `1px solid ${border.shell}` }}>
              {nav}
            </Layout.Sider>
          )}
          <Layout.Content style={{ padding: narrow ? space.md : space.xl, minWidth: 0 }}>
            {ws && !current ? (
              <Result
                status="404"
                title={t('error.notFoundTitle')}
                subTitle={t('error.workspaceNotFound', { ws })}
                extra={
                  <Link to="/">
                    <Button type="primary">{t('error.home')}</Button>
                  </Link>
                }
              />
            ) : (
              <Outlet />
            )}
          </Layout.Content>
        </Layout>
        {narrow && (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={240}
            title={<Brand />}
            styles={{ body: { padding: 0 } }}
          >
            {nav}
          </Drawer>
        )}
      </Layout>
    </App>
  );
}
