import { ApartmentOutlined, AuditOutlined, DatabaseOutlined, DashboardOutlined, FunctionOutlined, IdcardOutlined, ProfileOutlined, TeamOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../../contracts/common.ts';

type Props = { workspace: string | null; role: Role | null; onNavigate?: () => void };

/** The sider's navigation; members and the audit log are for admins only, datasets for admins and managers. */
export default function SideNav({ workspace, role, onNavigate }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const selected = pathname.startsWith('/account') ? 'account' : (pathname.split('/')[3] ?? 'org');
  const link = (key: string, to: string, label: string) => (
    <Link to={to} data-testid={`nav-${key}`} onClick={onNavigate}>
      {label}
    </Link>
  );
  const items: MenuProps['items'] = [];
  if (workspace) {
    const base = `/w/${workspace}`;
    items.push(
      { key: 'org', icon: <ApartmentOutlined />, label: link('org', `${base}/org`, t('nav.org')) },
      { key: 'positions', icon: <IdcardOutlined />, label: link('positions', `${base}/positions`, t('nav.positions')) },
      { key: 'indicators', icon: <FunctionOutlined />, label: link('indicators', `${base}/indicators`, t('nav.indicators')) },
    );
    if (role === 'admin' || role === 'manager') {
      items.push({ key: 'scorecards', icon: <ProfileOutlined />, label: link('scorecards', `${base}/scorecards`, t('nav.scorecards')) });
    }
    // everyone: members see their own results
    items.push({ key: 'cycles', icon: <TrophyOutlined />, label: link('cycles', `${base}/cycles`, t('nav.cycles')) });
    // data (domain.md §4): admins and managers see the datasets; everyone reads the data dictionary
    if (role === 'admin' || role === 'manager') {
      items.push({ key: 'datasets', icon: <DatabaseOutlined />, label: link('datasets', `${base}/datasets`, t('nav.datasets')) });
    }
    items.push({ key: 'metrics', icon: <DashboardOutlined />, label: link('metrics', `${base}/metrics`, t('nav.metrics')) });
    if (role === 'admin') {
      items.push(
        { key: 'members', icon: <TeamOutlined />, label: link('members', `${base}/members`, t('nav.members')) },
        { key: 'audit', icon: <AuditOutlined />, label: link('audit', `${base}/audit`, t('nav.audit')) },
      );
    }
    items.push({ type: 'divider' });
  }
  items.push({ key: 'account', icon: <UserOutlined />, label: link('account', '/account', t('nav.account')) });
  return (
    <nav aria-label={t('nav.menu')} data-testid="side-nav">
      <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );
}
