import { Empty, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardTemplate } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import PersonSelect from '../../components/PersonSelect.tsx';
import { usePositions } from '../org/org-queries.ts';
import { space } from '../../theme.ts';
import type { OwnerKind, TargetsQuery } from './scorecards-api.ts';
import { useTargets } from './scorecards-queries.ts';
import TargetsGrid from './TargetsGrid.tsx';

type Props = { ws: string; template: ScorecardTemplate; readOnly: boolean };

/** The year grid of targets of a position or a person: a row per indicator, a column per period. */
export default function TargetsPanel({ ws, template, readOnly }: Props) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [ownerKind, setOwnerKind] = useState<OwnerKind>('position');
  const firstPosition = template.assignments.positions[0]?.id ?? null;
  const [positionId, setPositionId] = useState<string | null>(firstPosition);
  const [personId, setPersonId] = useState<string | null>(null);
  const positions = usePositions(ws);
  const ownerId = ownerKind === 'position' ? positionId : personId;
  const query: TargetsQuery | null = ownerId ? { year, ownerKind, ownerId } : null;
  const grid = useTargets(ws, template.id, query);
  const assigned = new Set(template.assignments.positions.map((p) => p.id));
  const positionOptions = [...(positions.data ?? [])]
    .sort((a, b) => Number(assigned.has(b.id)) - Number(assigned.has(a.id)))
    .map((p) => ({ value: p.id, label: p.name }));

  return (
    <div data-testid="targets">
      <Typography.Paragraph type="secondary">{t('scorecards.targetsIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: space.lg }}>
        <Select<number>
          value={year}
          onChange={setYear}
          options={Array.from({ length: 6 }, (_, i) => thisYear - 2 + i).map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 100 }}
          aria-label={t('scorecards.year')}
          data-testid="targets-year"
        />
        <Segmented<OwnerKind>
          value={ownerKind}
          onChange={setOwnerKind}
          options={(['position', 'person'] as const).map((k) => ({ value: k, label: t(`scorecards.ownerKind.${k}`) }))}
          data-testid="targets-owner-kind"
        />
        {ownerKind === 'position' ? (
          <Select<string>
            value={positionId ?? undefined}
            onChange={setPositionId}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('scorecards.pickPosition')}
            options={positionOptions}
            style={{ width: 220 }}
            aria-label={t('scorecards.pickPosition')}
            data-testid="targets-position"
          />
        ) : (
          <div style={{ width: 220 }}>
            <PersonSelect ws={ws} value={personId} onChange={setPersonId} placeholder={t('scorecards.pickPerson')} testId="targets-person" />
          </div>
        )}
      </Space>
      {!query ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecards.chooseOwnerFirst')} />
      ) : grid.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : grid.isError ? (
        <LoadError error={grid.error} onRetry={() => grid.refetch()} />
      ) : grid.data.indicators.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecards.noTargetIndicators')} />
      ) : (
        <TargetsGrid key={JSON.stringify(query)} ws={ws} templateId={template.id} query={query} grid={grid.data} readOnly={readOnly} />
      )}
    </div>
  );
}
