import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Cycle } from '../../api.ts';
import { space } from '../../theme.ts';
import { useCan } from '../auth/session.ts';
import ActualsGrid from './ActualsGrid.tsx';
import AppealsTab from './AppealsTab.tsx';
import ParticipantsTab from './ParticipantsTab.tsx';
import RankingTab from './RankingTab.tsx';

type TabKey = 'participants' | 'actuals' | 'ranking' | 'appeals';

/** The cycle's tabs that its state and the viewer allow; the open one is kept in the address (`?tab=`). */
export default function CycleTabs({ ws, cycle }: { ws: string; cycle: Cycle }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // the participants' data (actuals, ranking): `metrics.diff`, for those who see the participants
  const manages = useCan()('metrics.diff');
  const tabs: { key: TabKey; label: string; show: boolean }[] = [
    { key: 'participants', label: t('cycles.tabs.participants'), show: true },
    { key: 'actuals', label: t('cycles.tabs.actuals'), show: manages && cycle.state === 'open' },
    { key: 'ranking', label: t('cycles.tabs.ranking'), show: manages && cycle.state !== 'draft' },
    { key: 'appeals', label: t('cycles.tabs.appeals'), show: cycle.state === 'calibrating' || cycle.state === 'closed' },
  ];
  const visible = tabs.filter((x) => x.show);
  const asked = params.get('tab') as TabKey | null;
  const tab = visible.some((x) => x.key === asked) ? asked! : 'participants';

  return (
    <Card styles={{ body: { paddingTop: space.sm } }}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'participants' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={visible.map((x) => ({
          key: x.key,
          label: <span data-testid={`cycle-tab-${x.key}`}>{x.label}</span>,
          children:
            x.key === 'participants' ? (
              <ParticipantsTab ws={ws} cycle={cycle} />
            ) : x.key === 'actuals' ? (
              <ActualsGrid ws={ws} cycle={cycle} />
            ) : x.key === 'ranking' ? (
              <RankingTab ws={ws} cycle={cycle} />
            ) : (
              <AppealsTab ws={ws} cycle={cycle} />
            ),
        }))}
      />
    </Card>
  );
}
