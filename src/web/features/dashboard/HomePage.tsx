import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import CompanySection from './CompanySection.tsx';
import GettingStarted from './GettingStarted.tsx';
import type { DashboardView } from './dashboard-api.ts';
import MemberSection from './MemberSection.tsx';
import TeamSection from './TeamSection.tsx';

/**
 * 首页: what the role gets — members their own goals and scorecard; managers also their team;
 * admins also the company. The open tab is in the URL (`?view=team`) so a view can be linked.
 */
export default function HomePage() {
  const { t } = useTranslation();
  const { slug: ws, summary } = useCurrentWorkspace();
  const can = useCan();
  // a solo seller (微商) owns the whole plan: the company view is theirs, without teams or appraisal
  const solo = summary?.kind === 'solo';
  const [params, setParams] = useSearchParams();
  // each view by the action that reads it: the company's (admins), the team's (admins and managers), one's own (everyone)
  const views: DashboardView[] = solo ? ['company'] : [...(can('dashboard.company') ? (['company'] as const) : []), ...(can('dashboard.team') ? (['team'] as const) : []), 'me'];
  const asked = params.get('view') as DashboardView | null;
  const view = asked && views.includes(asked) ? asked : views[0];
  const section = (v: DashboardView) => (v === 'me' ? <MemberSection ws={ws} canSetGoals={can('goals.write')} /> : v === 'team' ? <TeamSection ws={ws} /> : <CompanySection ws={ws} solo={solo} />);

  return (
    <div data-testid="home-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('dashboard.title')}
      </Typography.Title>
      {can('dashboard.company') && <GettingStarted ws={ws} solo={solo} />}
      {views.length === 1 ? (
        section(views[0])
      ) : (
        <Card size="small" styles={{ body: { paddingTop: 0 } }}>
          <Tabs
            activeKey={view}
            onChange={(key) => setParams(key === views[0] ? {} : { view: key }, { replace: true })}
            items={views.map((v) => ({ key: v, label: <span data-testid={`home-tab-${v}`}>{t(`dashboard.tabs.${v}`)}</span>, children: section(v) }))}
          />
        </Card>
      )}
    </div>
  );
}
