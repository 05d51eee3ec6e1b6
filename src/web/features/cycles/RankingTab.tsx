import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Col, Row, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle, Ranking } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import UnitTreeSelect from '../../components/UnitTreeSelect.tsx';
import { space } from '../../theme.ts';
import { useUnits } from '../org/org-queries.ts';
import { useExportResults, useRanking } from './cycles-queries.ts';
import ForcedDistributionCard from './ForcedDistributionCard.tsx';
import GradeDistributionCard from './GradeDistributionCard.tsx';
import RankingTable from './RankingTable.tsx';

/** 排名与校准: the ranking by the total that counts, the grade distribution against the forced-distribution limits, the export. */
export default function RankingTab({ ws, cycle }: { ws: string; cycle: Cycle }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const units = useUnits(ws);
  const [unitId, setUnitId] = useState<string | null>(null);
  const ranking = useRanking(ws, cycle.id, unitId ?? undefined);
  const exporting = useExportResults(ws, cycle.id);
  const exportNow = () => exporting.mutate(unitId ?? undefined, { onError: (e) => void message.error(errorMessage(e), 6) });

  return (
    <div data-testid="ranking-tab">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.sm, justifyContent: 'space-between', marginBottom: space.lg }}>
        <div style={{ width: 240 }}>
          <UnitTreeSelect units={units.data ?? []} value={unitId} onChange={setUnitId} placeholder={t('cycles.allUnits')} testId="ranking-unit-filter" />
        </div>
        <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={exportNow} data-testid="ranking-export">
          {t('cycles.ranking.export')}
        </Button>
      </div>
      {ranking.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : ranking.isError ? (
        <LoadError error={ranking.error} onRetry={() => ranking.refetch()} />
      ) : (
        <RankingBody ws={ws} cycle={cycle} data={ranking.data} loading={ranking.isFetching} />
      )}
    </div>
  );
}

function RankingBody({ ws, cycle, data, loading }: { ws: string; cycle: Cycle; data: Ranking; loading: boolean }) {
  const violators = new Set(data.forcedDistribution.violations.flatMap((v) => v.members));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <GradeDistributionCard data={data} />
        </Col>
        <Col xs={24} lg={12}>
          <ForcedDistributionCard cycle={cycle} forced={data.forcedDistribution} />
        </Col>
      </Row>
      <RankingTable ws={ws} cycleId={cycle.id} items={data.items} violators={violators} loading={loading} />
    </Space>
  );
}
