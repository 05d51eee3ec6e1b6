import { AimOutlined, ApartmentOutlined, AuditOutlined, DatabaseOutlined, DashboardOutlined, FunctionOutlined, HomeOutlined, IdcardOutlined, ProfileOutlined, TeamOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Action } from '../../../contracts/access.ts';

type Props = {
  workspace: string | null;
  /** What the viewer may do in `workspace` (its summary's `abilities`): the menus follow them. */
  abilities: readonly Action[];
  solo?: boolean;
  onNavigate?: () => void;
};

/**
 * The sider's navigation; each menu shows by the action its page needs (members: `members.manage`,
 * the audit log: `audit.read`, datasets: `datasets.read`, scorecards: `scorecards.read`). A solo workspace (a 微商 seller tracking their own goals) has no organisation to manage
 * and no appraisal: those menus are hidden.
 */
export default function SideNav({ workspace, abilities, solo = false, onNavigate }: Props) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const section = pathname.split('/')[3] ?? 'home';
  // a goal's page belongs to the plans section
  const selected = pathname.startsWith('/account') ? 'account' : section === 'goals' ? 'plans' : section;
  const link = (key: string, to: string, label: string) => (
    <Link to={to} data-testid={`nav-${key}`} onClick={onNavigate}>
      {label}
    </Link>
  );
  const can = (action: Action) => abilities.includes(action);
  const items: MenuProps['items'] = [];
  if (workspace) {
    const base = `/w/${workspace}`;
    // the home dashboard: each role sees its own view
    items.push({ key: 'home', icon: <HomeOutlined />, label: link('home', `${base}/home`, t('dashboard.nav')) });
    if (!solo) {
      items.push(
        { key: 'org', icon: <ApartmentOutlined />, label: link('org', `${base}/org`, t('nav.org')) },
        { key: 'positions', icon: <IdcardOutlined />, label: link('positions', `${base}/positions`, t('nav.positions')) },
      );
    }
    items.push(
      // everyone reads plans and goals (domain.md §1); writes are checked per action
      { key: 'plans', icon: <AimOutlined />, label: link('plans', `${base}/plans`, t('nav.goals')) },
      { key: 'indicators', icon: <FunctionOutlined />, label: link('indicators', `${base}/indicators`, t('nav.indicators')) },
    );
    if (!solo && can('scorecards.read')) {
      items.push({ key: 'scorecards', icon: <ProfileOutlined />, label: link('scorecards', `${base}/scorecards`, t('nav.scorecards')) });
    }
    // everyone: members see their own results
    if (!solo) items.push({ key: 'cycles', icon: <TrophyOutlined />, label: link('cycles', `${base}/cycles`, t('nav.cycles')) });
    // data (domain.md §4): admins and managers see the datasets; everyone reads the data dictionary
    if (can('datasets.read')) {
      items.push({ key: 'datasets', icon: <DatabaseOutlined />, label: link('datasets', `${base}/datasets`, t('nav.datasets')) });
    }
    items.push({ key: 'metrics', icon: <DashboardOutlined />, label: link('metrics', `${base}/metrics`, t('nav.metrics')) });
    if (can('members.manage')) items.push({ key: 'members', icon: <TeamOutlined />, label: link('members', `${base}/members`, t('nav.members')) });
    if (can('audit.read')) items.push({ key: 'audit', icon: <AuditOutlined />, label: link('audit', `${base}/audit`, t('nav.audit')) });
    items.push({ type: 'divider' });
  }
  items.push({ key: 'account', icon: <UserOutlined />, label: link('account', '/account', t('nav.account')) });
  return (
    <nav aria-label={t('nav.menu')} data-testid="side-nav">
      <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );
}
