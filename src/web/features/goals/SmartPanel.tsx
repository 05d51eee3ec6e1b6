import { Card, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ambition } from '../../../core/goals/types.ts';
import { space } from '../../theme.ts';
import type { SmartMessage } from './goals-api.ts';
import { SmartChecklist, SmartHints } from './SmartHints.tsx';
import SuggestionCard from './SuggestionCard.tsx';
import type { useSmartCheck } from './use-smart-check.ts';

type Props = {
  smart: ReturnType<typeof useSmartCheck>;
  /** The messages about no field of the form: shown here, as no field shows them. */
  elsewhere: SmartMessage[];
  ambition: Ambition;
  onAmbition: (a: Ambition) => void;
  /** Takes the suggested target into the form. */
  onUse: (target: number) => void;
  unit: string;
  indicatorId: string | null | undefined;
  target: number | null | undefined;
};

/** Beside the goal form as it is typed: the SMART check at a glance, and a target suggested from the owner's history once an indicator is chosen. */
export default function SmartPanel({ smart, elsewhere, ambition, onAmbition, onUse, unit, indicatorId, target }: Props) {
  const { t } = useTranslation();
  const messages = smart.data?.messages ?? [];
  return (
    <Space direction="vertical" size={space.md} style={{ width: '100%', position: 'sticky', top: 0 }}>
      <Card size="small" title={<Space>{t('goals.smart.title')}{smart.settling && <Spin size="small" />}</Space>} data-testid="smart-panel" data-state={smart.settling ? 'checking' : 'done'}>
        <SmartChecklist messages={messages} checking={smart.settling} />
        {elsewhere.length > 0 && <SmartHints messages={elsewhere} />}
        {messages.length === 0 && !smart.isPending && (
          <Typography.Paragraph type="success" style={{ margin: '8px 0 0' }} data-testid="smart-ok">
            {t('goals.smart.allGood')}
          </Typography.Paragraph>
        )}
        {smart.isError && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('goals.smart.failed')}</Typography.Paragraph>}
      </Card>
      {smart.data && indicatorId && <SuggestionCard result={smart.data} ambition={ambition} onAmbition={onAmbition} onUse={onUse} unit={unit} target={target} />}
    </Space>
  );
}
