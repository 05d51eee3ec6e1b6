import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, List, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import LoadError from '../../components/LoadError.tsx';
import type { Plan } from './goals-api.ts';
import { usePlanReport } from './goals-queries.ts';
import { LetterBadge, localized } from './labels.tsx';
import { space } from '../../theme.ts';

/** The plan's SMART report: its pitfalls (常见误区) on top, then each goal's failed letters, one line each. */
export default function SmartReport({ ws, plan, active }: { ws: string; plan: Plan; active: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const report = usePlanReport(ws, plan.id, active);
  if (report.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (report.isError) return <LoadError error={report.error} onRetry={() => report.refetch()} />;
  const r = report.data;
  const failing = r.goals.filter((g) => g.messages.length > 0);
  const statementOf = new Map(r.goals.map((g) => [g.key, g]));

  if (r.ok || (failing.length === 0 && r.pitfalls.length === 0)) {
    return <Result status="success" icon={<CheckCircleOutlined />} title={t('goals.report.allClear')} subTitle={t('goals.report.allClearHint', { count: r.goals.length })} data-testid="smart-report-ok" />;
  }
  return (
    <Space direction="vertical" size={space.lg} style={{ width: '100%' }} data-testid="smart-report">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('goals.report.summary', { failing: failing.length, total: r.goals.length, pitfalls: r.pitfalls.length })}
      </Typography.Paragraph>
      {r.pitfalls.map((p) => (
        <Alert
          key={p.pitfall}
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          title={t(`goals.pitfalls.${p.pitfall}`)}
          description={
            <>
              <div>{localized(p.message, lang)}</div>
              {p.goals.length > 0 && (
                <Space size={[space.xs, space.xs]} wrap style={{ marginTop: space.xs }}>
                  {p.goals.map((key) => {
                    const g = statementOf.get(key);
                    return <Tag key={key}>{g ? <Link to={`/w/${ws}/goals/${g.id}`}>{g.statement}</Link> : key}</Tag>;
                  })}
                </Space>
              )}
            </>
          }
          data-testid={`pitfall-${p.pitfall}`}
        />
      ))}
      {failing.map((g) => (
        <Card key={g.id} size="small" title={<Link to={`/w/${ws}/goals/${g.id}`}>{g.statement}</Link>} data-testid="report-goal" data-statement={g.statement}>
          <List
            size="small"
            split={false}
            dataSource={g.messages}
            renderItem={(m) => (
              <List.Item style={{ paddingInline: 0 }} data-testid={`report-${m.letter}`}>
                <Space align="start">
                  <LetterBadge letter={m.letter} />
                  <span>{localized(m.message, lang)}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}
