import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cycle, Ranking } from '../../api.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { space } from '../../theme.ts';
import { fmtShare } from './labels.tsx';

/** The forced distribution's limits and whether the grades keep them, with each violation. */
export default function ForcedDistributionCard({ cycle, forced }: { cycle: Cycle; forced: Ranking['forcedDistribution'] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { violations, limits, ok } = forced;
  // while results are still being entered the check is an early look, not a finding
  const preliminary = cycle.state === 'open' || cycle.state === 'draft';
  return (
    <Card size="small" title={t('cycles.ranking.forced')} data-testid="forced-distribution">
      {limits.length === 0 ? (
        <Typography.Text type="secondary">{t('cycles.ranking.noLimits')}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {limits
              .map((l) => `${l.grade}${l.maxShare !== undefined ? ` ≤ ${fmtShare(l.maxShare)}` : ''}${l.minShare !== undefined ? ` ≥ ${fmtShare(l.minShare)}` : ''}`)
              .join(t('common.listSeparator'))}
          </Typography.Text>
          {ok ? (
            <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('cycles.ranking.ok')} data-testid="forced-ok" />
          ) : (
            <Alert
              type={preliminary ? 'warning' : 'error'}
              showIcon
              icon={<WarningOutlined />}
              data-testid="forced-violations"
              title={t('cycles.ranking.violations', { count: violations.length })}
              description={
                <>
                  <ul style={{ margin: 0, paddingInlineStart: space.lg }}>
                    {violations.map((v, i) => (
                      <li key={i} data-testid="forced-violation" data-grade={v.grade}>
                        {v.message[lang]}
                      </li>
                    ))}
                  </ul>
                  {preliminary ? <Typography.Text type="secondary">{t('cycles.ranking.preliminary')}</Typography.Text> : null}
                </>
              }
            />
          )}
        </Space>
      )}
    </Card>
  );
}
