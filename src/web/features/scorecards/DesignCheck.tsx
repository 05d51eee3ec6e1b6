import { CheckCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fontSize, space } from '../../theme.ts';
import { type CardDraft, weightSum } from './card-draft.ts';
import { bySeverity, type LocatedIssue } from './issues.ts';
import { formatWeight } from './labels.ts';

type Props = { draft: CardDraft; issues: LocatedIssue[]; checking: boolean; wide: boolean; onShow: (issue: LocatedIssue) => void };

/** The live design check: the weight total and every issue of the card, errors first; an indicator's issue opens its row. */
export default function DesignCheck({ draft, issues, checking, wide, onShow }: Props) {
  const { t } = useTranslation();
  const sum = weightSum(draft);
  const sumOk = draft.indicators.length > 0 && Math.abs(sum - 100) < 1e-9;
  const cardIssues = bySeverity(issues);
  const errors = cardIssues.filter((i) => i.severity === 'error').length;
  return (
    <Card size="small" title={t('scorecards.designTitle')} data-testid="design-check" style={wide ? { position: 'sticky', top: 80 } : { marginBottom: space.lg }}>
      <Space style={{ marginBottom: space.sm }} wrap>
        <Tag color={sumOk ? 'success' : 'warning'} data-testid="weight-sum" data-sum={sum} style={{ fontSize: fontSize.body, padding: '2px 8px' }}>
          {t('scorecards.weightTotal', { sum: formatWeight(sum) })}
        </Tag>
        {checking && (
          <Typography.Text type="secondary" data-testid="check-busy">
            <LoadingOutlined /> {t('scorecards.checking')}
          </Typography.Text>
        )}
      </Space>
      {draft.indicators.length === 0 ? (
        <Typography.Text type="secondary">{t('scorecards.indicatorsEmpty')}</Typography.Text>
      ) : cardIssues.length === 0 ? (
        <Typography.Text type="success" data-testid="check-ok">
          <CheckCircleOutlined /> {t('scorecards.checkOk')}
        </Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%', ...(wide ? {} : { maxHeight: 280, overflowY: 'auto' }) }} size={space.sm} data-testid="design-issues">
          {errors > 0 && <Typography.Text type="danger">{t('scorecards.errorsBlockSave', { count: errors })}</Typography.Text>}
          {cardIssues.map((issue, n) => (
            <Alert
              key={n}
              type={issue.severity === 'error' ? 'error' : issue.severity === 'warning' ? 'warning' : 'info'}
              showIcon
              data-testid="design-issue"
              data-severity={issue.severity}
              data-code={issue.code}
              title={<span style={{ fontSize: fontSize.small }}>{issue.message}</span>}
              onClick={() => onShow(issue)}
              style={{ cursor: issue.path[0] === 'indicators' && typeof issue.path[1] === 'number' ? 'pointer' : undefined, padding: '6px 10px' }}
            />
          ))}
        </Space>
      )}
    </Card>
  );
}
