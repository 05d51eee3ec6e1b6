import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompanyDashboard } from './dashboard-queries.ts';
import { space } from '../../theme.ts';

/**
 * For an administrator whose workspace has no goals yet: the way from an empty workspace to a
 * dashboard worth opening — the organisation (not for a solo seller), the indicators, a plan.
 */
export default function GettingStarted({ ws, solo }: { ws: string; solo: boolean }) {
  const { t } = useTranslation();
  const company = useCompanyDashboard(ws);
  const goals = company.data?.levels.reduce((n, l) => n + l.total, 0);
  if (goals !== 0) return null;
  const step = (key: 'org' | 'indicators' | 'plans', to: string) => ({
    title: <Link to={`/w/${ws}/${to}`} data-testid={`start-${key}`}>{t(`dashboard.start.${key}`)}</Link>,
    content: t(`dashboard.start.${key}Hint`),
  });
  const steps = [...(solo ? [] : [step('org', 'org')]), step('indicators', 'indicators'), step('plans', 'plans')];
  return (
    <Card size="small" title={t('dashboard.start.title')} style={{ marginBottom: space.lg }} data-testid="getting-started">
      <Steps orientation="vertical" size="small" current={-1} items={steps} />
    </Card>
  );
}
