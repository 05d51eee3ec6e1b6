import { AutoComplete, Col, Input, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../components/use-debounced.ts';
import { INDICATOR_SOURCE_KINDS } from '../../../core/scoring/provenance.ts';
import { useCurrentWorkspace } from '../auth/session.ts';
import { usePositions } from '../org/org-queries.ts';
import type { DetailsPartProps } from './details-part.ts';
import Field from './Field.tsx';
import { issuesAt } from './issues.ts';
import { usePeopleSearch } from './scorecards-queries.ts';

/** Names to offer for the data owner: the workspace's positions, or the people matching what is typed. */
function useOwnerNames(kind: 'position' | 'person', typed: string): string[] {
  const { slug: ws } = useCurrentWorkspace();
  const positions = usePositions(ws);
  const q = useDebounced(typed.trim(), 250);
  const people = usePeopleSearch(ws, q, kind === 'person');
  const names = kind === 'position' ? (positions.data ?? []).map((p) => p.name) : (people.data?.items ?? []).map((p) => p.name);
  const needle = typed.trim().toLowerCase();
  return [...new Set(names)].filter((n) => kind === 'person' || !needle || n.toLowerCase().includes(needle));
}

/**
 * Where the indicator comes from (出处: a goal source kind and which one) and who supplies its
 * actual (a position or a person, typed or picked by name). A built-in indicator arrives with
 * its suggested source kind, marked until the author touches it.
 */
export default function ProvenanceFields({ d, issues, at, onChange }: DetailsPartProps) {
  const { t } = useTranslation();
  const ownerNames = useOwnerNames(d.ownerKind, d.ownerName);
  const referencePath = at('source', 'reference');
  const kindIssues = issues.filter((i) => !issuesAt([i], referencePath).length);
  return (
    <Row gutter={16} data-testid="indicator-provenance">
      <Col xs={24} md={6}>
        <Field label={t('scorecards.indicatorSource')} issues={kindIssues} path={at('source')} extra={d.sourceSuggested ? t('scorecards.suggestedSource') : undefined}>
          <Select
            value={d.sourceKind ?? undefined}
            allowClear
            placeholder={t('scorecards.indicatorSourcePlaceholder')}
            onChange={(kind) => onChange({ sourceKind: kind ?? null, sourceSuggested: false })}
            options={INDICATOR_SOURCE_KINDS.map((kind) => ({ value: kind, label: t(`goals.source.${kind}`) }))}
            popupMatchSelectWidth={false}
            data-testid="indicator-source-kind"
          />
        </Field>
      </Col>
      <Col xs={24} md={8}>
        <Field label={t('scorecards.sourceReference')} issues={issues} path={referencePath}>
          <Input
            value={d.sourceReference}
            maxLength={500}
            placeholder={t('scorecards.sourceReferencePlaceholder')}
            onChange={(e) => onChange({ sourceReference: e.target.value, sourceSuggested: false })}
            data-testid="indicator-source-reference"
          />
        </Field>
      </Col>
      <Col xs={24} md={10}>
        <Field label={t('scorecards.dataOwner')} issues={issues} path={at('dataOwner')} extra={<Typography.Text type="secondary">{t('scorecards.dataOwnerHelp')}</Typography.Text>}>
          <Space.Compact style={{ width: '100%' }}>
            <Select
              value={d.ownerKind}
              onChange={(ownerKind) => onChange({ ownerKind })}
              options={(['position', 'person'] as const).map((kind) => ({ value: kind, label: t(`scorecards.ownerKinds.${kind}`) }))}
              style={{ width: 96 }}
              data-testid="indicator-owner-kind"
            />
            <AutoComplete
              value={d.ownerName}
              maxLength={200}
              options={ownerNames.map((name) => ({ value: name }))}
              placeholder={t(d.ownerKind === 'position' ? 'scorecards.dataOwnerPlaceholder' : 'scorecards.dataOwnerPersonPlaceholder')}
              onChange={(ownerName: string) => onChange({ ownerName })}
              style={{ flex: 1 }}
              data-testid="indicator-owner-name"
            />
          </Space.Compact>
        </Field>
      </Col>
    </Row>
  );
}
